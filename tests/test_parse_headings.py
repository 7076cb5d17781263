"""Headings: attribute blocks, ATX and setext, fenced code, section ids and the tree."""

from __future__ import annotations

import pytest
from parseutil import fixture_text, line_of, parse_fixture

from specdiff.model.document import IdSource, WarningCode
from specdiff.parse import parse_spec
from specdiff.parse._attrs import split_heading

HEADINGS = "headings.md"


@pytest.fixture(scope="module")
def spec():
    return parse_fixture(HEADINGS)


def test_attribute_block_gives_id_attributes_and_classes(spec):
    section = spec.section("start")
    assert section.title == "Getting started"
    assert section.level == 1
    assert section.id_source is IdSource.EXPLICIT
    assert section.attributes == (("authority", "root"), ("audience", "all users"))
    assert section.attribute("audience") == "all users"
    assert section.attribute("missing") is None
    assert section.attribute_map == {"authority": "root", "audience": "all users"}
    assert section.classes == ("intro", "draft")


def test_single_quoted_values_and_bare_numbers(spec):
    section = spec.section("quoted")
    assert section.title == "Quoted single"
    assert section.attributes == (("note", "one two"), ("level", "3"))


def test_pandoc_unnumbered_shorthand_is_a_class_not_part_of_the_title(spec):
    section = spec.section("appendix")
    assert section.title == "Appendix"
    assert section.classes == ("unnumbered",)
    assert section.id_source is IdSource.SLUG


@pytest.mark.parametrize(
    ("content", "title", "block_id", "attributes", "classes"),
    [
        ("Plain title", "Plain title", None, (), ()),
        ("Title {#x}", "Title", "x", (), ()),
        ("Title {.only-class}", "Title", None, (), ("only-class",)),
        ("Title {k=v}", "Title", None, (("k", "v"),), ()),
        ('Title { #x  k="a b"   .c }', "Title", "x", (("k", "a b"),), ("c",)),
        ("Title {- #x}", "Title", "x", (), ("unnumbered",)),
        # Braces that are not an attribute block stay in the title.
        ("Sets {a, b}", "Sets {a, b}", None, (), ()),
        ("Map {}", "Map {}", None, (), ()),
    ],
)
def test_split_heading(content, title, block_id, attributes, classes):
    heading = split_heading(content)
    assert heading.error is None
    assert heading.title == title
    if block_id is None and not attributes and not classes:
        assert heading.block is None or heading.block.id is None
    else:
        assert heading.block is not None
        assert heading.block.id == block_id
        assert heading.block.attributes == attributes
        assert heading.block.classes == classes


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("Broken {#broken key=}", "key="),
        ("Two ids {#a #b}", "two ids"),
        ("Unclosed {#open key=value", "unclosed"),
        ('Bad quote {#q k="no end}', "cannot read"),
    ],
)
def test_malformed_attribute_blocks_are_errors_and_stay_out_of_the_title(content, fragment):
    heading = split_heading(content)
    assert heading.block is None
    assert heading.error is not None
    assert fragment in heading.error
    assert "{" not in heading.title


def test_malformed_blocks_warn_with_their_line_and_fall_back_to_the_slug(spec):
    text = fixture_text(HEADINGS)
    malformed = [w for w in spec.warnings if w.code is WarningCode.MALFORMED_ATTRIBUTES]
    assert [w.line for w in malformed] == [
        line_of(text, "## Broken block"),
        line_of(text, "## Unclosed block"),
    ]
    assert "key=" in malformed[0].message
    assert "unclosed" in malformed[1].message
    broken = spec.section("broken-block")
    assert (broken.title, broken.id_source, broken.attributes) == (
        "Broken block",
        IdSource.SLUG,
        (),
    )
    assert spec.section("unclosed-block").title == "Unclosed block"


def test_atx_and_setext_headings(spec):
    text = fixture_text(HEADINGS)
    setext1 = spec.section("setext-title")
    setext2 = spec.section("second-level-setext")
    closed = spec.section("closed-atx-heading")
    assert (setext1.level, setext1.title, setext1.span.start) == (
        1,
        "Setext title",
        line_of(text, "Setext title"),
    )
    assert (setext2.level, setext2.parent) == (2, "setext-title")
    assert closed.title == "Closed ATX heading"  # the closing "##" is not part of the title
    assert closed.level == 2


def test_multi_line_setext_title_is_folded():
    spec = parse_spec("A title that\nspans two lines\n===\n")
    assert spec.sections[1].title == "A title that spans two lines"
    assert spec.sections[1].id == "a-title-that-spans-two-lines"
    assert spec.sections[1].span.as_list() == [1, 3]


def test_hash_lines_inside_code_are_not_headings(spec):
    titles = [s.title for s in spec.sections]
    assert not any("Not a heading" in t or "Nor this" in t or "Nor inside" in t for t in titles)
    assert spec.get_section("fake-id") is None
    codes = [c for c in spec.clauses if c.kind == "code"]
    assert [c.info for c in codes] == ["md", "text", ""]
    assert codes[0].text == "# Not a heading inside a tilde fence\n## Nor this {#fake-id}"
    assert codes[2].text == "# Nor inside an indented code block"


