"""Statement-by-statement comparison of the rules of two versions of a clause.

Statements are paired by what they govern (their party, action, conditions and
exceptions), not by the sentence they sit in: splitting or merging sentences, or moving
a phrase into the next sentence, changes no rule. A word only counts as changed when the
clause as a whole lost or gained it: a phrase that moved from one statement to another
is the same words in the same clause.

For each pair, in order: polarity (reversed), restriction (restricted / broadened),
strength (strengthened / weakened), exceptions (exception_added / exception_removed),
conditions, and what the rule requires: an action turned into its opposite (reversed),
numbers, units, quantifiers, a party joined or dropped from a coordinated subject
(broadened / restricted), the party, the verb, or a qualifier or listed case added to or
dropped from its object (changed; for a permission, restricted / broadened).

This module holds the entry points (compare_statements, compare_across, rules_reworded,
voice_words); the work is layered below it, each module importing only lower ones:
``_statement_words`` (word helpers and word sets) <- ``_statement_pairing`` (which
statements pair) <- ``_statement_kept`` (an unpaired rule still said in other words) and
``_statement_changes`` (what changed within a pair).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.changes import StatementChange
from ..parse.statements import words_of
from ._statement_changes import (
    _bare_minimum,
    _bound_wording,
    _category_dropped,
    _character_named_in_full,
    _contraposed,
    _delta_words,
    _pair_changes,
    _qualifiers_named,
    _same_member,
    topic_words_added,
)
from ._statement_kept import (
    _checked_by_step,
    _denial_dropped,
    _kept_as,
    _modal_tense_only,
    _qualifies_kept_rule,
    _said_plainly,
    _stated_as_process,
    in_one_tense,
)
from ._statement_pairing import (
    PAIR_THRESHOLD,
    _absorbed,
    _also_stated,
    _carved,
    _clause_delta,
    _content,
    _governed,
    _heads,
    _identity,
    _pair_positions,
    _piece_of,
    _similarity,
    _voice,
    _words,
    in_capitals,
    left_unpaired,
    pair_statements,
    summed,
)
from ._statement_words import (
    _edition_substitution,
    _stem,
    _topic_forms,
    content_words,
    opposite,
    stemmed_words,
    words_moved_within,
)
from ._terms import NO_TERMS, Terms
from ._wording import category_noun_put_for

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ..model.document import NormativeStatement

    Record = Callable[[str, str | None, str | None], None]

# What other modules and tests import from here; the split modules hold most of it.
__all__ = [
    "_bare_minimum",
    "_checked_by_step",
    "_contraposed",
    "_edition_substitution",
    "_modal_tense_only",
    "_pair_positions",
    "_said_plainly",
    "_same_member",
    "compare_across",
    "compare_statements",
    "content_words",
    "in_capitals",
    "in_one_tense",
    "left_unpaired",
    "opposite",
    "rules_reworded",
    "stemmed_words",
    "summed",
    "voice_words",
    "words_moved_within",
]


def compare_statements(
    old: tuple[NormativeStatement, ...],
    new: tuple[NormativeStatement, ...],
    old_text: str = "",
    new_text: str = "",
    topic: frozenset[str] = frozenset(),
    terms: Terms = NO_TERMS,
) -> tuple[StatementChange, ...]:
    """How the rules of a clause changed between two versions of its text (``topic``: the
    words of the headings the clause stands under; ``terms``: which words the new version
    renamed throughout, terminology rather than a changed requirement)."""
    if [_identity(s) for s in old] == [_identity(s) for s in new]:
        return ()
    terms = terms.within(old_text, new_text)
    removed, added = _clause_delta(old, new, old_text, new_text)
    pairs, lone_old, lone_new = pair_statements(old, new, terms)
    changes: list[StatementChange] = []
    for a, b in pairs:
        changes.extend(_pair_changes(a, b, removed, added, _topic_forms(topic), terms))
    for statement in lone_old:
        if _absorbed(statement, new, removed) or _carved(statement, new):
            continue
        if _kept_as(statement, new_text) or _stated_as_process(statement, new_text):
            continue
        if _qualifies_kept_rule(statement, pairs):
            changes.append(
                StatementChange("normative.broadened", statement.keyword, None, statement.sentence)
            )
            continue
        turned = _denial_dropped(statement, new_text)
        if turned is not None:
            changes.append(
                StatementChange(
                    "normative.reversed",
                    statement.keyword,
                    turned[0],
                    turned[1],
                    statement.sentence,
                )
            )
            continue
        changes.append(
            StatementChange("normative.removed", statement.keyword, None, statement.sentence)
        )
    for statement in lone_new:
        if _absorbed(statement, old, added) or _carved(statement, old):
            continue
        if _kept_as(statement, old_text):
            continue
        if _qualifies_kept_rule(statement, [(b, a) for a, b in pairs]):
            changes.append(
                StatementChange("normative.restricted", None, statement.keyword, statement.sentence)
            )
            continue
        turned = _denial_dropped(statement, old_text)
        if turned is not None:
            changes.append(
                StatementChange(
                    "normative.reversed",
                    turned[0],
                    statement.keyword,
                    statement.sentence,
                    turned[1],
                )
            )
            continue
        changes.append(
            StatementChange("normative.added", None, statement.keyword, statement.sentence)
        )
    return tuple(changes)


def rules_reworded(
    old: tuple[NormativeStatement, ...],
    new: tuple[NormativeStatement, ...],
    old_text: str,
    new_text: str,
    ignored: tuple[set[str], set[str]] = (set(), set()),
    terms: Terms = NO_TERMS,
) -> bool:
    """Whether the words of some rule changed, beyond words that moved within the clause,
    spelling fixes and the ``ignored`` words (old, new: terminology swapped), for telling
    substantive rewording from light rewording."""
    if [_identity(s) for s in old] == [_identity(s) for s in new]:
        return False
    terms = terms.within(old_text, new_text)
    removed, added = _clause_delta(old, new, old_text, new_text)
    pairs, lone_old, lone_new = pair_statements(old, new, terms)
    forms = _topic_forms(terms.topic)
    if any(not _absorbed(s, new, removed) and not _kept_as(s, new_text) for s in lone_old):
        return True
    if any(not _absorbed(s, old, added) and not _kept_as(s, old_text) for s in lone_new):
        return True
    for a, b in pairs:
        gone, fresh = _delta_words(a, b, removed, added)
        bound = _bound_wording(a, b) | _category_noun_dropped(a.party, b.party)
        bound |= _character_named_in_full(a.action, b.action)
        if gone or fresh:
            bound |= _qualifiers_named(a.sentence, b.sentence, terms)
            bound |= topic_words_added(a.sentence, b.sentence, forms)
        if _same_member(a.party, b.party):
            bound |= {*a.party.split(), *b.party.split()}  # "Value MUST" -> "This MUST"
        bound |= _CONNECTIVES  # "The executor must" -> "Therefore the executor must"
        lost = _unpossessed(gone) - ignored[0] - bound
        gained = _unpossessed(fresh) - ignored[1] - bound
        if len(lost) == len(gained) == 1 and category_noun_put_for(
            next(iter(lost)), next(iter(gained)), a.sentence, b.sentence
        ):
            continue  # "the next item" -> "the next entry": the element, named by its kind
        if lost or gained:
            return True
    return False


_POSSESSIVE = re.compile(r"['’]s?$")
#: Words that tie a sentence to the one before ("Therefore the executor must ..."): they
#: say why or in what order the text says it, not what a rule requires.
_CONNECTIVES = frozenset(
    (
        "therefore",
        "thus",
        "hence",
        "consequently",
        "accordingly",
        "furthermore",
        "moreover",
        "additionally",
        "likewise",
        "similarly",
        "however",
    )
)


def _unpossessed(words: Iterable[str]) -> set[str]:
    """The words without a possessive ending: "the header's contents" -> "the heading's
    contents" is the term renamed throughout, as "the header" -> "the heading" is."""
    return {_POSSESSIVE.sub("", w) or w for w in words}


