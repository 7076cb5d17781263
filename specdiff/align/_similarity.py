"""Text similarity and candidate lookup for fuzzy matching, without comparing all pairs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.document import ClauseKind
from ..parse import field_name, plain_text
from ._steps import may_be_one_step

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model.document import Clause

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_MIN_SENTENCE_WORDS = 5
#: A shingle shared by more clauses than this says nothing about which one is meant.
_COMMON_SHINGLE = 40
#: How many best candidates (by shared shingles) get a full similarity computation.
_CANDIDATES = 8

#: Kinds that may be paired with each other: prose can change form, code and examples cannot.
_FAMILY = {
    ClauseKind.PARAGRAPH: "prose",
    ClauseKind.LIST_ITEM: "prose",
    ClauseKind.BLOCKQUOTE: "prose",
    ClauseKind.ADMONITION: "prose",
    ClauseKind.TABLE_ROW: "row",
    ClauseKind.CODE: "code",
    ClauseKind.EXAMPLE: "example",
    ClauseKind.HTML: "html",
    ClauseKind.COMPONENT: "component",
}


def family(clause: Clause) -> str:
    """The family of kinds a clause may change between ("prose", "code", ...)."""
    return _FAMILY[clause.kind]


def compatible(a: Clause, b: Clause) -> bool:
    """Whether ``a`` may have become ``b``: prose may change form, code and examples may not;
    a step of an algorithm becomes a step that does the same (see :mod:`._steps`)."""
    if _FAMILY[a.kind] != _FAMILY[b.kind]:
        return False
    a_step, b_step = a.kind is ClauseKind.LIST_ITEM, b.kind is ClauseKind.LIST_ITEM
    if (a_step or b_step) and _FAMILY[a.kind] == "prose":
        return may_be_one_step(a.text, b.text, a_step=a_step, b_step=b_step)
    return True


def same_field(a: Clause, b: Clause, *, same_place: bool) -> bool:
    """Whether two table rows may be one row edited. Rows whose anchors differ are
    different fields (another object's, in an API spec), unless they sit in the same
    table and name the same field (the anchor alone was renamed)."""
    if a.kind is not ClauseKind.TABLE_ROW or b.kind is not ClauseKind.TABLE_ROW:
        return True
    if not a.anchors or not b.anchors or anchor_words(a.anchors[0]) == anchor_words(b.anchors[0]):
        return True
    return same_place and field_name(a.text).casefold() == field_name(b.text).casefold()


#: Fence info words of blocks read as data trees.
_DATA_FENCES = frozenset({"json", "yaml", "yml"})


def top_keys(clause: Clause) -> frozenset[str]:
    """The top-level keys of a fenced JSON or YAML block that holds a mapping (empty for
    anything else): what a data example is an example of."""
    if clause.kind is not ClauseKind.CODE:
        return frozenset()
    words = clause.info.split()
    if not words or words[0].casefold() not in _DATA_FENCES:
        return frozenset()
    return _top_keys(clause.text)


@lru_cache(maxsize=1024)
def _top_keys(text: str) -> frozenset[str]:
    import json

    import yaml

    try:
        data = json.loads(text)
    except ValueError:
        try:
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (ValueError, RecursionError, yaml.YAMLError):
            return frozenset()
    return frozenset(str(k) for k in data) if isinstance(data, dict) else frozenset()


def anchor_words(anchor: str) -> str:
    """An anchor without its naming convention: ``parameterAllowEmptyValue`` and
    ``parameter-allow-empty-value`` name the same field."""
    return "".join(ch for ch in anchor.casefold() if ch.isalnum())


class TextCache:
    """Plain text and word shingles of clauses, computed once and only when needed."""

    def __init__(self) -> None:
        self._plain: dict[int, str] = {}
        self._shingles: dict[int, frozenset[str]] = {}
        self._sentences: dict[int, tuple[str, ...]] = {}

    def plain(self, clause: Clause) -> str:
        key = id(clause)
        text = self._plain.get(key)
        if text is None:
            text = plain_text(clause.text).lower()
            self._plain[key] = text
        return text

    def shingles(self, clause: Clause) -> frozenset[str]:
        key = id(clause)
        found = self._shingles.get(key)
        if found is None:
            words = _WORD.findall(self.plain(clause))
            if len(words) < 3:
                found = frozenset(words)
            else:
                found = frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2))
            self._shingles[key] = found
        return found

    def sentences(self, clause: Clause) -> tuple[str, ...]:
        key = id(clause)
        found = self._sentences.get(key)
        if found is None:
            found = tuple(
                s
                for s in _SENTENCE.split(self.plain(clause))
                if len(s.split()) >= _MIN_SENTENCE_WORDS
            )
            self._sentences[key] = found
        return found

    def sentence_similarity(self, a: Clause, b: Clause) -> float:
        """The similarity of the two most alike sentences of ``a`` and ``b``."""
        return max(
            (
                Indel.normalized_similarity(x, y)
                for x in self.sentences(a)
                for y in self.sentences(b)
            ),
            default=0.0,
        )

    def coverage(self, a: Clause, b: Clause) -> float:
        """How much of ``a`` is said in ``b``: for each sentence of ``a``, the similarity
        of the most alike sentence of ``b``, averaged (0 when ``a`` has no sentence)."""
        ours, theirs = self.sentences(a), self.sentences(b)
        if not ours or not theirs:
            return 0.0
        return sum(max(Indel.normalized_similarity(x, y) for y in theirs) for x in ours) / len(ours)

    def similarity(self, a: Clause, b: Clause) -> float:
        """0..1, the normalised Indel similarity of the two plain texts."""
        return Indel.normalized_similarity(self.plain(a), self.plain(b))


class ShingleIndex:
    """An inverted index from shingles to clauses, for finding likely partners quickly."""

    def __init__(self, clauses: Iterable[Clause], cache: TextCache) -> None:
        self.cache = cache
        self.postings: dict[str, list[Clause]] = defaultdict(list)
        for clause in clauses:
            for shingle in cache.shingles(clause):
                self.postings[shingle].append(clause)

    def candidates(self, clause: Clause) -> list[Clause]:
        """The clauses sharing the most informative shingles with ``clause``, best first."""
        votes: Counter[int] = Counter()
        by_index: dict[int, Clause] = {}
        for shingle in self.cache.shingles(clause):
            posting = self.postings.get(shingle)
            if not posting or len(posting) > _COMMON_SHINGLE:
                continue
            for other in posting:
                votes[other.index] += 1
                by_index[other.index] = other
        # Ties go to the earlier clause: the shingles come out of a set in hash order, so
        # the Counter's own order (which most_common keeps for ties) differs between runs.
        best = sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:_CANDIDATES]
        return [by_index[index] for index, _ in best]
