"""Rewording that keeps every claim, and the edits beside it that change one (issue 10,
lane fx-wording): a noun in another number, a party pointed at otherwise, a member that
joins a list although its words stand elsewhere in the text."""

from __future__ import annotations

import pytest

from specdiff.classify._forms import another_number_or_tense
from specdiff.classify._statements import _same_member
from specdiff.classify._terms import Terms
from specdiff.classify._wording import members_changed, permitted_as_bound


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("property", "properties"),
        ("schema", "schemas"),
        ("use", "used"),
        ("copy", "copies"),
        ("require", "requires"),
    ],
)
def test_a_word_in_another_number_or_tense_is_one_word(a, b):
    assert another_number_or_tense(a, b)
    assert another_number_or_tense(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hard", "hardly"),  # an adverb made of it says another thing
        ("near", "nearly"),
        ("property", "property"),  # the same word is no other form
        ("form", "format"),
        ("valid", "invalid"),
    ],
)
def test_other_words_are_not_another_number_or_tense(a, b):
    assert not another_number_or_tense(a, b)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value", ""),  # "Value MUST be ..." -> "This MUST be ..."
        ("", "value"),
        ("field", "value"),
        ("property", ""),
    ],
)
def test_a_member_named_or_pointed_at_is_one_party(old, new):
    assert _same_member(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value", "value"),  # no edit to excuse
        ("", ""),
        ("client", ""),  # a party of its own, not the member described
        ("value", "server"),
        ("key", "value"),  # the key and the value of an entry are two things
    ],
)
def test_other_parties_are_not_the_member(old, new):
    assert not _same_member(old, new)


def test_a_member_joins_a_list_whose_words_stand_elsewhere():
    old = (
        "Seals are wax, a lead tag, and ribbon knots (single and double). "
        "Recommended for most crates is the lead tag."
    )
    new = (
        "Seals are wax, a lead tag, a crate band (use of a steel strap), and ribbon knots "
        "(single and double). Recommended for most crates is the lead tag."
    )
    assert members_changed(old, new)
    assert members_changed(new, old)


def test_a_member_moved_and_named_otherwise_joins_nothing():
    old = "A blank is a tab (`U+0009`), newline (`U+000A`), or form feed (`U+000C`)."
    new = "A blank is a tab (`U+0009`), form feed (`U+000C`), or line feed (`U+000A`)."
    assert not members_changed(old, new)
    assert not members_changed(new, old)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "the rule allowing 1--3 spaces of indentation",
            "the rule allowing at most 3 spaces of indentation",
        ),
        ("it permits one to three retries", "it permits at most three retries"),
        ("Allowed 1-4 lamps.", "Allowed at most 4 lamps."),
    ],
)
def test_a_range_from_one_that_is_allowed_is_its_top_bound(text, read):
    assert permitted_as_bound(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "the rule requiring 1--3 spaces",  # an obligation's lower bound still counts
        "the rule allowing 2-3 spaces",  # a range from two is no range from none
        "allowing 1 space",  # one count, no range
    ],
)
def test_other_ranges_are_left_as_written(text):
    assert permitted_as_bound(text) == text


def _terms(old: list[str], new: list[str]) -> Terms:
    return Terms(lambda: old, lambda: new)


def test_two_terms_set_against_each_other_are_not_one_renamed():
    old = [
        "Value MUST be a non-relative URI.",
        'Earlier versions wrongly used the term "absolute URI" instead of "non-relative URI".',
        "The office keeps a copy.",
    ]
    new = [
        "This MUST be an absolute URI.",
        "The office keeps a copy of each absolute URI.",
    ]
    assert not _terms(old, new).renamed("non relative", "absolute")
    uncontrasted = [old[0], "Each non-relative URI is resolved.", old[2]]
    assert _terms(uncontrasted, new).renamed("non relative", "absolute")