def _category_noun_dropped(old: str, new: str) -> frozenset[str]:
    """The category noun a rule's party gained or lost after the words naming it ("The
    Paths Object MAY be empty" -> "The Paths MAY be empty"): the same party, as
    :func:`compare_statements` reads it, so no word of the rule was reworded."""
    if not _category_dropped(old, new):
        return frozenset()
    return frozenset({max(old.split(), new.split(), key=len)[-1]})


def voice_words(
    old: tuple[NormativeStatement, ...], new: tuple[NormativeStatement, ...]
) -> frozenset[str]:
    """The words a change of voice accounts for in the rules of a clause ("clerks must
    strip the seal" -> "the seal must be stripped by clerks": strip, stripped, clerks,
    be, by): words that change the form of a rule, not what it requires."""
    pairs, _, _ = pair_statements(old, new)
    found: set[str] = set()
    for a, b in pairs:
        found |= _voice(a, b) or frozenset()
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class RunReading:
    """The rules of a run of neighbouring clauses, read as one text."""

    from_old: list[list[StatementChange]]
    """Per old clause of the run: the rules removed from it."""
    into_new: list[list[StatementChange]]
    """Per new clause: the changes to the rules it states, rules added to it included."""
    old_reported: Counter[str]
    new_reported: Counter[str]
    """The words those changes account for on each side (stemmed): a removed or added
    rule's, the words that differ in a changed one."""


