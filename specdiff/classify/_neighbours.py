"""Rules read across neighbouring clauses: a paragraph split into a lead-in and (nested)
list items, list items merged into a paragraph, a rule moved from a paragraph into the
next list item.

Each clause pair is first read on its own; where a clause was added or removed next to
an edited one, or that reading leaves a rule without a partner in its clause, the run of
changed clauses around it is read again as one text
(:func:`~._statements.compare_across`): a rule pairs with the statement that governs the
same thing wherever it now stands, and a clause whose words only moved to or from its
neighbours is regrouped (``restructured``), not added, removed or rewritten. Runs stay
inside one pair of sections and are made of changed clauses at most :data:`WINDOW`
places apart: nothing here compares a clause with the whole document.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.document import ClauseKind
from ..parse.statements import words_of
from ._lead_ins import read_under_lead_in
from ._statements import (
    compare_across,
    content_words,
    left_unpaired,
    stemmed_words,
    summed,
    words_moved_within,
)
from ._terms import NO_TERMS, Terms

if TYPE_CHECKING:
    from ..align import Alignment
    from ..model.changes import StatementChange
    from ..model.document import Clause, Spec

#: Changed clauses this many places apart (in the new section) still form one run.
WINDOW = 2
#: ... and this many when one of them lost a rule and the other gained one (a sentence moved
#: past an example between them).
RULE_REACH = WINDOW + 1
#: A run of more changed clauses than this (on either side) is left to the clause-level
#: reading: it is a rewrite, not a paragraph regrouped.
MAX_RUN = 24
#: Fewer content words than this moving between clauses are no piece of text regrouped
#: (an example's "." or a letter).
MIN_MOVED = 3
#: The share of a regrouped piece's words that another clause of the run let go of (the
#: rest may be words the run holds anyway: "characters" said twice).
FROM_LET_GO = 2 / 3
#: Words that join a piece of text to its sentence (a condition's "if", a branch's
#: "otherwise", "with"/"without") rather than say what it is about: every paragraph of a
#: run holds them, so they do not make a new step ("If the token is stale:") a piece of
#: text regrouped from its neighbours ("unles": the stem of "unless").
_JOINING_WORDS = frozenset(
    {
        "if",
        "when",
        "whenever",
        "unless",
        "unles",
        "otherwise",
        "else",
        "whether",
        "while",
        "with",
        "without",
        "into",
        "onto",
        "upon",
        "via",
    }
)
#: Prose may change form between paragraph, list item and block quote; code, tables,
#: examples and commentary keep theirs.
_PROSE = frozenset((ClauseKind.PARAGRAPH, ClauseKind.LIST_ITEM, ClauseKind.BLOCKQUOTE))


@dataclass(frozen=True, slots=True)
class _Member:
    """A changed clause of a run: on the old side or the new one."""

    position: float
    """Where it stands in the new section (an old clause: where its text went)."""
    new_side: bool
    index: int
    seed: bool
    """Added or removed, or its edit left a rule without a partner in the clause: a
    reason to read its neighbours with it. Other edited clauses only join a run that
    such a clause starts nearby."""
    loses: bool = False
    """Old side: it states a rule its partner does not (or it was removed)."""
    gains: bool = False
    """New side: it states a rule its partner did not (or it was added)."""


@dataclass
class NeighbourReading:
    """The rules of clauses read with their neighbours, by clause index on each side."""

    old_changes: dict[int, tuple[StatementChange, ...]] = field(default_factory=dict)
    """For each old clause of a run: the rules removed from it."""
    new_changes: dict[int, tuple[StatementChange, ...]] = field(default_factory=dict)
    """For each new clause of a run: what changed in the rules it states."""
    old_restructured: set[int] = field(default_factory=set)
    new_restructured: set[int] = field(default_factory=set)
    """Clauses of a run whose words only moved to or from their neighbours."""

    def statements(
        self, before: Clause | None, after: Clause | None
    ) -> tuple[StatementChange, ...] | None:
        """The rule changes of a paired, added (``before`` None) or removed clause as read
        with its neighbours, or None when it was not part of such a reading."""
        if (before is None or before.index not in self.old_changes) and (
            after is None or after.index not in self.new_changes
        ):
            return None
        old = self.old_changes.get(before.index, ()) if before else ()
        new = self.new_changes.get(after.index, ()) if after else ()
        return (*old, *new)

    def restructured(self, before: Clause | None, after: Clause | None) -> bool:
        """Whether the clause only passed words to or took words from its neighbours."""
        old_ok = before is None or before.index in self.old_restructured
        new_ok = after is None or after.index in self.new_restructured
        return old_ok and new_ok


def read_neighbours(
    old: Spec, new: Spec, alignment: Alignment, terms: Terms = NO_TERMS
) -> NeighbourReading:
    """Read again, as one text, each run of neighbouring changed clauses where a clause
    was added or removed, or a rule left one clause and a rule joined another (``terms``:
    the words the new version renamed throughout)."""
    reading = NeighbourReading()
    old_to_new = {pair.old: pair.new for pair in alignment.clauses}
    new_to_old = {pair.new: pair.old for pair in alignment.clauses}
    folded_into: dict[str, list[str]] = {}
    for old_id, new_id in alignment.folded:
        folded_into.setdefault(new_id, []).append(old_id)
    unfolded_from: dict[str, list[str]] = {}
    for new_id, old_id in alignment.unfolded:
        unfolded_from.setdefault(old_id, []).append(new_id)
    for pair in alignment.sections:
        here = terms.under(_topic(old, new, pair.old, pair.new))
        old_ids = [pair.old, *folded_into.get(pair.new, ())]
        new_ids = [pair.new, *unfolded_from.get(pair.old, ())]
        members = _members(old, new, old_ids, new_ids, (old_to_new, new_to_old), here)
        if not any(m.seed for m in members):
            continue
        folded = len(old_ids) + len(new_ids) > 2
        for run in _runs(members, whole=folded):
            if _worth_reading(run, old_to_new):
                _read_run(old, new, run, (old_to_new, new_to_old), here, reading, by_matter=folded)
    return reading


def _topic(old: Spec, new: Spec, old_id: str, new_id: str) -> frozenset[str]:
    """The words of the headings a section pair stands under: each side's title and its
    parent's (what the differ gives a single clause pair)."""
    titles = [
        section.title
        for spec, section_id in ((old, old_id), (new, new_id))
        if section_id
        for section in spec.path(section_id)[-2:]
    ]
    return frozenset(words_of(" ".join(titles)).split())


