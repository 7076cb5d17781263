"""Steps of an algorithm (issue 10): which list items are steps, and which edits of one
change what it computes."""

from __future__ import annotations

import pytest

from specdiff.classify._steps import computes_otherwise, is_step
from specdiff.model.document import Clause, ClauseKind
from specdiff.parse import parse_spec


def _items(markdown: str) -> list[Clause]:
    spec = parse_spec(markdown)
    return [c for c in spec.clauses if c.kind is ClauseKind.LIST_ITEM]


def test_items_opening_with_an_imperative_or_a_loop_are_steps():
    items = _items(
        "# Procedure\n\n"
        "  * Let {crates} be the crates in the hold.\n"
        "  * For each {crate} in {crates}:\n"
        "    * Append {crate} to {manifest}.\n"
        "  * Return {manifest}.\n"
    )
    assert [is_step(c) for c in items] == [True, True, True, True]


def test_items_describing_things_are_not_steps():
    items = _items("# Room\n\n- Clerks keep a list by the door.\n- Letters wait on the shelf.\n")
    assert [is_step(c) for c in items] == [False, False]


def test_a_paragraph_opening_with_let_is_not_a_step():
    spec = parse_spec("# Room\n\nLet us assume the following crates.\n")
    assert not any(is_step(c) for c in spec.clauses)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Initialize {shelf} to an empty list.", "Initialize {shelf} to an empty sorted list."),
        ("Let {crates} be all sealed crates.", "Let {crates} be all crates."),
        ("Let {g} be {Collect(a, b)}.", "Let {g} be {Collect(a, b, visited)}."),
    ],
)
def test_a_word_of_content_added_or_dropped_computes_otherwise(old, new):
    assert computes_otherwise(old, new)
    assert computes_otherwise(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Append {crate} to the {manifest}.", "Append {crate} to {manifest}."),
        ("For each {spread} in in the document.", "For each {spread} in the document."),
        ("Return {manifest}.", "Return {ledger}."),
    ],
)
def test_grammar_or_a_name_put_for_another_computes_the_same(old, new):
    assert not computes_otherwise(old, new)
    assert not computes_otherwise(new, old)
