"""A condition or exception that only says again the topic of the section it stands
under is the same condition: "when loading a crate" -> "when loading a crate pallet"
under "Crate Pallets" names what the section is about (as an action that restates its
heading does, see ``_scope_edit``). A word the headings do not say still narrows (or
widens) the case the rule holds in. Fixtures of our own text."""

from __future__ import annotations

import pytest

from specdiff.classify._statement_changes import _topic_restated
from specdiff.classify._statement_words import _topic_forms


def _records(old: str, new: str) -> list[tuple[str, tuple[str, ...]]]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [(c.severity.name.lower(), c.tags) for c in report.changes]


_YARD = """# Yard

## Crate Pallets

Clerks {modal} stack two rows when loading a crate.

Drivers must strap each load before the van leaves.
"""


@pytest.mark.parametrize("modal", ["may", "must"])
def test_a_condition_that_restates_the_heading_is_the_same_both_ways(modal: str) -> None:
    old = _YARD.format(modal=modal)
    new = old.replace("loading a crate.", "loading a crate pallet.")
    for before, after in ((old, new), (new, old)):
        records = _records(before, after)
        assert len(records) == 1, records
        assert records[0][0] != "major", records
        assert not any(t.startswith("normative.") for t in records[0][1]), records


@pytest.mark.parametrize("modal", ["may", "must"])
def test_a_word_the_headings_do_not_say_still_changes_the_condition(modal: str) -> None:
    old = _YARD.format(modal=modal)
    new = old.replace("loading a crate.", "loading a crate box.")
    assert _records(old, new) == [("major", ("normative.changed",))]
    assert _records(new, old) == [("major", ("normative.changed",))]


def test_topic_restated_reads_words_added_or_dropped_only() -> None:
    topic = _topic_forms(frozenset({"crate", "pallets"}))
    assert _topic_restated("when loading a crate", "when loading a crate pallet", topic)
    assert _topic_restated("when loading a crate pallet", "when loading a crate", topic)
    assert not _topic_restated("when loading a crate", "when loading a crate box", topic)
    # A word put for another is no restatement, whatever the headings say.
    assert not _topic_restated("when loading a box", "when loading a pallet", topic)
    assert not _topic_restated("when loading a crate", "when loading a crate", topic)
    assert not _topic_restated("when loading a crate", "when loading a crate pallet", frozenset())