def _members(
    old: Spec,
    new: Spec,
    old_ids: list[str],
    new_ids: list[str],
    alignment: tuple[dict[int, int], dict[int, int]],
    terms: Terms,
) -> list[_Member]:
    """The changed prose clauses of a section pair, placed where they stand in the new
    section: an old clause where its partner stands, or after the partner of the clause
    before it. The pair's sections on each side are the paired ones and those folded
    into the other side's (merged into it, or rewritten into it as a parent's body),
    their clauses taken in document order."""
    old_to_new, new_to_old = alignment
    new_list = _clauses_of(new, new_ids)
    position = {index: place for place, index in enumerate(new_list)}
    in_old = set(old_ids)
    members: list[_Member] = []
    for index in new_list:
        after = new.clauses[index]
        if after.kind not in _PROSE:
            continue
        partner = new_to_old.get(index)
        if partner is None:
            members.append(
                _Member(position[index], True, index, True, gains=bool(after.statements))
            )
            continue
        before = old.clauses[partner]
        if before.section not in in_old or before.fingerprint == after.fingerprint:
            continue
        loses, gains = left_unpaired(
            read_under_lead_in(old, before).statements,
            read_under_lead_in(new, after).statements,
            terms,
        )
        place, seed = position[index], loses or gains
        members.append(_Member(place, True, index, seed, gains=gains))
        members.append(_Member(place, False, partner, seed, loses=loses))
    last = -0.5
    for index in _clauses_of(old, old_ids):
        before = old.clauses[index]
        partner = old_to_new.get(index)
        if partner is not None and partner in position:
            last = position[partner]
        if before.kind in _PROSE and partner is None:
            members.append(_Member(last + 0.5, False, index, True, loses=bool(before.statements)))
    members.sort(key=lambda m: (m.position, m.new_side, m.index))
    return members


def _clauses_of(spec: Spec, section_ids: list[str]) -> tuple[int, ...]:
    """The clauses of these sections, in document order."""
    if len(section_ids) == 1:
        return spec.section(section_ids[0]).clauses
    return tuple(sorted(i for s in section_ids for i in spec.section(s).clauses))


