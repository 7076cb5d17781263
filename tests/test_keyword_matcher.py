"""The normative keyword search is one regex shaped like a trie of the phrases; it must find
exactly what the plain alternation of the phrases (longest first) finds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from specdiff.model.document import Strength
from specdiff.parse._normative import DEFAULT_PHRASES, DEFAULT_VOCABULARY, Phrase, Vocabulary

if TYPE_CHECKING:
    from pathlib import Path

TEXTS = [
    "The assistant must not, and MUST NOT ever; it mustn’t or mustn't. Must nothing.",
    "Clients can't, can not, cannot or can only; servers may not, may only, may.",
    "Sharing keys is no longer allowed, is not allowed, is never allowed, is allowed.",
    "It is NOT RECOMMENDED, RECOMMENDED, REQUIRED, OPTIONAL; do not and don't; always never.",
    "must\n  not, should\tno  longer, shall-not, re-must, mustard, cans, Mayday, don’t.",
    "It _MUST_ be set, __must not__ be null, _always_; allow_always and must_sign are names.",
]


def _flat(phrases: tuple[Phrase, ...]) -> re.Pattern[str]:
    ordered = sorted({p.words for p in phrases}, key=len, reverse=True)
    alternation = "|".join(
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in words.split()) for words in ordered
    )
    # Bounded as the trie is: no letter, digit or apostrophe on either side, and an
    # underscore only as emphasis ("_MUST_"), not inside an identifier ("must_sign").
    return re.compile(
        rf"(?<![^\W_]|['’-])(?<![^\W_]_)(?:{alternation})(?![^\W_]|['’-]|_[^\W_])",
        re.IGNORECASE,
    )


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_trie_finds_what_the_alternation_finds(corpus: Path) -> None:
    trie, _ = DEFAULT_VOCABULARY.matcher
    flat = _flat(DEFAULT_PHRASES)
    texts = [*TEXTS, *(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/*.md")))]
    for text in texts:
        assert _spans(trie, text) == _spans(flat, text)


def test_configured_phrases_join_the_trie() -> None:
    extra = (Phrase("is obliged to", Strength.MUST), Phrase("is obliged", Strength.MUST))
    vocabulary = Vocabulary().extended(extra)
    trie, by_words = vocabulary.matcher
    text = "The relay is obliged to log it; the relay is obliged. It must."
    assert _spans(trie, text) == _spans(_flat(vocabulary.phrases), text)
    assert [by_words[m.group().lower()].words for m in trie.finditer(text)] == [
        "is obliged to",
        "is obliged",
        "must",
    ]


def test_emphasis_underscores_bound_a_keyword_and_identifiers_do_not() -> None:
    trie, _ = DEFAULT_VOCABULARY.matcher
    text = "It _MUST_ be set; allow_always and must_sign are names."
    assert [m.group() for m in trie.finditer(text)] == ["MUST"]
