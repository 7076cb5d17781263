"""A condition's event said with another verb is the same condition (issue 10, lane
fx10-gql): "if a fault occurs when loading" / "if a fault is thrown while loading", "if
the page was null" / "if the page returns null". What the event happens to, and the value,
still count."""

from __future__ import annotations

import pytest

from specdiff.classify._events import one_event, said_alike
from specdiff.compare import compare_specs
from specdiff.config import DEFAULT_CONFIG
from specdiff.parse import parse_spec


def _changes(old: str, new: str):
    return compare_specs(
        parse_spec(f"# Rules\n\n{old}\n"), parse_spec(f"# Rules\n\n{new}\n"), DEFAULT_CONFIG
    ).changes


_SAME_CASE = [
    (
        "If a fault occurs when loading a page, it must be logged as though the page was empty.",
        "If a fault is thrown while loading a page, it must be logged as though the page was "
        "empty.",
    ),
    (
        "If a fault is raised while loading a page, the loader must stop.",
        "If a fault happens during loading a page, the loader must stop.",
    ),
    (
        "If the page was `null` because of a fault, the log must not be changed.",
        "If the page returns {null} because of a fault, the log must not be changed.",
    ),
]


@pytest.mark.parametrize(("old", "new"), [*_SAME_CASE, *[(b, a) for a, b in _SAME_CASE]])
def test_a_condition_whose_event_is_said_with_another_verb_changes_no_rule(old, new):
    (change,) = _changes(old, new)
    assert str(change.severity) == "patch"
    assert not any(tag.startswith("normative.") for tag in change.tags)


_OTHER_CASE = [
    (
        "If a fault occurs when loading a page, it must be logged.",
        "If a fault occurs when saving a page, it must be logged.",
    ),
    (
        "If the page was `null` because of a fault, the log must not be changed.",
        "If the page was `empty` because of a fault, the log must not be changed.",
    ),
    (
        "If a fault is thrown while loading a page, the loader must stop.",
        "If a warning is thrown while loading a page, the loader must stop.",
    ),
]


@pytest.mark.parametrize(("old", "new"), [*_OTHER_CASE, *[(b, a) for a, b in _OTHER_CASE]])
def test_a_condition_naming_another_event_or_value_still_changes_the_rule(old, new):
    (change,) = _changes(old, new)
    assert str(change.severity) == "major"
    assert "normative.changed" in change.tags


def test_the_verbs_of_one_event_read_alike_and_others_do_not():
    assert one_event("if an error occurs when resolving", "if an error is thrown while resolving")
    assert one_event("if the field was null", "if the field returns null")
    assert not one_event("if an error occurs", "if an error occurs")  # no edit to excuse
    assert not one_event("if the field was null", "if the field was true")
    assert not one_event("if a ball is thrown", "if a ball is thrown away")
    # A verb of occurrence written out is kept apart from a phrasal verb that says
    # something else: "is thrown away" is no event happening.
    assert said_alike("a draft is raised", "the draft is thrown away") == (
        "a draft is raised",
        "the draft is thrown away",
    )
    assert said_alike(
        "If an error happens when parsing", "If an error is thrown while parsing"
    ) == (
        "If an error occurs while parsing",
        "If an error occurs while parsing",
    )
    # A text that drops its only "when evaluating" is not quoted as saying "while".
    assert said_alike("when evaluating a set", "the set is evaluated") == (
        "when evaluating a set",
        "the set is evaluated",
    )


# The event named in what the rule governs, not in a condition: "the row where the fault
# occurred" / "the row where the fault was raised" is one row.
_SAME_PLACE = (
    "Each log entry should name the row where the fault occurred, even if it was deleted.",
    "Each log entry should name the row where the fault was raised, even if it was deleted.",
)
_OTHER_PLACE = (
    "Each log entry should name the row where the fault occurred, even if it was deleted.",
    "Each log entry should name the row where the fault was cleared, even if it was deleted.",
)


@pytest.mark.parametrize(("old", "new"), [_SAME_PLACE, _SAME_PLACE[::-1]])
def test_an_event_said_with_another_verb_in_what_a_rule_governs_changes_no_rule(old, new):
    (change,) = _changes(old, new)
    assert str(change.severity) == "patch"
    assert not any(tag.startswith("normative.") for tag in change.tags)


@pytest.mark.parametrize(("old", "new"), [_OTHER_PLACE, _OTHER_PLACE[::-1]])
def test_another_verb_that_names_no_event_still_changes_what_a_rule_governs(old, new):
    (change,) = _changes(old, new)
    assert str(change.severity) == "major"
    assert "normative.changed" in change.tags
