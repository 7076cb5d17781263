"""Finding normative keywords: RFC 2119/8174 keywords and their plain-English kin.

This module spots the words; :mod:`.statements` reads the rule around each of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..model.document import NormativeStatement, Strength


@dataclass(frozen=True, slots=True)
class Phrase:
    """A word or phrase that makes a sentence normative."""

    words: str
    """Lower-case, single spaces, e.g. ``"is not allowed"``."""
    strength: Strength
    negative: bool = False
    capitals_only: bool = False
    """Counts only when written in capitals (``REQUIRED``, ``OPTIONAL``)."""
    imperative: bool = False
    """Counts only where it opens a sentence or a clause (``Do not ...``)."""
    impersonal: bool = False
    """Said of an action, not of a party: in "Sharing keys is not allowed" the words
    before the keyword are what is (not) allowed."""
    lower_case: bool = False
    """Counts only when its last word is written in lower case: "is OPTIONAL" is the RFC
    2119 keyword ``OPTIONAL``, a rule wherever it stands, not the impersonal phrase."""
    modal: bool = False
    """Lower-case *may* and *can*: a rule only in its deontic sense ("the assistant may
    refuse"), not its epistemic one ("requests may look harmless"); see
    :mod:`.statements`. In capitals (RFC 2119) always a rule."""


MUST, SHOULD, MAY = Strength.MUST, Strength.SHOULD, Strength.MAY

DEFAULT_PHRASES: tuple[Phrase, ...] = (
    Phrase("must not", MUST, True),
    Phrase("mustn't", MUST, True),
    Phrase("must never", MUST, True),
    Phrase("must always", MUST),
    Phrase("must", MUST),
    Phrase("shall not", MUST, True),
    Phrase("shan't", MUST, True),
    Phrase("shall", MUST),
    Phrase("should not", SHOULD, True),
    Phrase("shouldn't", SHOULD, True),
    Phrase("should never", SHOULD, True),
    Phrase("should always", SHOULD),
    Phrase("should", SHOULD),
    Phrase("may not", MAY, True, modal=True),
    Phrase("may only", MAY, modal=True),
    Phrase("may", MAY, modal=True),
    Phrase("cannot", MUST, True, modal=True),
    Phrase("can not", MUST, True, modal=True),
    Phrase("can't", MUST, True, modal=True),
    Phrase("can only", MAY, modal=True),
    # "can never" reads as "cannot", "may never" as "may not"; a modal before "always"
    # governs it otherwise (see keyword_hits).
    Phrase("can never", MUST, True, modal=True),
    Phrase("may never", MAY, True, modal=True),
    Phrase("can", MAY, modal=True),
    Phrase("must no longer", MUST, True),
    Phrase("should no longer", SHOULD, True),
    Phrase("is no longer allowed", MUST, True, impersonal=True),
    Phrase("are no longer allowed", MUST, True, impersonal=True),
    Phrase("is not permitted", MUST, True, impersonal=True),
    Phrase("are not permitted", MUST, True, impersonal=True),
    Phrase("is prohibited", MUST, True, impersonal=True),
    Phrase("are prohibited", MUST, True, impersonal=True),
    Phrase("is forbidden", MUST, True, impersonal=True),
    Phrase("are forbidden", MUST, True, impersonal=True),
    Phrase("is permitted", MAY, impersonal=True),
    Phrase("are permitted", MAY, impersonal=True),
    Phrase("never", MUST, True),
    Phrase("always", MUST),
    Phrase("do not", MUST, True, imperative=True),
    Phrase("don't", MUST, True, imperative=True),
    Phrase("is not allowed", MUST, True, impersonal=True),
    Phrase("are not allowed", MUST, True, impersonal=True),
    Phrase("is never allowed", MUST, True, impersonal=True),
    Phrase("are never allowed", MUST, True, impersonal=True),
    Phrase("is allowed", MAY, impersonal=True),
    Phrase("are allowed", MAY, impersonal=True),
    Phrase("is not required", MAY, impersonal=True),
    Phrase("are not required", MAY, impersonal=True),
    # "Validation on the server is optional" says what "is not required" says: a
    # permission stated with an adjective, no modal verb.
    Phrase("is optional", MAY, impersonal=True, lower_case=True),
    Phrase("are optional", MAY, impersonal=True, lower_case=True),
    Phrase("is required", MUST, impersonal=True),
    Phrase("are required", MUST, impersonal=True),
    # "Therefore it is recommended that any tool ... use a Markdown renderer": specs that
    # write their modals in lower case (GraphQL, CommonMark) recommend so, impersonally.
    # In capitals the RFC 2119 keyword alone is read (the fallback in keyword_hits).
    Phrase("it is recommended", SHOULD, impersonal=True, lower_case=True),
    Phrase("it is not recommended", SHOULD, True, impersonal=True, lower_case=True),
    Phrase("required", MUST, capitals_only=True),
    Phrase("not recommended", SHOULD, True, capitals_only=True),
    Phrase("recommended", SHOULD, capitals_only=True),
    Phrase("optional", MAY, capitals_only=True),
)

#: Who rules bind by default; a spec's own actors (the subjects of its "must" and
#: "should" sentences) are added per document.
DEFAULT_PARTIES: tuple[str, ...] = (
    "the assistant",
    "the model",
    "implementations",
    "implementers",
    "clients",
    "servers",
    "you",
)

_LEAD_MARKUP = " *_\"'“‘(-"
_CLAUSE_LEAD = re.compile(r"(?:[,:;(]|\b(?:and|or|but|then|please|so))[\s*_\"'“]*$", re.IGNORECASE)
_LEAD_WINDOW = 40
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]*_]*\s+(?=[\"'“‘(\[*_`]*[A-Z0-9])")


def _compile(phrases: tuple[Phrase, ...]) -> tuple[re.Pattern[str], dict[str, Phrase]]:
    by_words = {p.words: p for p in phrases}
    ordered = sorted(by_words, key=len, reverse=True)
    alternation = _trie_pattern([" ".join(words.split()) for words in ordered])
    # The look-ahead on the first letters lets the engine skip most positions at once.
    firsts = "".join(sorted({re.escape(c) for w in ordered for c in (w[0].lower(), w[0].upper())}))
    # A keyword set in underscore emphasis ("_always_", "__must__") is the keyword: an
    # underscore only joins it to a word when a letter or digit stands on its other side
    # ("allow_always", "must_have" are identifiers).
    pattern = re.compile(
        rf"(?<![^\W_]|['’-])(?<![^\W_]_)(?=[{firsts}])(?:{alternation})(?![^\W_]|['’-]|_[^\W_])",
        re.IGNORECASE,
    )
    return pattern, by_words


def _trie_pattern(phrases: list[str]) -> str:
    r"""The phrases as one regex shaped like a letter trie (``a(?:lways|re\s+(?:allowed|...``).

    It matches what a flat alternation of the phrases, longest first, matches: a phrase
    that ends where a longer one goes on is an optional end (``must(?:\s+not)?``), and the
    longer way is tried first, so "must not" still wins over "must". The engine tries
    each letter once instead of each of some sixty phrases in turn (the flat alternation
    was about a quarter of ``parse_spec``'s time on the model spec; this takes half that)."""
    trie: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        node = trie
        for letter in phrase:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, dict[str, Any]]) -> str:
    branches = [_letter(letter) + _trie_node(node[letter]) for letter in sorted(node) if letter]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _letter(letter: str) -> str:
    """A space is any run of whitespace; an apostrophe is either one."""
    if letter == " ":
        return r"\s+"
    return "['’]" if letter == "'" else re.escape(letter)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The phrases that make a sentence normative; configurable per project."""

    phrases: tuple[Phrase, ...] = DEFAULT_PHRASES
    parties: tuple[str, ...] = DEFAULT_PARTIES
    """Who rules bind, besides the actors a spec shows itself (see :mod:`.statements`)."""
    _matcher: list[tuple[re.Pattern[str], dict[str, Phrase]]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )
    """The compiled pattern, built on first use (not at import: start-up stays fast)."""

    @property
    def matcher(self) -> tuple[re.Pattern[str], dict[str, Phrase]]:
        if not self._matcher:
            self._matcher.append(_compile(self.phrases))
        return self._matcher[0]

    def extended(self, extra: tuple[Phrase, ...]) -> Vocabulary:
        known = {p.words for p in extra}
        return Vocabulary(
            extra + tuple(p for p in self.phrases if p.words not in known), self.parties
        )

    def with_parties(self, parties: tuple[str, ...]) -> Vocabulary:
        """This vocabulary with more bound parties (``"the operator"``, ``"relays"``)."""
        known = dict.fromkeys([*self.parties, *parties])
        return Vocabulary(self.phrases, tuple(known))


DEFAULT_VOCABULARY = Vocabulary()


@dataclass(frozen=True, slots=True)
class Hit:
    """A normative keyword found in a clause's text, with the sentence around it."""

    start: int
    end: int
    written: str
    """The keyword as written, whitespace folded."""
    phrase: Phrase
    sentence_start: int
    sentence_end: int


def keyword_hits(text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> list[Hit]:
    """Every normative keyword in a clause's text, in order (mentions and non-imperative
    ``do not`` already left out)."""
    pattern, by_words = vocabulary.matcher
    matches = list(pattern.finditer(text))
    if not matches:
        return []
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    hits: list[Hit] = []
    for match in matches:
        written, match_start = match.group(), match.start()
        phrase = by_words[" ".join(written.lower().replace("’", "'").split())]
        if phrase.lower_case and not written.split()[-1].islower():
            # "is OPTIONAL", "it is NOT RECOMMENDED": the RFC 2119 keyword, the longest
            # phrase the written words end with.
            words = written.split()
            tail = next(k for k in range(1, len(words)) if " ".join(words[k:]).lower() in by_words)
            last = " ".join(words[tail:])
            match_start += written.index(words[tail], len(" ".join(words[:tail])))
            written, phrase = last, by_words[last.lower()]
        if phrase.capitals_only and not written.isupper():
            continue
        if _is_mention(text, match_start, match.end()):
            continue
        slot = bisect.bisect_right(ends, match_start)
        start = ends[slot - 1] if slot else 0
        if phrase.imperative and not _opens_clause(text, start, match_start):
            continue
        if phrase.words in _ADVERBS and _MODAL_BEFORE.search(
            text, max(0, match_start - 24), match_start
        ):
            continue
        if phrase.words in _ADVERBS and _told_of_the_past(text, match_start, match.end()):
            continue
        if phrase.words in _ADVERBS and _COORDINATOR_BEFORE.search(
            text, max(start, match_start - 16), match_start
        ):
            shared = _shared_modal(text[start:match_start])
            if shared in _NOT_BINDING:
                continue  # "might be mapped ..., and never materialize": no rule
            if shared in _SHOULD:  # "should cache it and never revalidate it"
                phrase = by_words.get(f"should {phrase.words}", phrase)
        end = ends[slot] if slot < len(ends) else len(text)
        hits.append(Hit(match_start, match.end(), " ".join(written.split()), phrase, start, end))
    return hits


def plain_statement(hit: Hit, sentence: str) -> NormativeStatement:
    """The bare statement of a keyword: its force and sentence, nothing read around it."""
    return NormativeStatement(
        keyword=hit.written,
        strength=hit.phrase.strength,
        negative=hit.phrase.negative,
        sentence=sentence,
    )


#: "always" and "never" are rules of their own ("Always cite the source", "Servers never
#: retry"), but after a modal they are its adverb: "can always take on several roles" is
#: what can be (a permission or a possibility, read as *can*), "will always be parsed" a
#: description; neither is a *must*. (The negative "can never" and "may never" are phrases
#: of their own, read as "cannot" and "may not"; "must always" and "should never" too.)
_ADVERBS = frozenset(("always", "never"))
_MODAL_BEFORE = re.compile(
    r"\b(?:can|cannot|may|might|will|would|could|must|shall|should"
    r"|(?:can|won|wouldn|couldn|mustn|shan|shouldn)['’]t)(?:\s+not)?\s+$",
    re.IGNORECASE,
)

#: "always"/"never" in a sentence told of the past is history, not a rule: after a past
#: or perfect auxiliary ("were never included", "has always been") or before a verb in
#: the past ("..., but never included in the official syntax"). After "is"/"are"/"be" a
#: participle is a passive in the present ("Tabs are never expanded"): still a rule.
_PAST_AUXILIARY_BEFORE = re.compile(
    r"\b(?:was|were|had|has|have|did)(?:\s+not)?\s+$", re.IGNORECASE
)
_PRESENT_BE_BEFORE = re.compile(
    r"\b(?:is|are|be|being|am)(?:\s+[a-z]+ly|\s+also|\s+not)?\s+$", re.IGNORECASE
)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: Verbs whose plain form ends in "-ed" (or that are never past forms).
_PLAIN_ED = frozenset(("embed", "imbed", "shed", "shred", "wed", "bed", "sled"))
_IRREGULAR_PAST = frozenset(("was", "were", "been", "had", "made", "became", "went", "got", "saw"))


def _told_of_the_past(text: str, start: int, end: int) -> bool:
    """Whether the "always"/"never" at ``text[start:end]`` tells what was, not a rule."""
    if _PAST_AUXILIARY_BEFORE.search(text, max(0, start - 12), start):
        return True
    following = _NEXT_WORD.match(text, end)
    if following is None or _PRESENT_BE_BEFORE.search(text, max(0, start - 24), start):
        return False
    verb = following.group(1).casefold()
    if verb in _IRREGULAR_PAST:
        return True
    return verb.endswith("ed") and not verb.endswith("eed") and verb not in _PLAIN_ED


#: An "always"/"never" that opens a verb phrase coordinated with an earlier one ("might
#: be mapped at both ends, and never materialize as a string") shares that phrase's
#: modal, as "might never" would: a possibility, permission or description is no rule
#: ("may cache the response and never revalidate it" permits caching without
#: revalidation; it forbids nothing). After "must"/"shall" it stays a "must not"/"must",
#: after "should" it is a "should not"/"should"; with no modal before it in its clause
#: ("Y, and never Z"; "Always cite it and never copy it") it is a rule of its own.
_COORDINATOR_BEFORE = re.compile(r"(?:,\s*)?\b(?:and|or)\s+$", re.IGNORECASE)
_MODAL = re.compile(
    r"\b(?:can|may|might|will|would|could|must|shall|should"
    r"|cannot|(?:can|won|wouldn|couldn|mustn|shan|shouldn)['’]t)(?:\s+not)?(?![\w'’-])",
    re.IGNORECASE,
)
#: Modals that bind no one when they govern "always"/"never" in coordination; "may not",
#: "cannot" and the rest of the negated and binding ones leave the keyword a rule.
_NOT_BINDING = frozenset(
    (
        *("can", "may", "might", "will", "would", "could", "won't", "wouldn't", "couldn't"),
        *("will not", "would not", "could not", "might not"),
    )
)
_SHOULD = frozenset(("should", "should not", "shouldn't"))
#: Words opening a subordinate or relative clause: a modal after one of them in its
#: segment governs that clause ("requests that clients might send"), not the sentence.
_SUBORDINATOR = re.compile(
    r"\b(?:that|which|who|whom|whose|if|when|whenever|unless|because|whether|where"
    r"|while|although|though|since|once|until|before|after)\b",
    re.IGNORECASE,
)


def _shared_modal(lead: str) -> str | None:
    """The modal (lower case, whitespace folded, apostrophes straight) that governs the
    verb phrase coordinated before a keyword, read back from it within its clause (a
    semicolon or colon opens a clause of its own). A modal in a subordinate or relative
    clause ("Servers must reject requests that clients might send, and never retry")
    gives way to one of the main clause; if there is none, the nearest one is taken."""
    clause = lead[max(lead.rfind(";"), lead.rfind(":")) + 1 :]
    modals = list(_MODAL.finditer(clause))
    if not modals:
        return None
    for found in reversed(modals):
        before = clause[: found.start()]
        segment = before[max(before.rfind(","), before.rfind("(")) + 1 :]
        if not _SUBORDINATOR.search(segment):
            return _fold(found.group())
    return _fold(modals[-1].group())


def _fold(words: str) -> str:
    return " ".join(words.lower().replace("’", "'").split())


_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "`": "`"}


def _is_mention(text: str, start: int, end: int) -> bool:
    """A keyword in quotes is named, not used: 'The key words "MUST", "SHOULD" ...'."""
    if start == 0 or end >= len(text):
        return False
    close = _QUOTES.get(text[start - 1])
    return close is not None and text[end] == close


def _opens_clause(text: str, sentence_start: int, position: int) -> bool:
    """Whether ``position`` heads a sentence or a clause (``Do not ...``, ``..., and never ...``)."""
    window_start = max(sentence_start, position - _LEAD_WINDOW)
    lead = text[window_start:position]
    if window_start == sentence_start and not lead.strip(_LEAD_MARKUP):
        return True
    found = _CLAUSE_LEAD.search(lead)
    if found is None:
        return False
    if found.group().lstrip()[:1] != ",":
        return True
    return not _subject_before(text[max(sentence_start, position - _SUBJECT_WINDOW) : position])


_SUBJECT_WINDOW = 240


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(text.split())


#: Words opening a phrase set off by commas inside a clause ("most implementations,
#: including Gruber's own, do not"): an aside, skipped when looking for the subject.
_ASIDE_OPENERS = _words(
    "including such e.g e.g. i.e i.e. especially notably particularly say however "
    "though therefore too also for in of"
)
#: Words opening what comes before the verb of an imperative: a condition ("If the URI
#: is relative, do not ..."), a phrase ("For example, do not ...", "In that case, ...")
#: or a sentence adverb ("Otherwise, do not ...").
_INTRODUCTORY = _words(
    "if when whenever unless where wherever once after before since while although though "
    "because as until in for to on at with without by unlike like given instead otherwise "
    "indeed finally first second third next then also again please so now here note thus "
    "therefore hence similarly likewise still yet rather lastly"
)
#: Finite verbs: a segment with one is a clause of its own ("This field is deprecated,
#: do not use it"), not the subject of the "do not".
_FINITE = _words("is are was were has have had can may must should will would does did shall")
_SEGMENT_BREAK = re.compile(r"[,—–]|\s-\s")
_PARENTHETICAL = re.compile(r"\([^()]*\)")


def _subject_before(lead: str) -> bool:
    """Whether a "do not" after a comma has a subject before it in its clause ("Indeed,
    most implementations, including some of Gruber's own, do not impose these
    restrictions"): a description of what they do, not an imperative."""
    clause = _PARENTHETICAL.sub(" ", lead)
    clause = clause[max(clause.rfind(";"), clause.rfind(":")) + 1 :]
    segments = [s.strip(_LEAD_MARKUP + "`") for s in _SEGMENT_BREAK.split(clause)]
    segments = [s for s in segments if s]
    for k in range(len(segments) - 1, -1, -1):
        words = segments[k].casefold().split()
        if words[0] in _ASIDE_OPENERS and k:
            continue  # set off between a subject and its verb
        if words[0] in _INTRODUCTORY or (words[0].endswith("ly") and len(words) == 1):
            return False
        if words[0] in ("or", "and", "nor"):
            continue  # a list continues: "If X, Y, or Z, do not ..."
        if not _FINITE.isdisjoint(words):
            return False
        # A noun phrase: the subject, unless it is a member of a condition's list.
        after_aside = (
            k + 1 < len(segments) and segments[k + 1].casefold().split()[0] in _ASIDE_OPENERS
        )
        listed = any(s.casefold().split()[0] in _INTRODUCTORY for s in segments[:k])
        return after_aside or not listed
    return False
