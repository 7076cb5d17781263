"""Reading one file of a spec made of many files as the tools that build such specs do.

Every step here keeps the number of lines: what is not content becomes a blank line, so
that the parser's line numbers are still the file's own.

- ``.mdx`` files: imports, exports, JSX comments and the tags of components are taken out
  and the components recorded, so that their Markdown is read as Markdown (see ``_mdx``).
- Front matter written as an HTML comment (``<!-- title: Overview -->`` at the top) is read
  for its keys and is not content.
- A generated table of contents (between ``<!-- toc -->`` and ``<!-- tocstop -->``, between
  doctoc's ``START``/``END`` markers, or a "Table of contents" heading over a list of
  ``#anchor`` links) is not content.
- A heading whose only content is a link to another Markdown file
  (``# [Overview](Section%201%20--%20Overview.md)``, as spec-md writes it) is an include
  directive: it places that file here, and is not a section itself. A link to a file
  outside the spec's folder, which is never read with it, leaves the heading a heading.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from ._mdx import Component, read_mdx

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_COMMENT_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_TOC_START = re.compile(r"^\s*<!--\s*(?:toc|START doctoc\b.*?)\s*-->\s*$", re.IGNORECASE)
_TOC_END = re.compile(r"^\s*<!--\s*(?:tocstop|/toc|END doctoc\b.*?)\s*-->\s*$", re.IGNORECASE)
_TOC_TITLE = re.compile(r"^#{1,6}\s+(?:table of contents|contents|toc)\s*#*\s*$", re.IGNORECASE)
_TOC_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]*\]\(#[^)]*\)\s*$")
_INCLUDE = re.compile(r"^(#{1,6})\s+\[([^\]]*)\]\(\s*<?([^()<>]+?\.mdx?)>?\s*\)\s*#*\s*$")


@dataclass(frozen=True, slots=True)
class Include:
    """An include heading: the file it names is read at this point, at this level."""

    line: int
    """The heading's line, counted from 1."""
    level: int
    title: str
    target: str
    """The included file's path relative to the spec root (it may lie outside it)."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file's text made ready for the parser, and what was read out of it."""

    text: str
    includes: tuple[Include, ...]
    front_matter: tuple[tuple[str, str], ...]
    """Keys of an HTML-comment front matter block (YAML front matter the parser reads)."""
    components: tuple[Component, ...] = ()
    """The block components of an ``.mdx`` file."""


def prepare(path: str, text: str) -> Prepared:
    """``text`` of the file at ``path`` with what is not content blanked out."""
    lines = text.split("\n")
    fenced = _fenced_lines(lines)
    front_matter = _comment_front_matter(lines)
    components = read_mdx(lines, fenced) if path.lower().endswith(".mdx") else ()
    _drop_tables_of_contents(lines, fenced)
    includes = _take_includes(path, lines, fenced)
    return Prepared("\n".join(lines), includes, front_matter, components)


def mdx_markdown(text: str) -> str:
    """The Markdown of an ``.mdx`` file: its text with imports, exports, comments and
    component tags taken out (blank lines), line for line, as the parser reads it."""
    return read_mdx_text(text)[0]


def read_mdx_text(text: str) -> tuple[str, tuple[Component, ...]]:
    """The Markdown of an ``.mdx`` file (as :func:`mdx_markdown`) and its block components."""
    lines = text.split("\n")
    components = read_mdx(lines, _fenced_lines(lines))
    return "\n".join(lines), components


def _fenced_lines(lines: list[str]) -> set[int]:
    """Indices of lines inside fenced code blocks (fence lines included)."""
    inside: set[int] = set()
    opener: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if opener is None:
            if match:
                opener = match.group(1)
                inside.add(index)
        else:
            inside.add(index)
            if match and match.group(1)[0] == opener[0] and len(match.group(1)) >= len(opener):
                opener = None
    return inside


def _comment_front_matter(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """Read and blank an HTML comment of ``key: value`` lines at the top of the file."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not lines[first].lstrip().startswith("<!--"):
        return ()
    end = next((i for i in range(first, len(lines)) if "-->" in lines[i]), None)
    if end is None:
        return ()
    body = [lines[first].lstrip()[4:], *lines[first + 1 : end], lines[end].split("-->")[0]]
    if first == end:
        body = [lines[first].lstrip()[4:].split("-->")[0]]
    pairs = tuple((m.group(1), m.group(2).strip("\"'")) for m in map(_COMMENT_KEY.match, body) if m)
    if not pairs or lines[end].split("-->", 1)[1].strip():
        return ()
    for index in range(first, end + 1):
        lines[index] = ""
    return pairs


def _drop_tables_of_contents(lines: list[str], fenced: set[int]) -> None:
    start: int | None = None
    for index, line in enumerate(lines):
        if index in fenced:
            continue
        if start is None and _TOC_START.match(line):
            start = index
        elif start is not None and _TOC_END.match(line):
            for blank in range(start, index + 1):
                lines[blank] = ""
            start = None
    for index, line in enumerate(lines):
        if index in fenced or not _TOC_TITLE.match(line):
            continue
        end = index + 1
        items = 0
        while end < len(lines) and (not lines[end].strip() or _TOC_ITEM.match(lines[end])):
            items += bool(lines[end].strip())
            end += 1
        if items:
            for blank in range(index, end):
                lines[blank] = ""


def _take_includes(path: str, lines: list[str], fenced: set[int]) -> tuple[Include, ...]:
    folder = posixpath.dirname(path)
    found = []
    for index, line in enumerate(lines):
        if index in fenced or not line.startswith("#"):
            continue
        match = _INCLUDE.match(line)
        if match is None or "://" in match.group(3):
            continue
        target = posixpath.normpath(posixpath.join(folder, unquote(match.group(3).strip())))
        if target == ".." or target.startswith(("../", "/")):
            # A file outside the spec's folder is never among the files read, so nothing
            # would take the heading's place: it stays a heading, as the reader of the
            # source sees it (GraphQL's "# [Appendix: Licensing](../LICENSE.md)").
            continue
        found.append(Include(index + 1, len(match.group(1)), match.group(2).strip(), target))
        lines[index] = ""
    return tuple(found)
