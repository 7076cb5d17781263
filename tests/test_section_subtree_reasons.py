"""The reason of a section removed (added) with its sub-sections speaks for all of them."""

from __future__ import annotations

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

KEPT = "# Harbour\n\n## Mooring\n\nBoats tie up at the east quay.\n"
SAFETY = (
    "\n## Safety\n\nThis chapter gathers the safety notes.\n\n"
    "### Lights\n\nEvery boat MUST show a white light after dusk.\n\n"
    "### Radios\n\nA skipper SHOULD keep the radio on channel 16.\n"
)
HISTORY = (
    "\n## History\n\nThis chapter tells the harbour's story.\n\n"
    "### The Old Pier\n\nThe old pier was built of oak in the last century.\n"
)


def reasons(old: str, new: str) -> dict[str, str]:
    report = compare_specs(parse_spec(old), parse_spec(new))
    return {
        (c.old_section or c.section or ""): c.reason
        for c in report.changes
        if c.kind_name in ("section.removed", "section.added")
    }


def test_a_chapter_removed_with_rules_in_its_sub_sections_says_so():
    found = reasons(KEPT + SAFETY, KEPT)
    assert found["safety"] == (
        "Removes a section and its 2 sub-sections, with normative content: obligations"
        " readers relied on are gone."
    )
    # Each sub-section keeps its own record, read on its own text.
    assert found["lights"] == (
        "Removes a section with normative content: obligations readers relied on are gone."
    )


def test_a_chapter_added_with_rules_in_its_sub_sections_says_so():
    found = reasons(KEPT, KEPT + SAFETY)
    assert found["safety"] == (
        "Adds a section and its 2 sub-sections, with normative content: new obligations."
    )
    assert found["radios"] == "Adds normative content: new obligations."


def test_a_chapter_whose_sub_sections_held_no_rules_says_none_did():
    assert reasons(KEPT + HISTORY, KEPT)["history"] == (
        "Removes a section and its sub-section, none of which held normative statements."
    )
    assert reasons(KEPT, KEPT + HISTORY)["history"] == "Adds a section and its sub-section."
