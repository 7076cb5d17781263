"""Reading rules that need more than a fixture: no configured order, reasons, the parse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specdiff.classify import is_editorial
from specdiff.compare import compare_specs
from specdiff.config import DEFAULT_CONFIG
from specdiff.model.document import ClauseKind
from specdiff.parse import parse_spec

SECTION = "# Rules {{#rules{attributes}}}\n\nWren keeps the amber ledger beside the harbour.\n"


def compare(old: str, new: str):
    return compare_specs(parse_spec(old), parse_spec(new), DEFAULT_CONFIG)


@pytest.mark.parametrize(
    ("before", "after"),
    [("platform", "system"), ("system", "platform"), ("guideline", "user"), ("user", "guideline")],
)
def test_authority_moved_between_levels_is_major_without_a_configured_order(before, after):
    report = compare(
        SECTION.format(attributes=f" authority={before}"),
        SECTION.format(attributes=f" authority={after}"),
    )
    (change,) = report.changes
    assert change.kind_name == "section.attributes"
    assert change.tags == ("attribute.authority_changed",)
    assert str(change.severity) == "major"
    assert f"authority {before} → {after}" in change.reason


@pytest.mark.parametrize(("before", "after"), [("", " authority=user"), (" audience=kids", "")])
def test_an_attribute_given_or_taken_away_without_an_order_is_minor(before, after):
    report = compare(SECTION.format(attributes=before), SECTION.format(attributes=after))
    (change,) = report.changes
    assert change.tags == ("attribute.changed",)
    assert str(change.severity) == "minor"


def test_comment_only_html_blocks_are_not_clauses_but_other_html_is():
    spec = parse_spec(
        "# A\n\n<!-- example-tester: skip -->\n\n<div>kept</div>\n\n<!-- one --> <!-- two -->\n\n"
        "<!-- not closed\n"
    )
    kinds = [(c.kind, c.text) for c in spec.clauses]
    assert kinds == [(ClauseKind.HTML, "<div>kept</div>"), (ClauseKind.HTML, "<!-- not closed")]


WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9), min_size=2, max_size=12
)
TYPOGRAPHY = [("'", "’"), ('"', "“"), (" - ", " — "), (" -- ", " — "), ("...", "…")]


@given(WORDS, st.sampled_from(TYPOGRAPHY))
def test_typography_is_editorial_both_ways(words, swap):
    plain, fancy = swap
    old = f"{' '.join(words)} {plain}x{plain} end."
    new = old.replace(plain, fancy)
    assert is_editorial(old, new)
    assert is_editorial(new, old)


@given(WORDS, st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
def test_a_changed_code_span_is_never_editorial(words, identifier):
    old = f"Set `{identifier}` to {' '.join(words)}."
    new = f"Set `{identifier}x` to {' '.join(words)}."
    assert not is_editorial(old, new)
    assert not is_editorial(new, old)


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        ("*Working Draft - May 2019*", "*Working Draft - November 2019*", "May 2019"),
        ("Last revised: 2022-03-01", "Last revised: 2023-09-14", "2022-03-01"),
        ("_March 2022 Edition_", "_12 September 2023 Edition_", "March 2022"),
    ],
)
def test_the_line_dating_the_document_is_the_release_named(before, after, shown):
    page = "# Rules {{#rules}}\n\n{}\n\nWren keeps the amber ledger beside the harbour.\n"
    (change,) = compare(page.format(before), page.format(after)).changes
    assert change.tags == ("wording",)
    assert str(change.severity) == "patch"
    assert f"the document's date: “{shown}” →" in " ".join(change.details)


CAPTIONED = (
    "# Tide tables {{#tide-tables}}\n\nA tide line gives a port and a time.\n\n"
    "The height may be left out:\n\n```text\nDover 06:10\n```\n\n{caption}"
    "```text\n06:10\n```\n"
)


@pytest.mark.parametrize(
    ("caption", "tags"),
    [
        # Dropped over an example that stays: the example still shows the rule.
        ("Both the height and the port may be left out:\n\n", ("caption.example_kept",)),
        # In RFC 2119 capitals it is a rule wherever it stands.
        ("Both the height and the port MAY be left out:\n\n", ("normative.removed",)),
        # Not a caption (no colon): a rule before the code, read as any rule.
        ("Both the height and the port may be left out.\n\n", ("normative.removed",)),
    ],
)
def test_a_caption_dropped_over_its_kept_example_removes_no_rule(caption, tags):
    report = compare(CAPTIONED.format(caption=caption), CAPTIONED.format(caption=""))
    (change,) = report.changes
    assert change.kind_name == "clause.removed"
    assert change.tags == tags


NOTICE = (
    "# Notes\n\nCouriers must sign for each parcel.\n\n"
    "{use}THE {what} ARE PROVIDED AS IS. IN NO EVENT SHALL {who} BE LIABLE FOR ANY LOSS.\n"
)


def test_a_legal_notice_reworded_binds_nobody():
    report = compare(
        NOTICE.format(
            use="Your use of the notes may be subject to third party rights. ",
            what="NOTES",
            who="ANY EDITOR",
        ),
        NOTICE.format(use="", what="MATERIALS", who="THE EDITORS"),
    )
    (change,) = report.changes
    assert not any(tag.startswith("normative.") for tag in change.tags)
    assert str(change.severity) != "major"


def test_a_rule_beside_a_legal_notice_is_still_read():
    old = NOTICE.format(use="", what="NOTES", who="THE EDITORS")
    report = compare(old, old.replace("Couriers must sign", "Couriers may sign"))
    (change,) = report.changes
    assert "normative.weakened" in change.tags
    assert str(change.severity) == "major"
