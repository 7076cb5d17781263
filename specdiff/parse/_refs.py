"""Links to anchors, footnote labels, term definitions, and the anchors a clause defines."""

from __future__ import annotations

import bisect
import re
from urllib.parse import unquote

from ..model.document import Reference, ReferenceKind
from ._text import slugify

# No pattern here may scan past the next "[" or "<": a line of thousands of unclosed
# "[^", "](#" or "<a " would otherwise be scanned once per opener (quadratic time).
_ANCHOR_LINK = re.compile(
    r"\]\(\s*<?#([^()\[\]\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|href\s*=\s*[\"']#([^\"']+)[\"']"
)
_FOOTNOTE = re.compile(r"\[\^([^\[\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"\[([^\[\]]+)\]\(@([^()\[\]\s]*)\)")
_NEWLINE = re.compile("\n")
_HTML_ANCHOR = re.compile(r"<a\s[^<>]*?\b(?:name|id)\s*=\s*[\"']?([^\"'\s/<>]+)", re.IGNORECASE)


def find_references(source: str, first_line: int) -> tuple[Reference, ...]:
    """Anchor links, footnotes and definitions in ``source``, which starts at ``first_line``."""
    if "#" not in source and "[" not in source:
        return ()
    found: list[tuple[int, Reference]] = []
    newlines: list[int] = []

    def line_of(offset: int) -> int:
        # Most clauses hold no reference: their newlines are never counted.
        if not newlines:
            newlines.extend(m.start() for m in _NEWLINE.finditer(source))
            newlines.append(len(source))
        return first_line + bisect.bisect_left(newlines, offset)

    # Each pattern needs its opening characters; looking for them first is a fast
    # substring search, and most clauses have none of them.
    anchors = _ANCHOR_LINK.finditer(source) if "](" in source or "href" in source else ()
    for match in anchors:
        target = unquote(match.group(1) or match.group(2))
        found.append(
            (match.start(), Reference(ReferenceKind.ANCHOR, target, line_of(match.start())))
        )
    for match in _FOOTNOTE.finditer(source) if "[^" in source else ():
        found.append(
            (
                match.start(),
                Reference(ReferenceKind.FOOTNOTE, match.group(1), line_of(match.start())),
            )
        )
    for match in _DEFINITION.finditer(source) if "(@" in source else ():
        term = match.group(2) or slugify(match.group(1))
        found.append(
            (match.start(), Reference(ReferenceKind.DEFINITION, term, line_of(match.start())))
        )
    found.sort(key=lambda pair: pair[0])
    return tuple(ref for _, ref in found)


def find_html_anchors(source: str) -> tuple[str, ...]:
    """Ids defined by ``<a name="x">`` or ``<a id="x">`` in ``source``."""
    if "<a" not in source and "<A" not in source:
        return ()
    return tuple(m.group(1) for m in _HTML_ANCHOR.finditer(source))


def defined_anchors(source: str, references: tuple[Reference, ...]) -> tuple[str, ...]:
    """Every link target a clause defines: HTML anchors and term definitions."""
    terms = tuple(r.target for r in references if r.kind is ReferenceKind.DEFINITION)
    return find_html_anchors(source) + terms