def _runs(members: list[_Member], *, whole: bool = False) -> list[list[_Member]]:
    """Seeds at most :data:`WINDOW` places apart form a run; other edited clauses join
    the run of a seed within :data:`WINDOW` places, but carry no run further. A body
    that sections were folded into (``whole``) is one run when it is small enough
    (:data:`MAX_RUN` clauses a side): a rule carried into it may now stand anywhere in
    it, not only where the text around it went."""
    if whole:
        old_side = sum(1 for m in members if not m.new_side)
        if old_side <= MAX_RUN and len(members) - old_side <= MAX_RUN:
            return [members]
    seeds = [m for m in members if m.seed]
    runs: list[list[_Member]] = []
    for member in seeds:
        if runs and member.position - runs[-1][-1].position <= WINDOW:
            runs[-1].append(member)
        else:
            runs.append([member])
    # Two runs where one lost a rule and the next gained one (or the reverse) a little
    # further apart are one: the rule may have moved between them.
    joined: list[list[_Member]] = []
    for run in runs:
        if joined and any(_gives_to(a, b) for a in _reach(joined[-1], run[0]) for b in run):
            joined[-1].extend(run)
        else:
            joined.append(run)
    runs = joined
    spans = [(run[0].position - WINDOW, run[-1].position + WINDOW) for run in runs]
    for member in members:
        if member.seed:
            continue
        for run, (low, high) in zip(runs, spans, strict=True):
            if low <= member.position <= high:
                run.append(member)
                break
    return runs


def _reach(run: list[_Member], first: _Member) -> list[_Member]:
    """The members at the end of ``run`` (in the order they stand) within
    :data:`RULE_REACH` places before ``first``: the only ones a rule could move from."""
    found: list[_Member] = []
    for member in reversed(run):
        if first.position - member.position > RULE_REACH:
            break
        found.append(member)
    return found


def _gives_to(earlier: _Member, later: _Member) -> bool:
    """Whether a rule may have moved between two seeds :data:`RULE_REACH` places apart:
    one side's clause lost a rule and the other side's gained one. A sentence moved up
    from the paragraph after an example into the paragraph before it ("... Values are
    given along with the request so they may be checked." joins the paragraph above the
    example) stands one place further than :data:`WINDOW`; clauses merely edited nearby
    do not reach that far."""
    return (
        0 <= later.position - earlier.position <= RULE_REACH
        and earlier.new_side != later.new_side
        and ((earlier.loses and later.gains) or (earlier.gains and later.loses))
    )


def _worth_reading(run: list[_Member], old_to_new: dict[int, int]) -> bool:
    """Text may have moved between clauses: a clause was added or removed beside another
    one, or a rule left one clause and a rule joined another than its partner; and the
    run is small enough to be a regrouping rather than a rewrite."""
    old_side = [m for m in run if not m.new_side]
    new_side = [m for m in run if m.new_side]
    if not old_side or not new_side or len(old_side) > MAX_RUN or len(new_side) > MAX_RUN:
        return False
    new_indices = {m.index for m in new_side}
    if any(old_to_new.get(m.index) not in new_indices for m in old_side):
        return True  # a removed clause (its partner, if any, is elsewhere)
    partners = {old_to_new[m.index] for m in old_side}
    if any(m.index not in partners for m in new_side):
        return True  # an added clause
    losers = [m for m in old_side if m.loses]
    gainers = [m for m in new_side if m.gains]
    return any(old_to_new.get(a.index) != b.index for a, b in itertools.product(losers, gainers))


