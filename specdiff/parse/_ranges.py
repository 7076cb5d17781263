"""Ranges of characters written one way: ``('a' to 'z')``, ``[a-z]``, ``a–z`` and
`` `a` through `z` `` all say ``a-z``.

A range of single characters (a letter to a letter of the same case, a digit to a
digit, upwards) is written ``a-z`` however it was: both ends quoted alike (``'a'``,
``"a"``, `` `a` ``) and joined by "to", "through" or a dash, or bare and joined by a
dash with no space around it, with or without the parentheses or the brackets of a character class around it.
Bare letters joined by a word are prose ("moves badge a to b"). The ends are kept, so
``a-z`` -> ``a-f`` is still a change (:func:`character_ranges` lists them).
"""

from __future__ import annotations

import re

#: One end of a range: a single character, perhaps quoted.
_END = r"""(?P<{o}>['"`\u2018\u201c]?)(?P<{c}>[A-Za-z0-9])(?P<{e}>['"`\u2019\u201d]?)"""
_RANGE = re.compile(
    r"(?P<open>[(\[]?)(?<![\w'\"`\u2018\u201c.-])"
    + _END.format(o="o1", c="low", e="e1")
    + r"(?P<join>\s+(?:to|through|thru)\s+|\s*[-\u2013]\s*)"
    + _END.format(o="o2", c="high", e="e2")
    + r"(?![\w'\"`\u2019\u201d-]|\.\w)(?P<close>[)\]]?)"
)


def canonical_ranges(text: str) -> str:
    """``text`` with each range of single characters written ``low-high``."""
    if "-" not in text and "\u2013" not in text and " t" not in text:
        return text
    return _RANGE.sub(_range, text)


def _range(match: re.Match[str]) -> str:
    low, high = match["low"], match["high"]
    quotes = [bool(match[name]) for name in ("o1", "e1", "o2", "e2")]
    join = match["join"]
    dashed = join in ("-", "\u2013")
    brackets = (match["open"], match["close"])
    if not _same_class(low, high) or low >= high:
        return match.group()  # a range runs upwards within one class of characters
    if any(quotes) and not all(quotes):
        return match.group()
    # Bare ends are a range only when a dash joins them, spaced by nothing: "a to b" and
    # "a - b" in prose are words and a dash between them.
    if not (dashed or all(quotes)):
        return match.group()
    if brackets in (("(", ")"), ("[", "]")):
        return f"{low}-{high}"  # the parentheses or the class around the range go with it
    return f"{match['open']}{low}-{high}{match['close']}"


_WRITTEN_RANGE = re.compile(r"(?<![\w.-])([A-Za-z0-9])-([A-Za-z0-9])(?![\w-]|\.\w)")


def character_ranges(text: str) -> list[str]:
    """The ranges of characters ``text`` states ("a-z", "0-9"), however written: their ends
    are limits, like numbers, and a changed one says something else."""
    return [
        f"{low}-{high}"
        for low, high in _WRITTEN_RANGE.findall(canonical_ranges(text))
        if _same_class(low, high) and low < high
    ]


def _same_class(low: str, high: str) -> bool:
    return (low.isdigit() and high.isdigit()) or (
        low.isalpha() and high.isalpha() and low.islower() == high.islower()
    )
