"""Words that only say again the topic of the section a rule stands under: "when loading
a crate" -> "when loading a crate pallet" under "Crate Pallets". A condition that restates
its heading is the same condition (``_topic_restated``, as an action that restates its
heading is, see ``_scope_edit``), and words added to or taken from a rule's sentence that
restate it reword no rule (``topic_words_added``): light rewording (PATCH), both ways. A
word the headings do not say, or a word put for another, still narrows (or widens) the
case the rule holds in. Fixtures of our own text."""

from __future__ import annotations

import pytest

from specdiff.classify._statement_changes import _topic_restated, topic_words_added
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
def test_words_restating_the_heading_are_light_rewording_both_ways(modal: str) -> None:
    old = _YARD.format(modal=modal)
    new = old.replace("loading a crate.", "loading a crate pallet.")
    assert _records(old, new) == [("patch", ("wording",))]
    assert _records(new, old) == [("patch", ("wording",))]


@pytest.mark.parametrize("modal", ["may", "must"])
def test_a_word_the_headings_do_not_say_still_changes_the_condition(modal: str) -> None:
    old = _YARD.format(modal=modal)
    new = old.replace("loading a crate.", "loading a crate box.")
    assert _records(old, new) == [("major", ("normative.changed",))]
    assert _records(new, old) == [("major", ("normative.changed",))]


def test_topic_words_added_reads_insertions_and_deletions_only() -> None:
    topic = _topic_forms(frozenset({"crate", "pallets"}))
    found = topic_words_added(
        "Clerks may stack a crate.", "Clerks may stack a crate pallet.", topic
    )
    assert found == {"pallet"}
    found = topic_words_added(
        "Clerks may stack a crate pallet.", "Clerks may stack a crate.", topic
    )
    assert found == {"pallet"}
    # A word put for another is no restatement, whatever the headings say.
    assert not topic_words_added("Clerks may stack a box.", "Clerks may stack a pallet.", topic)
    # An insertion with a word the headings do not say is read whole.
    assert not topic_words_added("Clerks stack a crate.", "Clerks stack a crate pallet box.", topic)
    assert not topic_words_added(
        "Clerks stack a crate.", "Clerks stack a crate pallet.", frozenset()
    )


def test_topic_restated_reads_words_added_or_dropped_only() -> None:
    topic = _topic_forms(frozenset({"crate", "pallets"}))
    assert _topic_restated("when loading a crate", "when loading a crate pallet", topic)
    assert _topic_restated("when loading a crate pallet", "when loading a crate", topic)
    assert not _topic_restated("when loading a crate", "when loading a crate box", topic)
    # A word put for another is no restatement, whatever the headings say.
    assert not _topic_restated("when loading a box", "when loading a pallet", topic)
    assert not _topic_restated("when loading a crate", "when loading a crate", topic)
    assert not _topic_restated("when loading a crate", "when loading a crate pallet", frozenset())
