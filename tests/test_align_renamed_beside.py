"""A section renamed where it stands while a sibling is added beside it (or removed from
beside it) is still that section renamed, not one removed and another added (issue 10)."""

from __future__ import annotations

from specdiff.align import align
from specdiff.parse import parse_spec

INTRO = "# Basics\n\n## Lines\n\nA line ends at a newline.\n\nA blank line holds no text.\n\n"
OLD_STOPS = (
    "## Tab stops\n\nTabs in lines are widened to spaces, with a stop every 4 columns:\n\n"
    "```\n→lamp→post\n```\n\n"
    "```\n    pier→light\n```\n\n"
    "# Blocks\n\nA document is a sequence of blocks.\n"
)
NEW_STOPS = (
    "## Tabs\n\nTabs in lines are not widened to spaces. However, in contexts where the "
    "indentation is significant for the structure of the document, tabs behave as if "
    "they were replaced by spaces with a stop every 4 columns.\n\n"
    "```\n→lamp→post\n```\n\n"
    "```\n    pier→light\n```\n\n"
    "```\n  →lamp→post\n```\n\n"
    "```\n>→harbour\n```\n\n"
    "```\n- quay\n\n→wall\n```\n\n"
    "```\n    boat\n→mast\n```\n\n"
    "## Unsafe bytes\n\nThe zero byte must be replaced by a replacement mark.\n\n"
    "# Blocks\n\nA document is a sequence of blocks.\n"
)


def _section_pairs(old: str, new: str) -> set[tuple[str, str]]:
    return {(p.old, p.new) for p in align(parse_spec(old), parse_spec(new)).sections}


def test_a_section_renamed_beside_an_added_sibling_is_paired() -> None:
    assert ("tab-stops", "tabs") in _section_pairs(INTRO + OLD_STOPS, INTRO + NEW_STOPS)
    # The other way round: renamed while its sibling was removed.
    assert ("tabs", "tab-stops") in _section_pairs(INTRO + NEW_STOPS, INTRO + OLD_STOPS)


def test_a_section_replaced_beside_an_added_sibling_is_not_paired() -> None:
    # Control: no title word in common, another topic: removed and added.
    other = NEW_STOPS.replace(
        "## Tabs\n\nTabs in lines are not widened to spaces.",
        ("## Quotes\n\nQuotes are kept as typed."),
    )
    pairs = _section_pairs(INTRO + OLD_STOPS, INTRO + other)
    assert not any(old == "tab-stops" for old, _ in pairs)
