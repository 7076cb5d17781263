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


NOTES_OLD = """\
# Harbour {#harbour}

## Lamps {#lamps}

The lamps are lit at dusk by the harbour master.

NOTE: This does not apply to the lamps on the old pier, which stay dark all year.

## Boats {#boats}

Boats moor at the north quay overnight.
"""

NOTES_NEW = """\
# Harbour {#harbour}

## Lamps {#lamps}

The lamps are lit at dusk by the harbour master.

Note: For a map of every lamp, ask at the harbour office.

## Boats {#boats}

Boats moor at the north quay overnight.

Note: This does not apply to the lamps on the old pier, which stay dark all year.
"""

KEPT = "This does not apply to the lamps on the old pier, which stay dark all year."


def test_a_note_kept_elsewhere_is_not_taken_by_the_note_in_its_old_place():
    assert (f"NOTE: {KEPT}", f"Note: {KEPT}") in _pairs(NOTES_OLD, NOTES_NEW)
    assert (f"Note: {KEPT}", f"NOTE: {KEPT}") in _pairs(NOTES_NEW, NOTES_OLD)


def test_a_note_rewritten_in_its_place_is_still_one_note():
    rewritten = NOTES_OLD.replace(f"NOTE: {KEPT}", "Note: For a map of every lamp, ask here.")
    assert (f"NOTE: {KEPT}", "Note: For a map of every lamp, ask here.") in _pairs(
        NOTES_OLD, rewritten
    )
