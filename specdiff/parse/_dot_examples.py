"""Examples written between lines of a lone ``.``, as the CommonMark spec's own tools read them.

The CommonMark spec (up to 0.22) and specs written with its tooling give each
conformance example as three lines holding only a ``.``, around the Markdown input and
the expected output::

    .
    - foo
    # bar
    .
    <ul><li>foo</li></ul><h1>bar</h1>
    .

The spec's test runner and its renderer read such a block as one example; a plain
Markdown parser reads the ``.`` lines as paragraphs and the example's own lists,
headings and unclosed fences as the spec's structure (an example's ``# foo`` became a
section of the spec). So where a document follows this convention throughout, the first
and last ``.`` of each example become a code fence with the info string ``example``, line
for line: each example is one code clause whose text (input, ``.``, output) is the text a
later version of such a spec writes in a fenced ``example`` block.

The convention is taken up only when it holds for the whole document: every lone ``.``
outside fenced code belongs to a complete opening/separator/closing triple whose closing
line ends the block (a blank line or the end follows). A document with a stray ``.``
paragraph, or with fewer than :data:`MIN_EXAMPLES` such blocks, is left as it is.
"""

from __future__ import annotations

import re
from itertools import islice

from ._chunks import closes_fence

#: A document must hold at least this many blocks to be read as using the convention.
MIN_EXAMPLES = 2

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


def fence_dot_examples(lines: list[str]) -> list[str]:
    """``lines`` with each ``.``-delimited example turned into a fenced ``example`` block
    (same number of lines), or ``lines`` itself when the document does not use them."""
    # Each example takes three "." lines; most documents have none, and counting them is
    # cheaper than walking the fences.
    if sum(1 for line in lines if line[:1] == "." and _is_dot(line)) < 3 * MIN_EXAMPLES:
        return lines
    blocks = _dot_blocks(lines)
    if len(blocks) < MIN_EXAMPLES:
        return lines
    fenced = list(lines)
    for first, last in blocks:
        # Longer than any run of backticks inside, so nothing in the example closes it.
        width = max(
            (len(run) for run in _BACKTICKS.findall("\n".join(lines[first:last]))), default=0
        )
        fence = "`" * max(3, width + 1)
        fenced[first] = f"{fence} example"
        fenced[last] = fence
    return fenced


def _is_dot(line: str) -> bool:
    return line.rstrip() == "."


def _dot_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(opening, closing) line indices of every example, or none if any ``.`` is stray."""
    blocks: list[tuple[int, int]] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence is not None:
            if closes_fence(line, fence, _FENCE):
                fence = None
        elif _is_dot(line):
            # The next two only: a list of every later dot made parsing quadratic.
            dots = list(islice((i for i in range(index + 1, len(lines)) if _is_dot(lines[i])), 2))
            if len(dots) < 2:
                return []
            last = dots[1]
            if last + 1 < len(lines) and lines[last + 1].strip():
                return []
            blocks.append((index, last))
            index = last
        elif match := _FENCE.match(line):
            fence = match.group(1)
        index += 1
    return blocks


def conformance_input(text: str) -> str | None:
    """The Markdown input of a conformance example (its text up to the line holding only
    ``.`` that parts the input from the output expected of it), or None when ``text`` is
    not written as input, ``.`` and output."""
    lines = text.split("\n")
    if "." not in lines[1:-1]:
        return None
    return "\n".join(lines[: lines.index(".", 1)])
