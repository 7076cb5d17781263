"""Whether a statement left without a pair is still said by the other version's text.

The rule may be stated in plain prose without its keyword, presupposed, stated as an
outcome or as a process step, checked by an algorithm step, or put in another tense
("could" -> "can"); a dropped denial is read here too.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.document import Strength
from ..parse.statements import singular, words_of
from ._statement_pairing import in_capitals
from ._statement_words import _DENIALS, _DENYING_WORDS, _STOPWORDS, _stem

if TYPE_CHECKING:
    from ..model.document import NormativeStatement


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


_AFFIRMED = {"cannot": "can", "can't": "can", "mustn't": "must", "shouldn't": "should"}


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?:])\s+")


#: How alike the sentence without its negation and the other version's must be.
_TURNED_AROUND = 0.9


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
