"""An exception naming what the text describes elsewhere by a count ("other than the
three described above") and by a pronoun ("other than those described above") excepts
the same things: the respelling is wording, both ways round; a count changed for another
count, or the exception pointed at something else, still changes the rule (issue 10)."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

COUNTED = "The reply must not contain any fields other than the three listed above.\n"
POINTED = "The reply must not contain any fields other than those listed above.\n"


def _change(old: str, new: str) -> tuple[str, tuple[str, ...]]:
    (change,) = compare_specs(parse_spec(old), parse_spec(new)).changes
    return str(change.severity), change.tags


@pytest.mark.parametrize(("old", "new"), [(COUNTED, POINTED), (POINTED, COUNTED)])
def test_a_count_of_things_pointed_back_to_said_as_those_changes_no_rule(
    old: str, new: str
) -> None:
    severity, tags = _change(old, new)
    assert severity != "major"
    assert not any(t.startswith("normative.") for t in tags)


@pytest.mark.parametrize(
    "new",
    [
        COUNTED.replace("three", "four"),
        COUNTED.replace("the three listed above", "the ones named in the header"),
    ],
)
def test_control_another_count_or_another_exception_changes_the_rule(new: str) -> None:
    severity, tags = _change(COUNTED, new)
    assert severity == "major"
    assert "normative.changed" in tags
