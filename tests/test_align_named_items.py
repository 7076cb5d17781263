"""List items named by their first word (issue 10, fx8-oas): "- pattern" and "- pattern
(This string SHOULD be ...)" are one entry of a list of keywords, wherever the list now
stands under its object."""

from __future__ import annotations

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

OLD = """# Registry

## Crate Object

A crate holds goods.

The following keywords are taken from the cargo code:
- weight
- label
- seal

The following keywords are adjusted:
- hold
"""

NEW = """# Registry

## Crate Object

A crate holds goods.

### Keywords

The following keywords are taken from the cargo code:
- weight
- label (This text SHOULD name the sender.)

The following keywords are adjusted:
- seal - Value MUST be a number, not a word.
- hold
"""


def _records(old: str, new: str, word: str):
    report = compare_specs(parse_spec(old), parse_spec(new))
    return [
        c
        for c in report.changes
        if str(c.scope) == "clause"
        and any((side.text.split() or [""])[0] == word for side in (c.old, c.new) if side)
    ]


def test_a_bare_name_and_the_same_name_with_its_definition_are_one_entry():
    [label] = _records(OLD, NEW, "label")
    assert str(label.kind) == "moved"
    assert label.old is not None and label.new is not None
    assert "normative.added" in label.tags
    [seal] = _records(OLD, NEW, "seal")
    assert seal.old is not None and seal.new is not None


def test_the_other_way_round_the_entry_loses_its_definition():
    [seal] = _records(NEW, OLD, "seal")
    assert seal.old is not None and seal.new is not None
    assert "normative.removed" in seal.tags


def test_control_a_name_on_one_side_only_is_added():
    new = NEW.replace("- seal - Value", "- stamp - Value")
    assert [str(c.kind) for c in _records(OLD, new, "stamp")] == ["added"]


def test_control_a_name_given_twice_pairs_with_neither():
    new = NEW.replace("- hold\n", "- hold\n- seal - Value MUST be a word.\n")
    assert sorted(str(c.kind) for c in _records(OLD, new, "seal")) == ["added", "added", "removed"]
