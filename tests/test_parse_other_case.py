"""A condition ends where ", otherwise" sets the other case against it (issue 10, lane
fx10-gql): what holds when the condition fails is not part of the condition."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.config import DEFAULT_CONFIG
from specdiff.parse import parse_spec
from specdiff.parse.statements import read_clause


def _changes(old: str, new: str):
    return compare_specs(
        parse_spec(f"# Rules\n\n{old}\n"), parse_spec(f"# Rules\n\n{new}\n"), DEFAULT_CONFIG
    ).changes


@pytest.mark.parametrize(
    ("text", "conditions"),
    [
        (
            "The client must send a token if the server asks for one, otherwise the request "
            "is anonymous.",
            ("if the server asks for one",),
        ),
        (
            "The client must send a token if the server asks for one; otherwise the request "
            "is anonymous.",
            ("if the server asks for one",),
        ),
        # Control: "or otherwise" qualifies the condition, which keeps it.
        (
            "The client must reject a value if it is null or otherwise invalid.",
            ("if it is null or otherwise invalid",),
        ),
    ],
)
def test_a_condition_stops_at_the_other_case(text, conditions):
    (reading,) = read_clause(text)
    assert reading.statement.conditions == conditions


_PLAIN = "The client must send a token if the server asks for one."
_OTHER = (
    "The client must send a token if the server asks for one, otherwise the request is "
    "expected to be anonymous."
)


@pytest.mark.parametrize(("old", "new"), [(_PLAIN, _OTHER), (_OTHER, _PLAIN)])
def test_the_other_case_said_or_dropped_without_a_keyword_changes_no_condition(old, new):
    (change,) = _changes(old, new)
    assert str(change.severity) != "major"
    assert not any(tag.startswith("normative.") for tag in change.tags)


def test_a_changed_condition_before_the_other_case_still_changes_the_rule():
    (change,) = _changes(
        "The client must send a token if the server asks for one, otherwise the request is "
        "anonymous.",
        "The client must send a token if the proxy asks for one, otherwise the request is "
        "anonymous.",
    )
    assert change.tags == ("normative.changed",)


def test_another_case_with_a_keyword_is_a_rule_of_its_own():
    (change,) = _changes(_PLAIN, _PLAIN[:-1] + ", otherwise it must not send one.")
    assert "normative.added" in change.tags
