"""Markdown text to :class:`~specdiff.model.Spec`: sections, clauses, statements, references.

The parser reads block structure with markdown-it-py (CommonMark, GFM tables,
admonitions) and never runs its inline pass: clause texts come from the source, so a
spec is parsed faster than markdown-it-py would render it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ._builder import MAX_LIST_DEPTH, SpecBuilder
from ._front_matter import split_front_matter
from ._normative import DEFAULT_PHRASES, DEFAULT_VOCABULARY, Phrase, Vocabulary, find_statements
from ._text import fingerprint, fold, plain_text, slugify

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from ..model import Spec

__all__ = [
    "DEFAULT_PHRASES",
    "DEFAULT_VOCABULARY",
    "MAX_LIST_DEPTH",
    "Phrase",
    "Vocabulary",
    "find_statements",
    "fingerprint",
    "fold",
    "parse_spec",
    "plain_text",
    "slugify",
]

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
    body = "\n" * skipped + "\n".join(lines[skipped:]) if skipped else text
    tokens = _block_parser().parse(body)
    return SpecBuilder(lines, vocabulary).build(tokens, front_matter)
