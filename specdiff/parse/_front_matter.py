"""YAML front matter (``---`` ... ``---`` or ``...``) kept as top-level key/value pairs."""

from __future__ import annotations

import re

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def split_front_matter(lines: list[str]) -> tuple[tuple[tuple[str, str], ...], int]:
    """The front matter's pairs and how many leading lines it takes (0 when there is none)."""
    # Front matter opens with a key on the line after "---"; otherwise the "---" is a
    # thematic break and what follows is Markdown.
    if len(lines) < 2 or lines[0].rstrip() != "---" or not _KEY.match(lines[1]):
        return (), 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return (), 0
    pairs: list[list[str]] = []
    for line in lines[1:end]:
        match = _KEY.match(line)
        if match:
            pairs.append([match.group(1), match.group(2).strip()])
        elif pairs and line.strip():
            pairs[-1][1] = (pairs[-1][1] + " " + line.strip()).strip()
    return tuple((key, value) for key, value in pairs), end + 1
