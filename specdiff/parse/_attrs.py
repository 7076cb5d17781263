"""Pandoc-style attribute blocks at the end of a heading: ``{#id key=value .class}``."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""\s*(?:
        \#(?P<id>[^\s{}#="']+)
      | \.(?P<cls>[^\s{}.="']+)
      | (?P<key>[A-Za-z_][\w.:-]*)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'{}]+))
      | (?P<unnumbered>-)(?=\s|$)
    )""",
    re.VERBOSE,
)
_LOOKS_LIKE_BLOCK = re.compile(r"^\{\s*(?:[#.]|-\s*[#.}]|[A-Za-z_][\w.:-]*=)")
#: Pandoc writes ``{-}`` for ``{.unnumbered}``.
UNNUMBERED = "unnumbered"
_UNCLOSED = re.compile(r"\{\s*#[^{}]*$")
_BLANK_REST = re.compile(r"\s*\Z")


@dataclass(frozen=True, slots=True)
class AttributeBlock:
    """What an attribute block declares."""

    id: str | None
    attributes: tuple[tuple[str, str], ...]
    classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HeadingText:
    """A heading's content split into its title and its attribute block."""

    title: str
    block: AttributeBlock | None
    error: str | None = None
    """Why a trailing ``{...}`` that looks like an attribute block could not be read."""


def split_heading(content: str) -> HeadingText:
    """Split ``"Title {#id a=b}"`` into the title and the attribute block."""
    stripped = content.rstrip()
    if stripped.endswith("}"):
        start = stripped.rfind("{")
        candidate = stripped[start:] if start >= 0 else ""
        if candidate and _LOOKS_LIKE_BLOCK.match(candidate):
            title = stripped[:start].rstrip()
            block, error = _parse_block(candidate[1:-1])
            if error is not None:
                return HeadingText(title, None, error)
            return HeadingText(title, block)
        return HeadingText(stripped, None)
    unclosed = _UNCLOSED.search(stripped)
    if unclosed:
        return HeadingText(
            stripped[: unclosed.start()].rstrip(),
            None,
            f"unclosed attribute block {unclosed.group()!r}",
        )
    return HeadingText(stripped, None)


def _parse_block(body: str) -> tuple[AttributeBlock | None, str | None]:
    ident: str | None = None
    attributes: list[tuple[str, str]] = []
    classes: list[str] = []
    position = 0
    while position < len(body):
        if _BLANK_REST.match(body, position):
            break
        match = _TOKEN.match(body, position)
        if match is None or match.end() == position:
            return None, f"cannot read {body[position:].strip()!r} in attribute block {{{body}}}"
        if match.group("id") is not None:
            if ident is not None:
                return None, f"two ids in attribute block {{{body}}}"
            ident = match.group("id")
        elif match.group("cls") is not None:
            classes.append(match.group("cls"))
        elif match.group("unnumbered") is not None:
            classes.append(UNNUMBERED)
        else:
            value = next(v for v in match.group("dq", "sq", "bare") if v is not None)
            attributes.append((match.group("key"), value))
        position = match.end()
    return AttributeBlock(ident, tuple(attributes), tuple(classes)), None
