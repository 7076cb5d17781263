"""Terms a new version renamed throughout: "sender" -> "producer" everywhere, or "OpenAPI
definition" -> "OpenAPI Description". A rename is terminology: each rule or sentence that
uses the term reads as before under its new name, so it is no new requirement there.

A word (or a word with the word before it) is renamed when the old version used it at
least twice, the new version never does, and its replacement, absent from the old
version, is there in the new one. A word written with a digit is a value ("SHA-256",
"TLS 1.2"), never a term renamed. The counts are made once per comparison, and only when
a clause swapped a word.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

from ..parse import plain_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

_WORD = re.compile(r"\w+")
#: Uses of the old term that make "the whole spec" more than one sentence.
_MIN_USES = 2


class _Counts:
    def __init__(self, texts: Iterable[str]) -> None:
        self.words: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        for text in texts:
            words = _WORD.findall(plain_text(text).casefold())
            self.words.update(words)
            self.pairs.update(pairwise(words))


class Terms:
    """Which swapped words are a term renamed across the whole document."""

    def __init__(
        self,
        old_texts: Callable[[], Iterable[str]] = tuple,
        new_texts: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        self._sources = (old_texts, new_texts)
        self._counts: list[tuple[_Counts, _Counts]] = []
        """Made on first use; shared with the views :meth:`under` makes."""
        self.topic: frozenset[str] = frozenset()
        """The words of the headings the clause at hand stands under (its section's and
        its parent's): a rule may restate them without narrowing what it governs."""

    def under(self, topic: frozenset[str]) -> Terms:
        """The same document's terms, for a clause under headings with these words."""
        view = Terms(*self._sources)
        view._counts = self._counts
        view.topic = topic
        return view

    def _both(self) -> tuple[_Counts, _Counts]:
        if not self._counts:
            old, new = self._sources
            self._counts.append((_Counts(old()), _Counts(new())))
        return self._counts[0]

    def renamed(self, gone: str, fresh: str, before: str = "") -> bool:
        """Whether ``gone`` -> ``fresh`` (one or two lower-case words each; ``before``,
        the word before them on both sides, or '') renames a term throughout the
        document: the words one by one ("sender" -> "producer"), as a pair ("horizontal
        rule" -> "thematic break"), or with the word before ("OpenAPI definition" ->
        "OpenAPI Description")."""
        if any(ch.isdigit() for ch in gone + fresh):
            return False
        old, new = self._both()
        old_words, new_words = gone.split(), fresh.split()
        if len(old_words) != len(new_words):
            return False
        if all(
            _replaced(old.words, new.words, g, f) for g, f in zip(old_words, new_words, strict=True)
        ):
            return True
        if len(old_words) == 2:
            return _replaced(
                old.pairs, new.pairs, (old_words[0], old_words[1]), (new_words[0], new_words[1])
            )
        return bool(before) and _replaced(
            old.pairs, new.pairs, (before, old_words[0]), (before, new_words[0])
        )


_K = TypeVar("_K")


def _replaced(old: Counter[_K], new: Counter[_K], gone: _K, fresh: _K) -> bool:
    return old[gone] >= _MIN_USES and not new[gone] and not old[fresh] and new[fresh] > 0


#: No document to look at (a clause compared on its own): nothing counts as renamed.
NO_TERMS = Terms()
