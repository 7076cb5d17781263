"""Terms the edition renamed, found as the texts write them.

A term of three words whose middle word stays in another form ("sorted parcel list" ->
"collected parcels map") swaps its outer words only ("sorted list" -> "collected map"),
words no text says in a row: the edited stretch is the term put for the other (see
:meth:`Swap.stretch`). An algorithm's variable renamed throughout ("Return
{sortedParcels}." -> "Return {parcelMap}.") is counted as the word in its braces.
Controls: the same swap in one rule only changes it, and a variable renamed in one step
only is substantive. Fixtures of our own text."""

from __future__ import annotations

from specdiff.classify._wording import swapped_words


def _records(old: str, new: str) -> list[tuple[str, str, tuple[str, ...]]]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [(c.old.text if c.old else "", c.severity.name.lower(), c.tags) for c in report.changes]


_TALLY = """# Depot

## Tally

When a clerk reads a sorted parcel list at dusk, the clerk must check each entry from the sorted parcel list in the order given.

The night shift keeps the sorted parcel list beside the scales.

Drivers copy the sorted parcel list before they leave the yard.

A crane lifts each crate onto the cart that waits at the dock.
"""

#: The edition says "collected parcels map" wherever it said "sorted parcel list".
_RENAMED = _TALLY.replace("sorted parcel list", "collected parcels map")


def test_a_swap_split_by_a_kept_word_has_its_stretch() -> None:
    (swap,) = swapped_words(
        "Drivers copy the sorted parcel list today.",
        "Drivers copy the collected parcels map today.",
    )
    assert (swap.old, swap.new) == ("sorted list", "collected map")
    assert swap.stretch() == ("sorted parcel list", "collected parcels map")
    (whole,) = swapped_words("Drivers copy the list today.", "Drivers copy the map today.")
    assert whole.stretch() is None  # the swap is the whole stretch


def test_a_term_of_three_words_renamed_by_the_edition_is_wording_both_ways() -> None:
    for old, new in ((_TALLY, _RENAMED), (_RENAMED, _TALLY)):
        records = _records(old, new)
        assert len(records) == 3, records
        assert all(r[1:] == ("patch", ("wording",)) for r in records), records


def test_the_term_swapped_in_one_rule_only_changes_it() -> None:
    rule = "When a clerk reads a sorted parcel list at dusk, the clerk must check each entry from the sorted parcel list"
    one = _TALLY.replace(rule, rule.replace("sorted parcel list", "collected parcels map"))
    assert [r[1:] for r in _records(_TALLY, one)] == [("major", ("normative.changed",))]


_STEPS = """# Depot

## Tally

CountParcels(cart):

- Let {sortedParcels} be an empty list.
- For each {crate} on {cart}:
  - Append {crate} to {sortedParcels}.
- Weigh every crate in {sortedParcels} at the gate.
- Return {sortedParcels}.
"""

#: The variable renamed in every step, its binding step rewritten too (so the algorithm
#: alone does not tell the rename: the step that binds it says something else).
_STEPS_RENAMED = _STEPS.replace("sortedParcels", "parcelMap").replace(
    "an empty list", "a map of each crate to the scale that weighed it"
)


def test_a_variable_renamed_throughout_is_wording_in_each_step_both_ways() -> None:
    for old, new in ((_STEPS, _STEPS_RENAMED), (_STEPS_RENAMED, _STEPS)):
        name = "sortedParcels" if old is _STEPS else "parcelMap"
        records = {text: rest for text, *rest in _records(old, new)}
        for step in (
            "Append {crate} to {x}.",
            "Weigh every crate in {x} at the gate.",
            "Return {x}.",
        ):
            assert records[step.replace("x", name)] == ["patch", ("wording",)], records


def test_a_variable_renamed_in_one_step_only_is_substantive() -> None:
    one = _STEPS.replace("Return {sortedParcels}", "Return {parcelMap}")
    assert _records(_STEPS, one) == [("Return {sortedParcels}.", "minor", ("wording.substantive",))]