def test_html_anchor_in_the_heading_gives_the_id(spec):
    section = spec.section("html-id")
    assert section.id_source is IdSource.HTML
    assert section.title == "Anchored in the heading"


def test_html_anchor_just_before_the_heading_gives_the_id(spec):
    before = spec.section("before-id")
    gap = spec.section("gap-id")
    assert (before.id_source, before.title) == (IdSource.HTML, "Anchored on the line before")
    assert (gap.id_source, gap.title) == (IdSource.HTML, "Anchored with a blank line between")
    # The anchor line belongs to its heading: it is no clause of the section before it.
    assert spec.section("html-id").clauses == ()
    assert spec.section("before-id").clauses == ()
    assert not any("<a " in c.text for c in spec.clauses)
    assert {"html-id", "before-id", "gap-id"} <= spec.anchors


def test_anchor_too_far_before_the_heading_is_not_its_id():
    spec = parse_spec('<a name="far"></a>\n\nA paragraph.\n\n# Heading\n')
    assert spec.sections[1].id == "heading"
    assert spec.sections[1].id_source is IdSource.SLUG
    assert "far" in spec.anchors  # still a link target, defined by its own clause


def test_self_closing_anchor_before_the_heading():
    # Alone on its line, <a .../> opens an HTML block that runs to the next blank line.
    spec = parse_spec("<a name='oldStyle'/>\n\n# Old style\n")
    assert spec.sections[1].id == "oldStyle"
    assert spec.sections[1].title == "Old style"


def test_explicit_block_wins_over_an_html_anchor(spec):
    section = spec.section("explicit-wins")
    assert section.id_source is IdSource.EXPLICIT
    assert section.title == "Explicit wins"
    assert spec.get_section("ignored-id") is None


def test_slug_ids_follow_github():
    spec = parse_spec(
        "# Title with `code` and [a link](#x)!\n"
        "# Don’t stop: 3.1 *emphasis*\n"
        "# Ünïcode Wörds\n"
        "# ???\n"
    )
    assert [s.id for s in spec.sections[1:]] == [
        "title-with-code-and-a-link",
        "dont-stop-31-emphasis",
        "ünïcode-wörds",
        "section",
    ]
    assert all(s.id_source is IdSource.SLUG for s in spec.sections[1:])


def test_repeated_titles_are_made_unique_without_a_warning(spec):
    repeated = [s for s in spec.sections if s.title == "Repeated title"]
    assert [s.id for s in repeated] == ["repeated-title", "repeated-title-1"]
    assert not any("repeated-title" in w.message for w in spec.warnings)


def test_duplicate_explicit_ids_are_made_unique_and_warned(spec):
    text = fixture_text(HEADINGS)
    twice = spec.section("start-1")
    assert twice.title == "Twice"
    assert twice.id_source is IdSource.EXPLICIT
    duplicates = [w for w in spec.warnings if w.code is WarningCode.DUPLICATE_ID]
    assert len(duplicates) == 1
    assert duplicates[0].line == line_of(text, "## Twice")
    assert "'start'" in duplicates[0].message
    assert "'start-1'" in duplicates[0].message


def test_generated_suffix_never_collides():
    spec = parse_spec("# A\n# A\n# A {#a-1}\n# A\n")
    ids = [s.id for s in spec.sections[1:]]
    assert len(set(ids)) == 4
    assert ids[:2] == ["a", "a-1"]
    assert [w.code for w in spec.warnings] == [WarningCode.DUPLICATE_ID]


def test_section_tree(spec):
    assert spec.root.id == ""
    assert spec.root.level == 0
    assert spec.root.parent is None
    assert spec.root.id_source is IdSource.ROOT
    assert spec.root.children == ("start", "setext-title")
    assert spec.section("start").parent == ""
    assert spec.section("setext-title").children[:3] == (
        "second-level-setext",
        "closed-atx-heading",
        "html-id",
    )
    # A skipped level nests under the nearest shallower heading.
    assert spec.section("skipped-a-level").parent == "quoted"
    assert spec.section("skipped-a-level").level == 4
    assert [s.id for s in spec.path("skipped-a-level")] == [
        "setext-title",
        "quoted",
        "skipped-a-level",
    ]
    assert [s.id for s in spec.subtree("explicit-wins")] == [
        "explicit-wins",
        "repeated-title",
        "repeated-title-1",
    ]
    ids = [s.id for s in spec.sections]
    assert len(ids) == len(set(ids))


def test_headings_inside_list_items_and_quotes_are_not_sections():
    spec = parse_spec("- # In a list\n\n> # In a quote\n\n# Real\n")
    assert [s.title for s in spec.sections[1:]] == ["Real"]
    item, quote = spec.clauses
    assert item.kind == "list_item"
    assert item.text == "In a list"
    assert quote.kind == "blockquote"
    assert quote.text == "# In a quote"
