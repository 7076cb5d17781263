"""An algorithm the new version defines under a new name, with the same parameters,
is the one its steps call: a call that follows the rename is wording (patch), both ways.
Renamed with other parameters, or a call put to an algorithm both versions define, it
calls something else. Fixtures of our own text."""

from __future__ import annotations

_OLD = """# Yard

## Stacking

CountCrates(stack, limit) :

- Let {total} be zero.
- For each {crate} in {stack}, increment {total}.
- Return {total}.

WeighCrates(stack) :

- Return the weight of {stack}.

## Loading

- Let {count} be {CountCrates(stack, limit)}.
- Let {again} be {CountCrates(spare, limit)}.
- Let {weight} be {WeighCrates(stack)}.
"""

_NEW = _OLD.replace("CountCrates(", "TallyCrates(")


def _records(old: str, new: str) -> list[tuple[str, tuple[str, ...]]]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [(c.severity.name.lower(), c.tags) for c in report.changes]


def test_an_algorithm_renamed_where_it_is_defined_is_followed_both_ways() -> None:
    for old, new in ((_OLD, _NEW), (_NEW, _OLD)):
        records = _records(old, new)
        assert len(records) == 3, records
        assert all(r == ("patch", ("wording",)) for r in records), records


def test_a_call_put_to_another_algorithm_stays_substantive() -> None:
    new = _OLD.replace("{WeighCrates(stack)}", "{CountCrates(stack)}")
    assert _records(_OLD, new) == [("minor", ("wording.substantive",))]


def test_an_algorithm_renamed_with_other_parameters_is_another() -> None:
    new = _OLD.replace("CountCrates(stack, limit)", "TallyCrates(stack)")
    records = _records(_OLD, new)
    assert records, records
    assert ("patch", ("wording",)) not in records, records
