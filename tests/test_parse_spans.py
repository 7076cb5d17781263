"""Exact source line spans of sections and clauses."""

from __future__ import annotations

import itertools

from parseutil import fixture_text, parse_fixture

from specdiff.parse import parse_spec


def test_clause_spans_in_the_clauses_fixture():
    spec = parse_fixture("clauses.md")
    spans = [(c.kind.value, c.span.start, c.span.end) for c in spec.clauses]
    assert spans == [
        ("paragraph", 3, 3),
        ("list_item", 5, 5),
        ("list_item", 6, 6),  # its own text; its nested items have their own spans
        ("list_item", 7, 7),
        ("list_item", 8, 11),  # lazy continuation and a second paragraph
        ("list_item", 12, 12),
        ("paragraph", 14, 14),
        ("list_item", 16, 16),
        ("list_item", 17, 17),
        ("list_item", 19, 19),
        ("list_item", 21, 21),
        ("list_item", 23, 23),
        ("list_item", 24, 24),
        ("list_item", 25, 25),
        ("table_row", 29, 29),
        ("table_row", 30, 30),
        ("blockquote", 32, 35),
        ("admonition", 37, 41),  # not the blank line after it
        ("paragraph", 43, 43),
        ("code", 45, 48),  # fences included
        ("code", 50, 51),
        ("example", 53, 69),  # from its "**Example**:" title line to the closing fence
        ("example", 71, 74),
        ("html", 76, 76),
        ("list_item", 78, 78),
        ("blockquote", 78, 78),
    ]


def test_section_spans_run_to_the_line_before_the_next_heading():
    text = fixture_text("headings.md")
    spec = parse_fixture("headings.md")
    last = len(text.rstrip("\n").split("\n"))
    spans = {s.id: s.span.as_list() for s in spec.sections}
    assert spans["start"] == [1, 4]
    assert spans["setext-title"] == [5, 9]  # a setext heading starts at its text line
    assert spans["second-level-setext"] == [10, 12]
    assert spans["closed-atx-heading"] == [13, 25]
    assert spans["appendix"] == [last, last]
    assert spec.line_count == last
    # Sections tile the document: each one starts right after the one before ends.
    ordered = [s.span for s in spec.sections[1:]]
    for before, after in itertools.pairwise(ordered):
        assert after.start == before.end + 1


def test_root_section_span():
    assert parse_spec("# Heading first\n").root.span.as_list() == [1, 1]
    spec = parse_spec("Preamble line one.\nline two.\n\n# Heading\n")
    assert spec.root.span.as_list() == [1, 3]
    assert spec.clauses[0].span.as_list() == [1, 2]


def test_reference_lines_inside_a_multi_line_clause():
    spec = parse_fixture("references.md")
    clause = next(c for c in spec.clauses if "missing anchor" in c.text)
    assert clause.span.as_list() == [17, 18]
    assert [(r.target, r.line) for r in clause.references] == [("nowhere", 17), ("zz9", 18)]


def test_spans_are_the_same_with_crlf_and_a_byte_order_mark():
    text = fixture_text("clauses.md")
    plain = parse_spec(text)
    windows = parse_spec("\ufeff" + text.replace("\n", "\r\n"))
    assert [c.span for c in windows.clauses] == [c.span for c in plain.clauses]
    assert [c.text for c in windows.clauses] == [c.text for c in plain.clauses]
    assert [s.span for s in windows.sections] == [s.span for s in plain.sections]


def test_spans_with_no_final_newline():
    spec = parse_spec("# A\n\nlast line")
    assert spec.line_count == 3
    assert spec.clauses[0].span.as_list() == [3, 3]
    assert spec.sections[1].span.as_list() == [1, 3]
