"""Clause kinds: paragraphs, list items, table rows, quotes, admonitions, code, examples."""

from __future__ import annotations

import pytest
from parseutil import clause_with, parse_fixture

from specdiff.model.document import ClauseKind, Verdict
from specdiff.parse import parse_spec

CLAUSES = "clauses.md"


@pytest.fixture(scope="module")
def spec():
    return parse_fixture(CLAUSES)


def test_every_clause_kind_is_read(spec):
    kinds = [c.kind for c in spec.clauses]
    assert kinds == [
        ClauseKind.PARAGRAPH,
        *[ClauseKind.LIST_ITEM] * 5,
        ClauseKind.PARAGRAPH,
        *[ClauseKind.LIST_ITEM] * 7,
        ClauseKind.TABLE_ROW,
        ClauseKind.TABLE_ROW,
        ClauseKind.BLOCKQUOTE,
        ClauseKind.ADMONITION,
        ClauseKind.PARAGRAPH,
        ClauseKind.CODE,
        ClauseKind.CODE,
        ClauseKind.EXAMPLE,
        ClauseKind.EXAMPLE,
        ClauseKind.HTML,
        ClauseKind.LIST_ITEM,
        ClauseKind.BLOCKQUOTE,
    ]
    assert [c.index for c in spec.clauses] == list(range(len(spec.clauses)))
    assert all(c.section == "kettle" for c in spec.clauses)
    assert spec.section("kettle").clauses == tuple(range(len(spec.clauses)))
    assert spec.section("trailing-section").clauses == ()


def test_paragraph_text_is_whitespace_folded_markdown(spec):
    paragraph = spec.clauses[0]
    assert paragraph.text == "The kettle reports its temperature. It must not boil dry."
    assert paragraph.parent is None
    assert paragraph.depth == 0


def test_list_items_are_clauses_of_their_own_with_nesting(spec):
    fill, choose, green, black, pour = spec.clauses[1:6]
    assert [c.text for c in (fill, choose, pour)] == [
        "Fill the kettle before switching it on.",
        "Choose a temperature:",  # only the item's own text, not its children's
        "Pour.",
    ]
    assert [c.number for c in (fill, choose, pour)] == [1, 2, 3]
    assert [c.depth for c in (fill, choose, pour)] == [1, 1, 1]
    assert fill.parent is None
    assert green.text == "green tea at 80 degrees,"
    assert black.text == "black tea at 100 degrees. A second paragraph of the black tea item."
    assert (green.parent, black.parent) == (choose.index, choose.index)
    assert (green.depth, black.depth) == (2, 2)
    assert (green.number, black.number) == (None, None)


def test_ordered_list_numbering(spec):
    separate = [c for c in spec.clauses if c.text in ("Seventh step.", "Eighth step.")]
    assert [c.number for c in separate] == [7, 8]
    lazy = [
        clause_with(spec, "Lazily numbered."),
        clause_with(spec, "Still the second."),
        clause_with(spec, "And the third."),
    ]
    assert [c.number for c in lazy] == [1, 2, 3]  # written "1." each time, rendered 1, 2, 3
    loose = [clause_with(spec, "Loose bullet one."), clause_with(spec, "Loose bullet two.")]
    assert [c.number for c in loose] == [None, None]


def test_lists_may_start_at_zero():
    spec = parse_spec("0. zero\n1. one\n")
    assert [c.number for c in spec.clauses] == [0, 1]


def test_table_rows_carry_their_header(spec):
    volume, colour = (c for c in spec.clauses if c.kind is ClauseKind.TABLE_ROW)
    assert volume.header == ("Field", "Type", "Description")
    assert colour.header == volume.header
    assert volume.text == (
        '<a name="kettleVolume"></a>volume | `integer` | **REQUIRED**. Litres of water.'
    )
    assert colour.text == "colour | `string` | Optional paint colour."
    assert volume.anchors == ("kettleVolume",)
    assert "kettleVolume" in spec.anchors


def test_block_quote_is_one_clause_without_its_markers(spec):
    quote = clause_with(spec, "A quoted warning")
    assert quote.kind is ClauseKind.BLOCKQUOTE
    assert quote.text == (
        "A quoted warning: the handle gets hot. Hold it by the grip. Second quoted paragraph."
    )


def test_block_quote_opening_a_list_item_drops_the_list_marker(spec):
    item, quote = spec.clauses[-2:]
    assert item.kind is ClauseKind.LIST_ITEM
    assert item.text == ""
    assert quote.kind is ClauseKind.BLOCKQUOTE
    assert quote.text == "A quote that opens a list item."
    assert quote.parent == item.index
    assert quote.depth == 1


def test_admonition_keeps_kind_title_and_body(spec):
    admonition = clause_with(spec, "whistle")
    assert admonition.kind is ClauseKind.ADMONITION
    assert admonition.info == 'meta "Commentary"'
    assert admonition.text == (
        "Commentary Commentary on why the kettle has a whistle. A second commentary paragraph."
    )


