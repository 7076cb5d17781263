"""Names of characters (issue 10): "a slash" and "a forward slash (`/`)" name one character."""

from __future__ import annotations

import pytest

from specdiff.classify._characters import one_character_name, same_character


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("MUST begin with a forward slash (`/`).", "MUST begin with a slash."),
        ("ends with a full stop", "ends with a period"),
        ("a dot (`.`) between them", "a period between them"),
        ("a Forward slash", "a Slash"),
    ],
)
def test_a_character_named_in_full_or_glossed_reads_as_its_short_name(text, read):
    assert one_character_name(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "the hash of the payload",  # one word, no gloss: perhaps no character at all
        "a period of ten days",
        "a dot (`,`) between them",  # the gloss names another character
        "a slash",
    ],
)
def test_other_words_are_left_as_written(text):
    assert one_character_name(text) == text


def test_names_of_one_character_and_of_two():
    assert same_character(["forward", "slash"], ["slash"])
    assert not same_character(["back", "slash"], ["slash"])
    assert not same_character(["capital", "letter"], ["letter"])
