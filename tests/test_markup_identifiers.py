"""Markup and identifiers, read as a reader does. Fixtures of our own text.

A code span in spec-md's braces (``{`crate`}``) is the code span: markup only. A word
written in camel case (``isSealedCrate``) is an identifier: a change of its case names
another thing, no spelling fix."""

from __future__ import annotations

from specdiff.classify._wording import is_editorial
from specdiff.parse import plain_text


def test_braces_around_a_code_span_are_markup_both_ways() -> None:
    old, new = "The `crate` and `box` kinds differ.", "The {`crate`} and {`box`} kinds differ."
    assert plain_text(new) == plain_text(old) == "The crate and box kinds differ."
    assert is_editorial(old, new)
    assert is_editorial(new, old)


def test_a_code_span_changed_inside_braces_is_no_markup() -> None:
    assert not is_editorial("The `crate` kind.", "The {`box`} kind.")
    assert not is_editorial("Escape with `/`.", "Escape with {`\\`}.")


def test_braces_inside_a_code_span_stay_code() -> None:
    assert plain_text("Send `{}` when empty.") == "Send {} when empty."
    assert not is_editorial("Send `{}` when empty.", "Send `[]` when empty.")


def test_an_identifier_recased_is_no_spelling_fix_both_ways() -> None:
    old = "This holds since {isSealedcrate} is used by {loadYard}."
    new = "This holds since {isSealedCrate} is used by {loadYard}."
    assert not is_editorial(old, new)
    assert not is_editorial(new, old)


def test_a_word_recased_is_still_editorial() -> None:
    assert is_editorial("The Depot opens at dawn.", "The depot opens at dawn.")
    assert is_editorial("Written in Javascript.", "Written in JavaScript.")
