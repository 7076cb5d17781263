"""A substitution the edition made in many clauses at once is its terminology
(:meth:`Terms.substituted`); one made in a rule or two, a value, or opposite words are not.
Fixtures of our own text."""

from __future__ import annotations

from specdiff.classify._statements import _edition_substitution
from specdiff.classify._terms import Terms

_KEPT = ["Couriers carry parcels by day.", "A depot opens at dawn."]


def _terms(old: list[str], new: list[str]) -> Terms:
    return Terms(lambda: [*_KEPT, *old], lambda: [*_KEPT, *new])


def test_a_term_put_in_three_rules_is_the_editions() -> None:
    old = [
        "A valid parcel must carry a label.",
        "Couriers must weigh each valid parcel first.",
        "Only a valid parcel may leave the depot.",
    ]
    new = [t.replace("valid parcel", "valid shipment") for t in old]
    terms = _terms(old, new)
    assert terms.substituted("parcel", "shipment")
    assert _edition_substitution("parcel", "shipment", terms)


def test_a_term_put_in_two_rules_is_not() -> None:
    old = ["A valid parcel must carry a label.", "Couriers must weigh each valid parcel first."]
    new = [t.replace("valid parcel", "valid shipment") for t in old]
    assert not _terms(old, new).substituted("parcel", "shipment")


def test_the_party_changed_once_is_not() -> None:
    old = ["Servers must reject a sealed crate.", "Servers must log a torn crate."]
    new = ["Clients must reject a sealed crate.", "Servers must log a torn crate, twice."]
    assert not _terms(old, new).substituted("servers", "clients")


def test_opposite_verbs_repeated_are_a_reversal_not_a_term() -> None:
    old = [
        "Depots must reject wet crates.",
        "Couriers must reject late crates.",
        "Drivers must reject open crates.",
    ]
    new = [t.replace("reject", "accept") for t in old]
    terms = _terms(old, new)
    assert terms.substituted("reject", "accept")  # counted alike ...
    assert not _edition_substitution("reject", "accept", terms)  # ... but opposite words


def test_a_number_changed_throughout_is_not() -> None:
    old = [
        "A crate must weigh under 10 kilos.",
        "A sack must weigh under 10 kilos.",
        "A box must weigh under 10 kilos.",
    ]
    new = [t.replace("10", "20") for t in old]
    assert not _terms(old, new).substituted("10", "20")


# The whole pipeline: an edition that says "shipment" where "parcel" meant any load, in
# three rules that keep their requirement, while "parcel" lives on in a narrower sense.
_OLD_SPEC = """# Depots

## Loads

A sealed parcel must carry a label.

Couriers must weigh each parcel first.

Only a parcel with a label may leave the depot.

A parcel is a load wrapped in paper.

A parcel is weighed in grams. A parcel is sealed with tape.

A courier may refuse a parcel that leaks.

## Gates

Servers must reject a sealed crate.
"""


def _records(old: str, new: str) -> list[tuple[str, tuple[str, ...]]]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [(c.severity.name.lower(), c.tags) for c in report.changes]


#: The edition's new term, put in the three rules (each in its own slot).
_NEW_SPEC = (
    _OLD_SPEC.replace("sealed parcel", "sealed shipment")
    .replace("each parcel", "each shipment")
    .replace("a parcel with", "a shipment with")
)


def test_an_edition_term_in_rules_keeps_them_and_back() -> None:
    new = _NEW_SPEC
    for old, fresh in ((_OLD_SPEC, new), (new, _OLD_SPEC)):
        records = _records(old, fresh)
        assert len(records) == 3
        assert all("normative.changed" not in tags for _, tags in records), records
        assert all(severity != "major" for severity, _ in records), records


def test_the_same_term_put_in_one_rule_stays_major() -> None:
    new = _OLD_SPEC.replace("each parcel", "each shipment")
    assert _records(_OLD_SPEC, new) == [("major", ("normative.changed",))]


def test_a_word_swapped_in_one_rule_stays_major() -> None:
    new = _OLD_SPEC.replace("reject a sealed crate", "reject a sealed box")
    assert _records(_OLD_SPEC, new) == [("major", ("normative.changed",))]


def test_a_reversal_repeated_in_three_rules_stays_major() -> None:
    old = _OLD_SPEC.replace("must carry", "must reject").replace("must weigh", "must reject")
    new = old.replace("must reject", "must accept")
    records = _records(old, new)
    assert len(records) == 3
    assert all(r == ("major", ("normative.reversed",)) for r in records), records


def test_a_quantifier_put_in_three_rules_is_not_a_term() -> None:
    old = [
        "Couriers must weigh any crate first.",
        "Drivers must open any crate slowly.",
        "Clerks must log any crate today.",
    ]
    new = [t.replace("any crate", "each crate") for t in old]
    assert not _terms(old, new).substituted("any", "each")
