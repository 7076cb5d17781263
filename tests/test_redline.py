"""Redlines people can read: a rewritten sentence reads as old phrase → new phrase (the
semantic cleanup), a small edit still marks only the words that changed, and both texts
rebuild exactly (tests/test_diff_properties.py checks that on generated text)."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from specdiff.render.redline import Op, Segment, new_text, old_text, redline

#: The "white lies" paragraph of the OpenAI model spec, 2025-02-12 → 2025-04-11.
WHITE_LIES_OLD = (
    'First, "white lies" that are necessary for being a good conversational partner are '
    "allowed (see [?](#be_engaging) for positive examples), and [?](#avoid_sycophancy) for "
    "limitations)."
)
WHITE_LIES_NEW = (
    'Note that the the assistant may answer pleasantries such as "how are you?" in natural '
    "ways (see [?](#be_engaging)), where there is no intention or likelihood of confusing "
    'the user that the model is human. However, even "white lies" that humans may use in '
    "conversation to make the other person feel better are not allowed (see also "
    "[?](#avoid_sycophancy))."
)
INDIRECT_OLD = (
    "Second, there is an indirect interaction with platform level rules that prevent "
    "revealing certain information (such as [?](#avoid_info_hazards) and "
    "[?](#protect_privileged_messages))."
)
INDIRECT_NEW = (
    "There is one class of interaction with other rules in the Model Spec which may override "
    "this principle. Specifically some platform level rules can prevent revealing certain "
    "information (such as [?](#avoid_info_hazards) and [?](#protect_privileged_messages))."
)
_SENTENCE_END = re.compile(r"(?<=[.?!])\)*\s+(?=[A-Z])")


def runs_per_sentence(segments: tuple[Segment, ...]) -> list[int]:
    """How many deleted or inserted runs touch each sentence of the new text (a deletion
    sits where it happened in the new text)."""
    text = new_text(segments)
    ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text) + 1]
    counts = [0] * len(ends)
    position = 0
    for segment in segments:
        start = position
        if segment.op is not Op.DELETE:
            position += len(segment.text)
        if segment.op is Op.EQUAL:
            continue
        for index, end in enumerate(ends):
            begin = ends[index - 1] if index else 0
            if start < end and (position > begin or start >= begin):
                counts[index] += 1
    return counts


def test_a_rewritten_paragraph_reads_as_old_then_new() -> None:
    segments = redline(WHITE_LIES_OLD, WHITE_LIES_NEW)
    assert max(runs_per_sentence(segments)) <= 3
    assert segments[0] == Segment(
        Op.DELETE,
        'First, "white lies" that are necessary for being a good conversational partner are '
        "allowed (see [?](#be_engaging) for positive examples), and ",
    )
    assert segments[1].op is Op.INSERT
    assert segments[1].text.startswith("Note that the the assistant may answer")
    assert (old_text(segments), new_text(segments)) == (WHITE_LIES_OLD, WHITE_LIES_NEW)


def test_a_split_sentence_keeps_its_untouched_tail() -> None:
    segments = redline(INDIRECT_OLD, INDIRECT_NEW)
    assert max(runs_per_sentence(segments)) <= 3
    assert segments[-1] == Segment(
        Op.EQUAL,
        " prevent revealing certain information (such as [?](#avoid_info_hazards) and "
        "[?](#protect_privileged_messages)).",
    )


def test_small_edits_stay_word_precise() -> None:
    segments = redline(
        "The volume is 4/3 * pi * r^3 and the server should answer within 30 seconds.",
        "The volume is 4/3 * pi * r^3 and the server must answer within 60 seconds.",
    )
    assert [(s.op.value, s.text) for s in segments if s.op is not Op.EQUAL] == [
        ("delete", "should"),
        ("insert", "must"),
        ("delete", "30"),
        ("insert", "60"),
    ]


WORDS = st.sampled_from(["the", "assistant", "must", "should", "not", "answer", "user", "a"])


@given(st.lists(WORDS, max_size=40), st.lists(WORDS, max_size=40))
def test_no_kept_island_is_smaller_than_the_edits_around_it(a: list[str], b: list[str]) -> None:
    old, new = " ".join(a), " ".join(b)
    segments = redline(old, new)
    assert (old_text(segments), new_text(segments)) == (old, new)
    assert all(x.op is not y.op for x, y in itertools.pairwise(segments))
    for index in range(1, len(segments) - 1):
        if segments[index].op is not Op.EQUAL:
            continue
        before = max(
            (len(s.text) for s in _edits(segments, index, -1)),
            default=0,
        )
        after = max((len(s.text) for s in _edits(segments, index, +1)), default=0)
        assert len(segments[index].text) > min(before, after)


def _edits(segments: tuple[Segment, ...], index: int, step: int) -> list[Segment]:
    found = []
    position = index + step
    while 0 <= position < len(segments) and segments[position].op is not Op.EQUAL:
        found.append(segments[position])
        position += step
    return found