def compare_across(
    old: Sequence[tuple[tuple[NormativeStatement, ...], str]],
    new: Sequence[tuple[tuple[NormativeStatement, ...], str]],
    partners: Sequence[tuple[int, int]],
    terms: Terms = NO_TERMS,
    *,
    by_matter: bool = False,
) -> RunReading:
    """How the rules of a run of neighbouring clauses changed, the run read as one text.

    ``old`` and ``new`` hold each clause's statements and text, in order; ``partners``
    the (old, new) positions of clauses paired with each other. A clause pair is read
    first, as :func:`compare_statements` reads it; the statements left without a partner
    in their own clause then pair across the run: a paragraph split into a lead-in and
    list items, or items merged into a paragraph, keeps each rule, and a word that moved
    into a neighbouring clause did not leave the run. Returns, per old clause, the rules
    removed from it, and per new clause, the changes to the rules it now states
    (``terms``: the words renamed throughout, and the words of the headings the run
    stands under, as :func:`compare_statements` takes them). In a body that sections
    were folded into (``by_matter``), rules left without a partner in their clause also
    pair by what they speak of, whatever the order of its words (:func:`_same_matter`):
    a rule carried into another paragraph there is often rewritten as it goes."""
    forms = _topic_forms(terms.topic)
    heads = _heads(s for found, _ in (*old, *new) for s in found)
    from_old: list[list[StatementChange]] = [[] for _ in old]
    into_new: list[list[StatementChange]] = [[] for _ in new]
    lone_old: list[tuple[int, NormativeStatement]] = []
    lone_new: list[tuple[int, NormativeStatement]] = []
    paired_old = {k for k, _ in partners}
    paired_new = {m for _, m in partners}
    # The clauses whose words the run-level reading weighs: those added or removed, and
    # both clauses of a pair that left a rule without a partner. A pair whose rules all
    # stayed in it is read on its own; its edits say nothing about the others.
    old_open = set(range(len(old))) - paired_old
    new_open = set(range(len(new))) - paired_new
    # The clauses added to the run and removed from it: a paired clause whose lost words
    # make up most of an added clause split into it ("Couriers MUST weigh each parcel and
    # scan it." -> "Couriers MUST:" + "- weigh each parcel" + "- scan it"), one whose
    # gained words make up most of a removed clause merged it in. Those words did not
    # leave the run.
    fresh = [Counter(_words(new[m][1]).split()) for m in sorted(new_open)]
    dropped = [Counter(_words(old[k][1]).split()) for k in sorted(old_open)]
    for k, m in partners:
        (before, old_text), (after, new_text) = old[k], new[m]
        removed, added = _clause_delta(before, after, old_text, new_text)
        went = summed(words for words in fresh if _piece_of(words, removed))
        came = summed(words for words in dropped if _piece_of(words, added))
        removed, added = removed - went, added - came
        pairs, old_left, new_left = _pair_positions(before, after, terms, heads)
        pair_terms = terms.within(old_text, new_text)
        for i, j in pairs:
            into_new[m].extend(
                _pair_changes(before[i], after[j], removed, added, forms, pair_terms)
            )
        lone_old.extend((k, before[i]) for i in old_left)
        lone_new.extend((m, after[j]) for j in new_left)
        if old_left or new_left or _content(went) or _content(came):
            old_open.add(k)
            new_open.add(m)
    lone_old.extend(
        (k, s) for k, (found, _) in enumerate(old) if k not in paired_old for s in found
    )
    lone_new.extend(
        (m, s) for m, (found, _) in enumerate(new) if m not in paired_new for s in found
    )
    lone_old.sort(key=lambda item: item[0])
    lone_new.sort(key=lambda item: item[0])
    every_old = tuple(s for k in sorted(old_open) for s in old[k][0])
    every_new = tuple(s for m in sorted(new_open) for s in new[m][0])
    new_owner = [m for m in sorted(new_open) for _ in new[m][0]]
    old_run_text = "\n".join(old[k][1] for k in sorted(old_open))
    new_run_text = "\n".join(new[m][1] for m in sorted(new_open))
    removed, added = _clause_delta(every_old, every_new, old_run_text, new_run_text)
    run_terms = terms.within(old_run_text, new_run_text)
    old_statements = tuple(s for _, s in lone_old)
    new_statements = tuple(s for _, s in lone_new)
    pairs, old_left, new_left = _pair_positions(
        old_statements, new_statements, terms, heads, by_matter=by_matter
    )
    for i, j in pairs:
        a, b = old_statements[i], new_statements[j]
        changes = _pair_changes(a, b, removed, added, forms, run_terms)
        if by_matter and _similarity(a, b, terms) < PAIR_THRESHOLD:
            # Paired only by what it speaks of: its words were rewritten and reordered as
            # it was carried ("include either a `content` field or a `schema` field" ->
            # "contain either a `schema` property, or a `content` property"), which is no
            # evidence of another requirement; its force still reads.
            changes = [c for c in changes if c.tag in _FORCE_TAGS]
        into_new[lone_new[j][0]].extend(changes)
    old_reported: Counter[str] = Counter()
    new_reported: Counter[str] = Counter()
    for i in old_left:
        statement = old_statements[i]
        if (
            statement.sentence in heads
            or _absorbed(statement, every_new, removed)
            or _carved(statement, every_new)
            or _kept_as(statement, new_run_text)
            or _stated_as_process(statement, new_run_text)
        ):
            continue  # a lead-in says nothing of its own; its items are read
        found = _also_stated(statement, every_new, terms, lone_old[i][0] not in paired_old)
        if found is not None:
            # Several rules said as one (a list of "weigh each parcel" and "label it" ->
            # "must weigh each parcel and label it"): each part is read against the whole,
            # where the whole now stands.
            changes = _pair_changes(statement, every_new[found], removed, added, forms, run_terms)
            into_new[new_owner[found]].extend(changes)
            continue
        from_old[lone_old[i][0]].append(
            StatementChange("normative.removed", statement.keyword, None, statement.sentence)
        )
        old_reported.update(_rule_words(statement))
    for j in new_left:
        statement = new_statements[j]
        if (
            statement.sentence in heads
            or _absorbed(statement, every_old, added)
            or _carved(statement, every_old)
            or _kept_as(statement, old_run_text)
        ):
            continue
        found = _also_stated(statement, every_old, terms, lone_new[j][0] not in paired_new)
        if found is not None:
            # One rule said as several: each part is read against the whole.
            changes = _pair_changes(every_old[found], statement, removed, added, forms, run_terms)
            into_new[lone_new[j][0]].extend(changes)
            continue
        into_new[lone_new[j][0]].append(
            StatementChange("normative.added", None, statement.keyword, statement.sentence)
        )
        new_reported.update(_rule_words(statement))
    for change in (c for changes in (*from_old, *into_new) for c in changes):
        if change.tag not in ("normative.added", "normative.removed"):
            old_reported.update(stemmed_words(change.old or ""))
            new_reported.update(stemmed_words(change.new or ""))
    return RunReading(from_old, into_new, old_reported, new_reported)


def _rule_words(statement: NormativeStatement) -> list[str]:
    """The words of a rule (its keyword and what it governs), stemmed: the party is kept
    in its singular ("couriers MUST" binds a "courier")."""
    return [_stem(w) for w in (*words_of(statement.keyword).split(), *_governed(statement))]


#: What a change to a rule's force is tagged.
_FORCE_TAGS = frozenset(("normative.strengthened", "normative.weakened", "normative.reversed"))
