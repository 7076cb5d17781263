"""A term renamed throughout, said in the plural (issue 10, releases far apart): a new
version that says "channel" where the old one said "conduit" renames the term, and a rule
that says "conduits" -> "channels" keeps its requirement under the new name, as the rules
that say it in the singular do. The counts of a rename are of words as written; a term
renamed mostly in the singular leaves too few plural uses to be found retired on their
own. A plural swapped in one rule where the singular is no rename ("reject parcels" ->
"reject crates") still changes that rule, MAJOR.
"""

from __future__ import annotations

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

CONFIG = config_from_text("", False, "test")

#: The old version says "conduit" throughout; once, in a rule, in the plural.
OLD = """# Relay

## Terms

A conduit carries parcels. Each conduit binding maps parcels to frames.

The conduit header holds the route. A conduit may batch parcels.

## Rules

Senders SHOULD pick the cheapest conduit for the parcel.

If parcels cross different conduits, the slowest conduit SHOULD be counted for the limits.

Receivers MUST accept parcels from any conduit binding.

Servers MUST reject parcels without a route.
"""

NEW = (
    OLD.replace("conduits", "channels").replace("conduit", "channel").replace("Conduit", "Channel")
)


def _records(old: str, new: str) -> list[tuple[str, tuple[str, ...], str]]:
    report = compare_specs(parse_spec(old), parse_spec(new), CONFIG)
    return [
        (c.severity.name.lower(), c.tags, (c.new or c.old).text if (c.new or c.old) else "")
        for c in report.changes
    ]


def _plural_rule(records: list[tuple[str, tuple[str, ...], str]]) -> tuple[str, tuple[str, ...]]:
    (found,) = [(sev, tags) for sev, tags, text in records if "different" in text]
    return found


def test_a_rule_saying_the_renamed_term_in_the_plural_keeps_its_requirement():
    severity, tags = _plural_rule(_records(OLD, NEW))
    assert severity == "patch", tags
    assert not any(tag.startswith("normative") for tag in tags), tags


def test_the_plural_of_a_renamed_term_is_renamed_both_ways():
    severity, tags = _plural_rule(_records(NEW, OLD))
    assert severity == "patch", tags
    assert not any(tag.startswith("normative") for tag in tags), tags


def test_a_plural_swapped_in_one_rule_changes_it():
    # Control: "parcels" -> "crates" in one rule, where "parcel" is no term the new
    # version renamed throughout, is a changed rule.
    new = NEW.replace("reject parcels", "reject crates")
    records = _records(OLD, new)
    (found,) = [(sev, tags) for sev, tags, text in records if "reject" in text]
    assert found[0] == "major", found
    assert "normative.changed" in found[1], found


def test_a_plural_swapped_where_no_term_is_renamed_changes_the_rule():
    # Control: the plural swapped alone, the singular kept everywhere else.
    new = OLD.replace("different conduits", "different channels")
    records = _records(OLD, new)
    severity, tags = _plural_rule(records)
    assert severity == "major", tags