def test_code_blocks_keep_their_lines_and_info(spec):
    fenced, indented = (c for c in spec.clauses if c.kind is ClauseKind.CODE)
    assert fenced.info == "python"
    assert fenced.text == "def boil(kettle):\n    return kettle.heat(100)"
    assert indented.info == ""
    assert indented.text == "indented code line one\nindented code line two"
    assert fenced.statements == ()
    assert fenced.references == ()


def test_example_with_title_roles_verdicts_and_reasons(spec):
    titled, untitled = (c for c in spec.clauses if c.kind is ClauseKind.EXAMPLE)
    example = titled.example
    assert example is not None
    assert example.title == "asking for tea"
    assert [(m.role, m.text) for m in example.messages] == [
        ("developer", "Only talk about tea."),
        ("user", "Can I have some tea?"),
        ("assistant", "Here is your tea."),
        ("assistant", "Coffee is better."),
        ("assistant", "Lower-case label, one line."),
    ]
    assert [(m.verdict, m.reason) for m in example.answers] == [
        (Verdict.GOOD, "answers the question"),
        (Verdict.BAD, "ignores the user"),
        (Verdict.GOOD, ""),
    ]
    assert titled.info == "xml"
    assert titled.text.startswith("**Example**: asking for tea <developer>")

    assert untitled.example is not None
    assert untitled.example.title == ""
    assert [(m.role, m.verdict, m.reason) for m in untitled.example.messages] == [
        ("user", None, ""),
        ("assistant", Verdict.BAD, "no reason needed?"),
    ]


def test_example_title_paragraph_is_absorbed(spec):
    assert not any(
        c.kind is ClauseKind.PARAGRAPH and c.text.startswith("**Example**") for c in spec.clauses
    )


@pytest.mark.parametrize(
    "marker",
    ["**Example**:", "**Example:**", "__Example__:", "Example:", "**Worked example 2**:"],
)
def test_example_title_markers(marker):
    spec = parse_spec(f"{marker} a title\n\n```\n<user>hi</user>\n```\n")
    (clause,) = spec.clauses
    assert clause.kind is ClauseKind.EXAMPLE
    assert clause.example is not None
    assert clause.example.title == "a title"
    assert clause.span.start == 1


def test_paragraph_that_is_not_a_title_stays_a_clause():
    spec = parse_spec("For example, this is prose.\n\n```\n<user>hi</user>\n```\n")
    assert [c.kind for c in spec.clauses] == [ClauseKind.PARAGRAPH, ClauseKind.EXAMPLE]
    assert spec.clauses[1].example is not None
    assert spec.clauses[1].example.title == ""


def test_fence_without_a_conversation_is_code():
    spec = parse_spec("```xml\n<username>ada</username>\n<users/>\n```\n")
    (clause,) = spec.clauses
    assert clause.kind is ClauseKind.CODE
    assert clause.example is None


def test_html_block_is_a_clause(spec):
    html = clause_with(spec, "An HTML block.")
    assert html.kind is ClauseKind.HTML
    assert html.text == '<div class="note">An HTML block.</div>'


def test_yaml_front_matter_is_data_not_clauses():
    spec = parse_fixture("front_matter.md")
    assert spec.front_matter == (
        ("title", "Kettle service"),
        ("authors", "- Ada - Grace"),
        ("version", "2.1.0"),
    )
    assert [c.text for c in spec.clauses] == ["The first clause of the body."]
    # "version: 2.1.0" above the closing "---" must not become a setext heading.
    assert [s.title for s in spec.sections[1:]] == ["Kettle service", "A setext heading later on"]
    assert spec.root.span.as_list() == [1, 8]


def test_opening_thematic_break_is_not_front_matter():
    spec = parse_spec("---\n\n# Title\n\nThe text stays.\n\n---\n\nMore.\n")
    assert spec.front_matter == ()
    assert [s.title for s in spec.sections[1:]] == ["Title"]
    assert [c.text for c in spec.clauses] == ["The text stays.", "More."]


def test_unclosed_front_matter_is_markdown():
    spec = parse_spec("---\ntitle: x\n\nBody.\n")
    assert spec.front_matter == ()
    assert [c.text for c in spec.clauses] == ["title: x", "Body."]


def test_text_before_the_first_heading_belongs_to_the_root():
    spec = parse_spec("Preamble.\n\n# First\n\nBody.\n")
    assert spec.clauses[0].section == ""
    assert spec.root.clauses == (0,)
    assert spec.clauses[1].section == "first"


def test_deep_lists_are_cut_off_with_a_warning():
    from specdiff.model.document import WarningCode
    from specdiff.parse import MAX_LIST_DEPTH

    spec = parse_spec("- " * (MAX_LIST_DEPTH + 10) + "deep\n")
    assert max(c.depth for c in spec.clauses) == MAX_LIST_DEPTH
    assert [w.code for w in spec.warnings] == [WarningCode.NESTING_TOO_DEEP]
    assert spec.clauses[-1].text.endswith("deep")
