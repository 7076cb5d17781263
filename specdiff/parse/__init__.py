"""Markdown text to :class:`~specdiff.model.Spec`: sections, clauses, statements, references.

The parser reads block structure with markdown-it-py (CommonMark, GFM tables,
admonitions) and never runs its inline pass: clause texts come from the source, so a
spec is parsed faster than markdown-it-py would render it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .._gc import collector_paused
from ._attrs import split_heading
from ._builder import MAX_LIST_DEPTH, SpecBuilder
from ._chunks import chunk_bounds, runs_to_the_end
from ._dot_examples import conformance_input, fence_dot_examples
from ._examples import fence_verdict, looks_like_example
from ._front_matter import split_front_matter
from ._normative import DEFAULT_PARTIES, DEFAULT_PHRASES, DEFAULT_VOCABULARY, Phrase, Vocabulary
from ._ranges import canonical_ranges, character_ranges
from ._stamps import edition_date
from ._tables import field_name, names_fields, row_cells
from ._text import (
    ALGORITHM_VARIABLE,
    fingerprint,
    fold,
    is_anchor_only,
    opens_as_note,
    plain_text,
    slugify,
    unfolded_plain_text,
)
from .statements import find_statements

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from ..model.document import Spec

__all__ = [
    "ALGORITHM_VARIABLE",
    "DEFAULT_PARTIES",
    "DEFAULT_PHRASES",
    "DEFAULT_VOCABULARY",
    "MAX_LIST_DEPTH",
    "Phrase",
    "Vocabulary",
    "canonical_ranges",
    "character_ranges",
    "conformance_input",
    "edition_date",
    "fence_verdict",
    "field_name",
    "find_statements",
    "fingerprint",
    "fold",
    "is_anchor_only",
    "looks_like_example",
    "names_fields",
    "opens_as_note",
    "parse_spec",
    "plain_text",
    "row_cells",
    "slugify",
    "split_front_matter",
    "split_heading",
    "unfolded_plain_text",
]

#: Documents longer than this many lines are parsed in pieces of about this size.
CHUNK_LINES = 4000

#: markdown-it stops building tokens below this depth; we keep what it drops as text.
MAX_NESTING = 100


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").use(admon_plugin)
    parser.disable(["inline", "text_join"])
    return parser


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading byte-order mark is dropped."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_spec(text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> Spec:
    """Parse Markdown text into a :class:`Spec`. Never raises on any text input."""
    text = normalise_newlines(text)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    front_matter, skipped = split_front_matter(lines)
    body = fence_dot_examples([""] * skipped + lines[skipped:])
    builder = SpecBuilder(lines, vocabulary)
    parser = _block_parser()
    with collector_paused():
        for start, end in chunk_bounds(body, CHUNK_LINES):
            # A piece ends with the blank line before a heading; the final newline keeps
            # that line in the piece, so a block left open runs into it.
            tokens = parser.parse(_piece(body, start, end))
            if end < len(body) and runs_to_the_end(tokens, end - start):
                # The cut fell inside a fence or HTML block the scanner misjudged: parse
                # the rest whole, which is always right.
                tokens = parser.parse(_piece(body, start, len(body)))
                builder.feed(_shifted(tokens, start))
                break
            builder.feed(_shifted(tokens, start))
        spec = builder.finish(front_matter)
    if skipped:
        source = "\n".join(lines[1 : skipped - 1])
        spec = replace(spec, front_matter_source=source)
    return spec


def _piece(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end]) + "\n"


def _shifted(tokens: list[Token], offset: int) -> list[Token]:
    """Make a piece's line maps count from the top of the document."""
    if offset:
        for token in tokens:
            if token.map is not None:
                token.map = [token.map[0] + offset, token.map[1] + offset]
    return tokens
