"""Grouping a report by section: a clause removed from a section that changed its id
is shown under that section, never under the new section that took its old id."""

from __future__ import annotations

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.render import group_by_section

OLD = """# Harbour protocol

## Fields

### port

The port names the harbour a ship last left, as its UN/LOCODE.

Ports of call are listed in the ship's log.

### tonnage

The tonnage states the gross weight of the ship in metric tons.
"""
NEW = """# Harbour protocol

## Terms

### Port

A port is a town with a harbour where ships load and unload their cargo.

## Fields

### port

The port names the harbour a ship last left, as its UN/LOCODE.

### tonnage

The tonnage states the gross weight of the ship in metric tons.
"""


def groups_of(old: str, new: str) -> list[tuple[str, str, list[str]]]:
    report = compare_specs(parse_spec(old), parse_spec(new))
    return [
        (g.section_id, g.title, sorted(c.kind_name for c in g.changes))
        for g in group_by_section(report)
    ]


def test_a_clause_removed_from_a_section_whose_slug_was_taken_stays_with_it():
    assert groups_of(OLD, NEW) == [
        ("terms", "Terms", ["section.added"]),
        ("port", "Port", ["section.added"]),
        ("port-1", "port", ["clause.removed", "section.reidentified"]),
    ]


def test_the_same_read_the_other_way_round():
    # The glossary entry is gone and the field takes its slug back: two groups, each
    # under its own title, though both had the id "port".
    assert groups_of(NEW, OLD) == [
        ("terms", "Terms", ["section.removed"]),
        ("port", "Port", ["section.removed"]),
        ("port", "port", ["clause.added", "section.reidentified"]),
    ]
