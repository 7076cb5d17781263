"""Sections rewritten into one body (issue 10, fx-rewrite): which sections are folded into
which, and how the rules of such a body are paired with the rules folded into it."""

from __future__ import annotations

from specdiff.align import align
from specdiff.classify._statements import _pair_positions
from specdiff.parse import parse_spec

OLD = """# Registry {#registry}

## Crate Object {#crate-object}

A crate holds goods for one ship.

### Fixed Fields {#fixed-fields}

| Field | Type | Description |
| --- | --- | --- |
| weight | `number` | The weight of the crate in kilograms. |

### Conditions for Using Crates {#conditions}

A crate is legal only on ships that carry one of the cargo classes `dry`, `cold`, `bulk`.

A crate MUST NOT be stacked on a crate of another class.

A crate MUST be weighed before it is loaded, and the harbour MUST keep the weight.

A crate SHOULD carry a label that names its class.

## Ship Object {#ship-object}

A ship carries crates.

### Ship Notes {#ship-notes}

A ship MUST fly the flag of its harbour.
"""

NEW = """# Registry {#registry}

## Crate Object {#crate-object}

A crate holds goods for one ship.

### Fixed Fields {#fixed-fields}

| Field | Type | Description |
| --- | --- | --- |
| weight | `number` | The weight of the crate in kilograms. |

A crate is legal only on ships that carry one of the cargo classes `dry`, `cold`, `bulk`.

## Ship Object {#ship-object}

A ship carries crates.
"""


def test_a_sub_section_removed_with_some_text_kept_in_its_parents_body_is_folded_into_it():
    alignment = align(parse_spec(OLD), parse_spec(NEW))
    assert ("conditions", "fixed-fields") in alignment.folded
    assert "conditions" in alignment.removed_sections  # still removed: most of it went


def test_a_sub_section_removed_with_none_of_its_text_kept_is_not_folded():
    alignment = align(parse_spec(OLD), parse_spec(NEW))
    assert not any(old == "ship-notes" for old, _ in alignment.folded)
    assert "ship-notes" in alignment.removed_sections


def test_the_other_way_round_the_sub_section_is_unfolded_from_the_body():
    alignment = align(parse_spec(NEW), parse_spec(OLD))
    assert ("conditions", "fixed-fields") in alignment.unfolded


def _rules(text: str):
    return parse_spec(f"# A\n\n{text}\n").clauses[-1].statements


def test_in_a_folded_body_a_rule_written_the_other_way_round_pairs_by_its_matter():
    old = _rules(
        "Parameter Objects MUST include either a `content` field or a `schema` field, but not both."
    )
    new = _rules(
        "A parameter MUST contain either a `schema` property, or a `content` property, "
        "but not both."
    )
    assert _pair_positions(old, new, by_matter=True) == ([(0, 0)], [], [])
    # Elsewhere rules pair by their wording only: there the two are another rule each.
    assert _pair_positions(old, new) == ([], [0], [0])


def test_short_rules_sharing_a_word_or_two_do_not_pair_by_their_matter():
    old = _rules("Servers MUST log the request.")
    new = _rules("Clients MUST retry the call.")
    pairs, _, _ = _pair_positions(old, new, by_matter=True)
    assert not pairs
