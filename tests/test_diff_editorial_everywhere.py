"""Editorial means the same everywhere (issue 10, Deliver 3): edits a reader sees as
form, not content, are PATCH wherever they stand; a real change beside them is not."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.config import DEFAULT_CONFIG
from specdiff.parse import parse_spec


def compare(old: str, new: str):
    return compare_specs(parse_spec(old), parse_spec(new), DEFAULT_CONFIG)


RESULT = (
    "# Lengths\n\nThe lantern keeps its wick trimmed.\n\n```graphql example\n"
    '{{ wick(unit: MM) }}\n```\n\n{caption}\n\n```json example\n{{ "wick": 4 }}\n```\n'
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("May yield the result:", "May return the result:"),
        ("May return the result:", "May yield the result:"),
    ],
)
def test_a_caption_opening_with_may_is_no_rule(before, after):
    (change,) = compare(RESULT.format(caption=before), RESULT.format(caption=after)).changes
    assert str(change.severity) == "patch"
    assert not any(t.startswith("normative.") for t in change.tags)


def test_a_caption_with_a_subject_still_reads_its_rule():
    old = RESULT.format(caption="The lamplighter may yield the result.")
    new = RESULT.format(caption="The lamplighter may return the result.")
    (change,) = compare(old, new).changes
    assert "normative.changed" in change.tags
