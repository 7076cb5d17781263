"""References: anchor links, footnote labels, term definitions, and defined anchors."""

from __future__ import annotations

import pytest
from parseutil import clause_with, parse_fixture

from specdiff.model.document import ReferenceKind
from specdiff.parse import parse_spec
from specdiff.parse._refs import find_references

ANCHOR, FOOTNOTE, DEFINITION = (
    ReferenceKind.ANCHOR,
    ReferenceKind.FOOTNOTE,
    ReferenceKind.DEFINITION,
)


@pytest.fixture(scope="module")
def spec():
    return parse_fixture("references.md")


def refs(clause):
    return [(r.kind, r.target) for r in clause.references]


def test_anchor_links_and_footnotes_in_order(spec):
    clause = clause_with(spec, "See [?](#refs)")
    assert refs(clause) == [(ANCHOR, "refs"), (ANCHOR, "rules"), (FOOTNOTE, "q7x2")]
    assert clause.links == ("refs", "rules")
    assert clause.footnotes == ("q7x2",)


def test_term_definitions_are_references_and_anchors(spec):
    clause = clause_with(spec, "[kettle](@kettle)")
    assert refs(clause) == [(DEFINITION, "kettle"), (DEFINITION, "pour-spout")]
    assert clause.anchors == ("kettle", "pour-spout")
    assert {"kettle", "pour-spout"} <= spec.anchors


def test_html_href_counts_external_links_do_not(spec):
    clause = clause_with(spec, "an HTML link")
    assert refs(clause) == [(ANCHOR, "rules")]


def test_footnote_definition_is_not_a_reference(spec):
    clause = clause_with(spec, "A footnote definition")
    assert clause.references == ()


def test_links_inside_code_blocks_are_not_references(spec):
    clause = clause_with(spec, "[a link in a fence](#fenced)")
    assert clause.references == ()


def test_percent_encoded_targets_are_decoded(spec):
    clause = clause_with(spec, "percent-encoded")
    assert refs(clause) == [(ANCHOR, "café")]
    assert "café" in spec.anchors


def test_table_row_anchor_and_link(spec):
    row = clause_with(spec, "spout |")
    assert row.anchors == ("rowAnchor",)
    assert refs(row) == [(ANCHOR, "kettle")]


def test_spec_anchors_are_section_ids_and_clause_anchors(spec):
    assert spec.anchors == {
        "refs",
        "rules",
        "café",
        "kettle",
        "pour-spout",
        "rowAnchor",
    }
    broken = [r.target for c in spec.clauses for r in c.references if r.kind is ANCHOR]
    assert [t for t in broken if t not in spec.anchors] == ["nowhere"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[x](#a)", [(ANCHOR, "a")]),
        ("[x](<#a>)", [(ANCHOR, "a")]),
        ('[x](#a "title")', [(ANCHOR, "a")]),
        ("[x]( #a )", [(ANCHOR, "a")]),
        (
            "[?](#follow_all_applicable_instructions)",
            [(ANCHOR, "follow_all_applicable_instructions")],
        ),
        ("[x](other.md#a)", []),
        ("[x](https://example.com#a)", []),
        ("text[^abcd] and[^9z]", [(FOOTNOTE, "abcd"), (FOOTNOTE, "9z")]),
        ("[^abcd]: a definition", []),
        ("[Link label](@)", [(DEFINITION, "link-label")]),
        ("[label](@custom-id)", [(DEFINITION, "custom-id")]),
        ("no links here", []),
    ],
)
def test_find_references(source, expected):
    assert [(r.kind, r.target) for r in find_references(source, 1)] == expected


def test_reference_line_numbers_count_from_the_first_line():
    found = find_references("one [a](#a)\ntwo\nthree [^b]", 10)
    assert [(r.target, r.line) for r in found] == [("a", 10), ("b", 12)]


def test_html_anchor_clause_defines_ids():
    spec = parse_spec('Text with <a id="inline-id"></a> and <a name="second">.\n')
    assert spec.clauses[0].anchors == ("inline-id", "second")
