"""Reading a table row's text back into cells, and the name of the field a row defines."""

from __future__ import annotations

import re

from ._text import plain_text

#: The parser joins cells with " | " and keeps a pipe inside a cell escaped ("\|"). An
#: empty cell leaves its separators with one space between them, or at an end of the
#: folded text ("a | | c", "| x", "x |"): they still separate cells.
#: Written pipe first ("|" not after a character other than a space, i.e. after a space
#: or at the start) so that the regex engine jumps from pipe to pipe: several times
#: faster than trying the start-or-space test at every position, the same splits.
_CELL_SEPARATOR = re.compile(r"\|(?<![^ ]\|)(?= |$)")
_HTML_ANCHOR = re.compile(r"<a\s[^<>]*>\s*(?:</a>)?", re.IGNORECASE)


def row_cells(text: str) -> tuple[str, ...]:
    """The cells of a table row's text, in column order."""
    return tuple(cell.strip(" ") for cell in _CELL_SEPARATOR.split(text))


def field_name(text: str) -> str:
    """A row's first cell as a reader sees it, without its anchor and markup (``tags``)."""
    return plain_text(_HTML_ANCHOR.sub("", row_cells(text)[0]))


_FIELD_WORD = re.compile(r"\bfields?\b", re.IGNORECASE)


def names_fields(header: tuple[str, ...]) -> bool:
    """Whether a table's header says its rows are fields ("Field Name", "Field Pattern"
    in the first column): each row lets documents hold the field it names."""
    return bool(header) and _FIELD_WORD.search(plain_text(header[0])) is not None
