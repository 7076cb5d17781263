"""Word-level redlines: the old and new text as runs of kept, deleted and inserted words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
#: Above this many tokens a side, only the common head and tail are kept as such
#: (difflib is quadratic in the worst case).
MAX_TOKENS = 4000


class Op(str, Enum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    text: str


def redline(old: str, new: str) -> tuple[Segment, ...]:
    """Segments from which both texts can be rebuilt exactly (see :func:`old_text`)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    segments: list[Segment] = []
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        head = _common_prefix(a, b)
        tail = _common_prefix(a[head:][::-1], b[head:][::-1])
        _add(segments, Op.EQUAL, a[:head])
        _add(segments, Op.DELETE, a[head : len(a) - tail])
        _add(segments, Op.INSERT, b[head : len(b) - tail])
        _add(segments, Op.EQUAL, a[len(a) - tail :])
        return tuple(segments)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(segments, Op.EQUAL, a[i1:i2])
        else:
            _add(segments, Op.DELETE, a[i1:i2])
            _add(segments, Op.INSERT, b[j1:j2])
    return tuple(segments)


def old_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.INSERT)


def new_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


def _add(segments: list[Segment], op: Op, tokens: list[str]) -> None:
    if not tokens:
        return
    text = "".join(tokens)
    if segments and segments[-1].op is op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
