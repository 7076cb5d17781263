"""Where a document can be cut into independently parsed pieces.

markdown-it-py builds every token of a document before returning any, and on a
multi-megabyte spec that token list (not the spec model) is most of the memory a parse
needs. Parsing top-level pieces one after another keeps it small.

A cut goes before an ATX heading that starts in the first column right after a blank
line, outside any fenced code and any HTML block that spans blank lines. Such a line
ends every open block (lists, quotes, tables, paragraphs; HTML blocks of kinds 6 and 7
end at the blank line) and starts a heading, so the blocks on each side are the same
whether the document is parsed whole or in pieces. The scanner tracks fences and those
HTML blocks only roughly (a fence inside a list item can be closed by the item's end);
so each piece is checked after parsing (:func:`runs_to_the_end`), and a piece whose last
top-level block is cut off makes the parser take the rest of the document whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
#: HTML blocks that run over blank lines, and what ends each (CommonMark kinds 1-5).
_HTML_SPANS = (
    (
        re.compile(r"[ \t]*<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.IGNORECASE),
        re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"[ \t]*<!--"), re.compile(r"-->")),
    (re.compile(r"[ \t]*<\?"), re.compile(r"\?>")),
    (re.compile(r"[ \t]*<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"[ \t]*<!\[CDATA\["), re.compile(r"\]\]>")),
)


def chunk_bounds(lines: list[str], target_lines: int) -> list[tuple[int, int]]:
    """``(start, end)`` line ranges covering ``lines``, each at least ``target_lines`` long
    where a safe cut allows, cut only where :func:`safe_cuts` says."""
    if len(lines) < 2 * target_lines:
        return [(0, len(lines))]
    bounds = []
    start = 0
    for cut in safe_cuts(lines):
        if cut - start >= target_lines:
            bounds.append((start, cut))
            start = cut
    bounds.append((start, len(lines)))
    return bounds


def safe_cuts(lines: list[str]) -> list[int]:
    """Line indices before which the document may be cut (see the module docstring)."""
    cuts = []
    fence: str | None = None
    html_end: re.Pattern[str] | None = None
    previous_blank = True
    for index, line in enumerate(lines):
        if fence is not None:
            if closes_fence(line, fence):
                fence = None
        elif html_end is not None:
            if html_end.search(line):
                html_end = None
        elif previous_blank and _HEADING.match(line):
            cuts.append(index)
        else:
            match = _FENCE.match(line)
            if match:
                fence = match.group(1)
            else:
                for opener, closer in _HTML_SPANS:
                    found = opener.match(line)
                    if found:
                        if not closer.search(line, found.end()):
                            html_end = closer
                        break
        previous_blank = not line.strip()
    return cuts


def runs_to_the_end(tokens: list[Token], line_count: int) -> bool:
    """Whether a top-level fence or HTML block of a piece runs into its last line.

    A piece ends with the blank line before a cut, so a block that ends properly stops
    before it; one that reaches it was left open, and the cut was wrong.
    """
    for token in reversed(tokens):
        if token.level == 0 and token.map is not None:
            return (
                token.type in ("fence", "html_block", "code_block") and token.map[1] >= line_count
            )
    return False


def closes_fence(line: str, fence: str, opener: re.Pattern[str] = _FENCE) -> bool:
    """Whether ``line`` closes a code fence opened by ``fence``: a run of the same
    character, at least as long, with nothing after it (CommonMark's closing rule).
    ``opener`` matches a fence run at the start of a line, indentation as the caller allows."""
    match = opener.match(line)
    return bool(
        match
        and match.group(1)[0] == fence[0]
        and len(match.group(1)) >= len(fence)
        and not line[match.end() :].strip()
    )
