"""Telling editorial edits (no change in meaning) from rewording."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ..parse import plain_text

_WORD = re.compile(r"\w+")
#: Short words whose change is never a typo fix.
_MEANINGFUL = frozenset(
    [
        "not",
        "no",
        "nor",
        "never",
        "always",
        "all",
        "any",
        "some",
        "each",
        "every",
        "none",
        "only",
        "must",
        "may",
        "can",
        "could",
        "should",
        "shall",
        "will",
        "would",
        "might",
        "and",
        "or",
        "but",
        "if",
        "unless",
        "before",
        "after",
        "more",
        "less",
        "most",
        "least",
    ]
)
_MAX_TYPOS = 3


def is_editorial(old: str, new: str) -> bool:
    """True when only markup, link targets, punctuation, case or spelling changed."""
    old_plain, new_plain = plain_text(old), plain_text(new)
    if old_plain == new_plain:
        return True
    old_words = _WORD.findall(old_plain.casefold())
    new_words = _WORD.findall(new_plain.casefold())
    if old_words == new_words:
        return True
    if len(old_words) != len(new_words):
        return False
    typos = [(a, b) for a, b in zip(old_words, new_words, strict=False) if a != b]
    return len(typos) <= _MAX_TYPOS and all(_is_typo(a, b) for a, b in typos)


def _is_typo(old: str, new: str) -> bool:
    if old in _MEANINGFUL or new in _MEANINGFUL:
        return False
    if any(ch.isdigit() for ch in old + new):
        return False
    if min(len(old), len(new)) < 4:
        return False
    return Levenshtein.distance(old, new) <= 2


def is_substantive(word_similarity: float) -> bool:
    """A rewrite that keeps less than three words in four says something new."""
    return word_similarity < 0.75
