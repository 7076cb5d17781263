"""Reading the MDX syntax out of a ``.mdx`` file, so that what is left is Markdown.

Every step keeps the number of lines (what is not content becomes a blank line), so the
parser's line numbers stay the file's own.

- ESM: an ``import`` or ``export`` statement starting a block (at the start of a line
  after a blank line, never inside a paragraph) is dropped, with the
  lines it continues on (an open bracket, a trailing comma or ``=``, a next line starting
  with ``from``); a blank line always ends it, as it does in MDX.
- JSX comments ``{/* ... */}`` are dropped, on one line or many.
- Block components: lines made only of JSX tags of components (capitalised names:
  ``<Note>``, ``</Note>``, ``<Tabs items={[...]}>``, ``<Badge />``; a tag may run over
  several lines) are dropped and recorded as :class:`Component` s, whose content (the
  lines between an opening tag and its closing tag) stays Markdown, moved left by the
  indentation of its first line. ``<Note>Text.</Note>`` on a line of its own is a
  component holding that text.
- Inline components inside a paragraph (``Press <Kbd>Ctrl</Kbd> <Badge text="new" />.``)
  leave only their text: self-closing ones are dropped, others keep their children.

Lower-case tags are HTML, as in Markdown, and are left alone; so is everything inside
fenced code and inline code spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESM = re.compile(r"^(?:import|export)(?=[\s{*])")
_ESM_CONTINUES = re.compile(r"[,=({\[+\-*/&|?:.]\s*$")
_ESM_NEXT = re.compile(r"^\s*(?:from\b|[.})\]])")
_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`")
_JSX_COMMENT = re.compile(r"\{/\*.*?\*/\}")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_NAME = re.compile(r"[A-Z][\w.\-]*")
_PUNCTUATION = (".", ",", ";", ":", "!", "?", ")")
#: How far a tag may run (characters) and how many lines an opening tag may span.
_MAX_TAG = 4000
_MAX_TAG_LINES = 40


@dataclass(frozen=True, slots=True)
class Component:
    """A JSX component used as a block: a container of Markdown (or, self-closing, none)."""

    name: str
    """The component's name as written: ``Note``, ``Tabs.Item``."""
    tag: str
    """The opening tag without its angle brackets, whitespace folded: ``Warning title="x"``."""
    start: int
    """The opening tag's first line, counted from 1."""
    end: int
    """The closing tag's line (the opening one's for a self-closing tag)."""
    parent: int | None
    """Index of the component it is nested in."""


@dataclass(frozen=True, slots=True)
class _Tag:
    name: str
    """'' for a fragment (``<>``)."""
    closing: bool
    self_closing: bool
    source: str
    end: int
    """Offset just past the tag in the scanned text."""


@dataclass
class _Open:
    index: int
    name: str
    start: int
    tag: str
    indent: int | None = None
    """The indentation of the component's first content line, taken off every line of it."""


def read_mdx(lines: list[str], fenced: set[int]) -> tuple[Component, ...]:
    """Blank and rewrite ``lines`` in place (see the module docstring); the block components."""
    reader = _Reader(lines, fenced)
    reader.run()
    return tuple(reader.found)


