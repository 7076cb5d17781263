"""Rules a clause restates rather than changes: said once in the place it links to, or
the permission a field row gave, now said as a sentence.

An object's table row "^x- | Any | Allows extensions ... The field name MUST begin with
`x-` ... See [Extensions](#extensions)" may become the sentence "This object MAY be
extended with [Extensions](#extensions)." The row's MUST is not gone: the section the new
sentence sends readers to states it, word for word. And the MAY is no new rule: a row of
a field table is the spec's leave for documents to hold that field; the sentence says the
same leave in words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.document import ClauseKind, Force
from ..parse import names_fields
from ..parse.statements import words_of

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ..model.changes import StatementChange
    from ..model.document import Clause, Spec
    from . import Classification

#: A rule stated at a linked place this alike (words, in order) is the same rule.
SAME_RULE = 0.9


def rules_at(spec: Spec, target: str, anchored: Mapping[str, list[int]]) -> list[str]:
    """The sentences of the rules stated where ``target`` leads: in the section of that
    id (its own text: a link to a chapter does not state every rule of the chapter, and
    reading only its own text keeps this linear), or in the clauses that define it as an
    anchor (``anchored``: the clauses defining each anchor, see :func:`anchored_clauses`)."""
    found: list[str] = []
    section = spec.get_section(target)
    if section is not None:
        for index in section.clauses:
            found += [words_of(s.sentence) for s in spec.clauses[index].statements]
    else:
        for index in anchored.get(target, ()):
            found += [words_of(s.sentence) for s in spec.clauses[index].statements]
    return found


def anchored_clauses(spec: Spec) -> dict[str, list[int]]:
    """The clauses that define each anchor, by anchor."""
    found: dict[str, list[int]] = {}
    for clause in spec.clauses:
        for anchor in clause.anchors:
            found.setdefault(anchor, []).append(clause.index)
    return found


def is_field_row(clause: Clause) -> bool:
    """Whether a clause is a row of a table of fields ("Field Name", "Field Pattern"): a
    row that lets documents hold the field it names."""
    return clause.kind is ClauseKind.TABLE_ROW and names_fields(clause.header)


def without_restated(
    found: Classification,
    before: Clause,
    after: Clause,
    rules_linked: Callable[[str, bool], list[str]],
) -> Classification:
    """``found`` without the statement changes that restate a rule (module docstring),
    either way round: a rule of ``before`` gone from ``after`` that a place ``after``
    links to states (``rules_linked(target, new)`` gives the rule sentences at a link
    target of the new version, or of the old), or a rule ``after`` gained that a place
    ``before`` linked to stated; and a permission said in words where a field row stood
    (or the row where the words stood). Nothing left: the clause says again what it said."""
    if not any(c.tag in ("normative.removed", "normative.added") for c in found.statements):
        return found
    stated = {
        "normative.removed": _rules_at_links(after, rules_linked, new=True),
        "normative.added": _rules_at_links(before, rules_linked, new=False),
    }
    row_leave = {
        "normative.added": _permissions(after) if _row_said_in_words(before, after) else set(),
        "normative.removed": _permissions(before) if _row_said_in_words(after, before) else set(),
    }
    kept: list[StatementChange] = []
    for change in found.statements:
        if change.tag in stated and (
            change.sentence in row_leave[change.tag]
            or _stated_among(change.sentence, stated[change.tag])
        ):
            continue
        kept.append(change)
    if len(kept) == len(found.statements):
        return found
    if not kept:
        return replace(found, tags=("restated",), statements=())
    tags = [t for t in found.tags if not t.startswith("normative.")]
    tags += [c.tag for c in kept]
    return replace(found, tags=tuple(dict.fromkeys(tags)), statements=tuple(kept))


def _rules_at_links(
    clause: Clause, rules_linked: Callable[[str, bool], list[str]], *, new: bool
) -> list[str]:
    return [rule for target in dict.fromkeys(clause.links) for rule in rules_linked(target, new)]


def _row_said_in_words(row: Clause, words: Clause) -> bool:
    return is_field_row(row) and not is_field_row(words)


def _permissions(clause: Clause) -> set[str]:
    return {s.sentence for s in clause.statements if s.kind is Force.PERMISSION}


def stated_where_linked(
    clause: Clause, rules_linked: Callable[[str, bool], list[str]], *, new: bool
) -> bool:
    """Whether every rule of a clause that went is stated, as written, where the clause
    linked to, in the new version: the rule is still the spec's, said once there ("The
    field name MUST begin with `x-`" of an object's extension row, said in the section
    on extensions the row sent readers to). ``new``: the clause is an old one that went
    (its links read in the new version); else a new one that came (read in the old)."""
    if not clause.statements or not clause.links:
        return False
    linked = _rules_at_links(clause, rules_linked, new=new)
    return bool(linked) and all(_stated_among(s.sentence, linked) for s in clause.statements)


def _stated_among(sentence: str, rules: list[str]) -> bool:
    words = words_of(sentence)
    return any(
        rule == words or Indel.normalized_similarity(rule, words) >= SAME_RULE for rule in rules
    )
