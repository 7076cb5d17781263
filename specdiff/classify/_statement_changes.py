"""What changed within one pair of statements.

Polarity, restriction, strength, exceptions, conditions, bounds and numbers, and what the
rule requires: an opposite action, the party, the verb, or a qualifier or listed case added
to or dropped from its object (see :func:`_pair_changes`).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.changes import StatementChange
from ..model.document import Strength
from ..parse import character_ranges
from ..parse.statements import (
    MARKERS,
    NUMBER_VALUES,
    conjuncts,
    exception_body,
    singular,
    words_of,
)
from ._characters import same_character
from ._events import as_event, one_event
from ._forms import agent_of, another_number_or_tense, misspelled
from ._statement_pairing import _OTHER_CASE, _governed, _voice, rfc2119_capitals
from ._statement_words import (
    _DENIALS,
    _DENYING_WORDS,
    _STOPWORDS,
    _edition_swap,
    _forms,
    _head_verb,
    _opposite,
    _set,
    _stem,
    _terminology,
)
from ._terms import NO_TERMS, Terms
from ._wording import (
    CATEGORY_NOUNS,
    carrier_verb,
    derived_pairs,
    is_typo,
    one_wording,
    restated_acts,
    swapped_words,
    weighty_forms,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from ..model.document import NormativeStatement, Quantity

    Record = Callable[[str, str | None, str | None], None]

#: The words that open a condition or an exception, longest first (see :func:`_unmarked`).
_PHRASE_MARKERS = tuple(marker for marker, _ in MARKERS)


def _bound_wording(a: NormativeStatement, b: NormativeStatement) -> frozenset[str]:
    """The words that say the bounds of two rules stating the same quantities: "at most
    three" and "up to three", "0-3" and "up to three", "3" and "three" differ only in how
    the one bound is said."""
    permission = _permits(a) and _permits(b)
    if _bounds(a, permission) != _bounds(b, permission):
        return frozenset()
    return frozenset(
        w
        for q in (*a.quantities, *b.quantities)
        for w in q.text.split()
        if w in _BOUND_WORDS or _NUMERIC.fullmatch(w)
    )


#: A number or a range as one word ("3", "0-3", "three"): how a value is written.
_NUMERIC = re.compile(rf"\d+(?:[.,]\d+)*(?:-+\d+(?:[.,]\d+)*)?|{'|'.join(NUMBER_VALUES)}")


#: The words comparators are said in ("no more than", "three or fewer", "a maximum of").
_BOUND_WORDS = frozenset(
    [
        "at",
        "up",
        "to",
        "no",
        "not",
        "more",
        "fewer",
        "less",
        "than",
        "or",
        "most",
        "least",
        "a",
        "maximum",
        "minimum",
        "of",
    ]
)


def _bounds(s: NormativeStatement, permission: bool = False) -> list[tuple[str, str, str]]:
    return [_bound(q, permission) for q in s.quantities]


def _bound(q: Quantity, permission: bool) -> tuple[str, str, str]:
    """A quantity as the constraint it states. A permission never obliges what it allows:
    allowing "one to three spaces" is allowing "up to three" (none is always allowed), so
    under a permission a count ranging from 1 is the bound at its top."""
    if permission and q.comparator == "between" and q.number.startswith("1-"):
        return "at most", q.number.removeprefix("1-"), q.unit
    return q.comparator, q.number, q.unit


def _as_counted_in(q: Quantity, old: NormativeStatement, new: NormativeStatement) -> Quantity:
    """A quantity of ``new`` with the unit of the same count in ``old`` where one version
    only put a word between the number and the thing counted: "one or more fields" and
    "one or more input fields" count fields (the unit read is the word after the number,
    "input"); whether "input" changes what is counted is the qualifier's to say."""
    for was in old.quantities:
        if (was.comparator, was.number) != (q.comparator, q.number) or was.unit == q.unit:
            continue
        if _counts_before(q.unit, was.unit, new.action) or _counts_before(
            was.unit, q.unit, old.action
        ):
            return replace(q, unit=was.unit)
    return q


def _counts_before(qualifier: str, unit: str, action: str) -> bool:
    """Whether ``action`` says ``qualifier`` just before the counted ``unit`` (both
    singular): "input fields" for "input" and "field"."""
    return any(
        singular(w) == qualifier and singular(after) == unit
        for w, after in itertools.pairwise(action.split())
    )


def _permits(statement: NormativeStatement) -> bool:
    return statement.strength is Strength.MAY and not statement.negative


_RESTRICTING = frozenset(("only", "solely", "exclusively"))


def _restrictions(statement: NormativeStatement) -> int:
    """How many times a rule narrows itself ("may only", "solely")."""
    if not statement.restricted:
        return 0
    words = f"{statement.keyword.casefold()} {statement.action}".split()
    return max(1, sum(1 for w in words if w in _RESTRICTING))


def _delta_words(
    a: NormativeStatement, b: NormativeStatement, removed: Counter[str], added: Counter[str]
) -> tuple[list[str], list[str]]:
    """Words of the rule that left or joined the clause (not just moved inside it),
    without spelling fixes or a participle put for its agent noun ("discriminating" /
    "discriminator")."""
    before, after = Counter(_governed(a)), Counter(_governed(b))
    gone = [w for w, n in (before - after).items() if removed[w] and w not in _STOPWORDS]
    fresh = [w for w, n in (after - before).items() if added[w] and w not in _STOPWORDS]
    # A misspelling fixed, a participle put for its agent noun, or a word put in another
    # number or tense ("property schemas" -> "properties schemas"): the same word.
    typos = {
        (g, f)
        for g in gone
        for f in fresh
        if (is_typo(g, f) or agent_of(g, f) or another_number_or_tense(g, f))
        and not _opposite(g, f)
    }
    gone = [g for g in gone if not any(g == t[0] for t in typos)]
    fresh = [f for f in fresh if not any(f == t[1] for t in typos)]
    voice = _voice(a, b)
    if voice is not None:
        gone = [g for g in gone if g not in voice]
        fresh = [f for f in fresh if f not in voice]
    # "spaces" -> "spaces of indentation" where the sentence says "indented": the act
    # named again as a noun, no new requirement.
    said_again = restated_acts(a.sentence, b.sentence)
    gone = [g for g in gone if g not in said_again]
    fresh = [f for f in fresh if f not in said_again]
    nominal = derived_pairs(Counter(gone), Counter(fresh))
    if nominal:
        # The rule's act said as a noun ("be indented by three spaces" -> "be preceded by
        # three spaces of indentation"): the act is still required, and the verb that now
        # carries the noun says nothing of its own, unless it has an opposite ("must
        # encrypt X" -> "must remove the encryption of X"): then the verbs differ.
        # The other way round, a noun said as the rule's verb frees the verb that carried it.
        old_verb, new_verb = _head_verb(a.action), _head_verb(b.action)
        if any(x == old_verb for x, _ in nominal):
            verb, carrier, carrier_side = old_verb, new_verb, fresh
        elif any(y == new_verb for _, y in nominal):
            verb, carrier, carrier_side = new_verb, old_verb, gone
        else:
            verb, carrier, carrier_side = "", "", []
        carried = bool(carrier) and carrier in carrier_side and carrier_verb(carrier)
        said = {w for pair in nominal for w in pair if carried or w != verb}
        if carried:
            said.add(carrier)
        gone = [g for g in gone if g not in said]
        fresh = [f for f in fresh if f not in said]
    return gone, fresh


