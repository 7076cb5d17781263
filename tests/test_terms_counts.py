"""The whole-document term counts are made in chunks, for speed: the same counts as
counting text by text, and the cheap test for a contrast keeps every text that has one."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from specdiff.classify._terms import (
    _CHUNK,
    _CONTRAST_HINT,
    Terms,
    _Counts,
    _may_contrast,
    _Version,
)
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


class _Uncut(Terms):
    """The same readings without the cheap test of :meth:`Terms._retirable`."""

    def _retirable(self, term: tuple[str, ...], *, in_new: bool = False, own: bool = False) -> bool:
        return True


SWAPPED = st.sampled_from(["sender", "producer", "line", "break", "hard", "event", "the", ""])
PLAIN = st.lists(
    st.sampled_from(["the", "sender", "producer", "hard", "line", "break", "event", "a"]),
    max_size=6,
).map(" ".join)


def _edited(old: list[str], dropped: list[bool], added: list[str]) -> list[str]:
    """The new version: the old texts not dropped, then the added ones."""
    kept = [t for t, drop in zip(old, [*dropped, *[False] * len(old)], strict=False) if not drop]
    return kept + added


@settings(max_examples=400, deadline=None)
@given(
    st.lists(PLAIN, max_size=12),
    st.lists(st.booleans(), max_size=12),
    st.lists(PLAIN, max_size=6),
    SWAPPED,
    SWAPPED,
    SWAPPED,
    SWAPPED,
    st.booleans(),
)
def test_the_cheap_test_of_a_retired_term_changes_no_reading(
    old: list[str],
    dropped: list[bool],
    added: list[str],
    gone: str,
    fresh: str,
    before: str,
    after: str,
    in_new: bool,
) -> None:
    # The new version keeps some of the old texts and adds others: the test that spares
    # the whole-document counts must answer as the counts do, in every reading.
    new = _edited(old, dropped, added)
    texts = (lambda: old), (lambda: new)
    cut, uncut = Terms(*texts), _Uncut(*texts)
    for terms in (cut, uncut):
        terms.clause_texts = (" ".join(old[:2]), " ".join(new[:2]))
    for a, b in ((gone, fresh), (f"{gone} {before}".strip(), fresh), (gone, f"{fresh} {after}")):
        if a and b:
            assert cut.renamed(a, b, before, after) == uncut.renamed(a, b, before, after)
    if gone and fresh:
        assert cut.qualifier_retired(gone, fresh, in_new=in_new) == uncut.qualifier_retired(
            gone, fresh, in_new=in_new
        )


def test_a_term_retired_in_a_few_texts_is_still_read() -> None:
    # The control: "sender" gone from the two texts that had it, "producer" in their place.
    old = ["the sender sends", "a sender waits", "the event"]
    new = ["the producer sends", "a producer waits", "the event"]
    assert Terms(lambda: old, lambda: new).renamed("sender", "producer")
    assert not Terms(lambda: old, lambda: old).renamed("sender", "producer")


GRAM = st.sampled_from(["the", "sender", "producer", "a", "b", "x-y", "", "a  b"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(TEXTS, max_size=10),
    st.lists(TEXTS, max_size=4),
    st.lists(TEXTS, max_size=4),
    st.lists(GRAM, min_size=1, max_size=3),
)
def test_a_version_read_term_by_term_has_the_counts_of_all_its_texts(
    old: list[str], gone: list[str], added: list[str], gram: list[str]
) -> None:
    # The old version's texts include those only it has; the new one has the rest and
    # those only it has. Every figure the readings ask for is the counters' figure.
    old = [*old, *gone]
    new = [*old[: len(old) - len(gone)], *added]
    counts, counts_new = _Counts(old), _Counts(new)
    version = _Version.of(old)
    version_new = version.edited((_Counts(gone), _Counts(added)))
    key = tuple(g.casefold() for g in gram)
    for whole, lazy in ((counts, version), (counts_new, version_new)):
        table = [whole.words, whole.pairs, whole.triples][len(key) - 1]
        assert lazy.uses(key) == table[key[0] if len(key) == 1 else key]
        assert lazy.count(key[:2]) == whole.count(key[:2])
    if len(key) == 2:
        assert sorted(version.longer_terms((key[0], key[1]))) == sorted(
            counts.longer_terms((key[0], key[1]))
        )
    assert version_new.gained_after(key[0], version) == counts_new.gained_after(key[0], counts)
    assert version_new.gained_before(key[0], version) == counts_new.gained_before(key[0], counts)


class _Counted(_Version):
    """A version that never stops reading early: :meth:`_Version.own_uses_exceed` from the
    full counts."""

    def own_uses_exceed(self, term: tuple[str, ...], limit: int) -> bool:
        if len(term) == 2:
            pair = (term[0], term[1])
            own = self.uses(pair) - sum(n for _, n in self.longer_terms(pair))
        else:
            own = self.uses(term)
        return own > limit


def _full_counts(terms: Terms) -> None:
    """Make ``terms`` read its versions with :class:`_Counted`."""
    old, new = terms._both()
    counted = _Counted(old._words)
    counted.contrasts = old.contrasts
    assert new._edits is not None
    terms._counts[0] = (counted, counted.edited(new._edits))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(PLAIN, max_size=14),
    st.lists(st.booleans(), max_size=14),
    st.lists(PLAIN, max_size=6),
    SWAPPED,
    SWAPPED,
    SWAPPED,
    SWAPPED,
)
def test_reading_only_until_a_term_is_too_common_changes_no_reading(
    old: list[str],
    dropped: list[bool],
    added: list[str],
    gone: str,
    fresh: str,
    before: str,
    after: str,
) -> None:
    # A term the old version uses on its own more often than the edits can account for
    # is not retired: telling so from the first uses must answer as counting them all.
    new = _edited(old, dropped, added)
    texts = (lambda: old), (lambda: new)
    early, counted = Terms(*texts), Terms(*texts)
    _full_counts(counted)
    for a, b in ((gone, fresh), (f"{gone} {before}".strip(), fresh), (gone, f"{fresh} {after}")):
        if a and b:
            assert early.renamed(a, b, before, after) == counted.renamed(a, b, before, after)


@settings(max_examples=300, deadline=None)
@given(st.lists(PLAIN, max_size=12), st.lists(GRAM, min_size=1, max_size=2), st.integers(-1, 6))
def test_own_uses_exceed_a_limit_as_counted(texts: list[str], gram: list[str], limit: int) -> None:
    key = tuple(g.casefold() for g in gram)
    early, counted = _Version.of(texts), _Counted(_Version.of(texts)._words)
    assert early.own_uses_exceed(key, limit) == counted.own_uses_exceed(key, limit)
    # Whatever it read, the counts asked next are the whole text's.
    assert early.uses(key) == counted.uses(key)
    if len(key) == 2:
        pair = (key[0], key[1])
        assert sorted(early.longer_terms(pair)) == sorted(counted.longer_terms(pair))


def test_a_term_used_all_over_is_told_from_its_first_uses() -> None:
    # "sender" is used on its own in every text of the old version: two texts changed
    # cannot retire it, and reading stops after the first few uses, counting nothing.
    old = ["the sender sends", "a sender waits", *["the sender logs"] * 50]
    new = ["the producer sends", "a producer waits", *["the sender logs"] * 50]
    terms = Terms(lambda: old, lambda: new)
    assert not terms.renamed("sender", "producer")
    version = terms._both()[0]
    assert ("sender",) not in version._known
    assert version.own_uses_exceed(("sender",), 2)
    # The other way: used only where the edits took it out, it is read to the end and
    # renamed; and inside a longer term both versions keep ("hard line break" for "line
    # break") its uses do not stand on their own.
    few_old, few_new = [*old[:2], "the event"], [*new[:2], "the event"]
    assert Terms(lambda: few_old, lambda: few_new).renamed("sender", "producer")
    kept = ["a hard line break", *["a hard line break here"] * 20]
    version = _Version.of(["a line break", "the line break", *kept])
    assert not version.own_uses_exceed(("line", "break"), 2)
    assert version.uses(("line", "break")) == 23
    assert version.own_uses_exceed(("line", "break"), 1)


LAID_OUT = st.lists(
    st.sampled_from(
        ["the", "Sender", "*event*", "[link](#x)", "\n", "\t", "  ", "-", "İ", "ß", ""]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(LAID_OUT, max_size=8))
def test_a_version_keeps_each_texts_plain_words_on_a_line(texts: list[str]) -> None:
    # A text's spaces and line breaks are read as the plain text's folded spaces: one
    # line a text, its lower-case words two spaces apart.
    lines = [re.findall(r"\w+", plain_text(t).casefold()) for t in texts]
    assert _Version.of(texts)._words == "\n".join(f" {'  '.join(w)} " for w in lines)


def test_a_rename_asked_again_is_the_one_read_first() -> None:
    old = ["the sender sends", "a sender waits", "the event"]
    new = ["the producer sends", "a producer waits", "the event"]
    terms = Terms(lambda: old, lambda: new)
    view = terms.under(frozenset({"event"}))
    assert terms.renamed("sender", "producer") is view.renamed("sender", "producer") is True
    assert terms._renames == {("sender", "producer", "", ""): True}
    assert not view.renamed("event", "producer")
    assert terms._renamed("event", "producer", "", "") is False
