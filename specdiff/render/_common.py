"""Helpers shared by the report renderers: grouping, labels, counts in words."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.vocabulary import ChangeKind, Level, Scope

if TYPE_CHECKING:
    from ..model.changes import Change, Report

SEVERITY_ORDER = (Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE)

_KIND_WORDS = {
    ("document", "added"): "document added",
    ("document", "removed"): "document removed",
    ("document", "renamed"): "document renamed",
    ("section", "added"): "section added",
    ("section", "removed"): "section removed",
    ("section", "renamed"): "section renamed",
    ("section", "reidentified"): "anchor changed",
    ("section", "moved"): "section moved",
    ("section", "attributes"): "attributes changed",
    ("section", "merged"): "section merged",
    ("section", "split"): "section split",
    ("clause", "added"): "added",
    ("clause", "removed"): "removed",
    ("clause", "modified"): "modified",
    ("clause", "moved"): "moved",
}


def kind_label(change: Change) -> str:
    label = _KIND_WORDS[(str(change.scope), str(change.kind))]
    if change.kind is ChangeKind.MOVED and "modified" in change.tags:
        label += " and edited"
    return label


@dataclass(frozen=True, slots=True)
class SectionGroup:
    """The changes of one section, in document order."""

    section_id: str
    title: str
    changes: tuple[Change, ...]
    document: str | None = None
    """For a spec made of many files: the document the section is in (None for one file)."""

    @property
    def severity(self) -> Level:
        return max(c.severity for c in self.changes)


def group_by_section(report: Report) -> list[SectionGroup]:
    """Changes grouped by the section they happen in (new id, else old id), in order.

    For a spec made of many files, by document first: changes arrive in reading order, so
    each document's groups are together, the document's own record first."""
    # A key's third part sets apart a section that is gone whose id another section now
    # holds (a field that took back the slug of a glossary entry removed above it).
    order: list[tuple[str | None, str, bool]] = []
    groups: dict[tuple[str | None, str, bool], list[Change]] = {}
    titles: dict[tuple[str | None, str, bool], str] = {}
    new_ids = dict(report.new_ids)
    taken = set(new_ids.values())
    for change in report.changes:
        document = change.document if change.document is not None else change.old_document
        if change.scope is Scope.DOCUMENT:
            key: tuple[str | None, str, bool] = (document, "", False)
            side = change.new or change.old
            titles.setdefault(key, side.title if side and side.title else document or "")
        elif change.section is not None:
            key = (document, change.section, False)
        elif change.old_section in new_ids:  # a clause gone from a section found again
            key = (document, new_ids[change.old_section], False)
        else:  # a section that is gone: titled as its own file had it
            gone = change.old_section or ""
            # Its old id may name another section on the new side (ids such as
            # "fixed-fields-10" are positional): then it is a group of its own.
            key = (document, gone, gone in taken or report.named_apart(gone, change.old_document))
            if key[1]:  # titled as the old side had it, under its parent if others share it
                titles.setdefault(key, report.display_title(gone, change.old_document, old=True))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(change)
    return [
        SectionGroup(
            key[1],
            titles.get(key)
            or (report.display_title(key[1], key[0]) if key[1] else "Before the first heading"),
            tuple(groups[key]),
            key[0],
        )
        for key in order
    ]


def document_headings(groups: list[SectionGroup]) -> list[str | None]:
    """For each group, the document to announce before it (None: same as the last one)."""
    shown: list[str | None] = []
    last: str | None = None
    for group in groups:
        shown.append(
            group.document if group.document is not None and group.document != last else None
        )
        last = group.document if group.document is not None else last
    return shown


def severity_counts(report: Report) -> list[tuple[Level, int]]:
    counts = Counter(c.severity for c in report.changes)
    return [(level, counts[level]) for level in SEVERITY_ORDER if counts[level]]


def counts_in_words(report: Report) -> str:
    """E.g. ``"3 sections added, 12 clauses modified, 2 moved"``."""
    if not report.changes:
        return "no changes"
    parts = []
    for name, count in report.counts.items():
        scope, kind = name.split(".")
        noun = (scope if scope in (Scope.SECTION, Scope.DOCUMENT) else "clause") + (
            "s" if count != 1 else ""
        )
        anchors = "anchor changed" if count == 1 else "anchors changed"
        words = anchors if kind == "reidentified" else f"{noun} {kind}"
        if kind == "attributes":
            words = f"{noun} with changed attributes"
        parts.append(f"{count} {words}")
    return ", ".join(parts)


def counted(count: int, one: str, many: str | None = None) -> str:
    """``1 change``, ``2 changes``: a number with its noun in the right number."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def excerpt(text: str, limit: int = 160) -> str:
    """The start of ``text`` on one line, cut at a word boundary."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit] + " …"
