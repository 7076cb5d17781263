"""spec-md marks: what a fenced code block shows by its info string, and "Note:" paragraphs."""

from __future__ import annotations

import pytest

from specdiff.model.document import Verdict
from specdiff.parse import fence_verdict, opens_as_note, parse_spec


@pytest.mark.parametrize(
    ("info", "verdict"),
    [
        ("tea example", Verdict.GOOD),
        ("example", Verdict.GOOD),
        ("raw tea example", Verdict.GOOD),
        ("tea counter-example", Verdict.BAD),
        ("json Counter-Example", Verdict.BAD),
        ("!tea", Verdict.BAD),
        ("tea", None),
        ("", None),
        ("tea examples-of-use", None),
    ],
)
def test_the_fence_info_marks_an_example_or_a_counter_example(info, verdict):
    assert fence_verdict(info) == verdict


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Note: Kettles must be filled first.", True),
        ("NOTE: Kettles must be filled first.", True),
        ("**Note:** Kettles must be filled first.", True),
        ("**Note**: Kettles must be filled first.", True),
        ("_Note:_ Kettles must be filled first.", True),
        ("Notes must be filed by the keeper.", False),
        ("Notebook entries must be dated.", False),
        ("A note: kettles must be filled first.", False),
        ("Kettles must be filled first. Note: not teapots.", False),
    ],
)
def test_a_paragraph_opening_with_note_is_a_note(text, note):
    assert opens_as_note(text) is note


def test_a_note_states_no_rule_but_one_in_rfc_2119_capitals():
    spec = parse_spec(
        "# Kettles\n\nNote: Servers must warm the kettle.\n\n"
        "Note: Servers MUST warm the kettle.\n\nServers must warm the kettle.\n"
    )
    lower, upper, rule = spec.clauses
    assert lower.statements == ()
    assert [s.keyword for s in upper.statements] == ["MUST"]
    assert [s.keyword for s in rule.statements] == ["must"]
