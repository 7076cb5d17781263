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
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.changes import StatementChange
from ..model.document import Strength
from ..parse import canonical_ranges, character_ranges
from ..parse.statements import (
    DECLARATIVE_VERBS,
    NUMBER_VALUES,
    conjuncts,
    exception_body,
    singular,
    words_of,
)
from ._characters import same_character
from ._events import one_event
from ._forms import agent_of, another_number_or_tense, misspelled
from ._terms import NO_TERMS, Terms
from ._wording import (
    CATEGORY_NOUNS,
    carrier_verb,
    derived_pairs,
    is_typo,
    one_wording,
    relinked_words,
    restated_acts,
    swapped_words,
    weighty_forms,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Sequence

    from ..model.document import NormativeStatement, Quantity

    Record = Callable[[str, str | None, str | None], None]

#: Statements whose governed words are this similar are taken as the same rule.
PAIR_THRESHOLD = 0.45
#: ... and this similar when they share their keyword but for its negation.
LOOSE_THRESHOLD = 0.15
_NEGATORS = re.compile(r"\b(?:not|never|no longer)\b|n't\b", re.IGNORECASE)

#: Verbs and words whose swap turns a rule into its opposite: "reject" -> "accept".
_OPPOSITES: tuple[tuple[str, str], ...] = (
    ("accept", "reject"),
    ("accept", "refuse"),
    ("accept", "deny"),
    ("allow", "deny"),
    ("allow", "forbid"),
    ("allow", "block"),
    ("allow", "disallow"),
    ("allow", "prohibit"),
    ("permit", "forbid"),
    ("permit", "prohibit"),
    ("permit", "deny"),
    ("grant", "deny"),
    ("grant", "revoke"),
    ("include", "exclude"),
    ("include", "omit"),
    ("enable", "disable"),
    ("show", "hide"),
    ("reveal", "conceal"),
    ("reveal", "hide"),
    ("disclose", "withhold"),
    ("share", "withhold"),
    ("encrypt", "decrypt"),
    ("add", "remove"),
    ("insert", "delete"),
    ("open", "close"),
    ("start", "stop"),
    ("begin", "end"),
    ("increase", "decrease"),
    ("raise", "lower"),
    ("maximum", "minimum"),
    ("max", "min"),
    ("most", "least"),
    ("more", "less"),
    ("more", "fewer"),
    ("before", "after"),
    ("above", "below"),
    ("over", "under"),
    ("inside", "outside"),
    ("with", "without"),
    ("always", "never"),
    ("all", "none"),
    ("true", "false"),
    ("yes", "no"),
    ("on", "off"),
    ("follow", "ignore"),
    ("obey", "ignore"),
    ("comply", "refuse"),
    ("answer", "refuse"),
    ("help", "refuse"),
    ("agree", "refuse"),
    ("approve", "reject"),
    ("confirm", "deny"),
    ("require", "forbid"),
    ("required", "forbidden"),
    ("must", "cannot"),
    ("valid", "invalid"),
    ("trusted", "untrusted"),
    ("safe", "unsafe"),
    ("public", "private"),
    ("inbound", "outbound"),
    ("upper", "lower"),
    ("higher", "lower"),
    ("first", "last"),
    ("earliest", "latest"),
    ("minimize", "maximize"),
    ("lowercase", "uppercase"),
    ("assemble", "dismantle"),
    ("collect", "distribute"),
    ("display", "hide"),
    ("store", "discard"),
    ("keep", "discard"),
    ("keep", "delete"),
    ("export", "import"),
    ("publish", "withhold"),
    ("wrap", "unwrap"),
    ("fold", "unfold"),
    ("pack", "unpack"),
    ("lock", "unlock"),
    ("mount", "unmount"),
    ("subscribe", "unsubscribe"),
    ("connect", "disconnect"),
    ("encode", "decode"),
    ("compress", "decompress"),
    ("sign", "unsign"),
)
_OPPOSITE = {frozenset(pair) for pair in _OPPOSITES}
_INFLECTIONS = ("ing", "ed", "es", "s", "d")


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(words.split())


#: Words that carry no requirement on their own.
_STOPWORDS = _set("""
    a an the of to in on at by for from as is are be been being it its this that these
    those and or but so then than such their there they them his her he she we our your
    you i me my also just very really clearly which who whom what where how even
    """)


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


def _denial_dropped(statement: NormativeStatement, other_text: str) -> tuple[str, str] | None:
    """For a prohibition with no partner in the other version of its clause: the keyword
    and the sentence that say the same without the negation ("A list item may not contain
    blocks ..." -> "A list item may contain blocks ..."). "may contain" is no certain
    rule (it may say what perhaps is), so it has no statement to pair with; yet the
    prohibition did not go, it was turned around."""
    if not statement.negative or not other_text:
        return None
    denied = words_of(statement.sentence).split()
    allowed = [_AFFIRMED.get(w, w) for w in denied if w not in _DENIALS]
    if len(allowed) == len(denied) and allowed == denied:
        return None
    for sentence in _SENTENCE_SPLIT.split(other_text):
        words = words_of(sentence).split()
        if any(w in _DENIALS or w in _AFFIRMED for w in words):
            continue
        if Indel.normalized_similarity(allowed, words) >= _TURNED_AROUND:
            keyword = statement.keyword.split()[0].casefold()
            return _AFFIRMED.get(keyword, keyword), " ".join(sentence.split())
    return None


def _said_plainly(statement: NormativeStatement, other_text: str) -> bool:
    """Whether a rule carried by "always" alone is said in the other version of its clause
    without the adverb, of the same act: "if the value is hard-coded, it is always coerced
    using the input coercion" -> "if the value is a literal, it is coerced using the input
    coercion". A spec states what happens in the plain present as firmly as with "always";
    the adverb came or went with the rewording, and no rule with it. Said with a negation
    or a modal before the act instead, it is another rule ("is not coerced", "may be
    coerced"), read as such."""
    if statement.negative or statement.keyword.casefold() != "always" or not other_text:
        return False
    act = words_of(statement.action).split()
    if len([w for w in act if w not in _STOPWORDS]) < _PLAIN_ACT_WORDS:
        return False
    words = words_of(other_text).split()
    party = statement.party.split()
    for start in range(len(words) - len(act) + 1):
        if words[start : start + len(act)] != act:
            continue
        before = words[max(0, start - _PLAIN_LOOKBACK) : start]
        if _DENYING_WORDS.intersection(before) or _HEDGING_MODALS.intersection(before):
            continue
        if not party or party[-1] in words[:start]:
            return True
    return False


def _kept_as(statement: NormativeStatement, other_text: str) -> bool:
    """Whether a rule without a partner is still said in the other version of its
    clause, in a form that reads as no rule of its own (see the three readings below)."""
    return (
        _said_plainly(statement, other_text)
        or _modal_tense_only(statement, other_text)
        or _checked_by_step(statement, other_text)
        or _stated_as_outcome(statement, other_text)
        or _judged_invalid(statement, other_text)
        or _presupposed(statement, other_text)
    )


#: Words that make a sentence state a rule, for :func:`_presupposed`.
_RULE_WORD = re.compile(r"\b(?:must|shall|should|required?)\b", re.IGNORECASE)
#: Words that join what a party does to the party, as a qualifier ("objects that contain").
_QUALIFYING = frozenset(("that", "which", "who", "with", "having"))


def _presupposed(statement: NormativeStatement, other_text: str) -> bool:
    """Whether a permission without a partner is what another rule of the other version
    of its clause is stated for: "A Security Requirement Object MAY refer to multiple
    security schemes in which case all schemes MUST be satisfied" -> "Security
    Requirement Objects that contain multiple schemes require that all schemes MUST be
    satisfied". A rule for the party's things that do the act presupposes that they may:
    the party, then "that" / "which" / "with", then half the act's words or more (two at
    least), in a sentence that states a rule. The permission went into the rule's
    subject; it was not taken away (nor, the other way round, newly given)."""
    if (
        statement.negative
        or statement.strength is not Strength.MAY
        or not statement.party
        or not other_text
    ):
        return False
    act = {_stem(w) for w in words_of(statement.action).split() if w not in _STOPWORDS}
    if len(act) < 2:
        return False
    party = [singular(w) for w in statement.party.split()]
    for sentence in _SENTENCE_SPLIT.split(other_text):
        if not _RULE_WORD.search(sentence):
            continue
        words = words_of(sentence).split()
        stems = [_stem(w) for w in words]
        for i in range(len(words) - len(party)):
            after = i + len(party)
            if [singular(w) for w in words[i:after]] != party or words[after] not in _QUALIFYING:
                continue
            said = {s for s in stems[after + 1 : after + 3 + len(act)] if s not in _STOPWORDS}
            shared = len(act & said)
            if shared >= 2 and 2 * shared >= len(act):
                return True
    return False


#: Words that judge a thing invalid: what a prohibition forbids, said as a verdict.
_INVALID = re.compile(
    r"\b(?:is|are) (?:(?:then|therefore|also) )?(?:invalid|illegal|not valid|not allowed"
    r"|not permitted|forbidden|prohibited|an error)\b"
)


def _judged_invalid(statement: NormativeStatement, other_text: str) -> bool:
    """Whether a lower-case prohibition under a condition is, in the other version of
    its clause, a verdict of invalidity on the same party under the very same condition:
    "If a variable is referenced but not defined, the operation cannot be executed" ->
    "If a variable is referenced but not defined, that operation is invalid". A spec
    that forbids what is invalid under a condition says the same thing as one that
    forbids it there with a modal: the condition kept word for word, the party's head
    noun and "is invalid" / "is not allowed" / "is an error" after it, is the one rule
    reworded. RFC 2119 capitals are kept as rules; another condition, another party or
    no verdict is read as before (the rule went)."""
    if (
        not statement.negative
        or in_capitals(statement.keyword)
        or not statement.conditions
        or not statement.party
        or not other_text
    ):
        return False
    condition = statement.conditions[0].split()
    head = singular(statement.party.split()[-1])
    if len(condition) < _PLAIN_ACT_WORDS:
        return False
    for sentence in _SENTENCE_SPLIT.split(other_text):
        words = words_of(_ASIDE_START.split(sentence, maxsplit=1)[0]).split()
        if words[: len(condition)] != condition:
            continue
        outcome = words[len(condition) :]
        verdict = _INVALID.search(" ".join(outcome))
        if verdict is None:
            continue
        before = " ".join(outcome)[: verdict.start()].split()
        if head in {singular(w) for w in before}:
            return True
    return False


_ASIDE_START = re.compile(r"\s[(;]")


def _stated_as_outcome(statement: NormativeStatement, other_text: str) -> bool:
    """Whether a lower-case *must* or *should* under a condition is, in the other version
    of its clause, what holds under the very same condition, said in the plain present:
    "If the value passed ... is *not* a list and not the {null} value, it should be
    coerced as though the input was a list of size one" -> "If the value passed ... is
    *not* a list and not the {null} value, then the result of input coercion is a list of
    size one". A spec states what happens under a condition in the plain present as
    firmly as with the modal: the condition kept word for word, the outcome said of the
    same act (half its words or more, in some form) with no modal or negation, is the one
    rule reworded. RFC 2119 capitals are kept as rules (their force is a defined term);
    an outcome that now is hedged, negated or about another act is read as before."""
    if (
        statement.negative
        or statement.strength not in (Strength.MUST, Strength.SHOULD)
        or in_capitals(statement.keyword)
        or not statement.conditions
        or not other_text
    ):
        return False
    condition = statement.conditions[0].split()
    act = {_stem(w) for w in words_of(statement.action).split() if w not in _STOPWORDS}
    if len(condition) < _PLAIN_ACT_WORDS or len(act) < _PLAIN_ACT_WORDS:
        return False
    for sentence in _SENTENCE_SPLIT.split(other_text):
        # The outcome is the main clause: an aside after it ("(note this may apply
        # recursively)", "; ...") is not part of what holds.
        words = words_of(_ASIDE_START.split(sentence, maxsplit=1)[0]).split()
        if words[: len(condition)] != condition:
            continue
        outcome = words[len(condition) :]
        if _HEDGING_MODALS.intersection(outcome) or _DENYING_WORDS.intersection(outcome):
            continue
        said = {_stem(w) for w in outcome if w not in _STOPWORDS}
        if 2 * len(act & said) >= len(act):
            return True
    return False


#: How long the rest of a rule's action after its verb must be, said word for word by a
#: plain sentence, for the sentence to describe the same process.
_PROCESS_RUN = 6
#: Words before the verb of an action that are no part of what it names.
_AUXILIARIES = frozenset(("be", "is", "are", "been", "being", "get", "always"))


def _stated_as_process(statement: NormativeStatement, new_text: str) -> bool:
    """Whether a lower-case *must* or *should* without a condition that the new version no
    longer states is, in the new version of its clause, a plain sentence that describes
    the same process: "The input coercion above should be performed according to the
    input coercion rules of the type declared by the input field" -> "The value of that
    entry in the result is the outcome of input coercing the original entry value
    according to the input coercion rules of the type declared by the input field". A
    spec states how its process goes in the plain present as firmly as with the modal (as
    :func:`_stated_as_outcome` reads under a condition); with no condition to anchor the
    two, the plain sentence must say everything the action says after its verb, word for
    word and at some length (:data:`_PROCESS_RUN`), with no modal or negation anywhere:
    "have a higher precedence than ..." is not "have a lower precedence than ...". Read
    one way only: a rule said of what was a description ("There must be a nonempty
    sequence of inlines between ...") may require more than the description said. RFC
    2119 capitals are kept as rules; a short act ("should be kept") is read as before."""
    if (
        statement.negative
        or statement.strength not in (Strength.MUST, Strength.SHOULD)
        or in_capitals(statement.keyword)
        or statement.conditions
        or statement.exceptions
        or not new_text
    ):
        return False
    act = words_of(statement.action).split()
    verb = next((k for k, w in enumerate(act) if w not in _AUXILIARIES), len(act))
    rest = act[verb + 1 :]
    if len(rest) < _PROCESS_RUN:
        return False
    for sentence in _SENTENCE_SPLIT.split(new_text):
        words = words_of(sentence).split()
        if _HEDGING_MODALS.intersection(words) or _DENYING_WORDS.intersection(words):
            continue
        matcher = difflib.SequenceMatcher(a=rest, b=words, autojunk=False)
        if matcher.find_longest_match(0, len(rest), 0, len(words)).size == len(rest):
            return True
    return False


#: A step of an algorithm that checks a condition and fails on it, in plain words: "if
#: ... return false", "... return true otherwise return false", "if ... raise a field
#: error". The condition is what the words before the failure say.
_FAILING_CHECK = re.compile(
    r"^if (?P<condition>.+?) (?:return (?:true )?otherwise return false|return false"
    r"|(?:raise|throw) (?:an? |the )?(?:\w+ )?error)\b"
)


def _checked_by_step(statement: NormativeStatement, other_text: str) -> bool:
    """Whether an obligation ("{typeA} and {typeB} must both be List.") is, in the other
    version of its clause, a step of an algorithm that checks the same subject and fails
    when it does not hold ("If {typeA} or {typeB} is not List, return false."). Where
    the algorithm's result is what must hold (the rule says "SameShape(a, b) must be
    true"), failing on the check is the requirement itself, stated as the algorithm's
    result rather than with a modal: the same rule. A step that names the subject but does
    not fail on it ("Let {typeA} be the item type of {typeA}"), or fails on another
    subject, keeps no such rule."""
    if statement.strength is not Strength.MUST or not other_text:
        return False
    subject = words_of(statement.party).split()
    if not subject:
        said = words_of(statement.sentence).split()
        keyword = words_of(statement.keyword).split()
        subject = said[: said.index(keyword[0])] if keyword and keyword[0] in said else []
    named = {w for w in subject if w not in _STOPWORDS}
    if not named:
        return False
    for sentence in _SENTENCE_SPLIT.split(other_text):
        check = _FAILING_CHECK.match(words_of(sentence))
        if check is not None and named <= set(check["condition"].split()):
            return True
    return False


def _modal_tense_only(statement: NormativeStatement, other_text: str) -> bool:
    """Whether a rule said with "can" ("cannot") is, word for word, a sentence of the
    other version that says "could" ("could not"): "However a nullable list could not be
    passed to a non-null list." -> "However, a nullable list cannot be passed to a
    non-null list:". The past form of the modal reads as no certain rule (it may tell
    what was, or what would be), yet only the tense of the one statement changed."""
    keyword = " ".join(statement.keyword.casefold().split())
    if keyword not in _PRESENT_CAN or not other_text:
        return False
    own = words_of(statement.sentence).split()
    for sentence in _SENTENCE_SPLIT.split(other_text):
        if _as_present(words_of(sentence).split()) == _as_present(own):
            return True
    return False


#: "can" as the parser reads it, in every written form, and "could" said the same ways.
_PRESENT_CAN = frozenset(("can", "cannot", "can not", "can't", "can only", "can never"))


def _as_present(words: list[str]) -> list[str]:
    """The words with every form of "can" and "could" said one way: "could not",
    "couldn't", "can not" and "can't" as "cannot", "could" as "can"."""
    out: list[str] = []
    for word in words:
        if word == "not" and out and out[-1] in ("can", "could"):
            out[-1] = "cannot"
        else:
            out.append(_CAN_FORMS.get(word, word))
    return out


_CAN_FORMS = {"could": "can", "couldn't": "cannot", "couldnt": "cannot", "can't": "cannot"}
_COULD = re.compile(r"\bcould(?:\s+not\b|n['’]?t\b)?", re.IGNORECASE)


def in_one_tense(
    old: tuple[NormativeStatement, ...],
    new: tuple[NormativeStatement, ...],
    old_text: str,
    new_text: str,
) -> tuple[str, str]:
    """Both texts with "could" said as "can" ("could not" as "cannot") where a rule said
    with "can" is the other version's sentence in the past tense (see
    :func:`_modal_tense_only`): how much the text was reworded is measured without it."""
    if any(_modal_tense_only(s, new_text) for s in old) or any(
        _modal_tense_only(s, old_text) for s in new
    ):
        return _COULD.sub(_present, old_text), _COULD.sub(_present, new_text)
    return old_text, new_text


def _present(match: re.Match[str]) -> str:
    could = match.group(0)
    said = "cannot" if len(could) > len("could") else "can"
    return said.capitalize() if could[0].isupper() else said


#: The fewest content words an act needs to be recognised, said plainly, in other words.
_PLAIN_ACT_WORDS = 3
#: How many words before the act are read for a negation or a modal ("is not", "may be").
_PLAIN_LOOKBACK = 3
#: Modals that, before the act, make it another rule or no certain rule at all.
_HEDGING_MODALS = frozenset(
    "must shall should may can could might would cannot".split()  # noqa: SIM905
)


#: Words that make a rule a prohibition, and the keywords that carry one in one word.
_DENIALS = frozenset(("not", "never", "no"))
#: Words that deny what a rule says of its subject or action ("No tabs are allowed").
_DENYING_WORDS = frozenset(("no", "not", "never", "none", "nothing", "neither", "nor"))
_AFFIRMED = {"cannot": "can", "can't": "can", "mustn't": "must", "shouldn't": "should"}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?:])\s+")
#: How alike the sentence without its negation and the other version's must be.
_TURNED_AROUND = 0.9


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
        if _same_member(a.party, b.party):
            bound |= {*a.party.split(), *b.party.split()}  # "Value MUST" -> "This MUST"
        if _unpossessed(gone) - ignored[0] - bound or _unpossessed(fresh) - ignored[1] - bound:
            return True
    return False


