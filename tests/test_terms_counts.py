"""The whole-document term counts are made in chunks, for speed: the same counts as
counting text by text, and the cheap test for a contrast keeps every text that has one."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from specdiff.classify._terms import _CHUNK, _CONTRAST_HINT, _Counts, _may_contrast
from specdiff.parse import plain_text

WORDS = st.sampled_from(["the", "sender", "producer", "*event*", "[link](#x)", "a", "b", "A"])
TEXTS = st.lists(WORDS, max_size=8).map(" ".join)


def _text_by_text(texts: list[str]) -> tuple[Counter[str], Counter[object], Counter[object]]:
    words: Counter[str] = Counter()
    pairs: Counter[object] = Counter()
    triples: Counter[object] = Counter()
    for text in texts:
        found = re.findall(r"\w+", plain_text(text).casefold())
        words.update(found)
        pairs.update(pairwise(found))
        triples.update(zip(found, found[1:], found[2:], strict=False))
    return words, pairs, triples


@settings(max_examples=50, deadline=None)
@given(
    st.lists(TEXTS, min_size=1, max_size=40),
    st.integers(_CHUNK - 2, 2 * _CHUNK + 3),
    st.lists(TEXTS),
)
def test_chunked_counts_are_the_text_by_text_counts(
    pieces: list[str], size: int, gone: list[str]
) -> None:
    # Enough texts to fill more than one chunk, some ending on a chunk's edge.
    texts = (pieces * size)[:size]
    counts = _Counts(texts)
    assert (counts.words, counts.pairs, counts.triples) == _text_by_text(texts)
    edited = counts.edited(gone, texts[:3])
    words, pairs, triples = _text_by_text([*texts, *texts[:3]])
    less = _text_by_text(gone)
    words.subtract(less[0])
    pairs.subtract(less[1])
    triples.subtract(less[2])
    assert (edited.words, edited.pairs, edited.triples) == (words, pairs, triples)


PHRASES = st.sampled_from(
    ["instead of", "INSTEAD OF", "Rather Than", "in place of", "In PLACE of", "rather  than"]
)
AROUND = st.text(alphabet="aisſıİ KkInsteadOF.,\n", max_size=12)


@settings(max_examples=500, deadline=None)
@given(AROUND, PHRASES, AROUND)
def test_the_cheap_test_keeps_every_text_with_a_contrast(
    before: str, phrase: str, after: str
) -> None:
    text = before + phrase + after
    if _CONTRAST_HINT.search(text):
        assert _may_contrast(text)


def test_the_regex_and_its_cheap_test_agree_on_non_ascii_letters() -> None:
    # "ſ" and "ı" match "s" and "i" under IGNORECASE: "inſtead of" is a contrast to the
    # regex, and the cheap test must keep it.
    for text in ("inſtead of it", "ınstead of it", "INSTEAD OF IT", "rather than", "in place of"):
        assert _CONTRAST_HINT.search(text)
        assert _may_contrast(text)
    assert not _may_contrast("a text that sets nothing against anything")
