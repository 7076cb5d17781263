"""Rules restated while their text is restructured (issue 10 Deliver 2, fx11-moved): the
same rule said of its party in other words, a prohibition said as a verdict of
invalidity under the same condition, and a sentence moved to a paragraph a few places
up (past an example) pair with their old statements; a rule really removed while its
paragraph is restructured stays a removal (MAJOR)."""

from __future__ import annotations

from specdiff.classify._statements import compare_statements
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.statements import find_statements


def _tags(old: str, new: str) -> list[str]:
    changes = compare_statements(find_statements(old), find_statements(new), old, new)
    return [c.tag for c in changes]


# -- the same rule, its party respelled ----------------------------------------------------

_PARTY_OLD = "The parcel label must carry the same code (unchanged) as the crate label."
_PARTY_NEW = (
    "That printed label on {parcel} must carry the same code (unchanged) as that label on {crate}."
)


def test_a_rule_said_of_its_party_in_other_words_is_one_rule():
    assert _tags(_PARTY_OLD, _PARTY_NEW) == []
    assert _tags(_PARTY_NEW, _PARTY_OLD) == []


def test_a_rule_moved_to_another_party_is_still_removed_and_added():
    # Control: the same keyword, verb and action, said of a party with no word in common
    # with the old one (a label's rule now binds a courier).
    new = "That courier on {depot} must carry the same code (unchanged) as that label on {crate}."
    assert _tags(_PARTY_OLD, new) == ["normative.removed", "normative.added"]


def test_a_party_respelled_with_another_action_is_no_respelling():
    # Control: the party shares a word, but the action is another one.
    old = "The parcel label must carry the same code as the crate label."
    new = "That printed label on {parcel} must show the weight in grams."
    assert "normative.removed" in _tags(old, new)
    assert "normative.added" in _tags(old, new)


# -- a prohibition said as a verdict ---------------------------------------------------------

_CANNOT = (
    "If a parcel is scanned twice and is weighed by a depot that does not own that "
    "parcel, the delivery cannot be completed."
)
_INVALID = (
    "If a parcel is scanned twice and is weighed by a depot that does not own that "
    "parcel, that delivery is invalid (see [Ownership](#ownership))."
)


def test_a_prohibition_said_as_invalid_under_the_same_condition_is_the_same_rule():
    assert _tags(_CANNOT, _INVALID) == []
    assert _tags(_INVALID, _CANNOT) == []


def test_a_verdict_under_another_condition_keeps_the_prohibition_removed():
    # Control: the condition changed, so the old rule is not said again.
    other = "If a parcel is lost, that delivery is invalid."
    assert _tags(_CANNOT, other) == ["normative.removed"]


def test_a_verdict_on_another_party_keeps_the_prohibition_removed():
    # Control: the same condition, but another thing judged invalid.
    other = (
        "If a parcel is scanned twice and is weighed by a depot that does not own that "
        "parcel, the invoice is invalid."
    )
    assert _tags(_CANNOT, other) == ["normative.removed"]


# -- a sentence moved up past an example -----------------------------------------------------

_BEFORE = """# Parcels

Labels must be printed before loading and stay on the parcel throughout the trip.

In this example, a parcel is labelled at the depot:

```text
label 4 at depot 7
```

Codes for those labels must be given to a courier along with the manifest before the trip. If printing codes in bulk, we could print the first label of size `60` width:

```text
label 60 wide
```
"""

_AFTER = """# Parcels

Labels must be printed before loading and stay on the parcel throughout the trip. Codes for those labels must be given to a courier as part of the manifest before the trip.

In this example, a parcel is labelled at the depot:

```text
label 4 at depot 7
```

If printing codes in bulk, we could print a first label of size `60`:

```text
label 60 wide
```
"""

_REMOVED = """# Parcels

Labels must be printed before loading and stay on the parcel throughout the trip.

In this example, a parcel is labelled at the depot:

```text
label 4 at depot 7
```

If printing codes in bulk, we could print a first label of size `60`:

```text
label 60 wide
```
"""


def _compared(old: str, new: str) -> list[tuple[str, str, tuple[str, ...]]]:
    result = compare_specs(parse_spec(old), parse_spec(new))
    return [(str(c.kind), str(c.severity), tuple(c.tags)) for c in result.changes]


def test_a_sentence_moved_up_past_an_example_is_no_rule_removed_or_added():
    for old, new in ((_BEFORE, _AFTER), (_AFTER, _BEFORE)):
        changes = _compared(old, new)
        assert changes
        assert all(severity != "major" for _, severity, _ in changes), changes
        assert not any(
            tag in ("normative.removed", "normative.added") for *_, tags in changes for tag in tags
        ), changes


def test_a_sentence_really_removed_stays_a_removed_rule():
    # Control: the permission goes from the text altogether.
    changes = _compared(_BEFORE, _REMOVED)
    assert any("normative.removed" in tags for *_, tags in changes), changes