#: Denying words long enough that a word a letter or two off, first letter kept, is a
#: misspelling of them rather than another word ("niether" for "neither").
_LONG_DENIALS = frozenset(("neither", "nothing", "nobody"))


def _denial_respelled(a: NormativeStatement, b: NormativeStatement) -> bool:
    """Whether the rule only seems turned around because the version without the denial
    misspelled it: "Niether form may be used" -> "Neither form may be used". The denying
    word one sentence has stands, misspelled, where the other has one word it lacks."""
    old, new = words_of(a.sentence).split(), words_of(b.sentence).split()
    plain, denying = (old, new) if b.negative else (new, old)
    if not _LONG_DENIALS.intersection(denying):
        return False
    matcher = difflib.SequenceMatcher(None, plain, denying, autojunk=False)
    return any(
        op == "replace"
        and i2 - i1 == j2 - j1 == 1
        and denying[j1] in _LONG_DENIALS
        and denying[j1] not in plain
        and misspelled(plain[i1], denying[j1])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def _pair_changes(
    a: NormativeStatement,
    b: NormativeStatement,
    removed: Counter[str],
    added: Counter[str],
    topic: frozenset[str] = frozenset(),
    terms: Terms = NO_TERMS,
) -> list[StatementChange]:
    found: list[StatementChange] = []

    def record(tag: str, old: str | None, new: str | None) -> None:
        found.append(StatementChange(tag, old, new, b.sentence, a.sentence))

    contraposed = _contraposed(a, b) or _presence_restated(a, b)
    if a.negative != b.negative and not _denial_respelled(a, b) and not contraposed:
        if a.keyword.casefold() == b.keyword.casefold():
            # "No tabs are allowed" -> "Tabs are allowed": the words around the keyword
            # carry the reversal, not the keyword.
            old_words, new_words = _quote(words_of(a.sentence), words_of(b.sentence))
            record("normative.reversed", old_words or a.keyword, new_words or b.keyword)
        else:
            record("normative.reversed", a.keyword, b.keyword)
    elif contraposed:
        pass  # "not for invalid requests" -> "only for valid requests": the same rule
    elif _restrictions(a) != _restrictions(b) and _RESTRICTING & (set(removed) | set(added)):
        tag = (
            "normative.restricted" if _restrictions(b) > _restrictions(a) else "normative.broadened"
        )
        record(tag, a.keyword, b.keyword)
    elif _binding(b, a) > _binding(a, b):
        record("normative.strengthened", a.keyword, b.keyword)
    elif _binding(b, a) < _binding(a, b):
        record("normative.weakened", a.keyword, b.keyword)
    elif rfc2119_capitals(a.keyword) != rfc2119_capitals(b.keyword):
        # "it should be precise" -> "it SHOULD be precise": advice in words becomes an RFC
        # 2119 recommendation (and the reverse drops it back to advice).
        tag = "normative.added" if rfc2119_capitals(b.keyword) else "normative.removed"
        record(tag, a.keyword, b.keyword)

    gone, fresh = _delta_words(a, b, removed, added)
    bound = _bound_wording(a, b)  # "no more than four" -> "four or fewer": the same bound
    gone = [w for w in gone if w not in bound]
    fresh = [w for w in fresh if w not in bound]
    if a.negative != b.negative:
        # "No tabs are allowed" -> "Tabs are allowed": the "no" is the reversal, read.
        gone = [w for w in gone if w not in _DENYING_WORDS]
        fresh = [w for w in fresh if w not in _DENYING_WORDS]
    if contraposed:
        said = {*contraposed, *_RESTRICTING}
        gone = [w for w in gone if w not in said]
        fresh = [w for w in fresh if w not in said]
    if not gone and not fresh:
        return found
    # "if an error occurs when resolving" -> "if an error is thrown while resolving": the
    # same case said with another verb; its words change no requirement.
    respelled = _events_respelled(a, b)
    gone = [w for w in gone if w not in respelled]
    fresh = [w for w in fresh if w not in respelled]
    if not gone and not fresh:
        return found
    changed_words = set(gone) | set(fresh)

    _compare_phrases(
        a.exceptions, b.exceptions, changed_words, record, terms, exception=True, topic=topic
    )
    permission = b.strength is Strength.MAY and not b.negative
    _compare_phrases(
        a.conditions,
        b.conditions,
        changed_words,
        record,
        terms,
        exception=False,
        permission=permission,
        topic=topic,
        carried=(
            lambda phrase: _carried_by_antecedent(phrase, b, terms.clause_texts[1]),
            lambda phrase: _carried_by_antecedent(phrase, a, terms.clause_texts[0]),
        ),
    )

    # "RFC 6838" -> "RFC6838": the same number written against its name is no quantity
    # changed (it is read as one only when a space sets it apart).
    both_permit = _permits(a) and _permits(b)
    old_numbers = [
        _bound(q, both_permit)
        for q in a.quantities
        if not _written_whole(q.unit, q.number, _governed(b))
    ]
    new_numbers = [
        _bound(_as_counted_in(q, a, b), both_permit)
        for q in b.quantities
        if not _written_whole(q.unit, q.number, _governed(a))
    ]
    if old_numbers != new_numbers and _touches(
        changed_words, [q.text for q in (*a.quantities, *b.quantities)]
    ):
        old_q = [q.text for q in a.quantities if _bound(q, both_permit) not in new_numbers]
        new_q = [q.text for q in b.quantities if _bound(q, both_permit) not in old_numbers]
        record("normative.changed", ", ".join(old_q) or None, ", ".join(new_q) or None)
        return found
    # The ends of a range of characters are limits like numbers: "letters a-z" -> "a-f".
    old_ranges, new_ranges = character_ranges(a.action), character_ranges(b.action)
    if Counter(old_ranges) != Counter(new_ranges) and changed_words & {*old_ranges, *new_ranges}:
        gone_ranges = _as_written([r for r in old_ranges if r not in new_ranges], a.sentence)
        fresh_ranges = _as_written([r for r in new_ranges if r not in old_ranges], b.sentence)
        record("normative.changed", ", ".join(gone_ranges) or None, ", ".join(fresh_ranges) or None)
        return found

    opposite = next(((g, f) for g in gone for f in fresh if _opposite(g, f)), None)
    if opposite is not None and not any(c.tag == "normative.reversed" for c in found):
        old_words, new_words = _quote(a.action, b.action)
        record("normative.reversed", old_words or opposite[0], new_words or opposite[1])
        return found

    if any(c.tag == "normative.changed" or "exception" in c.tag for c in found):
        return found
    if any(c.tag in ("normative.restricted", "normative.broadened") for c in found):
        return found
    # "must include exactly the same set of fields" -> "must include a field for every
    # field": a rule that required an exact match now requires the match to contain
    # what it names, so it allows more (broadened); the reverse restricts it.
    exact_before, exact_after = _exactness(a.action), _exactness(b.action)
    if exact_before != exact_after and _EXACTNESS & changed_words:
        old_words, new_words = _quote(a.action, b.action)
        tag = "normative.restricted" if exact_after > exact_before else "normative.broadened"
        record(tag, old_words, new_words)
        return found
    scope = _party_scope(a.party, b.party, changed_words)
    if scope:
        record(scope, a.party, b.party)
        return found
    variable = _named_by_variable(a, b)
    if (
        _other_party(a.party, b.party, changed_words)
        and not variable
        # "this field MUST be included" -> "its value MUST be `true`" in a field's row: the
        # member the row describes, named by its noun or its value's (:func:`_same_member`).
        and not _same_member(a.party, b.party)
        and not _terminology(a.party, b.party, terms)
        and not _category_dropped(a.party, b.party)
        and not _category_only(a.party, b.party)
    ):
        record("normative.changed", a.party, b.party)
        return found
    if (
        _owner_changed(a.party, b.party)
        and not variable
        and not _terminology(a.party, b.party, terms)
    ):
        record("normative.changed", a.party, b.party)
        return found
    # A different verb ("must log" -> "must drop") is a different requirement.
    old_verb, new_verb = _head_verb(a.action), _head_verb(b.action)
    if (
        old_verb
        and new_verb
        and old_verb in changed_words
        and new_verb in changed_words
        and _stem(old_verb) != _stem(new_verb)
        # A verb the new version put for the old one throughout ("an error should be
        # thrown" -> "raised" everywhere) is terminology, as a renamed noun is.
        and not terms.renamed(old_verb.casefold(), new_verb.casefold())
        and not _edition_term(a.action, b.action, terms)
        and not _alternatives_named(a.action, b.action, terms)
    ):
        old_words, new_words = _quote(a.action, b.action)
        record("normative.changed", old_words or old_verb, new_words or new_verb)
        return found
    # So is another word of weight in what the rule governs: "log failed requests" ->
    # "log successful requests", "use SHA-256" -> "use MD5". Not terminology: a category
    # noun after the word naming the thing ("the discriminator attribute" -> "object"),
    # or a term the new version renamed throughout ("sender" -> "producer" everywhere).
    if _alternatives_named(a.action, b.action, terms):
        return found
    swap = _swapped_requirement(a, b, changed_words, terms)
    if swap is not None:
        record("normative.changed", *swap)
        return found
    scoped = _scope_edit(a, b, set(gone), set(fresh), topic, terms)
    if scoped is not None:
        record(*scoped)
    return found


def _alternatives_named(old: str, new: str, terms: Terms) -> bool:
    """Whether two versions of what a rule governs differ only by naming a grammar
    production for the alternatives it lists ("must be {OperationDefinition} or
    {FragmentDefinition}" -> "must be {ExecutableDefinition}", where the new grammar has
    "ExecutableDefinition :" with those two items), or the other way round: the same
    symbols are allowed. A production that lists more or fewer is another requirement."""
    old_words, new_words = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(edits) != 1 or edits[0][0] != "replace":
        return False
    _, i1, i2, j1, j2 = edits[0]
    for named, listed, in_new in (
        (new_words[j1:j2], old_words[i1:i2], True),
        (old_words[i1:i2], new_words[j1:j2], False),
    ):
        if len(named) != 1 or len(listed) < 3:
            continue
        symbols = [w.strip(",") for w in listed if w not in _LISTING_WORDS]
        alternatives = terms.alternatives(named[0], in_new=in_new)
        if (
            alternatives
            and frozenset(symbols) == alternatives
            and len(symbols) == len(alternatives)
        ):
            return True
    return False


#: The words that join the symbols of a list ("A, B, or C", "either A or B").
_LISTING_WORDS = frozenset(("or", "either", "one", "of"))


def _named_by_variable(a: NormativeStatement, b: NormativeStatement) -> bool:
    """Whether one version names the party by an algorithm's variable ("{field} must
    include an argument ...") that the other names by a noun phrase with the same head
    ("The object field must include an argument ..."): a step binds the variable to
    that thing ("Let {field} be that named field on {type}"), so the party is the same,
    however the phrase qualified it."""
    for one, other in ((a, b), (b, a)):
        words = one.party.split()
        if len(words) != 1 or other.party.split()[-1:] != words:
            continue
        if re.search(rf"\{{{re.escape(words[0])}\}}", one.sentence, re.IGNORECASE):
            return True
    return False


def _events_respelled(a: NormativeStatement, b: NormativeStatement) -> frozenset[str]:
    """The words two versions of a rule trade in conditions or exceptions that name the
    same case with another verb (:func:`one_event`): "occurs when" / "is thrown while";
    and in what the rule governs, where it names the event too: "the path to the field
    where the error occurred" / "... where the error was raised"."""
    traded: set[str] = set()
    for phrase, others in (
        *((p, (*b.conditions, *b.exceptions)) for p in (*a.conditions, *a.exceptions)),
        (a.action, (b.action,)),
    ):
        for other in others:
            if one_event(phrase, other):
                old_words, new_words = set(words_of(phrase).split()), set(words_of(other).split())
                traded |= old_words ^ new_words
                break
    return frozenset(traded)


def _binding(statement: NormativeStatement, other: NormativeStatement) -> Strength:
    """How strongly a prohibition binds, by its force, against another one (``other``): a
    permission denied ("Union types may not be member types") forbids as "must not" and
    "cannot" do, so the three are one force; "should not" only advises against. Where
    only one of the two denies (a denial respelled, "Niether" -> "Neither"), the keywords
    are compared as written."""
    if statement.negative and other.negative and statement.strength is Strength.MAY:
        return Strength.MUST
    return statement.strength


#: Words that hold what a rule requires to an exact match: "the exact same set",
#: "exactly the fields", "identical to".
_EXACTNESS = frozenset(("exact", "exactly", "precisely", "identical", "identically"))


def _exactness(action: str) -> int:
    """How many times a rule's action asks for an exact match."""
    return sum(1 for w in action.split() if w in _EXACTNESS)


def _as_written(ranges: list[str], sentence: str) -> list[str]:
    """Ranges of characters read from an action (lower case), as the sentence writes them."""
    written = {r.casefold(): r for r in character_ranges(sentence)}
    return [written.get(r, r) for r in ranges]


def _written_whole(unit: str, number: str, words: list[str]) -> bool:
    """Whether a name and its number stand as one word among ``words`` ("rfc6838")."""
    return bool(unit) and f"{unit}{number}" in words


def _swapped_requirement(
    a: NormativeStatement, b: NormativeStatement, changed_words: set[str], terms: Terms
) -> tuple[str, str] | None:
    """The words, as written, of the first word of weight swapped for another in what a
    rule governs (its sentences compared, keeping only swaps of words the rule's party,
    action, conditions and exceptions lost or gained in the clause)."""
    if not _one_edit(a, b):
        return None
    changed = {part for word in changed_words for part in _SUBWORD.findall(word)}
    for swap in swapped_words(a.sentence, b.sentence):
        old_words, new_words = swap.words()
        if not old_words <= changed or not new_words <= changed:
            continue  # moved from elsewhere in the clause, or outside this rule
        if (old_words | new_words) & _FORCE_WORDS:
            continue  # the force of a rule or of its exception: read above
        if swap.category or terms.renamed(
            swap.old.casefold(), swap.new.casefold(), swap.before, swap.after
        ):
            continue
        if _edition_swap(swap, terms):
            continue  # the edition's terminology, put in many rules at once
        if _category_only(a.party, b.party) and (old_words, new_words) == ({a.party}, {b.party}):
            continue  # "the field MAY be included" -> "the property MAY ...": the party
        return swap.old_phrase, swap.new_phrase
    return None


_SUBWORD = re.compile(r"\w+")


#: Words that carry force, not what a rule requires: their changes are strengthened,
#: weakened or reversed.
_FORCE_WORDS = _set("""
    must may can should shall will would could might not never cannot no required
    optional recommended allowed forbidden permitted prohibited mandatory
    """)


def _one_edit(a: NormativeStatement, b: NormativeStatement) -> bool:
    """Whether what a rule governs changed in one place, by words put for others: a
    term swapped, the rule otherwise as it was. A rule edited in several places ("the
    root OpenAPI document" -> "the entry document of an OAD") is reworded, which the
    wording rule reads; so is one whose words were only added or dropped. A party that
    names, either way, the member the text describes is no edit (:func:`_same_member`)."""
    old, new = _governed(a), _governed(b)
    if _same_member(a.party, b.party):
        old, new = old[len(a.party.split()) :], new[len(b.party.split()) :]
    old, new = weighty_forms(old), weighty_forms(new)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return len(edits) == 1 and edits[0][0] == "replace"


def _edition_term(old: str, new: str, terms: Terms) -> bool:
    """Whether two phrases (a rule's actions) differ only by substitutions the edition
    made in many clauses at once (:func:`_edition_swap`)."""
    swaps = swapped_words(old, new)
    return bool(swaps) and all(_edition_swap(s, terms) for s in swaps)


def _reworded_nearby(opcodes: Sequence[tuple[str, int, int, int, int]], n: int) -> bool:
    """Whether another edit lies within two words of edit ``n``: "the root OpenAPI
    document" -> "the entry document of an OAD" rewords one phrase, it adds no
    qualifier."""
    for step in (-1, 1):
        m = n + step
        if 0 <= m < len(opcodes) and opcodes[m][0] == "equal":
            gap = opcodes[m][2] - opcodes[m][1]
            m += step
            if gap <= _NEARBY and 0 <= m < len(opcodes) and opcodes[m][0] != "equal":
                return True
    return False


_NEARBY = 2


#: Adverbs that tie a rule to what came before it, not to what it requires: "the list
#: must not be affected" -> "must not be further affected" (by anything more) is one rule.
_ADDITIVE = frozenset(("further", "again", "additionally", "anymore", "too"))


#: Words that join the members of a list: "X, Y, or Z" reads "x y or z".
_COORDINATING = frozenset(("and", "or", "nor", "and/or"))


#: Asides that say where to read more, not what a rule requires.
_ASIDES = frozenset(("see", "e.g", "i.e", "example", "details", "below", "above"))


def _scope_edit(
    a: NormativeStatement,
    b: NormativeStatement,
    gone: set[str],
    fresh: set[str],
    topic: frozenset[str] = frozenset(),
    terms: Terms = NO_TERMS,
) -> tuple[str, str, str] | None:
    """Words only added to, or only taken from, what a rule governs (no word swapped for
    another, which may be a term renamed): a qualifier ("integers" -> "non-negative
    integers") or a listed case ("for cookie and header parameters" -> "for cookie
    parameters") changes what the rule requires. For a permission the direction is
    known: a qualifier added or a case dropped allows less (restricted), the other way
    round more (broadened). Words that only restate the topic of the section the rule
    stands under (``topic``, stemmed) clarify it: "a blank line is not required before or
    after" and "... before or after setext headings" under "Setext headings" are one rule
    (``topic`` holds the stems of the heading words, :func:`_topic_forms`). A qualifier
    the other version gives the same word elsewhere names the thing it already named:
    "added to the errors list" -> "... the errors list in the response" where the old
    text says "the errors list in the response" elsewhere (``terms``)."""
    # "an entry" -> "a first entry": the article takes the form of the word after it, so
    # "a" and "an" are one word and the edit is the qualifier inserted.
    old, new = a.action.split(), b.action.split()
    matcher = difflib.SequenceMatcher(a=_one_article(old), b=_one_article(new), autojunk=False)
    opcodes = matcher.get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op not in ("insert", "delete"):
            continue
        added = op == "insert"
        span = new[j1:j2] if added else old[i1:i2]
        content = [
            w for w in span if w not in _STOPWORDS and w not in _COORDINATING and w not in _ADDITIVE
        ]
        moved_or_aside = any(w not in (fresh if added else gone) for w in content)
        if not content or moved_or_aside or any(w in _ASIDES for w in span):
            continue
        if topic and all(not topic.isdisjoint(_forms(w)) for w in content):
            continue  # the section's own topic, said again
        side = new if added else old
        start, stop = (j1, j2) if added else (i1, i2)
        if _bare_minimum(span, side[stop : stop + 1]):
            continue  # "must support" -> "must at least support": a must is a minimum
        if _qualifier_named(side, start, stop, terms, added=added):
            continue  # "a query document" -> "a document", the new version's term
        if _compound_renamed(old, new, (i1, i2, j1, j2), terms):
            continue  # "by query variables" -> "by variables", the edition's term
        if _names_the_same_character(old, new, (i1, i2, j1, j2), added):
            continue  # "a slash" -> "a forward slash": one character, named in full
        if span[0] in ("which", "who") or _reworded_nearby(opcodes, n):
            continue  # a description appended, or part of a phrase reworded as a whole
        if start > 0 and terms.says(" ".join(side[max(0, start - 2) : stop]), new=not added):
            continue  # "list" -> "list in the response", as the other version names it
        # A case joins or leaves a list at its edge ("spaces" -> "spaces or tabs",
        # "parameter, header, or media type"); "a single JSON or YAML document" holds its
        # "or" inside: a qualifier.
        edges = (span[0], span[-1], *side[max(0, start - 1) : start], *side[stop : stop + 1])
        listed = any(w in _COORDINATING for w in edges)
        if not listed and _set_off(span, b.sentence if added else a.sentence):
            continue  # ", to indicate that ...": a comment on the rule, not a qualifier
        # The span with a word of context on each side, old and new.
        old_quote = " ".join(old[max(0, i1 - 1) : i2 + 1])
        new_quote = " ".join(new[max(0, j1 - 1) : j2 + 1])
        if b.strength is not Strength.MAY or b.negative:
            return "normative.changed", old_quote, new_quote
        widens = added == listed  # a case added, or a qualifier dropped
        return ("normative.broadened" if widens else "normative.restricted"), old_quote, new_quote
    return None


def _compound_renamed(
    old: list[str], new: list[str], edit: tuple[int, int, int, int], terms: Terms
) -> bool:
    """Whether words only added (or only dropped) make, with the word beside them, a term
    the edition put for that word throughout (:meth:`Terms.edition_renamed`): "query
    variables" -> "variables" in many clauses while "query variables" gives way across
    the document. The rule names what it named under the edition's name; a qualifier
    added to one rule, or to several while the bare term keeps its uses, still narrows
    what they govern."""
    i1, i2, j1, j2 = edit
    candidates = []
    if i1 > 0 and j1 > 0 and old[i1 - 1] == new[j1 - 1]:
        candidates.append((old[i1 - 1 : i2], new[j1 - 1 : j2]))  # the word before
    if i2 < len(old) and j2 < len(new) and old[i2] == new[j2]:
        candidates.append((old[i1 : i2 + 1], new[j1 : j2 + 1]))  # the word after
    return any(terms.edition_renamed(" ".join(gone), " ".join(fresh)) for gone, fresh in candidates)


#: Words that say "no less than" without a number: "must at least support X".
_MINIMUM_MARKERS = frozenset(
    (("at", "least"), ("at", "a", "minimum"), ("at", "the", "very", "least"))
)


def _qualifier_named(side: list[str], start: int, stop: int, terms: Terms, *, added: bool) -> bool:
    """Whether one word added before a noun (``side[start]`` before ``side[stop]``; taken
    away, when not ``added``) names the same thing the bare noun did: either the word is
    one version's usage throughout ("query document" in the old GraphQL spec, "document"
    alone in the new one: :meth:`Terms.qualifier_retired`), or the noun is definite and
    the other version says the same thing with the word elsewhere ("the source of the
    error" -> "... of the field error" where the old text speaks of "the field error"):
    "the" points at a thing the text already named, and the word only names it in full."""
    if stop - start != 1 or stop >= len(side):
        return False
    qualifier, noun = side[start], side[stop]
    if qualifier in _STOPWORDS or noun in _STOPWORDS:
        return False
    if terms.qualifier_retired(qualifier, noun, in_new=added):
        return True
    return (
        start > 0
        and side[start - 1] == "the"
        and terms.says(f"the {qualifier} {noun}", new=not added)
    )


def _bare_minimum(span: list[str], after: list[str]) -> bool:
    """Whether words added to or taken from a rule only say that it sets a minimum, with
    no number after them: "the format must support these four primitives" -> "... must
    at least support these four primitives". What a rule requires it already requires at
    least; the words make explicit that more is allowed, which it was. Before a number
    ("at least 10") they state a bound, read with the rule's quantities."""
    if tuple(span) not in _MINIMUM_MARKERS:
        return False
    following = after[0] if after else ""
    return not (following[:1].isdigit() or following in NUMBER_VALUES)


def _character_named_in_full(old_action: str, new_action: str) -> frozenset[str]:
    """The words inserted into or deleted from an action that only name a character it
    names in full ("a slash" -> "a forward slash": "forward")."""
    old, new = old_action.split(), new_action.split()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    found: set[str] = set()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("insert", "delete") and _names_the_same_character(
            old, new, (i1, i2, j1, j2), op == "insert"
        ):
            found |= {*new[j1:j2], *old[i1:i2]}
    return frozenset(found)


def _names_the_same_character(
    old: list[str], new: list[str], stretch: tuple[int, int, int, int], added: bool
) -> bool:
    """Whether words inserted into (``added``) or deleted from a rule's action make, with
    the word after them, another name of the character that word names alone."""
    i1, i2, j1, j2 = stretch
    if added:
        return i1 < len(old) and same_character(new[j1 : j2 + 1], old[i1 : i1 + 1])
    return j1 < len(new) and same_character(old[i1 : i2 + 1], new[j1 : j1 + 1])


def _one_article(words: list[str]) -> list[str]:
    """The words with the indefinite article written one way ("an" read as "a")."""
    return ["a" if w == "an" else w for w in words]


def _set_off(span: list[str], sentence: str) -> bool:
    """Whether a phrase follows a comma, a dash or a parenthesis in its sentence: set off
    like that it comments on the rule ("MAY be relative, to indicate that ...") rather
    than narrowing what it governs."""
    pattern = r"\W+".join(re.escape(w) for w in span)
    found = re.search(rf"(?<![\w-]){pattern}(?![\w-])", sentence.casefold())
    if found is None:
        return False
    before = sentence[: found.start()].rstrip(" *_`\"'")
    return before.endswith((",", "—", "–", "(", " -", ";"))


def _party_scope(old: str, new: str, changed_words: set[str]) -> str:
    """A coordinated party that gained or lost a member: "Each name MUST" -> "Each name
    or URI MUST" binds more (broadened); the other way round, fewer (restricted)."""
    if not old or not new or old == new:
        return ""
    before, after = set(conjuncts(old)), set(conjuncts(new))
    if not any(w in changed_words for member in before ^ after for w in member.split()):
        return ""  # the member's words only moved within the clause
    if before < after:
        return "normative.broadened"
    if after < before:
        return "normative.restricted"
    return ""


def _other_party(old: str, new: str, changed_words: set[str]) -> bool:
    """ "Clients must" -> "Servers must": the rule binds someone else."""
    if not old or not new or old == new:
        return False
    if len(old.split()) > 2 or len(new.split()) > 2:
        return False  # a long noun phrase renamed is rewording, not another party
    return old.rsplit(maxsplit=1)[-1] in changed_words or _plural_gone(old, changed_words)


def _owner_changed(old: str, new: str) -> bool:
    """ "The shelves of a gas kiln must ..." -> "For each shelf of an electric kiln: the
    shelf must ...": the same member of another whole is another party (a word of the
    whole put for another; a category noun dropped or a word added is not)."""
    before, after = _owner(old), _owner(new)
    if before is None or after is None or before[1] != after[1]:
        return False
    if before[0] != after[0] and not another_number_or_tense(before[0], after[0]):
        return False
    gone, came = before[2] - after[2], after[2] - before[2]
    return bool(gone) and bool(came)


def _owner(party: str) -> tuple[str, str, frozenset[str]] | None:
    """A party keyed as a member of a whole ("shelf of gas kiln"): the member, the word
    that ties it, and the stems of the whole's words but category nouns."""
    words = party.split()
    if len(words) < 3 or words[1] not in _OF_WORDS:
        return None
    whole = frozenset(_stem(w) for w in words[2:] if w not in CATEGORY_NOUNS)
    return words[0], words[1], whole


#: Words that tie a member to its whole in a party's key ("field of object type").
_OF_WORDS = frozenset(("of", "in", "within"))


def _category_dropped(old: str, new: str) -> bool:
    """ "The Paths Object MAY be empty" -> "The Paths MAY be empty": the same thing, named by
    the same word, with or without the noun of its category after it."""
    longer, shorter = sorted((old.split(), new.split()), key=len, reverse=True)
    if len(longer) != len(shorter) + 1 or not shorter or longer[-1] not in CATEGORY_NOUNS:
        return False
    return [_stem(w) for w in longer[:-1]] == [_stem(w) for w in shorter]


def _category_only(old: str, new: str) -> bool:
    """ "this field is REQUIRED" -> "this property is REQUIRED": a party named by a noun
    for a member of a structure alone is the member the text is about (the row's field),
    whichever of these nouns names it. Not other category nouns: "the key" and "the
    value" of an entry are two things."""
    return old in _MEMBER_NOUNS and new in _MEMBER_NOUNS


#: Nouns a spec uses, one for another, for a named member of an object or a schema.
_MEMBER_NOUNS = _set("field property attribute member keyword")


#: ... and for what such a member holds: "Value MUST be ..." in the row of a field.
_MEMBER_VALUE = _set("value")


def _same_member(old: str, new: str) -> bool:
    """Whether two parties of a rule name the member a text describes, the one by its
    noun ("Value MUST be in the form of a URI", "The field MUST ...") and the other by a
    pronoun, which leaves no party ("This MUST be in the form of a URI"), or by another
    such noun: one party, pointed at otherwise."""
    nouns = _MEMBER_NOUNS | _MEMBER_VALUE
    if old == new or not (old in nouns or not old) or not (new in nouns or not new):
        return False
    return bool(old) or bool(new)


def _plural_gone(party: str, changed_words: set[str]) -> bool:
    last = party.rsplit(maxsplit=1)[-1]
    return any(w.startswith(last) for w in changed_words)


def _compare_phrases(
    old: tuple[str, ...],
    new: tuple[str, ...],
    changed_words: set[str],
    emit: Record,
    terms: Terms,
    *,
    exception: bool,
    permission: bool = False,
    topic: frozenset[str] = frozenset(),
    carried: tuple[Callable[[str], bool], Callable[[str], bool]] | None = None,
) -> None:
    """Exceptions or conditions that appeared, disappeared or changed. One said in other
    forms of its words, or with a category noun or a term renamed throughout ("with the
    `schema` field" -> "with the `schema` object"), is the same; so is one that only
    says again the topic of the section it stands under (``topic``, stemmed, as
    :func:`_scope_edit` reads an action: "when executing a query" -> "... a query
    operation" under "Executing Operations")."""
    if old == new:
        return
    # "Otherwise" names the case the sentence before set its condition against: its
    # words are that condition's, compared where it is stated, not here.
    old = tuple(p for p in old if p != _OTHER_CASE)
    new = tuple(p for p in new if p != _OTHER_CASE)
    # An exception is what it excepts, however it is said ("unless X", "An exception is if
    # X" in a sentence of its own).
    said = exception_body if exception else str
    left = list(new)
    for phrase in old:
        match = max(
            left, key=lambda p: Indel.normalized_similarity(said(phrase), said(p)), default=None
        )
        if match is not None and Indel.normalized_similarity(said(phrase), said(match)) >= 0.5:
            left.remove(match)
            if (
                said(phrase) != said(match)
                and _touches(changed_words, [_unmarked(phrase), _unmarked(match)])
                and not one_wording(said(phrase), said(match))
                and not one_event(said(phrase), said(match))
                and not _terminology(said(phrase), said(match), terms)
                # Terms renamed in a case also said with another verb ("the field returns
                # null because of a field error" -> "a response position resolves to null
                # because of an execution error"): both readings at once, the same case.
                and not _terminology(as_event(said(phrase)), as_event(said(match)), terms)
                and not _phrase_qualifier_named(said(phrase), said(match), terms)
                and not _topic_restated(said(phrase), said(match), topic)
                and _pointed_back(said(phrase)) != _pointed_back(said(match))
            ):
                old_words, new_words = _quote(phrase, match)
                emit(
                    _phrase_change(old_words, new_words, exception),
                    old_words or phrase,
                    new_words or match,
                )
            continue
        if not _touches(changed_words, [_unmarked(phrase)]):
            continue
        if carried is not None and carried[0](phrase):
            continue  # said by the sentence the new rule's party points back to
        if exception:
            emit("normative.exception_removed", phrase, None)
        else:
            emit("normative.broadened" if permission else "normative.changed", phrase, None)
    for phrase in left:
        if not _touches(changed_words, [_unmarked(phrase)]):
            continue
        if carried is not None and carried[1](phrase):
            continue  # said by the sentence the old rule's party pointed back to
        if exception:
            emit("normative.exception_added", None, phrase)
        else:
            emit("normative.restricted" if permission else "normative.changed", None, phrase)


def _edited_spans(old_words: list[str], new_words: list[str]) -> Iterator[list[str] | None]:
    """Where two versions of some words differ, the indefinite article written one way
    (:func:`_one_article`): for each edit, in order, the content words (no stopwords) it
    added or took, or None where words were put for others. What the two topic readings
    (:func:`_topic_restated`, :func:`topic_words_added`) read against the heading."""
    old_words, new_words = _one_article(old_words), _one_article(new_words)
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace":
            yield None
        elif op != "equal":
            span = old_words[i1:i2] if op == "delete" else new_words[j1:j2]
            yield [w for w in span if w not in _STOPWORDS]


def _says_topic(content: list[str], topic: frozenset[str]) -> bool:
    """Whether some content words are there and all say the section's topic again
    (``topic``: the stemmed words of the headings they stand under)."""
    return bool(content) and all(not topic.isdisjoint(_forms(w)) for w in content)


def _carried_by_antecedent(phrase: str, rule: NormativeStatement, text: str) -> bool:
    """Whether a condition one version of a rule states, and ``rule`` (the other
    version) does not, is carried by the text before ``rule`` in its clause (``text``):
    ``rule`` names its party by a definite noun ("The error must be added to the errors
    list") that text brings in with an indefinite one ("If the resolver returned null,
    then a field error is thrown."), and that text says every content word of the
    condition ("if the resolver returned null"). The party exists only in the case the
    sentence before names, so the rule holds in that case alone, as it did when it said
    the case itself. A definite party said before as definite ("The server logs it. The
    server must retry") points back to no case: its condition is still read."""
    words = words_of(rule.sentence).split()
    head = rule.party.split()[-1:] if rule.party else []
    if not head or len(words) < 2 or words[0] not in _DEFINITE:
        return False
    stem = _stem(head[0])
    if not any(_stem(w) == stem for w in words[1:4]):
        return False
    plain = words_of(text).split()
    at = next(
        (i for i in range(len(plain) - len(words) + 1) if plain[i : i + len(words)] == words),
        -1,
    )
    before = plain[max(0, at - _ANTECEDENT_REACH) : at] if at > 0 else []
    if not any(
        w in ("a", "an") and any(_stem(x) == stem for x in before[i + 1 : i + 4])
        for i, w in enumerate(before)
    ):
        return False
    said = {_stem(w) for w in before}
    content = [w for w in _unmarked(phrase).split() if w not in _STOPWORDS]
    return bool(content) and all(_stem(w) in said for w in content)


#: Words that make a noun point back to one said before: "the error", "this entry".
_DEFINITE = frozenset(("the", "this", "that", "such", "these", "those"))
#: How many words back the sentence bringing in a rule's party may start.
_ANTECEDENT_REACH = 80


def _topic_restated(old: str, new: str, topic: frozenset[str]) -> bool:
    """Whether two versions of a phrase differ only by words added or dropped (no word
    put for another) whose content words all say the section's topic again (``topic``,
    the stemmed words of the headings it stands under)."""
    if not topic:
        return False
    content: list[str] = []
    for span in _edited_spans(old.split(), new.split()):
        if span is None:
            return False
        content += span
    return _says_topic(content, topic)


def _unmarked(phrase: str) -> str:
    """A condition or exception without the words of the marker opening it ("as long as
    they are balanced" -> "they are balanced"): "long" says it is a condition, not what
    it is about. A narrowing "only" ("only if") stays: it restricts."""
    words = phrase.split()
    for marker in _PHRASE_MARKERS:
        if tuple(w.casefold() for w in words[: len(marker)]) == marker:
            return (
                " ".join(w for w in words[: len(marker)] if w.casefold() == "only")
                + " "
                + " ".join(words[len(marker) :])
            )
    return phrase


def topic_words_added(old: str, new: str, topic: frozenset[str]) -> frozenset[str]:
    """The words added to a rule's sentence or taken from it (no word put for another)
    that only say again the topic of the section it stands under (``topic``: the stemmed
    words of its headings, :func:`_topic_forms`), as :func:`_topic_restated` reads a
    condition: "an error" -> "a field error" under "Handling Field Errors", "executing a
    query" -> "executing a query operation" under "Executing Operations". The reader
    already knows what the section speaks of: the words name it again, no rule changed."""
    if not topic:
        return frozenset()
    found: set[str] = set()
    for span in _edited_spans(words_of(old).split(), words_of(new).split()):
        if span is not None and _says_topic(span, topic):
            found.update(span)
    return frozenset(found)


def _qualifiers_named(old: str, new: str, terms: Terms) -> frozenset[str]:
    """The words added to or taken from a rule's sentence, one before a noun, that name
    the thing the bare noun named (:func:`_qualifier_named`): "a query document" -> "a
    document" where "query document" is the old version's usage throughout; or that
    make, with the word beside them, a term the edition renamed (:func:`_compound_renamed`:
    "by query variables" -> "by variables")."""
    old_words, new_words = words_of(old).split(), words_of(new).split()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    found: set[str] = set()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "insert" and _qualifier_named(new_words, j1, j2, terms, added=True):
            found.add(new_words[j1])
        elif op == "delete" and _qualifier_named(old_words, i1, i2, terms, added=False):
            found.add(old_words[i1])
        elif op in ("insert", "delete") and _compound_renamed(
            old_words, new_words, (i1, i2, j1, j2), terms
        ):
            found.update(new_words[j1:j2] if op == "insert" else old_words[i1:i2])
    return frozenset(found)


def _phrase_qualifier_named(old: str, new: str, terms: Terms) -> bool:
    """Whether two versions of a condition differ by one word before a noun that names
    the same thing (:func:`_qualifier_named`): "if ... to the source of the error" ->
    "... of the field error"; or by a description appended at its end, as
    :func:`_scope_edit` reads one after an action: "if the field was null because of an
    error" -> "... because of an error which has already been added to the errors list"
    (a relative clause on "which" or "who" describes what the condition names)."""
    old_words, new_words = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(edits) != 1 or edits[0][0] not in ("insert", "delete"):
        return False
    op, i1, i2, j1, j2 = edits[0]
    side, start, stop = (new_words, j1, j2) if op == "insert" else (old_words, i1, i2)
    if stop == len(side) and side[start] in ("which", "who"):
        return True
    return _qualifier_named(side, start, stop, terms, added=op == "insert")


#: A count of things the text points back (or ahead) to: "other than the three described
#: above". The phrase names what that text describes, as "those described above" does:
#: saying it one way or the other changes no requirement (a number changed for another
#: is still read as a changed number).
_COUNTED_BACK = re.compile(
    rf"\b(?:the|these)\s+(?:\d+|{'|'.join(NUMBER_VALUES)})\s+(?=(?:\w+\s+)?"
    r"(?:described|listed|mentioned|given|defined|named|shown|specified|above|below)\b)",
    re.IGNORECASE,
)


def _pointed_back(phrase: str) -> str:
    """``phrase`` with a count of things pointed back to said as "those" (see
    :data:`_COUNTED_BACK`)."""
    return _COUNTED_BACK.sub("those ", phrase)


_MODAL_STRENGTH = {"may": 1, "can": 1, "should": 2, "must": 3, "shall": 3}


def _phrase_change(old_words: str, new_words: str, exception: bool) -> str:
    """A condition or exception whose only change is its modal ("unless a message says it
    may be shared" -> "... must be shared"): a narrower exception strengthens the rule,
    a wider one weakens it. Anything else changes the requirement."""
    before, after = _MODAL_STRENGTH.get(old_words), _MODAL_STRENGTH.get(new_words)
    if before is None or after is None or before == after:
        return "normative.changed"
    narrower = after > before
    return "normative.strengthened" if narrower == exception else "normative.weakened"


def _touches(changed_words: set[str], phrases: list[str]) -> bool:
    return any(w in changed_words for phrase in phrases for w in phrase.casefold().split())


#: Prefixes that make a word name what the bare word does not ("invalid", "unpaid").
_NEGATING_PREFIXES = ("non-", "non", "un", "in", "im", "il", "ir", "dis")


def _contraposed(a: NormativeStatement, b: NormativeStatement) -> tuple[str, str] | None:
    """The two words, when a prohibition and a rule of "only" say the same thing of the
    same party with the same force, the negation moved into a word: "execution should not
    occur for invalid requests" -> "execution should only occur for valid requests".
    Not doing it for what is not valid is doing it only for what is valid, so no rule was
    reversed. Said of the same word both times ("should only occur for invalid
    requests"), or with another word changed, it is another rule, read as such."""
    if a.negative == b.negative or a.strength != b.strength:
        return None
    denied, only = (a, b) if a.negative else (b, a)
    if words_of(denied.party) != words_of(only.party):
        return None
    plain = [w for w in words_of(only.action).split() if w not in _RESTRICTING]
    if len(plain) == len(words_of(only.action).split()):
        return None  # no "only": a plain reversal
    negated = [w for w in words_of(denied.action).split() if w not in _DENIALS]
    if len(negated) != len(plain):
        return None
    swapped = [(x, y) for x, y in zip(negated, plain, strict=True) if x != y]
    if len(swapped) != 1:
        return None
    x, y = swapped[0]
    if any(x == p + y or y == p + x for p in _NEGATING_PREFIXES):
        return x, y
    return None


#: States of a thing that is not there: a rule denying one requires the thing.
_ABSENT = _set("null nil absent missing omitted undefined unset")
#: States of a thing that is there; "exist" says it with a verb of its own.
_PRESENT = _set("present defined provided given supplied specified set non-null nonnull")
_EXISTS = _set("exist exists")


def _presence_restated(a: NormativeStatement, b: NormativeStatement) -> tuple[str, ...] | None:
    """The words of both actions, when a prohibition of a thing's absence and an
    obligation of its presence say the same of the same party with the same force:
    "{type} must not be {null}" -> "{type} must exist", "the field must not be absent" ->
    "the field must be present". What must not be missing must be there, so no rule was
    reversed. Another state ("must not be null" -> "must be empty"), another party or
    another word besides is another rule, read as such."""
    if a.negative == b.negative or a.strength != b.strength:
        return None
    denied, plain = (a, b) if a.negative else (b, a)
    if words_of(denied.party) != words_of(plain.party):
        return None
    absent = [w for w in words_of(denied.action).split() if w not in _DENIALS]
    present = words_of(plain.action).split()
    if len(absent) < 2 or absent[0] != "be" or absent[1] not in _ABSENT:
        return None
    if present[:1] and present[0] in _EXISTS:
        said, rest = present[:1], present[1:]
    elif len(present) >= 2 and present[0] == "be" and present[1] in _PRESENT:
        said, rest = present[:2], present[2:]
    else:
        return None
    if rest != absent[2:]:
        return None
    return (*absent[:2], *said)


def _quote(old: str, new: str) -> tuple[str, str]:
    """The words that differ between two phrases, with a word of context when one side
    would otherwise be empty: ``"at most 10"`` / ``"at least 10"``."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    regions = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not regions:
        return "", ""
    first, last = regions[0], regions[-1]
    i1, i2, j1, j2 = first[1], last[2], first[3], last[4]
    if i1 == i2 or j1 == j2:  # a pure insertion or deletion: show where
        i1, j1 = max(0, i1 - 1), max(0, j1 - 1)
        i2, j2 = min(len(a), i2 + 1), min(len(b), j2 + 1)
    return " ".join(a[i1:i2]), " ".join(b[j1:j2])