_POSSESSIVE = re.compile(r"['’]s?$")


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


def stemmed_words(text: str) -> Counter[str]:
    """The words of a text, stemmed as :attr:`RunReading.old_reported` counts them; a range
    of characters is one word however it is written ("('a' to 'z')", "[a-z]")."""
    return Counter(_stem(w) for w in words_of(canonical_ranges(text)).split())


def content_words(words: Iterable[str]) -> list[str]:
    """The words that may carry a requirement: all but articles, pronouns and the like."""
    return [w for w in words if w not in _STOPWORDS]


def words_moved_within(own: Counter[str], other_side: Collection[str]) -> bool:
    """Whether every word a clause lost (or gained), ``own``, is a word of the other
    version of its run of neighbours, ``other_side``: it moved, it did not go (or come
    from nowhere). Both are stemmed."""
    return all(w in other_side for w in own if w not in _STOPWORDS)


# -- pairing --------------------------------------------------------------------------------


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


#: A relative pronoun right before a keyword ("exactly one entry, which must not be").
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)\s+$", re.IGNORECASE)


def _qualifies_kept_rule(
    statement: NormativeStatement,
    pairs: list[tuple[NormativeStatement, NormativeStatement]],
) -> bool:
    """Whether a rule only one side states is a relative clause appended to the sentence
    of a rule both sides state: "{set} must have exactly one entry." -> "{set} must have
    exactly one entry, which must not be an introspection field." narrows what the kept
    rule allows (the other way round, widens it); it is no rule of its own. ``pairs``:
    the paired statements, this side's first."""
    sentence = statement.sentence
    opens = [
        m.start()
        for m in re.finditer(re.escape(statement.keyword), sentence)
        if _RELATIVE_BEFORE.search(sentence, 0, m.start())
    ]
    if not opens:
        return False
    for here, there in pairs:
        if here.sentence != sentence or there.sentence == sentence:
            continue
        kept = there.sentence.rstrip(" .;").casefold()
        if sentence.casefold().startswith(kept) and all(o > len(kept) for o in opens):
            return True
    return False


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
    lone_old = [i for i in old_left if i not in used_old]
    lone_new = [j for j in new_left if j not in used_new]
    if len(lone_old) == 1 == len(lone_new):
        i, j = lone_old[0], lone_new[0]
        if not (heads and (old[i].sentence in heads) != (new[j].sentence in heads)) and (
            _same_case(old[i], new[j])
        ):
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    # The one rule left on each side, the same rule said of its party in other words
    # (:func:`_party_respelled`): one rule restated, not one removed while another came.
    # Where more are left (two rules merged into one), the merge readings decide.
    lone_old = [i for i in old_left if i not in used_old]
    lone_new = [j for j in new_left if j not in used_new]
    if len(lone_old) == 1 == len(lone_new):
        i, j = lone_old[0], lone_new[0]
        if not (heads and (old[i].sentence in heads) != (new[j].sentence in heads)) and (
            _party_respelled(old[i], new[j])
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


_RESTRICTING = frozenset(("only", "solely", "exclusively"))


def _restrictions(statement: NormativeStatement) -> int:
    """How many times a rule narrows itself ("may only", "solely")."""
    if not statement.restricted:
        return 0
    words = f"{statement.keyword.casefold()} {statement.action}".split()
    return max(1, sum(1 for w in words if w in _RESTRICTING))


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
    """The keyword without its negation: ``are not allowed`` -> ``are allowed``."""
    return " ".join(_NEGATORS.sub(" ", keyword.casefold()).split())


def _similarity(
    a: NormativeStatement,
    b: NormativeStatement,
    terms: Terms = NO_TERMS,
    *,
    by_matter: bool = False,
) -> float:
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


#: What a change to a rule's force is tagged.
_FORCE_TAGS = frozenset(("normative.strengthened", "normative.weakened", "normative.reversed"))
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


# -- what changed in a pair -----------------------------------------------------------------


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

    contraposed = _contraposed(a, b)
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

    _compare_phrases(a.exceptions, b.exceptions, changed_words, record, terms, exception=True)
    permission = b.strength is Strength.MAY and not b.negative
    _compare_phrases(
        a.conditions,
        b.conditions,
        changed_words,
        record,
        terms,
        exception=False,
        permission=permission,
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
    ):
        old_words, new_words = _quote(a.action, b.action)
        record("normative.changed", old_words or old_verb, new_words or new_verb)
        return found
    # So is another word of weight in what the rule governs: "log failed requests" ->
    # "log successful requests", "use SHA-256" -> "use MD5". Not terminology: a category
    # noun after the word naming the thing ("the discriminator attribute" -> "object"),
    # or a term the new version renamed throughout ("sender" -> "producer" everywhere).
    swap = _swapped_requirement(a, b, changed_words, terms)
    if swap is not None:
        record("normative.changed", *swap)
        return found
    scoped = _scope_edit(a, b, set(gone), set(fresh), topic, terms)
    if scoped is not None:
        record(*scoped)
    return found


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
    same case with another verb (:func:`one_event`): "occurs when" / "is thrown while"."""
    traded: set[str] = set()
    for phrase in (*a.conditions, *a.exceptions):
        for other in (*b.conditions, *b.exceptions):
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
        if _edition_substitution(swap.old, swap.new, terms):
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


def _edition_substitution(old: str, new: str, terms: Terms) -> bool:
    """Whether ``old`` -> ``new`` (phrases as written) is a substitution the edition made
    in many clauses at once (:meth:`Terms.substituted`): "valid query" -> "valid
    operation" in rule after rule. Never opposite words ("must reject" -> "must accept"
    however often: a reversal of the action, not a term)."""
    old_words, new_words = words_of(old).split(), words_of(new).split()
    if any(_opposite(g, f) for g in old_words for f in new_words):
        return False
    return terms.substituted(" ".join(old_words), " ".join(new_words))


def _edition_term(old: str, new: str, terms: Terms) -> bool:
    """Whether two phrases (a rule's actions) differ only by substitutions the edition
    made in many clauses at once (:func:`_edition_substitution`)."""
    swaps = swapped_words(old, new)
    return bool(swaps) and all(_edition_substitution(s.old, s.new, terms) for s in swaps)


def _terminology(old: str, new: str, terms: Terms) -> bool:
    """Whether two phrases differ only by terminology: category nouns after the same
    word, or terms renamed throughout the document."""
    swaps = swapped_words(old, new)
    return bool(swaps) and all(
        s.category
        or terms.renamed(s.old.casefold(), s.new.casefold(), s.before, s.after)
        or _edition_substitution(s.old, s.new, terms)
        for s in swaps
    )


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


def _forms(word: str) -> frozenset[str]:
    """A word and its stems: "headings" -> headings, heading, head."""
    once = _stem(word)
    return frozenset((word, once, _stem(once)))


def _topic_forms(topic: frozenset[str]) -> frozenset[str]:
    """The content words of heading titles, each with its stems."""
    return frozenset(f for word in topic if word not in _STOPWORDS for f in _forms(word))


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


def _shared_party(old: str, new: str) -> bool:
    """ "name" and "name or uri": one names a party the other does too; "further
    character" and "further blank character": the same party, qualified."""
    before, after = conjuncts(old), conjuncts(new)
    if not set(before).isdisjoint(after):
        return True
    return len(before) == len(after) == 1 and _head_noun(old) == _head_noun(new)


def _head_noun(party: str) -> str:
    return party.rsplit(maxsplit=1)[-1] if party else ""


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


#: Words that may stand between a keyword and its verb ("must not always", "should
#: carefully"): skipped when looking for the verb.
_BEFORE_VERB = frozenset(("not", "to", "also", "always", "never", "only", "still", "then", "be"))


def _adverb(word: str) -> bool:
    """An adverb in -ly ("carefully", "only"); not a verb in -ply ("apply", "reply")."""
    return word.endswith("ly") and not word.endswith(("ply", "rely"))


def _head_verb(action: str) -> str:
    """The verb a rule's action opens with, or '' when it opens with something else
    ("that the entry document ...")."""
    for word in action.split()[:4]:
        if word in _BEFORE_VERB or _adverb(word):
            continue
        return "" if word in _STOPWORDS else word
    return ""


def _compare_phrases(
    old: tuple[str, ...],
    new: tuple[str, ...],
    changed_words: set[str],
    emit: Record,
    terms: Terms,
    *,
    exception: bool,
    permission: bool = False,
) -> None:
    """Exceptions or conditions that appeared, disappeared or changed. One said in other
    forms of its words, or with a category noun or a term renamed throughout ("with the
    `schema` field" -> "with the `schema` object"), is the same."""
    if old == new:
        return
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
                and _touches(changed_words, [phrase, match])
                and not one_wording(said(phrase), said(match))
                and not one_event(said(phrase), said(match))
                and not _terminology(said(phrase), said(match), terms)
                and not _phrase_qualifier_named(said(phrase), said(match), terms)
            ):
                old_words, new_words = _quote(phrase, match)
                emit(
                    _phrase_change(old_words, new_words, exception),
                    old_words or phrase,
                    new_words or match,
                )
            continue
        if not _touches(changed_words, [phrase]):
            continue
        if exception:
            emit("normative.exception_removed", phrase, None)
        else:
            emit("normative.broadened" if permission else "normative.changed", phrase, None)
    for phrase in left:
        if not _touches(changed_words, [phrase]):
            continue
        if exception:
            emit("normative.exception_added", None, phrase)
        else:
            emit("normative.restricted" if permission else "normative.changed", None, phrase)


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


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    for ending in _INFLECTIONS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word


_OPPOSITE_STEMS = {frozenset(_stem(w) for w in pair) for pair in _OPPOSITES}


def opposite(a: str, b: str) -> bool:
    """Whether two lower-case words are opposites ("accept" / "reject", "valid" /
    "invalid"), in any inflection."""
    return _opposite(a, b)


def _opposite(a: str, b: str) -> bool:
    if frozenset((a, b)) in _OPPOSITE:
        return True
    return frozenset((_stem(a), _stem(b))) in _OPPOSITE_STEMS


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