class _Reader:
    def __init__(self, lines: list[str], fenced: set[int]) -> None:
        self.lines = lines
        self.fenced = fenced
        self.found: list[Component] = []
        self.ends: dict[int, int] = {}
        self.stack: list[_Open] = []

    def run(self) -> None:
        index = 0
        lines = self.lines
        while index < len(lines):
            if index in self.fenced:
                self._dedent(index)
                index += 1
                continue
            line = lines[index]
            stripped = line.lstrip()
            if _ESM.match(line) and (index == 0 or lines[index - 1].strip() in ("", "---")):
                index = self._drop_esm(index)
            elif stripped.startswith("{/*"):
                index = self._drop_comment(index)
            elif stripped.startswith("<") and (taken := self._flow_tags(index)) is not None:
                index = taken
            else:
                self._content(index)
                index += 1
        # Never closed: it runs to the last line (the text's final newline ends it).
        last = len(lines) - 1 if lines and not lines[-1] else len(lines)
        for still_open in reversed(self.stack):
            self._close(still_open, max(still_open.start, last))
        self.found = [
            Component(c.name, c.tag, c.start, self.ends.get(i, c.end), c.parent)
            for i, c in enumerate(self.found)
        ]

    # -- ESM and comments ------------------------------------------------------------------
    def _drop_esm(self, index: int) -> int:
        lines = self.lines
        depth = 0
        while index < len(lines) and lines[index].strip():
            code = _STRING.sub('""', lines[index]).split("//")[0]
            depth += sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}")
            lines[index] = ""
            index += 1
            following = lines[index] if index < len(lines) else ""
            if depth <= 0 and not _ESM_CONTINUES.search(code) and not _ESM_NEXT.match(following):
                break
        return index

    def _drop_comment(self, index: int) -> int:
        lines = self.lines
        start = index
        while index < len(lines) and "*/}" not in lines[index]:
            index += 1
        if index == len(lines):  # never closed: not a comment after all
            self._content(start)
            return start + 1
        rest = lines[index].split("*/}", 1)[1]
        for blank in range(start, index + 1):
            lines[blank] = ""
        if rest.strip():
            lines[index] = rest
            self._content(index)
        return index + 1

    # -- block tags ----------------------------------------------------------------------
    def _flow_tags(self, index: int) -> int | None:
        """A line (or lines) made only of tags: take them; None when the line is not one."""
        lines = self.lines
        text = lines[index]
        position = len(text) - len(text.lstrip())
        tags: list[_Tag] = []
        span = 1
        while True:
            while position < len(text) and text[position] in " \t\n":
                position += 1
            if position == len(text):
                break
            tag = _scan_tag(text, position)
            if tag is None and span == 1 and index + 1 < len(lines):
                # An opening tag whose attributes run over the next lines.
                last = min(len(lines), index + _MAX_TAG_LINES)
                window = "\n".join(lines[index:last])
                tag = _scan_tag(window, position)
                if tag is not None:
                    span = window.count("\n", 0, tag.end) + 1
                    text = "\n".join(lines[index : index + span])
            if tag is None:
                return self._one_line_component(index, tags) if tags else None
            tags.append(tag)
            position = tag.end
        for tag in tags:
            self._take(tag, index + 1)
        for blank in range(index, index + span):
            lines[blank] = ""
        return index + span

    def _one_line_component(self, index: int, leading: list[_Tag]) -> int | None:
        """``<Note>Text.</Note>`` alone on its line: a component holding that text."""
        first = leading[0]
        line = self.lines[index]
        closing = f"</{first.name}>"
        if (
            len(leading) != 1
            or not first.name
            or first.closing
            or first.self_closing
            or not line.rstrip().endswith(closing)
        ):
            return None
        body = line.strip()[len(first.source) : -len(closing)]
        parent = self.stack[-1].index if self.stack else None
        self.found.append(Component(first.name, _tag_text(first), index + 1, index + 1, parent))
        self.lines[index] = _inline(body).strip()
        return index + 1

    def _take(self, tag: _Tag, line: int) -> None:
        if not tag.name:  # fragments group, they hold nothing of their own
            return
        if tag.closing:
            for depth in range(len(self.stack) - 1, -1, -1):
                if self.stack[depth].name == tag.name:
                    for still_open in reversed(self.stack[depth:]):
                        self._close(still_open, line)
                    del self.stack[depth:]
                    return
            return  # a closing tag that opens nothing: dropped
        parent = self.stack[-1].index if self.stack else None
        self.found.append(Component(tag.name, _tag_text(tag), line, line, parent))
        if not tag.self_closing:
            self.stack.append(_Open(len(self.found) - 1, tag.name, line, tag.source))

    def _close(self, component: _Open, line: int) -> None:
        self.ends[component.index] = line

    # -- content -------------------------------------------------------------------------
    def _content(self, index: int) -> None:
        line = self.lines[index]
        if "<" in line or "{/*" in line:
            line = self._inline_with_closing(line)
        self.lines[index] = line
        self._dedent(index)

    def _inline_with_closing(self, line: str) -> str:
        """Inline tags dropped; a closing tag that ends the line may close a block component
        opened on an earlier line (``<Note>`` ... ``text.</Note>``)."""
        stripped = line.rstrip()
        for depth in range(len(self.stack) - 1, -1, -1):
            name = self.stack[depth].name
            closing = f"</{name}>"
            if stripped.endswith(closing) and f"<{name}" not in stripped:
                line = stripped[: -len(closing)]
                rest = _inline(line)
                self._take(_Tag(self.stack[depth].name, True, False, closing, 0), 0)
                return rest
        return _inline(line)

    def _dedent(self, index: int) -> None:
        """Markdown indented inside a component is the component's text, not code."""
        if not self.stack:
            return
        line = self.lines[index]
        if not line.strip():
            return
        current = self.stack[-1]
        indent = len(line) - len(line.lstrip(" \t"))
        if current.indent is None:
            current.indent = indent
        self.lines[index] = line[min(indent, current.indent) :]


