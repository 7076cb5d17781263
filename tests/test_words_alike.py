"""One word put for another that says the same thing is wording (patch): one hedge of
the usual case for another ("often" -> "normally"), both ways, and the document's own
word put for one it no longer says anywhere ("dock porters" -> "dock crew" where the
document says "dock crew" throughout). A word put for one the document still uses, a
word new in that company, or a hedge traded for a quantifier says something else
(minor). Fixtures of our own text."""

from __future__ import annotations

from specdiff.classify._terms import Terms
from specdiff.classify._wording import hedged_alike

_OLD = """# Harbour

## Crews

The dock crew meets each ship at the quay. Each dock crew answers to the
dock master, who keeps the tide tables.

## Loading

Cargo is landed in the order the dock master chooses (often by weight).

When a ship docks late, dock porters tend to unload the deck cargo first.

The dock pilots guide each ship past the breakwater.

## Tides

The dock crew checks the tide tables before every departure.
"""

_NEW = _OLD.replace("dock porters", "dock crew")


def _records(old: str, new: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [(c.severity.name.lower(), c.tags, c.details) for c in report.changes]


def _one(old: str, new: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    records = _records(old, new)
    assert len(records) == 1, records
    return records[0]


def test_the_documents_own_word_for_one_it_no_longer_says_is_wording() -> None:
    severity, tags, details = _one(_OLD, _NEW)
    assert (severity, tags) == ("patch", ("wording",)), (severity, tags, details)
    assert any("“porters” → “crew”" in d for d in details), details


def test_the_other_way_a_one_off_word_for_the_documents_own_stays_substantive() -> None:
    # "crew" lives on everywhere else: "porters" in its place names someone else.
    assert _one(_NEW, _OLD)[:2] == ("minor", ("wording.substantive",))


def test_a_word_put_for_one_the_document_still_uses_stays_substantive() -> None:
    # "master" -> "crew": the document still says "dock master" elsewhere, so the
    # crew now answers to someone else.
    new = _OLD.replace("answers to the\ndock master", "answers to the\ndock crew")
    assert _one(_OLD, new)[:2] == ("minor", ("wording.substantive",))


def test_a_word_new_in_that_company_stays_substantive() -> None:
    # "porters" goes, but the document never said "dock clerks": no sign that it
    # names the same people.
    new = _OLD.replace("dock porters", "dock clerks")
    assert _one(_OLD, new)[:2] == ("minor", ("wording.substantive",))


def test_one_hedge_for_another_is_wording_both_ways() -> None:
    new = _OLD.replace("(often by weight)", "(normally by weight)")
    for a, b in ((_OLD, new), (new, _OLD)):
        severity, tags, details = _one(a, b)
        assert (severity, tags) == ("patch", ("wording",)), (severity, tags, details)


def test_a_hedge_traded_for_a_quantifier_stays_substantive() -> None:
    for word in ("sometimes", "rarely"):
        new = _OLD.replace("(often by weight)", f"({word} by weight)")
        for a, b in ((_OLD, new), (new, _OLD)):
            assert _one(a, b)[:2] == ("minor", ("wording.substantive",)), word


def test_hedged_alike() -> None:
    assert hedged_alike("often", "normally")
    assert hedged_alike("Usually", "typically")
    assert not hedged_alike("often", "often")
    assert not hedged_alike("often", "always")
    assert not hedged_alike("never", "usually")


def test_own_word_reads_the_documents_counts() -> None:
    terms = Terms(lambda: _OLD.split("\n\n"), lambda: _NEW.split("\n\n"))
    assert terms.own_word("porters", "crew", "dock", "")
    assert not terms.own_word("porters", "crew", "", "")  # no company kept
    assert not terms.own_word("porters", "clerks", "dock", "")
    # The other way round the retired word would be "crew", which the text still says.
    back = Terms(lambda: _NEW.split("\n\n"), lambda: _OLD.split("\n\n"))
    assert not back.own_word("crew", "porters", "dock", "")


_GROUPS = """# Cargo

## Grouping

Cargo is stacked by the freight classes `A`, `B` or `C` that the manifest gives.
"""


def test_one_category_noun_for_another_after_the_name_is_terminology_both_ways() -> None:
    # "freight classes" -> "freight categories": the groups named, as "the
    # discriminator attribute" -> "the discriminator object" names the one thing.
    new = _GROUPS.replace("freight classes", "freight categories")
    for a, b in ((_GROUPS, new), (new, _GROUPS)):
        assert _one(a, b)[:2] == ("patch", ("wording",))
    kinds = _GROUPS.replace("freight classes", "freight kinds")
    assert _one(_GROUPS, kinds)[:2] == ("patch", ("wording",))


def test_a_category_noun_traded_for_another_noun_stays_substantive() -> None:
    new = _GROUPS.replace("freight classes", "freight weights")
    for a, b in ((_GROUPS, new), (new, _GROUPS)):
        assert _one(a, b)[:2] == ("minor", ("wording.substantive",))
