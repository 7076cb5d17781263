"""Rules stated with a condition list (issue 10, lane fx10-cond); the whole-spec cases are
in tests/fixtures/diff/condition_lists.txt."""

from __future__ import annotations

import pytest

from specdiff.classify._definitions import constraints_change
from specdiff.classify._iff import iff_change


@pytest.mark.parametrize(
    ("old", "new", "tag"),
    [
        # A condition of those that must all hold, dropped: more is admitted.
        (
            "X can open iff (a) it is short, (b) it is wide.",
            "X can open iff it is wide.",
            "normative.broadened",
        ),
        (
            "X can open iff it is wide.",
            "X can open iff it is short and it is wide.",
            "normative.restricted",
        ),
        # An alternative added: more is admitted.
        (
            "X can open iff it is short and not wide.",
            "X can open iff it is short and either (a) not wide or (b) wide and red.",
            "normative.broadened",
        ),
        (
            "X is kept, provided that it is short.",
            "X is kept, provided that it is long.",
            "normative.changed",
        ),
        (
            "X is kept only if it is short.",
            "X is kept only if it is short and it is red.",
            "normative.restricted",
        ),
        # Said again in other words, or glossed: the same conditions.
        (
            "X can open iff it is not followed by whitespace.",
            "X can open iff it is not followed by a whitespace character.",
            None,
        ),
        ("X can open iff it is red.", "X can open iff (if and only if) it is red.", None),
        ("[X](#x) can open iff it is red.", '[X](@x) <a id="x"></a> can open iff it is red.', None),
        # The same words in another order or form, negation said either way: the same.
        (
            "X can open iff it is not followed by whitespace.",
            "X can open iff no whitespace follows it.",
            None,
        ),
        (
            "X can open iff it is not followed by whitespace.",
            "X can open iff it is not preceded by whitespace.",
            "normative.changed",
        ),
        (
            "A line is blank iff it contains no characters other than spaces and tabs.",
            "A line is blank iff it contains only spaces or tabs.",
            None,
        ),
        (
            "A line is blank iff it contains no characters other than spaces and tabs.",
            "A line is blank iff it contains only spaces.",
            "normative.changed",
        ),
        # "provided" that names who provides is no condition.
        (
            "The token, provided by the server, is kept.",
            "The token, provided by a client, is kept.",
            None,
        ),
        # A character in code is what the condition says: changed.
        ("X can open iff it is not `*`.", "X can open iff it is not `_`.", "normative.changed"),
        # Another thing governed, or no joining word: not read here.
        ("X can open iff it is red.", "Y can close iff it is blue.", None),
        ("X can open if it is red.", "X can open if it is blue.", None),
        # "character(s)" is no label of a listed condition.
        (
            "X can open iff it is a character(s) run.",
            "X can open iff it is a character(s) run and it is red.",
            "normative.restricted",
        ),
    ],
)
def test_conditions_read(old, new, tag):
    found = iff_change(old, new)
    assert (found.tag if found else None) == tag


@pytest.mark.parametrize(
    ("old", "new", "tag"),
    [
        ("text not including `--`", "text that does not contain `--`", None),
        (
            "text not including `--`",
            "text that does not contain `--`, does not end with `-`",
            "normative.restricted",
        ),
        ("text that does not begin with `>`", "text", "normative.broadened"),
        (
            "text that does not begin with `>`",
            "text that does not start with `->`",
            "normative.changed",
        ),
        # Said of a term defined elsewhere: its own definition may hold it.
        ("an [absolute URI] not containing `<`", "an [absolute URI]", None),
        # A constraint naming no literal: a term renamed may say the same.
        ("not preceded by [whitespace]", "not preceded by [Unicode whitespace]", None),
    ],
)
def test_constraints_read(old, new, tag):
    found = constraints_change(old, new)
    assert (found[0] if found else None) == tag
