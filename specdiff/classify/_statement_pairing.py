"""Pairing the statements of two versions of a clause by the rule they govern.

Statements pair by what they govern (party, action, conditions, exceptions), not by the
sentence they sit in; a statement left over may be absorbed into, or carved from, the
statements around it, with the words that moved between statements of the clause.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..parse import canonical_ranges
from ..parse.statements import DECLARATIVE_VERBS, exception_body, words_of
from ._statement_words import (
    _NEGATORS,
    _STOPWORDS,
    _adverb,
    _head_verb,
    _set,
    _shared_party,
    _stem,
    _terminology,
)
from ._terms import NO_TERMS, Terms
from ._wording import CATEGORY_NOUNS, relinked_words

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..model.document import NormativeStatement


#: Statements whose governed words are this similar are taken as the same rule.
PAIR_THRESHOLD = 0.45


#: ... and this similar when they share their keyword but for its negation.
LOOSE_THRESHOLD = 0.15


def left_unpaired(
    old: tuple[NormativeStatement, ...],
    new: tuple[NormativeStatement, ...],
    terms: Terms = NO_TERMS,
) -> tuple[bool, bool]:
    """Whether some old statement, and some new one, finds no partner in the other version
    of its clause: a rule that left the clause, or joined it."""
    if [_identity(s) for s in old] == [_identity(s) for s in new]:
        return False, False
    _, old_left, new_left = _pair_positions(old, new, terms)
    return bool(old_left), bool(new_left)


def _identity(statement: NormativeStatement) -> tuple[object, ...]:
    return (
        statement.party,
        statement.keyword.casefold(),
        statement.negative,  # "No request may ..." / "Requests may ...": one keyword
        rfc2119_capitals(statement.keyword),
        statement.action,
        statement.conditions,
        statement.exceptions,
    )


def _governed(statement: NormativeStatement) -> list[str]:
    """The words saying what a rule governs: its party, action, conditions, and what its
    exceptions except (not the words saying they are exceptions: "unless X" and "An
    exception is if X" except the same)."""
    excepted = (exception_body(e) for e in statement.exceptions)
    return " ".join([statement.party, statement.action, *statement.conditions, *excepted]).split()


def pair_statements(
    old: tuple[NormativeStatement, ...],
    new: tuple[NormativeStatement, ...],
    terms: Terms = NO_TERMS,
) -> tuple[
    list[tuple[NormativeStatement, NormativeStatement]],
    list[NormativeStatement],
    list[NormativeStatement],
]:
    """Pairs of statements that govern the same thing, and those left without a partner.

    Identical statements pair first; then the most similar pairs, best first, with ties
    broken by position so that the result never depends on anything but the texts.
    """
    pairs, old_left, new_left = _pair_positions(old, new, terms)
    return (
        [(old[i], new[j]) for i, j in pairs],
        [old[i] for i in old_left],
        [new[j] for j in new_left],
    )


def _pair_positions(
    old: Sequence[NormativeStatement],
    new: Sequence[NormativeStatement],
    terms: Terms = NO_TERMS,
    heads: frozenset[str] = frozenset(),
    *,
    by_matter: bool = False,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """:func:`pair_statements` by position: (old, new) pairs, lone old, lone new.

    A lead-in whose items are in view (its sentence among ``heads``) pairs only with
    another lead-in: a rule that states its action in full is read against the items."""
    pairs: list[tuple[int, int]] = []
    new_left = list(range(len(new)))
    old_left = []
    for i, statement in enumerate(old):
        key = _identity(statement)
        match = next((j for j in new_left if _identity(new[j]) == key), None)
        if match is None:
            old_left.append(i)
        else:
            new_left.remove(match)
            pairs.append((i, match))
    scored = sorted(
        (-_similarity(old[i], new[j], terms, by_matter=by_matter), i, j)
        for i in old_left
        for j in new_left
        if not (heads and (old[i].sentence in heads) != (new[j].sentence in heads))
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for negative_score, i, j in scored:
        if -negative_score < PAIR_THRESHOLD:
            break
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    # A rule turned around and reworded at once ("white lies ... are allowed" ->
    # "even white lies ... are not allowed"): the same keyword but for its negation,
    # and the same party, is enough at a lower similarity.
    for negative_score, i, j in scored:
        if -negative_score < LOOSE_THRESHOLD:
            break
        if (
            i not in used_old
            and j not in used_new
            and _root(old[i].keyword) == _root(new[j].keyword)
            and (old[i].party == new[j].party or _same_rule_head(old[i], new[j]))
        ):
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    # The one rule a clause said of a party, replaced by another one about it under the
    # same conditions and polarity ("the array MUST be empty" -> "the array MAY contain
    # role names"): the rule was rewritten, its force and requirement changed; it did not
    # go while a new one came. (A prohibition said again as an obligation, "cannot nest
    # X with the same Y" -> "must use a different Y", is no rule turned around.)
    lone_old = [i for i in old_left if i not in used_old]
    lone_new = [j for j in new_left if j not in used_new]
    for i in lone_old:
        party = old[i].party
        mates = [
            j
            for j in lone_new
            if new[j].party == party
            and not (heads and (old[i].sentence in heads) != (new[j].sentence in heads))
        ]
        if (
            party
            and len(mates) == 1
            and old[i].negative == new[mates[0]].negative
            and sum(1 for k in lone_old if old[k].party == party) == 1
            and (old[i].conditions, old[i].exceptions)
            == (new[mates[0]].conditions, new[mates[0]].exceptions)
        ):
            used_old.add(i)
            used_new.add(mates[0])
            pairs.append((i, mates[0]))
    # The one rule left on each side, stated for the same case (its conditions mostly
    # the same words): "if the provided value is null, the coerced value should be null"
    # -> "if the provided value is null, a query error must be raised". What the rule
    # requires in that case was rewritten, whatever its party; no rule went while
    # another came.
    # Then the one rule left on each side, the same rule said of its party in other words
    # (:func:`_party_respelled`): one rule restated, not one removed while another came.
    # Where more are left (two rules merged into one), the merge readings decide.
    for same_rule in (_same_case, _party_respelled):
        lone_old = [i for i in old_left if i not in used_old]
        lone_new = [j for j in new_left if j not in used_new]
        # A rule of the other case ("Otherwise, it MAY ...") is no candidate for a rule
        # under a condition of its own: it is left alone, not counted.
        if len(lone_old) == 1:
            lone_new = [j for j in lone_new if not _other_cases(old[lone_old[0]], new[j])]
        if len(lone_new) == 1:
            lone_old = [i for i in lone_old if not _other_cases(old[i], new[lone_new[0]])]
        if len(lone_old) == 1 == len(lone_new):
            i, j = lone_old[0], lone_new[0]
            if not (heads and (old[i].sentence in heads) != (new[j].sentence in heads)) and (
                same_rule(old[i], new[j])
            ):
                pairs.append((i, j))
                used_old.add(i)
                used_new.add(j)
    pairs.sort()
    return (
        pairs,
        [i for i in old_left if i not in used_old],
        [j for j in new_left if j not in used_new],
    )


#: How much of their conditions' content two rules must share to govern the same case.
_SAME_CASE = 0.5


def _same_case(a: NormativeStatement, b: NormativeStatement) -> bool:
    """Whether two rules of the same polarity are stated under conditions that are mostly
    the same words (stems of content words, shared share at least :data:`_SAME_CASE`)."""
    if a.negative != b.negative or not a.conditions or not b.conditions:
        return False
    old, new = _case_words(a), _case_words(b)
    total = sum(old.values()) + sum(new.values())
    return bool(total) and 2 * sum((old & new).values()) / total >= _SAME_CASE


def _case_words(statement: NormativeStatement) -> Counter[str]:
    words = " ".join(statement.conditions).split()
    return Counter(_stem(w) for w in words if w not in _STOPWORDS and w not in _CONDITION_WORDS)


#: Words that open a condition, not what it is about.
_CONDITION_WORDS = frozenset(("if", "when", "whenever", "where", "once"))


def _also_stated(
    statement: NormativeStatement,
    others: Sequence[NormativeStatement],
    terms: Terms,
    piece: bool = False,
) -> int | None:
    """The position among ``others`` (the other version) of the statement that governs
    what ``statement`` governs (same party, similar words), when one rule was split into
    several or several merged into one: the best one, the earliest of equals. A
    ``piece`` (the rule of a clause added to or removed from the run) may also be one
    part of a rule that governs more (:func:`_part_of`)."""
    best: tuple[float, int] | None = None
    for k, other in enumerate(others):
        if other.party != statement.party or not other.action:
            continue
        score = _similarity(statement, other, terms)
        if piece:
            score = max(score, _part_of(statement, other))
        if score >= PAIR_THRESHOLD and (best is None or score > best[0]):
            best = (score, k)
    return best[1] if best is not None else None


def _part_of(part: NormativeStatement, whole: NormativeStatement) -> float:
    """How much of what ``part`` governs ``whole`` governs too, when ``whole`` governs more:
    one of the actions of "must weigh each parcel, label it and scan it" said as an item
    of its own ("- scan it after loading")."""
    words = [w for w in _governed(part) if w not in _STOPWORDS]
    within = set(_governed(whole))
    if not words or len(within) <= len(set(words)):
        return 0.0
    return sum(1 for w in words if w in within) / len(words)


def _heads(statements: Iterable[NormativeStatement]) -> frozenset[str]:
    """The sentences of lead-ins whose items are among ``statements``: a rule that says
    nothing itself ("a courier MUST:") and leaves its action to the list items below it,
    which carry its force (their sentences open with the lead-in's)."""
    found = list(statements)
    empty = {s.sentence for s in found if not s.action}
    return frozenset(
        head
        for head in empty
        if any(s.sentence != head and s.sentence.startswith(head + " ") for s in found)
    )


def _same_rule_head(a: NormativeStatement, b: NormativeStatement) -> bool:
    """The same keyword and verb said of a party one of them extends: "Each name MUST
    correspond to ..." and "Each name or URI MUST correspond to ..." are one rule."""
    verb = _head_verb(a.action)
    return (
        a.keyword == b.keyword
        and bool(verb)
        and verb == _head_verb(b.action)
        and bool(a.party and b.party)
        and _shared_party(a.party, b.party)
    )


def _party_respelled(a: NormativeStatement, b: NormativeStatement) -> bool:
    """The same rule said of its party in other words: the same keyword and polarity, the
    same verb, mostly the same action in the same order (:data:`_SAME_ACTION`), and a
    party that shares a content word with the old one. "The object field argument must
    accept the same type as the interface field argument" -> "That named argument on
    {field} must accept the same type as that named argument on {implementedField}": one
    rule restated, not one removed while another came. A rule moved to a party of which it
    says nothing alike ("servers must log" -> "clients must log") is no respelling."""
    verb = _head_verb(a.action)
    if (
        a.keyword.casefold() != b.keyword.casefold()
        or a.negative != b.negative
        or not verb
        or _verb_root(verb) != _verb_root(_head_verb(b.action))
    ):
        return False
    party_a = {_stem(w) for w in a.party.split() if w not in _STOPWORDS}
    party_b = {_stem(w) for w in b.party.split() if w not in _STOPWORDS}
    if party_a.isdisjoint(party_b):
        return False
    return Indel.normalized_similarity(a.action.split(), b.action.split()) >= _SAME_ACTION


#: How alike two rules' actions must be, word by word in their order, to be one rule
#: respelled: "appending an arbitrary string ... and a dash" -> "appending a dash and a
#: series of identifiers ..." reorders and replaces what is appended, another requirement.
_SAME_ACTION = 0.6


#: Modals whose lower-case form is not certainly a rule: "it should be precise" may be
#: advice or an expectation ("the call should return at once"); only the RFC 2119 capital
#: SHOULD is a recommendation for certain. Lower-case "must" and "shall" bind either way
#: ("must" -> "MUST" is the same obligation); lower-case "may" is read for its sense by
#: the parser, so an epistemic "may" that becomes "MAY" is already a rule added.
_CASE_SENSITIVE_MODALS = frozenset(("should",))


def rfc2119_capitals(keyword: str) -> bool:
    """Whether a keyword is a modal whose force depends on its case, written in RFC 2119
    capitals (``SHOULD``, ``SHOULD not``), rather than in lower case (or capitalised only
    to open a sentence)."""
    words = keyword.split()
    return bool(words) and words[0].casefold() in _CASE_SENSITIVE_MODALS and words[0].isupper()


def in_capitals(keyword: str) -> bool:
    """Whether a keyword is written in RFC 2119 capitals (``MUST``, ``MAY``, ``is
    REQUIRED``): a rule wherever it stands."""
    return any(len(w) > 1 and w.isupper() for w in keyword.split())


def _root(keyword: str) -> str:
    """The keyword without its negation, its copula in one number: ``are not allowed``
    -> ``be allowed``, as ``is never allowed`` ("Selections on scalars are never allowed"
    -> "A subselection is not allowed on leaf fields": one prohibition, said of one
    thing or of many)."""
    words = _NEGATORS.sub(" ", keyword.casefold()).split()
    if words and words[0] in _COPULAS:
        words[0] = "be"
    return " ".join(words)


_COPULAS = frozenset(("is", "are"))


def _similarity(
    a: NormativeStatement,
    b: NormativeStatement,
    terms: Terms = NO_TERMS,
    *,
    by_matter: bool = False,
) -> float:
    if _other_cases(a, b):
        return 0.0
    score = Indel.normalized_similarity(_governed(a), _governed(b))
    if by_matter:
        score = max(score, _same_matter(a, b))
    if a.party and b.party and a.party != b.party and not _shared_party(a.party, b.party):
        if _terminology(a.party, b.party, terms):
            # The same party under its new name ("sender" -> "producer" throughout).
            score = Indel.normalized_similarity(
                _governed(a), [*a.party.split(), *_governed(b)[len(b.party.split()) :]]
            )
        else:
            score *= 0.6
    if a.sentence == b.sentence:
        score = max(score, 0.5)  # same sentence, keyword edited in place
    voice = _voice(a, b)
    if voice is not None:
        # "Implementations must strip the mark" / "The mark must be stripped": the same
        # words in another order, less the agent and the verb's form.
        before = Counter(w for w in _governed(a) if w not in voice and w not in _STOPWORDS)
        after = Counter(w for w in _governed(b) if w not in voice and w not in _STOPWORDS)
        total = sum(before.values()) + sum(after.values())
        if total:
            score = max(score, 2 * sum((before & after).values()) / total)
    return score


#: The condition "Otherwise, ..." opens (:func:`specdiff.parse.statements._leading_clause`):
#: the case set against the condition before it.
_OTHER_CASE = "otherwise"


def _other_cases(a: NormativeStatement, b: NormativeStatement) -> bool:
    """Whether one rule holds "otherwise" and the other under a condition of its own that
    affirms a case: they govern opposite cases ("If it is in "path", it MUST be included"
    and "Otherwise, it MAY be included"), so neither is the other reworded, however alike
    their words. A condition that denies ("if it is not non-null, the argument is
    optional") may be the other case said in words, and is left to the wording."""
    a_other, b_other = _OTHER_CASE in a.conditions, _OTHER_CASE in b.conditions
    return (a_other and not b_other and _affirmed(b.conditions)) or (
        b_other and not a_other and _affirmed(a.conditions)
    )


def _affirmed(conditions: tuple[str, ...]) -> bool:
    return bool(conditions) and all(_CASE_DENIALS.isdisjoint(c.split()) for c in conditions)


#: Words that deny a condition's case: "if it is not ...", "if no ...".
_CASE_DENIALS = frozenset(("not", "no", "never", "none", "neither", "nor", "unless", "except"))


def _same_matter(a: NormativeStatement, b: NormativeStatement) -> float:
    """How much two rules say of the same things, whatever the order and the category
    nouns: the shared share of their content words, category nouns ("field", "property",
    "object") left out. "Parameter Objects MUST include either a `content` field or a
    `schema` field" and "A parameter MUST contain either a `schema` property, or a
    `content` property" govern the same choice, written the other way round. Rules of
    fewer than :data:`_MATTER_WORDS` such words are left to their wording."""
    old, new = _matter(a), _matter(b)
    total = sum(old.values()) + sum(new.values())
    if min(sum(old.values()), sum(new.values())) < _MATTER_WORDS:
        return 0.0
    return 2 * sum((old & new).values()) / total


def _matter(statement: NormativeStatement) -> Counter[str]:
    """The stems of a rule's content words, category nouns left out."""
    return Counter(
        _stem(w) for w in _governed(statement) if w not in _STOPWORDS and w not in CATEGORY_NOUNS
    )


#: The fewest content words a rule needs to be paired by its matter alone.
_MATTER_WORDS = 5


#: The passive's own words: "be stripped by clerks".
_PASSIVE_WORDS = frozenset(("be", "by"))


#: Verbs that take the action as their object: "use percent-encoding" says what
#: "be percent-encoded" says.
_LIGHT_VERBS = _set("use apply perform do make give undergo")


def _voice(a: NormativeStatement, b: NormativeStatement) -> frozenset[str] | None:
    """The words a change of voice accounts for, when one rule says in the passive what
    the other says in the active: "you must use percent-encoding" / "they must be
    percent-encoded", "implementations must strip X" / "X must be stripped" (the verb,
    its participle, and the agent the passive leaves out). None when the verbs differ
    ("must strip or replace X" / "X must be replaced" changes what is required)."""
    for active, passive in ((a, b), (b, a)):
        participle = _participle(passive.action)
        if not participle or _participle(active.action):
            continue
        words = active.action.split()
        if not words or words[0] in _STOPWORDS:
            continue
        verb, rest = words[0], [w for w in words[1:] if w not in _STOPWORDS]
        if _verb_root(verb) == _verb_root(participle):
            excused = {verb, participle}
        elif verb in _LIGHT_VERBS and rest and _verb_root(rest[0]) == _verb_root(participle):
            excused = {verb, rest[0], participle, "to"}  # "apply escaping to X"
        else:
            continue
        for word in active.party.split():
            excused.update((word, f"{word}s", f"{word[:-1]}ies" if word.endswith("y") else word))
        return frozenset(excused | _PASSIVE_WORDS)
    return None


def _participle(action: str) -> str:
    """The participle of a passive action ("be percent-encoded" -> "percent-encoded")."""
    words = [w for w in action.split()[:4] if not _adverb(w)]
    if len(words) < 2 or words[0] != "be":
        return ""
    word = words[1]
    return word if len(word) > 4 and word.endswith("ed") else ""


def _verb_root(word: str) -> str:
    """A verb, its participle and its -ing noun brought to one form: "strip",
    "stripped" -> "strip"; "replace", "replaced" -> "replac"; "verify", "verified" ->
    "verify"; "percent-encoding", "percent-encoded" -> "percent-encod"."""
    for ending in ("ing", "ed", "e"):
        if len(word) > len(ending) + 2 and word.endswith(ending):
            word = word[: -len(ending)]
            break
    if word.endswith("i"):
        word = f"{word[:-1]}y"  # "verified" -> "verify"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "stripp" -> "strip"; "fill", "filled" -> "fil"
    return word


def _clause_delta(
    old: tuple[NormativeStatement, ...],
    new: tuple[NormativeStatement, ...],
    old_text: str,
    new_text: str,
) -> tuple[Counter[str], Counter[str]]:
    """Words the clause as a whole lost and gained (a range of characters is one word,
    however it is written, as in the actions of its rules)."""
    before = Counter((_words(old_text) if old_text else _all_words(old)).split())
    after = Counter((_words(new_text) if new_text else _all_words(new)).split())
    # "If the parameter is [`in`](#parameterIn)" -> "If the [parameter location](#parameterIn)":
    # a link still to the same target names the same thing in other words, which leave
    # and join no rule.
    relinked_gone, relinked_fresh = relinked_words(
        old_text or " ".join(s.sentence for s in old), new_text or " ".join(s.sentence for s in new)
    )
    return before - after - relinked_gone, after - before - relinked_fresh


def _words(text: str) -> str:
    return words_of(canonical_ranges(text))


def _content(words: Counter[str]) -> list[str]:
    return [w for w in words if w not in _STOPWORDS]


def _piece_of(words: Counter[str], pool: Counter[str]) -> bool:
    """Whether a clause's ``words`` are mostly words of ``pool`` (what another clause lost
    or gained): a piece of that clause's text, not a text of its own."""
    content = _content(words)
    return bool(content) and sum(1 for w in content if pool[w]) >= 2 / 3 * len(content)


def summed(counts: Iterable[Counter[str]]) -> Counter[str]:
    """The words of several texts counted together."""
    total: Counter[str] = Counter()
    for count in counts:
        total.update(count)
    return total


def _all_words(statements: Iterable[NormativeStatement]) -> str:
    return " ".join(dict.fromkeys(_words(s.sentence) for s in statements))


def _absorbed(
    statement: NormativeStatement,
    others: Sequence[NormativeStatement],
    delta: Counter[str],
) -> bool:
    """A statement without a partner whose rule lives on in another one of the same force:
    "must retry and must log" -> "must retry and log". Its words did not leave the clause."""
    if any(delta[w] for w in _governed(statement) if w not in _STOPWORDS):
        return False
    # The other rule says the act itself ("must retry and log"): a rule of the same force
    # about something else ("It is RECOMMENDED that they do so") keeps nothing of it.
    verb = _head_verb(statement.action)
    return any(
        o.strength == statement.strength
        and o.negative == statement.negative
        and (not o.party or not statement.party or o.party == statement.party)
        and (not verb or verb in o.sentence.casefold())
        for o in others
    )


def _carved(statement: NormativeStatement, others: Sequence[NormativeStatement]) -> bool:
    """A rule stated without a modal whose sentence, word for word, is part of another
    rule's sentence in the other version: "... MUST be determined as follows:
    identifiers consisting of only digits are compared numerically and ..." split into
    "Identifiers consisting of only digits are compared numerically." (or the reverse).
    It was said before, inside that rule."""
    if statement.keyword.casefold() not in DECLARATIVE_VERBS:
        return False
    words = f" {words_of(statement.sentence)} "
    return any(
        o.sentence != statement.sentence and words in f" {words_of(o.sentence)} " for o in others
    )
