"""Inline helpers for spec HTML: heading words as plain text, ``[^label]`` markers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def heading_text(title: str) -> str:
    """A heading's words as a reader sees them: Markdown markers gone, code and raw HTML
    kept as text (``The `max_tokens` field`` reads ``The max_tokens field``)."""
    if not any(c in title for c in "*_`[<!\\&"):
        return " ".join(title.split())
    words = []
    for token in _inline_parser().parseInline(title, {}):
        for child in token.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
            elif child.type == "image":
                words.append(child.content)
    return " ".join("".join(words).split())


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})


def mark_footnotes(children: list[Token]) -> list[Token]:
    """``[^label]`` markers (footnotes, or in model specs evaluation prompts) as small
    labels rather than bracket soup."""
    from markdown_it.token import Token

    marked: list[Token] = []
    for child in children:
        if child.type != "text" or "[^" not in child.content:
            marked.append(child)
            continue
        position = 0
        for match in _FOOTNOTE_REF.finditer(child.content):
            if match.start() > position:
                marked.append(_text(Token, child.content[position : match.start()]))
            note = Token("footnote_marker", "sup", 0)
            note.meta["label"] = match.group(1)
            marked.append(note)
            position = match.end()
        if position < len(child.content):
            marked.append(_text(Token, child.content[position:]))
    return marked


def _text(factory: type[Token], content: str) -> Token:
    token = factory("text", "", 0)
    token.content = content
    return token
