"""``plain_text`` takes a shortcut for text without markup characters: the same words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from specdiff.parse import parse_spec, plain_text, unfolded_plain_text
from specdiff.parse._text import (
    _BRACED_CODE,
    _EMPHASIS,
    _FOOTNOTE,
    _LINK,
    _REF_LINK,
    _TAG,
    drop_comments,
    fold,
    unmarked,
)

if TYPE_CHECKING:
    from pathlib import Path

# Words, whitespace and every character a step of plain_text acts on, in runs that make
# links, reference links, footnotes, tags, comments, emphasis and escapes.
PIECES = st.lists(
    st.sampled_from(
        [*"ab Z\n\t\u00a0[]()!<>*_~`\\^-", "[x](#a)", "[x][y]", "[^1]", "<!-- c -->", "<b>",
         "**", "__", "~~", "``", " _x_ ", "word", "  "]
    ),
    max_size=60,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(PIECES)
def test_the_shortcut_gives_what_the_steps_give(text: str) -> None:
    assert plain_text(text) == unmarked(text)


def test_every_clause_and_title_of_a_real_spec_reads_the_same(corpus: Path) -> None:
    text = (corpus / "openapi-specification" / "11-3.2.0.md").read_text(encoding="utf-8")
    spec = parse_spec(text)
    texts = [s.title for s in spec.sections] + [c.text for c in spec.clauses]
    plain = [t for t in texts if t == " ".join(t.split()) and not set(t) & set("[<*~`_\\")]
    assert len(plain) > 100  # the shortcut is taken ...
    assert len(plain) < len(texts) - 100  # ... and the steps too
    assert [plain_text(t) for t in texts] == [unmarked(t) for t in texts]


# The emphasis pattern as first written, plainly; the module's is written for speed (each
# branch opens with its mark character) and must find the same marks.
PLAIN_EMPHASIS = re.compile(r"\*{1,3}|~~|`+|(?<!\w)_{1,3}|_{1,3}(?!\w)")


@settings(max_examples=1000, deadline=None)
@given(PIECES)
def test_the_fast_emphasis_pattern_finds_the_plain_ones_marks(text: str) -> None:
    spans = [m.span() for m in _EMPHASIS.finditer(text)]
    assert spans == [m.span() for m in PLAIN_EMPHASIS.finditer(text)]


def _every_step(markdown: str) -> str:
    """``unmarked`` without its skips: every step on every text."""
    text = _LINK.sub(r"\1", markdown)
    text = _REF_LINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    text = _TAG.sub("", drop_comments(text))
    text = _BRACED_CODE.sub(r"\1\2\1", text)
    text = PLAIN_EMPHASIS.sub("", text)
    return fold(text.replace("\\", ""))


@settings(max_examples=1000, deadline=None)
@given(PIECES)
def test_skipping_steps_without_their_mark_gives_what_every_step_gives(text: str) -> None:
    assert unmarked(text) == _every_step(text)


@settings(max_examples=500, deadline=None)
@given(PIECES)
def test_the_unfolded_plain_text_is_the_plain_text_but_for_its_spaces(text: str) -> None:
    # The term counts read words only: the text unfolded has the same words, and folded
    # it is the plain text.
    unfolded = unfolded_plain_text(text)
    assert fold(unfolded) == plain_text(text)
    assert re.findall(r"\w+", unfolded) == re.findall(r"\w+", plain_text(text))


def test_the_unfolded_plain_text_keeps_the_spaces_of_a_text_without_markup() -> None:
    assert unfolded_plain_text("a\n  b") == "a\n  b"
    assert unfolded_plain_text("a *b*\n c") == "a b c"  # markup: the plain text, folded
