"""Finding normative statements: RFC 2119/8174 keywords and their plain-English kin."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model.document import NormativeStatement, Strength
from ._text import fold


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
    Phrase("may not", MAY, True),
    Phrase("may", MAY),
    Phrase("never", MUST, True),
    Phrase("always", MUST),
    Phrase("do not", MUST, True, imperative=True),
    Phrase("don't", MUST, True, imperative=True),
    Phrase("is not allowed", MUST, True),
    Phrase("are not allowed", MUST, True),
    Phrase("is never allowed", MUST, True),
    Phrase("are never allowed", MUST, True),
    Phrase("is allowed", MAY),
    Phrase("are allowed", MAY),
    Phrase("is not required", MAY),
    Phrase("are not required", MAY),
    Phrase("is required", MUST),
    Phrase("are required", MUST),
    Phrase("required", MUST, capitals_only=True),
    Phrase("not recommended", SHOULD, True, capitals_only=True),
    Phrase("recommended", SHOULD, capitals_only=True),
    Phrase("optional", MAY, capitals_only=True),
)

_LEAD_MARKUP = " *_\"'“‘(-"
_CLAUSE_LEAD = re.compile(r"(?:[,:;(]|\b(?:and|or|but|then|please|so))[\s*_\"'“]*$", re.IGNORECASE)
_LEAD_WINDOW = 40
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]*_]*\s+(?=[\"'“‘(\[*_`]*[A-Z0-9])")


def _compile(phrases: tuple[Phrase, ...]) -> tuple[re.Pattern[str], dict[str, Phrase]]:
    by_words = {p.words: p for p in phrases}
    # Longest first, so "must not" wins over "must" at the same position.
    ordered = sorted(by_words, key=len, reverse=True)
    alternation = "|".join(
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in words.split()) for words in ordered
    )
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", re.IGNORECASE)
    return pattern, by_words


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The phrases that make a sentence normative; configurable per project."""

    phrases: tuple[Phrase, ...] = DEFAULT_PHRASES
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
        return Vocabulary(extra + tuple(p for p in self.phrases if p.words not in known))


DEFAULT_VOCABULARY = Vocabulary()


def find_statements(
    text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY
) -> tuple[NormativeStatement, ...]:
    """Every normative statement in a clause's text, one per keyword, in order."""
    pattern, by_words = vocabulary.matcher
    matches = list(pattern.finditer(text))
    if not matches:
        return ()
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    statements: list[NormativeStatement] = []
    sentences: dict[int, str] = {}  # by start offset: a sentence's keywords share its text
    for match in matches:
        written = match.group()
        phrase = by_words[" ".join(written.lower().replace("’", "'").split())]
        if phrase.capitals_only and not written.isupper():
            continue
        if _is_mention(text, match.start(), match.end()):
            continue
        slot = bisect.bisect_right(ends, match.start())
        start = ends[slot - 1] if slot else 0
        if phrase.imperative and not _opens_clause(text, start, match.start()):
            continue
        sentence = sentences.get(start)
        if sentence is None:
            end = ends[slot] if slot < len(ends) else len(text)
            sentence = sentences[start] = fold(text[start:end])
        statements.append(
            NormativeStatement(
                keyword=" ".join(written.split()),
                strength=phrase.strength,
                negative=phrase.negative,
                sentence=sentence,
            )
        )
    return tuple(statements)


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
    return bool(_CLAUSE_LEAD.search(lead))
