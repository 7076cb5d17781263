"""Sub-sections whose headings became bold run-in titles in their parent's body (issue 10,
fx11-moved): "#### Crate" -> "**Crate**" under the same parent is the section folded into
that body, its text moved there, not a section removed (MAJOR) while the same rules come
back as clauses added. A parent folded the same way carries its children with it."""

from __future__ import annotations

from specdiff.align import align
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

OLD = """# Cargo {#cargo}

## The Unit Type

A unit is one thing a ship carries.

### Unit Kinds

There are several kinds of unit.

#### Crate

Fields

* `weight` must return a number.
* `label` may return a String or {null}.
* All other fields must return {null}.

#### Pallet

Fields

* `weight` must return a number.
* `layers` must return a number of layers.
* All other fields must return {null}.
"""

NEW = """# Cargo {#cargo}

## The Unit Type

A unit is one thing a ship carries.

There are several kinds of unit.

**Crate**

Fields\\:

* `weight` must return a number.
* `label` may return a String or {null}.
* All other fields must return {null}.

**Pallet**

Fields\\:

* `weight` must return a number.
* `layers` must return a number of layers.
* All other fields must return {null}.
"""

#: Control: the Pallet sub-section goes, its title nowhere in the new body.
GONE = """# Cargo {#cargo}

## The Unit Type

A unit is one thing a ship carries.

There are several kinds of unit.

**Crate**

Fields\\:

* `weight` must return a number.
* `label` may return a String or {null}.
* All other fields must return {null}.
"""


def _folded(old: str, new: str) -> dict[str, str]:
    return dict(align(parse_spec(old), parse_spec(new)).folded)


def test_a_heading_turned_run_in_title_folds_its_section_into_the_parent():
    folded = _folded(OLD, NEW)
    # "Unit Kinds" went into its parent's body; Crate and Pallet, now bold titles there,
    # went with it.
    assert folded.get("crate") == "the-unit-type"
    assert folded.get("pallet") == "the-unit-type"


def test_the_rules_under_a_run_in_title_are_moved_not_removed_and_added():
    changes = compare_specs(parse_spec(OLD), parse_spec(NEW)).changes
    assert all(str(c.severity) != "major" for c in changes), [
        (str(c.kind), str(c.severity), c.tags) for c in changes
    ]
    assert not any("normative.added" in c.tags for c in changes)


def test_the_other_way_round_a_run_in_title_made_a_heading_removes_no_rule():
    changes = compare_specs(parse_spec(NEW), parse_spec(OLD)).changes
    assert all(str(c.severity) != "major" for c in changes), [
        (str(c.kind), str(c.severity), c.tags) for c in changes
    ]


def test_a_sub_section_with_no_run_in_title_left_is_still_removed():
    folded = _folded(OLD, GONE)
    assert folded.get("crate") == "the-unit-type"
    assert "pallet" not in folded
    changes = compare_specs(parse_spec(OLD), parse_spec(GONE)).changes
    assert any(str(c.severity) == "major" and "normative.removed" in c.tags for c in changes)


def test_a_run_in_title_under_another_parent_folds_nothing():
    # Control: "**Pallet**" stands in another top-level section, not under the parent's
    # partner: the Pallet sub-section is not folded there.
    elsewhere = NEW.replace("**Pallet**", "## Other {#other}\n\n**Pallet**")
    assert "pallet" not in _folded(OLD, elsewhere)
