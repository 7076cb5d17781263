"""Wording that follows a term the edition renamed (:meth:`Terms.edition_renamed`) is
editorial: the substitution is made in many clauses and the old term gives way across
the document. A substitution whose old term keeps its uses, a word turned into one that
holds it ("ordered" / "unordered"), or a swap made in one sentence stays substantive.
Fixtures of our own text."""

from __future__ import annotations

from specdiff.classify._terms import Terms

_OLD_SPEC = """# Depots

## Loads

The depot weighs every parcel at the gate before the night shift.

Each parcel is wrapped in paper and tied with string by the packers.

A crane lifts the parcel onto the cart that waits at the dock.

Drivers carry the parcel to the van, one load at a time.

## Yard

The yard keeps spare carts beside the north wall.

Clerks count the carts at dusk and note the tally in a ledger.
"""

#: The edition says "shipment" for "parcel" in every sentence that named it.
_NEW_SPEC = _OLD_SPEC.replace("parcel", "shipment")


def _records(old: str, new: str) -> list[tuple[str, tuple[str, ...]]]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [(c.severity.name.lower(), c.tags) for c in report.changes]


def test_a_term_renamed_by_the_edition_is_wording_both_ways() -> None:
    for old, new in ((_OLD_SPEC, _NEW_SPEC), (_NEW_SPEC, _OLD_SPEC)):
        records = _records(old, new)
        assert len(records) == 4, records
        assert all(r == ("patch", ("wording",)) for r in records), records


def test_the_swap_in_one_sentence_stays_substantive() -> None:
    new = _OLD_SPEC.replace("carry the parcel", "carry the shipment")
    assert _records(_OLD_SPEC, new) == [("minor", ("wording.substantive",))]


#: The old term used in many more sentences that the edition keeps.
_MANY = "".join(
    f"\nThe parcel of row {n} rests on a shelf of its own.\n" for n in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)


def test_a_swap_whose_old_term_keeps_its_uses_stays_substantive() -> None:
    old, new = _OLD_SPEC + _MANY, _NEW_SPEC + _MANY
    records = _records(old, new)
    assert len(records) == 4, records
    assert all(r == ("minor", ("wording.substantive",)) for r in records), records


def _terms(old: list[str], new: list[str]) -> Terms:
    return Terms(lambda: old, lambda: new)


def test_a_word_turned_into_its_opposite_is_no_rename() -> None:
    old = [
        "The depot keeps an ordered list of carts.",
        "Clerks write an ordered tally at dusk.",
        "Drivers read an ordered route at dawn.",
    ]
    new = [t.replace("ordered", "unordered") for t in old]
    terms = _terms(old, new)
    assert terms.substituted("ordered", "unordered")  # counted alike ...
    assert not terms.edition_renamed("ordered", "unordered")  # ... but it names the opposite
    assert not _terms(new, old).edition_renamed("unordered", "ordered")


def test_a_renamed_term_read_directly() -> None:
    old = [
        "The depot weighs every parcel today.",
        "Each parcel is wrapped in paper.",
        "A crane lifts the parcel onto carts.",
    ]
    new = [t.replace("parcel", "shipment") for t in old]
    assert _terms(old, new).edition_renamed("parcel", "shipment")
    assert _terms(new, old).edition_renamed("shipment", "parcel")


# A word the edition dropped from a term in every clause that used it: "depot crates" ->
# "crates", in a permission among others. The rule allows what it allowed.
_OLD_CRATES = """# Yard

## Loading

A driver may load depot crates at dawn.

Clerks count the depot crates at dusk and note the tally.

The yard stacks depot crates by the north wall.

Each van carries depot crates to town before noon.

Crates stand on pallets in rows of four.
"""

_NEW_CRATES = _OLD_CRATES.replace("depot crates", "crates")


def test_a_word_dropped_from_a_term_throughout_is_wording_both_ways() -> None:
    for old, new in ((_OLD_CRATES, _NEW_CRATES), (_NEW_CRATES, _OLD_CRATES)):
        records = _records(old, new)
        assert len(records) == 4, records
        assert all(severity == "patch" for severity, _ in records), records
        assert not any(t.startswith("normative.") for _, tags in records for t in tags)


def test_the_word_dropped_from_one_rule_only_still_broadens_it() -> None:
    new = _OLD_CRATES.replace("load depot crates", "load crates")
    assert _records(_OLD_CRATES, new) == [("major", ("normative.broadened",))]
    assert _records(new, _OLD_CRATES) == [("major", ("normative.restricted",))]


def test_another_form_of_a_renamed_term_follows_it_both_ways() -> None:
    old = [
        "The gate may throw a fault at dawn.",
        "Clerks throw a fault when a crate leaks.",
        "A van that stalls will throw a fault too.",
        "A crane that tips throws a fault at once.",
    ]
    new = [t.replace("throw", "raise") for t in old]
    assert _terms(old, new).edition_renamed("throws", "raises")
    assert _terms(new, old).edition_renamed("raises", "throws")


def test_another_form_swapped_alone_is_no_rename() -> None:
    old = ["A crane that tips throws a fault at once.", "The gate may throw a fault at dawn."]
    new = ["A crane that tips raises a fault at once.", "The gate may throw a fault at dawn."]
    assert not _terms(old, new).edition_renamed("throws", "raises")
