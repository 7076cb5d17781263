"""A sentence kept, as evidence that two paragraphs are one (issue 10, releases far
apart): the sentence must say something in words. Two unrelated list items that each end
with a row of values ("For instance: 1.1.3 -> 2.0.0 ..." and "Example: 1.0.0 < 2.0.0 ...")
look alike letter by letter, digits and dots alike; paired, one rule reads as rewritten
into another (its MUST "removed", the other's new rules "changed"). The item that went is
removed, the one that came is added. A paragraph that keeps a sentence of words while the
rest is rewritten still pairs with its new self.
"""

from __future__ import annotations

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

CONFIG = config_from_text("", False, "test")

OLD = """# Counters

## Rules

1. Tools MUST declare the counters they keep.

1. When the big counter is bumped, the small counter MUST be set back to nought. For instance: 1.1.3 -> 2.0.0 and 2.1.7 -> 2.2.0.

1. The small counter MUST be bumped for each new feature.
"""

NEW = """# Counters

## Rules

1. Tools MUST declare the counters they keep.

1. The small counter MUST be bumped for each new feature.

1. Ordering compares two tags part by part, left to right, and the first part that differs decides the order. Example: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1.
"""


def _kinds(old: str, new: str) -> list[tuple[str, str, str]]:
    report = compare_specs(parse_spec(old), parse_spec(new), CONFIG)
    return [
        (
            c.kind.name.lower(),
            (c.old.text[:20] if c.old else ""),
            (c.new.text[:20] if c.new else ""),
        )
        for c in report.changes
    ]


def test_items_sharing_only_a_row_of_values_are_removed_and_added():
    kinds = _kinds(OLD, NEW)
    assert ("removed", "When the big counter", "") in kinds, kinds
    assert ("added", "", "Ordering compares tw") in kinds, kinds
    assert not any(old and new for _, old, new in kinds), kinds


def test_items_sharing_only_a_row_of_values_both_ways():
    kinds = _kinds(NEW, OLD)
    assert ("removed", "Ordering compares tw", "") in kinds, kinds
    assert ("added", "", "When the big counter") in kinds, kinds
    assert not any(old and new for _, old, new in kinds), kinds


def test_an_item_keeping_a_sentence_of_words_pairs_with_its_new_self():
    # Control: the item keeps its rule, word for word, and gains a long new sentence
    # (too long for the whole texts to look alike): it is the same item, modified.
    new = OLD.replace(
        "For instance: 1.1.3 -> 2.0.0 and 2.1.7 -> 2.2.0.",
        "Ordering compares two tags part by part, left to right, and the first part that"
        " differs decides the order, which every tool that sorts tags relies upon when it"
        " lists them for a reader. Example: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1.",
    )
    kinds = _kinds(OLD, new)
    assert ("modified", "When the big counter", "When the big counter") in kinds, kinds