def _scan_tag(text: str, start: int) -> _Tag | None:
    """The JSX tag of a component (or fragment) at ``text[start]``, if one is there."""
    if not text.startswith("<", start):
        return None
    position = start + 1
    closing = text.startswith("/", position)
    if closing:
        position += 1
    match = _NAME.match(text, position)
    name = match.group() if match else ""
    if match:
        position = match.end()
    elif text.startswith(">", position):  # a fragment, <> or </>
        return _Tag("", closing, False, text[start : position + 1], position + 1)
    else:
        return None
    if position < len(text) and text[position] not in " \t\n/>":
        return None
    limit = min(len(text), start + _MAX_TAG)
    depth = 0
    while position < limit:
        char = text[position]
        if char in "\"'" or (char == "`" and depth):
            end = text.find(char, position + 1)
            if end < 0:
                return None
            position = end + 1
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char == ">":
            return _Tag(name, closing, False, text[start : position + 1], position + 1)
        elif depth == 0 and text.startswith("/>", position) and not closing:
            return _Tag(name, False, True, text[start : position + 2], position + 2)
        elif depth == 0 and char == "<":
            return None
        position += 1
    return None


def _tag_text(tag: _Tag) -> str:
    inner = tag.source[1:-2] if tag.self_closing else tag.source[1:-1]
    return " ".join(inner.split())


def _inline(line: str) -> str:
    """A line of a paragraph without its inline components (their text children stay)."""
    if "{/*" in line:
        line = _JSX_COMMENT.sub("", line)
    if "<" not in line:
        return line
    pieces = []
    position = 0
    for span in _CODE_SPAN.finditer(line):
        pieces.append(_drop_tags(line[position : span.start()]))
        pieces.append(span.group())
        position = span.end()
    pieces.append(_drop_tags(line[position:]))
    return "".join(pieces)


def _drop_tags(text: str) -> str:
    kept: list[str] = []
    position = 0
    search = text.find("<")
    while search >= 0:
        tag = _scan_tag(text, search)
        if tag is None or "\n" in tag.source:
            search = text.find("<", search + 1)
            continue
        kept.append(text[position:search])
        position = search = tag.end
        if text.startswith(_PUNCTUATION, position) and kept:
            # "copy <Badge />." reads "copy." once the badge is gone.
            kept[-1] = kept[-1].rstrip(" \t")
        search = text.find("<", position)
    if not kept:
        return text
    kept.append(text[position:])
    return "".join(kept)
