"""A modal in the second alternative of a "whether" clause ("... need to be known, as
well as whether it must be executed serially, or may be executed in parallel") is as
governed as the first: neither states a rule (issue 10: epistemic and embedded modals
are not rules). Removing such a sentence removes no rule; a main-clause "or may" and an
"and" that may go on with the main clause stay as they were read."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.statements import read_clause

EMBEDDED = (
    "To run a batch, the queue and the worker need to be known, as well as whether the "
    "batch must run in order, or may run in parallel."
)
OTHER = "To run a batch, the queue and the worker need to be known."


def _rules(text: str) -> list[str]:
    return [r.statement.keyword for r in read_clause(text) if r.sense == "rule"]


def test_both_alternatives_of_a_whether_clause_are_governed() -> None:
    assert [r.statement.keyword for r in read_clause(EMBEDDED)] == []


@pytest.mark.parametrize(("old", "new"), [(EMBEDDED, OTHER), (OTHER, EMBEDDED)])
def test_dropping_or_adding_the_alternatives_changes_no_rule(old: str, new: str) -> None:
    (change,) = compare_specs(parse_spec(old + "\n"), parse_spec(new + "\n")).changes
    assert not any(t.startswith("normative.") for t in change.tags)
    assert str(change.severity) != "major"


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("Workers must retry if the batch fails, or must log the failure.", ["must", "must"]),
        ("The worker checks whether it must retry, and may log the batch.", []),
        ("The queue must accept the batch, or must reject it at once.", ["must", "must"]),
    ],
)
def test_control_alternatives_outside_a_whether_clause_are_read_as_before(
    text: str, rules: list[str]
) -> None:
    assert _rules(text) == rules
