"""Captions of a word or two are found again only in their own section's partner
(issue 10; fixtures in tests/fixtures/diff/captions_across_sections.txt)."""

from __future__ import annotations

from specdiff.align import align
from specdiff.parse import parse_spec

OLD = """\
# Lamps {#lamps}

## Green lamp {#green-lamp}

The green lamp marks the starboard side of the harbour mouth.

## Blue lamp {#blue-lamp}

The blue lamp marks the end of the old pier.

Examples:

- the pier end by the fish market
"""

NEW = """\
# Lamps {#lamps}

## Green lamp {#green-lamp}

The green lamp marks the starboard side of the harbour mouth.

Examples

- the breakwater light by the north quay
"""


def _pairs(old: str, new: str) -> set[tuple[str, str]]:
    before, after = parse_spec(old), parse_spec(new)
    alignment = align(before, after)
    return {(before.clauses[p.old].text, after.clauses[p.new].text) for p in alignment.clauses}


def test_an_edited_caption_does_not_move_to_another_section():
    assert ("Examples:", "Examples") not in _pairs(OLD, NEW)
    assert ("Examples", "Examples:") not in _pairs(NEW, OLD)


def test_an_edited_caption_is_found_again_in_its_own_section():
    edited = OLD.replace("Examples:", "Examples")
    assert ("Examples:", "Examples") in _pairs(OLD, edited)


def test_an_unchanged_caption_still_moves_anywhere():
    moved = NEW.replace("Examples\n", "Examples:\n")
    assert ("Examples:", "Examples:") in _pairs(OLD, moved)