def _read_run(
    old: Spec,
    new: Spec,
    run: list[_Member],
    alignment: tuple[dict[int, int], dict[int, int]],
    terms: Terms,
    reading: NeighbourReading,
    *,
    by_matter: bool = False,
) -> None:
    old_to_new, new_to_old = alignment
    old_clauses = sorted((old.clauses[m.index] for m in run if not m.new_side), key=_order)
    new_clauses = sorted((new.clauses[m.index] for m in run if m.new_side), key=_order)
    new_place = {c.index: m for m, c in enumerate(new_clauses)}
    partners = [
        (k, new_place[old_to_new[c.index]])
        for k, c in enumerate(old_clauses)
        if old_to_new.get(c.index) in new_place
    ]
    found = compare_across(
        [(read_under_lead_in(old, c).statements, c.text) for c in old_clauses],
        [(read_under_lead_in(new, c).statements, c.text) for c in new_clauses],
        partners,
        terms,
        by_matter=by_matter,
    )
    for clause, changes in zip(old_clauses, found.from_old, strict=True):
        reading.old_changes[clause.index] = tuple(changes)
    for clause, changes in zip(new_clauses, found.into_new, strict=True):
        reading.new_changes[clause.index] = tuple(changes)
    # A clause only regrouped text when each word it lost is now a word of another clause
    # of the run, and each word it gained was one; the words of a reported change are
    # accounted for where the rule stands. Clauses with a change of their own need no
    # such test, and a clause edited in place is no regrouping.
    old_words = {c.index: stemmed_words(c.text) for c in old_clauses}
    new_words = {c.index: stemmed_words(c.text) for c in new_clauses}
    old_run, new_run = summed(old_words.values()), summed(new_words.values())
    # What each side let go of: a removed clause's words, the words a paired one lost.
    lost, gained = Counter[str](), Counter[str]()
    for clause in old_clauses:
        partner = old_to_new.get(clause.index)
        own = old_words[clause.index]
        lost.update(own - new_words[partner] if partner is not None else own)
    for clause in new_clauses:
        partner = new_to_old.get(clause.index)
        own = new_words[clause.index]
        gained.update(own - old_words[partner] if partner is not None else own)
    for clause in old_clauses:
        if reading.old_changes[clause.index] or clause.index in old_to_new:
            continue
        own = old_words[clause.index]
        if _moved(own, gained, new_run, own - found.old_reported) or _lead_in_moved(
            clause, own, new_run
        ):
            reading.old_restructured.add(clause.index)
    for clause in new_clauses:
        partner = new_to_old.get(clause.index)
        if reading.new_changes[clause.index]:
            continue
        if partner is None:
            own = new_words[clause.index]
            if _moved(own, lost, old_run, own - found.new_reported) or _lead_in_moved(
                clause, own, old_run
            ):
                reading.new_restructured.add(clause.index)
            continue
        # A pair: what the old clause lost went to other new clauses, what the new one
        # gained came from other old ones.
        before, after = old_words[partner], new_words[clause.index]
        went = before - after - found.old_reported
        came = after - before - found.new_reported
        if _moved(went + came, gained + lost, new_run + old_run) and (
            words_moved_within(went, new_run - after) and words_moved_within(came, old_run - before)
        ):
            reading.old_restructured.add(partner)
            reading.new_restructured.add(clause.index)


def _moved(
    words: Counter[str],
    let_go: Counter[str],
    other_side: Counter[str],
    unaccounted: Counter[str] | None = None,
) -> bool:
    """Whether ``words`` (a clause's, or those it lost or gained) are a piece of text that
    moved: enough of them to be one (:data:`MIN_MOVED`), and of those no reported change
    accounts for (``unaccounted``, by default all of them) all found in the other version
    of the run, and most among the words that version let go of (:data:`FROM_LET_GO`).

    The size is the piece's own: a "SHOULD" that a new rule nearby also uses is still a
    word of the item "SHOULD be descriptive and terse" regrouped from a paragraph. Words
    that only join a piece to its sentence (:data:`_JOINING_WORDS`: "if", "otherwise")
    give it no size: "If the token is stale:" is a new step, not two words moved."""
    if len([w for w in content_words(words) if w not in _JOINING_WORDS]) < MIN_MOVED:
        return False
    words = words if unaccounted is None else unaccounted
    content = content_words(words)
    if not content or not words_moved_within(words, other_side):
        return False
    return sum(1 for w in content if w in let_go) >= FROM_LET_GO * len(content)


def _lead_in_moved(clause: Clause, words: Counter[str], other_side: Counter[str]) -> bool:
    """Whether ``clause`` is a lead-in ("Couriers MUST:") made of words the other version
    of the run holds: the subject and force of a rule now said item by item, however few
    words it has (the rule itself is read in the items)."""
    return (
        bool(clause.statements)
        and clause.text.rstrip().endswith(":")
        and bool(content_words(words))
        and words_moved_within(words, other_side)
    )


def _order(clause: Clause) -> int:
    return clause.index
