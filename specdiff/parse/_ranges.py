"""Ranges of characters written one way: ``('a' to 'z')``, ``[a-z]``, ``a–z`` and
`` `a` through `z` `` all say ``a-z``; ``('0' to '9')`` and ``[0-9]`` say ``[0-9]``.

A range of single characters (a letter to a letter of the same case, a digit to a
digit, upwards) is written one way however it was: both ends quoted alike (``'a'``,
``"a"``, `` `a` ``) and joined by "to", "through" or a dash, or bare and joined by a
dash with no space around it, with or without the parentheses or the brackets of a
character class around it. Bare letters joined by a word are prose ("moves badge a to
b"). Digits are characters only when quoted or in a character class: bare, "0-3 spaces"
is a range of numbers, read as quantities are. The ends are kept, so ``a-z`` -> ``a-f``
is still a change (:func:`character_ranges` lists them).
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
    if low.isdigit():
        # A class of digit characters keeps its brackets: bare, "0-3" counts numbers.
        if all(quotes) or brackets == ("[", "]"):
            return f"[{low}-{high}]"
        return match.group()
    if brackets in (("(", ")"), ("[", "]")):
        return f"{low}-{high}"  # the parentheses or the class around the range go with it
    return f"{match['open']}{low}-{high}{match['close']}"


_WRITTEN_RANGE = re.compile(r"(?<![\w.-])([A-Za-z])-([A-Za-z])(?![\w-]|\.\w)|\[([0-9])-([0-9])\]")


def character_ranges(text: str) -> list[str]:
    """The ranges of characters ``text`` states ("a-z", "[0-9]"), however written: their
    ends are limits, like numbers, and a changed one says something else."""
    found = []
    for letters_low, letters_high, digit_low, digit_high in _WRITTEN_RANGE.findall(
        canonical_ranges(text)
    ):
        if letters_low and _same_class(letters_low, letters_high) and letters_low < letters_high:
            found.append(f"{letters_low}-{letters_high}")
        elif digit_low and digit_low < digit_high:
            found.append(f"[{digit_low}-{digit_high}]")
    return found


def _same_class(low: str, high: str) -> bool:
    return (low.isdigit() and high.isdigit()) or (
        low.isalpha() and high.isalpha() and low.islower() == high.islower()
    )
