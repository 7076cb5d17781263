"""Titles that look alike but name other things (issue 10, fx8-oas): "Scopes Object" and
"Components Object" share most letters through the word every sibling ends with."""

from __future__ import annotations

from specdiff.align import align
from specdiff.align._sections import _other_name
from specdiff.parse import parse_spec

TEXTS = {
    "Crate Object": "A crate holds goods for one ship.",
    "Scopes Object": "Lists the scopes a token may be granted.",
    "Components Object": "Holds reusable parts that other objects refer to.",
    "Version 1.0": "The first release of the registry.",
    "Version 1.0.1": "The first release of the registry, with fixes.",
}


def _doc(titles: list[str]) -> str:
    lines = ["# Registry", ""]
    for title in titles:
        lines += [f"## {title}", "", TEXTS[title], ""]
    return "\n".join(lines)


def _pairs(old: list[str], new: list[str]) -> dict[str, str]:
    alignment = align(parse_spec(_doc(old)), parse_spec(_doc(new)))
    return {p.old: p.new for p in alignment.sections if p.old != p.new}


def test_a_noun_replaced_by_an_unlike_one_names_another_thing():
    assert _other_name("scopes object", "components object")
    assert _pairs(["Crate Object", "Scopes Object"], ["Crate Object", "Components Object"]) == {}


def test_control_a_number_or_a_word_form_changed_is_the_same_title():
    assert not _other_name("version 1.0", "version 1.0.1")
    assert not _other_name("lists", "list")
    assert not _other_name("swagger object", "swagger objects")
    assert _pairs(["Crate Object", "Version 1.0"], ["Crate Object", "Version 1.0.1"]) == {
        "version-10": "version-101"
    }


ROOT_OLD = """# Registry

## Crate Object

Describes one shipment as a whole; it replaces the manifest that earlier registries kept
for each voyage, with its goods and ports.

### Fixed Fields

| Field Name | Type | Description |
| --- | --- | --- |
| weight | `number` | The weight in kilograms. |

## Ship Object

A ship carries crates.
"""

ROOT_NEW = """# Registry

## Cargo Object

The top of a [registry file](#registry).

### Fixed Fields

| Field Name | Type | Description |
| --- | --- | --- |
| weight | `number` | The weight in kilograms. |

## Ship Object

A ship carries crates.
"""


def _renamed(old: str, new: str) -> dict[str, str]:
    alignment = align(parse_spec(old), parse_spec(new))
    return {p.old: p.new for p in alignment.sections if p.old != p.new}


def test_the_one_free_section_of_a_slot_whose_sub_section_stayed_is_renamed():
    assert _renamed(ROOT_OLD, ROOT_NEW) == {"crate-object": "cargo-object"}
    assert _renamed(ROOT_NEW, ROOT_OLD) == {"cargo-object": "crate-object"}


def test_control_without_a_sub_section_kept_the_rewritten_section_is_another():
    old = ROOT_OLD.replace("### Fixed Fields", "### Crate Fields")
    new = ROOT_NEW.replace("### Fixed Fields", "### Cargo Parts").replace("weight", "volume")
    assert "crate-object" not in _renamed(old, new)
