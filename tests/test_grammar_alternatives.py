"""A production named for the alternatives it lists (issue 10, lane fx13-fm): "must be
{CargoCrate} or {MailCrate}" -> "must be {ShippedCrate}", where the grammar has
"ShippedCrate :" with exactly those two items, allows the same symbols: no requirement
changed, either way round. Controls: a production that lists another symbol as well, or
a name the grammar does not list, is another requirement (major)."""

from __future__ import annotations

from specdiff.classify._grammar import listed_alternatives
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

_GRAMMAR = """\
# Manifest

## Grammar

ShippedCrate :
  - CargoCrate
  - MailCrate

{extra}

## Loading

For each {{crate}} in {{manifest}}:

- {{crate}} must be {rule}.
"""

_LISTED = "{CargoCrate} or {MailCrate}"
_NAMED = "{ShippedCrate}"


def _doc(rule: str, extra: str = "") -> str:
    return _GRAMMAR.format(rule=rule, extra=extra)


def _rule_change(old: str, new: str) -> tuple[str, tuple[str, ...]]:
    [change] = [
        c
        for c in compare_specs(parse_spec(old), parse_spec(new)).changes
        if str(c.scope) == "clause"
    ]
    return str(change.severity), change.tags


def test_the_production_named_for_its_alternatives_changes_no_rule_either_way() -> None:
    for old, new in ((_LISTED, _NAMED), (_NAMED, _LISTED)):
        severity, tags = _rule_change(_doc(old), _doc(new))
        assert severity != "major", tags
        assert not any(t.startswith("normative.") for t in tags)


def test_a_production_that_lists_more_is_another_requirement() -> None:
    # Control: the grammar lets a ShippedCrate be a ParcelCrate too: the rule allows more.
    grammar = """\
# Manifest

## Grammar

ShippedCrate :
  - CargoCrate
  - MailCrate
  - ParcelCrate

## Loading

For each {{crate}} in {{manifest}}:

- {{crate}} must be {rule}.
"""
    for old, new in ((_LISTED, _NAMED), (_NAMED, _LISTED)):
        severity, tags = _rule_change(grammar.format(rule=old), grammar.format(rule=new))
        assert severity == "major", tags


def test_a_name_no_production_lists_is_another_requirement() -> None:
    # Control: {LoosePallet} is no production of the grammar.
    severity, tags = _rule_change(_doc(_LISTED), _doc("{LoosePallet}"))
    assert severity == "major", tags


def test_alternatives_are_read_from_list_items_under_a_head() -> None:
    clauses = [
        (False, "ShippedCrate :"),
        (True, "CargoCrate"),
        (True, "MailCrate"),
        (False, "A crate is shipped once."),
        # An item that is more than one name: no set of names.
        (False, "Value :"),
        (True, "Variable"),
        (True, "[~Const] Number"),
        # Listed twice alike (a grammar summary): the same definition.
        (False, "ShippedCrate :"),
        (True, "CargoCrate"),
        (True, "MailCrate"),
        # Listed twice otherwise: neither is the one.
        (False, "Pallet :"),
        (True, "Wood"),
        (False, "Pallet :"),
        (True, "Steel"),
    ]
    assert listed_alternatives(clauses) == {"shippedcrate": frozenset({"cargocrate", "mailcrate"})}
