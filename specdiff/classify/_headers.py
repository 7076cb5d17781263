"""A table's header row, compared as data: the names of its columns.

The header is no clause of its own (each row carries it, so that a row reads on its own),
yet it is text readers see change: a column renamed (`undefined` → `empty`), added or
removed, or a whole table gone with its header. A table is found from its rows: the rows of
one table stand on consecutive lines under the same header, and the header is the line two
above the first row (a header row, then its delimiter row, then the body).

Tables of the two versions are paired by their rows: a table's partner is the table most of
its paired rows went to (in either direction), so a header is compared with the header of
the table its rows now stand in, wherever that is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.document import ClauseKind
from ..parse import plain_text
from ._data import required_change
from ._wording import typography

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model.document import Clause, Spec


@dataclass(frozen=True, slots=True)
class Table:
    """One table of a spec: where its header stands and which clauses are its rows."""

    section: str
    header: tuple[str, ...]
    line: int
    """The header row's line (the delimiter row is the next one, then the first row)."""
    rows: tuple[int, ...]
    """Clause indices of its body rows, in order."""

    @property
    def text(self) -> str:
        """The header row as the rows' text is written: cells joined by `` | ``."""
        return " | ".join(self.header)


def tables_of(spec: Spec) -> tuple[Table, ...]:
    """Every table of ``spec`` that has at least one body row, in document order."""
    found: list[Table] = []
    rows: list[Clause] = []

    def close() -> None:
        if rows:
            first = rows[0]
            line = max(1, first.span.start - 2)
            found.append(Table(first.section, first.header, line, tuple(r.index for r in rows)))
            rows.clear()

    for clause in spec.clauses:
        if clause.kind is not ClauseKind.TABLE_ROW:
            continue
        last = rows[-1] if rows else None
        if last is not None and not (
            clause.header == last.header
            and clause.section == last.section
            and clause.span.start == last.span.end + 1
        ):
            close()
        rows.append(clause)
    close()
    return tuple(found)


def paired_tables(
    old: tuple[Table, ...], new: tuple[Table, ...], pairs: Iterable[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """(old table, new table) positions that hold the same rows: each table with the table
    most of its paired rows went to (the first such table on a tie), in either direction."""
    old_of = {row: k for k, table in enumerate(old) for row in table.rows}
    new_of = {row: k for k, table in enumerate(new) for row in table.rows}
    shared: Counter[tuple[int, int]] = Counter(
        (old_of[o], new_of[n]) for o, n in pairs if o in old_of and n in new_of
    )
    best_new: dict[int, tuple[int, int]] = {}
    best_old: dict[int, tuple[int, int]] = {}
    for (o, n), count in sorted(shared.items()):
        if o not in best_new or count > best_new[o][1]:
            best_new[o] = (n, count)
        if n not in best_old or count > best_old[n][1]:
            best_old[n] = (o, count)
    chosen = {(o, n) for o, (n, _) in best_new.items()} | {(o, n) for n, (o, _) in best_old.items()}
    return tuple(sorted(chosen))


def column_details(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    """``column “undefined” → “empty”``, ``column “Required” added`` ...: how the columns
    named by a header changed. A column whose name is in both headers is the same column
    (perhaps in another place); the others are renamed one for one, in order, when as many
    went as came, else removed and added."""
    before, after = [_name(c) for c in old], [_name(c) for c in new]
    kept = {c.casefold() for c in before} & {c.casefold() for c in after}
    gone = [c for c in before if c.casefold() not in kept]
    fresh = [c for c in after if c.casefold() not in kept]
    if len(gone) == len(fresh):
        details = [f"column “{a}” → “{b}”" for a, b in zip(gone, fresh, strict=True)]
    else:
        details = [f"column “{c}” removed" for c in gone] + [f"column “{c}” added" for c in fresh]
    order_before = [c.casefold() for c in before if c.casefold() in kept]
    order_after = [c.casefold() for c in after if c.casefold() in kept]
    if order_before != order_after:
        details.append("columns in another order")
    return tuple(details)


def header_tags(
    old: Table, new: Table, old_rows: Iterable[Clause], new_rows: Iterable[Clause]
) -> tuple[str, ...]:
    """What a changed header means. Columns renamed only in markup, typography or case are
    editorial; any other renamed, added or removed column changes what the table says
    (its cells are now read as something else, or no longer at all). A column whose name
    makes its cells a requirement (``Required``) turns the rows it now heads into
    requirements, or stops doing so: read on the rows whose own text did not change (the
    others say it in their own records)."""
    tags = []
    for before, after in zip(old_rows, new_rows, strict=True):
        if before.fingerprint == after.fingerprint:
            tag = required_change(before, after)
            if tag is not None and tag not in tags:
                tags.append(tag)
    if [_said(c) for c in old.header] == [_said(c) for c in new.header]:
        return (*tags, "editorial")
    return (*tags, "wording.substantive")


def _said(cell: str) -> str:
    """A column's name as read: markup, link targets, typography and case aside; its
    punctuation kept (``OAS 3.1`` → ``OAS >= 3.1`` names other versions)."""
    return " ".join(typography(plain_text(cell)).casefold().split())


def _name(cell: str) -> str:
    return " ".join(plain_text(cell).split()) or "(empty)"
