"""Word-level redlines: the old and new text as runs of kept, deleted and inserted words.

Two steps. The words are aligned by rapidfuzz's longest-common-subsequence opcodes (C
speed, bit-parallel, so a long clause costs little; difflib made rendering the slowest
part of ``compare``). The raw alignment of a rewritten sentence keeps every shared
"the", "that" and space, which reads as old and new shuffled word by word; a semantic
cleanup (diff-match-patch's ``cleanupSemantic``, on words) then turns each small kept
island between larger edits into part of the replaced phrase, so a rewrite reads as
"old phrase → new phrase".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from rapidfuzz.distance import Indel

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
#: Above this many tokens a side, only the common head and tail are kept as such (the
#: alignment needs memory in proportion to the product of the two lengths).
MAX_TOKENS = 8000


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
    """Segments from which both texts can be rebuilt exactly (see :func:`old_text`);
    consecutive segments never share an operation, and between two kept runs the deleted
    words come before the inserted ones."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    runs: list[tuple[Op, str]] = []
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        head = _common_prefix(a, b)
        tail = _common_prefix(a[head:][::-1], b[head:][::-1])
        runs = [
            (Op.EQUAL, "".join(a[:head])),
            (Op.DELETE, "".join(a[head : len(a) - tail])),
            (Op.INSERT, "".join(b[head : len(b) - tail])),
            (Op.EQUAL, "".join(a[len(a) - tail :])),
        ]
    else:
        for opcode in Indel.opcodes(a, b):
            i1, i2 = opcode.src_start, opcode.src_end
            j1, j2 = opcode.dest_start, opcode.dest_end
            if opcode.tag == "equal":
                runs.append((Op.EQUAL, "".join(a[i1:i2])))
            else:
                runs.append((Op.DELETE, "".join(a[i1:i2])))
                runs.append((Op.INSERT, "".join(b[j1:j2])))
        runs = _absorb_small_islands(_merge(runs))
    return tuple(Segment(op, text) for op, text in _merge(runs))


def edit_probes(old: str, new: str, context: int = 3) -> tuple[str, str] | None:
    """The first edit between two texts as ``(old words, new words)``, each with
    ``context`` unchanged words on both sides (whitespace made single spaces): text that
    is in one version and not the other. None when the texts are the same."""
    segments = redline(" ".join(old.split()), " ".join(new.split()))
    for index, segment in enumerate(segments):
        if segment.op is Op.EQUAL:
            continue
        before = segments[index - 1].text if index else ""
        end = index
        while end < len(segments) and segments[end].op is not Op.EQUAL:
            end += 1
        after = segments[end].text if end < len(segments) else ""
        lead = "".join(_TOKEN.findall(before)[-2 * context :])
        trail = "".join(_TOKEN.findall(after)[: 2 * context])
        run = segments[index:end]
        deleted = "".join(s.text for s in run if s.op is Op.DELETE)
        inserted = "".join(s.text for s in run if s.op is Op.INSERT)
        return lead + deleted + trail, lead + inserted + trail
    return None


def old_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.INSERT)


def new_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


def _merge(runs: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    """Drop empty runs; between two kept runs, one deletion then one insertion."""
    merged: list[tuple[Op, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            merged.append((Op.DELETE, "".join(deleted)))
        if inserted:
            merged.append((Op.INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op, text in runs:
        if not text:
            continue
        if op is Op.DELETE:
            deleted.append(text)
        elif op is Op.INSERT:
            inserted.append(text)
        else:
            flush()
            if merged and merged[-1][0] is Op.EQUAL:
                merged[-1] = (Op.EQUAL, merged[-1][1] + text)
            else:
                merged.append((op, text))
    flush()
    return merged


def _absorb_small_islands(runs: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    """diff-match-patch's semantic cleanup: a kept run no longer than the larger edit on
    each side of it (counted in characters) becomes deleted and inserted, so the edits
    around it join into one replaced phrase. Each absorption makes the edits around the
    neighbouring islands larger, so those are looked at again."""
    index = 1
    while index < len(runs) - 1:
        op, text = runs[index]
        if op is Op.EQUAL:
            before = _edit_size(runs, index, -1)
            after = _edit_size(runs, index, +1)
            if before and after and len(text) <= before and len(text) <= after:
                runs[index : index + 1] = [(Op.DELETE, text), (Op.INSERT, text)]
                runs = _merge(runs)
                # The kept run before this one now borders a larger edit: look at it again.
                index = max(1, index - 3)
                continue
        index += 1
    return runs


def _edit_size(runs: list[tuple[Op, str]], index: int, step: int) -> int:
    """The larger of the deletion and the insertion next to ``runs[index]`` on one side."""
    deleted = inserted = 0
    position = index + step
    while 0 <= position < len(runs) and runs[position][0] is not Op.EQUAL:
        op, text = runs[position]
        if op is Op.DELETE:
            deleted += len(text)
        else:
            inserted += len(text)
        position += step
    return max(deleted, inserted)


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
