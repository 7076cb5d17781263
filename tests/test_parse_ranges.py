"""Ranges of characters read whatever their notation (issue 10, lists and notation)."""

from __future__ import annotations

import pytest

from specdiff.parse import canonical_ranges, character_ranges


@pytest.mark.parametrize(
    "written",
    [
        "letters ('a' to 'z')",
        "letters [a-z]",
        "letters a-z",
        "letters a\u2013z",
        'letters "a" through "z"',
        "letters `a` to `z`",
        "letters ('a' - 'z')",
    ],
)
def test_a_range_in_any_notation_is_written_one_way(written: str) -> None:
    assert canonical_ranges(written) == "letters a-z"
    assert character_ranges(written) == ["a-z"]


@pytest.mark.parametrize(
    "prose",
    [
        "the clerk moves badge a to b",  # bare letters joined by a word
        "a - b",  # a dash set off by spaces between bare letters
        "'z' to 'a'",  # downwards: no range
        "'a' to 'Z'",  # letters of two cases
        "'a' to 9",  # a quoted end and a bare one
        "2024-01-05",  # a date: its parts are not single characters
        "version 1.0-rc1",
        "letters [a-zA-Z]",  # a class of several ranges is left as written
        "x-ray and e-mail",  # words, not ranges: one end is no single character
    ],
)
def test_what_is_no_range_is_left_as_written(prose: str) -> None:
    assert canonical_ranges(prose) == prose


@pytest.mark.parametrize("end", [".", ",", ";", ":", ")"])
def test_a_range_ends_where_its_sentence_does(end: str) -> None:
    for written in ("letters h-o", "letters `h` through `o`", "letters [h-o]"):
        assert character_ranges(written + end) == ["h-o"]


def test_the_ends_of_a_range_are_kept() -> None:
    assert character_ranges("digits ('0' to '7') or letters [A-F]") == ["[0-7]", "A-F"]
    assert character_ranges("digits [0-9]") != character_ranges("digits [0-7]")


def test_digits_are_characters_only_when_quoted_or_in_a_class() -> None:
    assert canonical_ranges("digits ('0' to '9')") == canonical_ranges("digits [0-9]")
    # Bare, a range of digits counts: "0-3 spaces" is read as quantities are.
    assert canonical_ranges("0-3 spaces") == "0-3 spaces"
    assert character_ranges("0-3 spaces") == []
