"""A lower-case rule for how a process goes, said again as a plain description of that
process, is the same rule (issue 10, lane fx10-gql): "The conversion above should be
performed according to the conversion rules of the type declared by the record field" ->
"The value of that slot is the outcome of converting the original value according to the
conversion rules of the type declared by the record field"."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.config import DEFAULT_CONFIG
from specdiff.parse import parse_spec

_LEAD = "The input to a record should be a map, otherwise an error should be raised."
_RULE = (
    f"{_LEAD} The value of a slot in the converted map is the result of converting the value "
    "of the slot in the input with the same key. The conversion above should be performed "
    "according to the conversion rules of the type declared by the record field."
)
_DESCRIBED = (
    f"{_LEAD}\n\nThe value of that slot in the result is the outcome of converting the "
    "original slot value according to the conversion rules of the type declared by the "
    "record field."
)


def _changes(old: str, new: str):
    return compare_specs(
        parse_spec(f"# Rules\n\n{old}\n"), parse_spec(f"# Rules\n\n{new}\n"), DEFAULT_CONFIG
    ).changes


def _tags(changes) -> set[str]:
    return {tag for change in changes for tag in change.tags}


def test_a_process_rule_described_in_the_plain_present_is_no_rule_removed():
    changes = _changes(_RULE, _DESCRIBED)
    assert not _tags(changes) & {"normative.removed", "normative.added"}
    assert all(str(c.severity) != "major" for c in changes)


def test_a_rule_said_of_a_process_once_described_is_a_rule_added():
    # Read one way only: the rule may require more than the description said.
    changes = _changes(_DESCRIBED, _RULE)
    assert "normative.added" in _tags(changes)
    assert all(str(c.severity) != "major" for c in changes)
    (added,) = _changes(
        "The words between the open mark and the closing mark form the body of the span.",
        "There must be a nonempty run of words between the open mark and the closing mark; "
        "these form the body of the span.",
    )
    assert "normative.added" in added.tags


@pytest.mark.parametrize(
    "described",
    [
        # Another process: the words of the rule are not said.
        f"{_LEAD}\n\nThe value of that slot in the result is the outcome of copying the "
        "original slot value without regard to the rules of the type declared by the record "
        "field.",
        # The same act with another bound: "higher" is not "lower".
        f"{_LEAD}\n\nThe value of that slot in the result is the outcome of converting the "
        "original slot value according to the loose rules of the type declared by the record "
        "field.",
        # The same words, negated: not the rule.
        f"{_LEAD}\n\nThe value of that slot is not the outcome of converting the original "
        "slot value according to the conversion rules of the type declared by the record "
        "field.",
    ],
)
def test_a_description_of_another_or_a_denied_process_keeps_the_rule_removed(described):
    assert "normative.removed" in _tags(_changes(_RULE, described))


def test_rfc_2119_capitals_stay_rules():
    rule = _RULE.replace("should be performed", "SHOULD be performed")
    assert "normative.removed" in _tags(_changes(rule, _DESCRIBED))


def test_a_short_act_said_plainly_is_read_as_before():
    changes = _changes("The archive should be kept.", "The archive is kept.")
    assert "normative.removed" in _tags(changes)
