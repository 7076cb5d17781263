"""Quotes that carry a change: excerpts cut around the changed words, never through them.

A release note that quotes a modified clause must show the words that changed (both
values of a number, the removed words of a removal), not the first 140 characters of the
new text, which may stop before the change or quote words that did not change at all.
"""

from __future__ import annotations

import re

from .redline import Op, Segment, redline

_WORD = re.compile(r"\S+")
#: Words of unchanged text kept on each side of a change.
CONTEXT_WORDS = 4


def excerpt_around(text: str, needle: str, width: int = 140) -> str:
    """``text`` on one line, cut to about ``width`` characters around the first whole-word
    occurrence of ``needle`` (the start when it is absent), with ``…`` where it was cut."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    match = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", line, re.IGNORECASE) if needle else None
    if match is None:
        return _cut(line, 0, width)
    if match.end() <= width * 3 // 4:
        return _cut(line, 0, width)  # near the start: keep the sentence's own beginning
    middle = (match.start() + match.end()) // 2
    start = max(0, min(middle - width // 2, len(line) - width))
    return _cut(line, start, start + width)


def _cut(line: str, start: int, end: int) -> str:
    """``line[start:end]`` moved out to word boundaries, with ``…`` on each cut side."""
    end = min(len(line), end)
    if start > 0:
        space = line.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    if end < len(line):
        space = line.find(" ", end)
        end = space if space >= 0 else len(line)
    text = line[start:end]
    return ("… " if start > 0 else "") + text + (" …" if end < len(line) else "")


def changed_phrases(old: str, new: str, *, limit: int = 2, width: int = 90) -> list[str]:
    """Each edit between two texts as ``“old words” → “new words”``, with a few unchanged
    words around it so a reader can find it; at most ``limit`` of them (see
    :func:`count_edits` for how many there are). Edits closer together than the context
    around them make one phrase. A long phrase is cut in its middle, so both its ends
    (where it meets the unchanged text) stay."""
    phrases = []
    for before, cluster, after in _clusters(old, new)[:limit]:
        lead, trail = _tail_words(before), _head_words(after)
        deleted = "".join(s.text for s in cluster if s.op is not Op.INSERT)
        inserted = "".join(s.text for s in cluster if s.op is not Op.DELETE)
        phrases.append(
            f"“{_squeeze(lead + deleted + trail, width)}” → "
            f"“{_squeeze(lead + inserted + trail, width)}”"
        )
    return phrases


def count_edits(old: str, new: str) -> int:
    """How many phrases :func:`changed_phrases` would give without a limit."""
    return len(_clusters(old, new))


def _clusters(old: str, new: str) -> list[tuple[str, list[Segment], str]]:
    """(kept text before, the edit's segments, kept text after) for each edit, edits
    separated by fewer than twice :data:`CONTEXT_WORDS` kept words joined into one."""
    segments = redline(" ".join(old.split()), " ".join(new.split()))
    clusters: list[tuple[str, list[Segment], str]] = []
    current: list[Segment] = []
    before = ""
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment.op is not Op.EQUAL:
            current.append(segment)
            if last:
                clusters.append((before, current, ""))
            continue
        if not current:
            before = segment.text
            continue
        if not last and len(_WORD.findall(segment.text)) < 2 * CONTEXT_WORDS:
            current.append(segment)  # a short kept stretch between two edits
            continue
        clusters.append((before, current, segment.text))
        current, before = [], segment.text
    return clusters


def _tail_words(text: str) -> str:
    """The last :data:`CONTEXT_WORDS` words of ``text`` (with the space that follows)."""
    if not text:
        return ""
    words = list(_WORD.finditer(text))
    if len(words) <= CONTEXT_WORDS:
        return text
    cut = words[-CONTEXT_WORDS].start()
    return "… " + text[cut:]


def _head_words(text: str) -> str:
    if not text:
        return ""
    words = list(_WORD.finditer(text))
    if len(words) <= CONTEXT_WORDS:
        return text
    cut = words[CONTEXT_WORDS - 1].end()
    return text[:cut] + " …"


def _squeeze(text: str, width: int) -> str:
    """``text`` with its middle replaced by ``…`` when longer than ``width``."""
    text = text.strip()
    if len(text) <= width:
        return text
    half = width // 2
    head = text[:half]
    head = head[: head.rfind(" ")] if " " in head else head
    tail = text[-half:]
    tail = tail[tail.find(" ") + 1 :] if " " in tail else tail
    return f"{head} … {tail}"


#: A table-row detail from the differ: ``field `reply`, Type: “old” → “new”``.
_CELL_DETAIL = re.compile(r"^(field|row) `(.*?)`, (.+?): “(.*)” → “(.*)”$", re.DOTALL)
_ANCHOR_TAG = re.compile(r"<a\s[^<>]*>\s*(?:</a>)?", re.IGNORECASE)


def cell_edits(details: tuple[str, ...], old_row: str, new_row: str) -> str | None:
    """A table row's edited cells as ``Type: “string” → “string | null” in field `reply```,
    one per column, from the differ's cell-by-cell ``details``; None when the details are
    not a row's. A cell value the differ shortened is quoted around its change instead,
    so the changed words are always in the quote."""
    edits = []
    for detail in details:
        match = _CELL_DETAIL.match(detail)
        if match is None:
            if "anchor:" in detail:
                continue  # the anchor line has its own wording below
            return None
        noun, name, column, old, new = match.groups()
        if old.endswith("…") or new.endswith("…") or old.startswith("…"):
            old_cell, new_cell = _full_cell(old_row, old), _full_cell(new_row, new)
            if old_cell is not None and new_cell is not None:
                phrase = changed_phrases(old_cell, new_cell, limit=1)
                if phrase:
                    old, new = phrase[0].removeprefix("“").removesuffix("”").split("” → “", 1)
        edits.append((noun, name, f"{column}: “{old}” → “{new}”"))
    if not edits:
        return None
    noun, name = edits[0][0], edits[0][1]
    return "; ".join(edit for _, _, edit in edits) + f" in {noun} `{name}`"


def _full_cell(row: str, shortened: str) -> str | None:
    """The cell of ``row`` the differ quoted as ``shortened`` (cut with ``…``)."""
    prefix = shortened.removesuffix("…")
    inner = prefix.removeprefix("…")  # quoted from the middle: around a change
    for cell in re.split(r"(?<!\\) \| ", row):
        value = " ".join(_ANCHOR_TAG.sub("", cell).replace("\\|", "|").split())
        if value.startswith(prefix) or (inner != prefix and inner in value):
            return value
    return None
