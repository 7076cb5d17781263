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


@pytest.mark.parametrize(
    "lead_in",
    [
        "Tea is best brewed slowly. As Mrs Beeton writes:",
        "The original kettle manual says:",
        "In the words of the old guild charter:",
        "Our rule differs from the first edition, which said:",
    ],
)
def test_a_block_quote_handed_to_another_author_states_no_rule_of_ours(lead_in):
    spec = parse_spec(
        f"# Kettles\n\n{lead_in}\n\n> A kettle should be warmed before brewing.\n\n"
        f"{lead_in}\n\n> A kettle MUST be warmed before brewing.\n"
    )
    _, lower, _, upper = spec.clauses
    assert lower.statements == ()
    # RFC 2119 capitals are rules wherever they stand, as in a note.
    assert [s.keyword for s in upper.statements] == ["MUST"]


def test_a_block_quote_closed_by_its_source_is_a_quotation():
    spec = parse_spec(
        "# Kettles\n\n> A kettle should be warmed before brewing.\n> (<https://tea.example/>)\n\n"
        "> Brewers must rinse the pot.\n> — Mrs Beeton\n"
    )
    assert [c.statements for c in spec.clauses] == [(), ()]


@pytest.mark.parametrize(
    "text",
    [
        # No lead-in, or one that does not hand the word over: the quote is the spec's.
        "# Kettles\n\nSome text.\n\n> A kettle should be warmed before brewing.\n",
        "# Kettles\n\nThe rule is:\n\n> A kettle should be warmed before brewing.\n",
        # The spec quoting its own words still states its rule.
        "# Kettles\n\nThis section says:\n\n> A kettle should be warmed before brewing.\n",
        # A lead-in further up, with other text between, hands nothing to the quote.
        "# Kettles\n\nAs Mrs Beeton writes:\n\n- a list\n\n> A kettle should be warmed.\n",
    ],
)
def test_a_block_quote_not_handed_over_keeps_its_rules(text):
    spec = parse_spec(text)
    assert [s.keyword for s in spec.clauses[-1].statements] == ["should"]
