"""Specs made of many files: fixtures in ``tests/fixtures/multi``, each in both directions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from contract import problems, schema_errors

from specdiff.compare import compare_specs
from specdiff.model.vocabulary import Level
from specdiff.parse import parse_spec
from specdiff.parse.documents import combined_text, parse_documents
from specdiff.render.json import render_json
from specdiff.render.markdown import render_markdown
from specdiff.render.text import render_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from specdiff.model.changes import Report
    from specdiff.model.document import Spec

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "multi"


def load(folder: Path) -> Spec:
    files = sorted(
        (p.relative_to(folder).as_posix(), p.read_text(encoding="utf-8"))
        for p in folder.rglob("*")
        if p.is_file()
    )
    return parse_documents(files, parse_spec)


def compare(case: str, *, backwards: bool = False) -> Report:
    before, after = load(FIXTURES / case / "before"), load(FIXTURES / case / "after")
    return compare_specs(after, before) if backwards else compare_specs(before, after)


def checked_json(report: Report) -> dict[str, object]:
    data = json.loads(render_json(report))
    assert problems(data) == []
    assert schema_errors(data) == []
    return data


def test_a_section_moved_to_another_file_is_one_move() -> None:
    report = compare("moved_section")
    assert report.counts == {"section.moved": 1}
    (move,) = report.changes
    assert (move.old_section, move.section) == ("retention", "retention")
    assert (move.old_document, move.document) == ("data.md", "privacy.md")
    assert "moved.across_documents" in move.tags
    assert move.new is not None and move.new.lines == (7, 7)  # the heading, in privacy.md
    assert "privacy.md" in move.reason
    checked_json(report)


def test_a_section_moved_back_is_the_same_move_reversed() -> None:
    report = compare("moved_section", backwards=True)
    assert report.counts == {"section.moved": 1}
    (move,) = report.changes
    assert (move.old_document, move.document) == ("privacy.md", "data.md")


@pytest.mark.parametrize("backwards", [False, True])
def test_a_section_moved_between_included_files_stays_on_the_one_page(backwards: bool) -> None:
    # handbook.md includes both chapters, so readers see one document: the section keeps
    # its anchor there and only its parent changed, a move within the document.
    report = compare("moved_included_section", backwards=backwards)
    assert report.counts == {"section.moved": 1}
    (move,) = report.changes
    assert (move.old_section, move.section) == ("retention", "retention")
    files = ("data.md", "privacy.md")
    assert (move.old_document, move.document) == (files[::-1] if backwards else files)
    assert "moved.across_documents" not in move.tags
    assert move.severity is Level.PATCH
    checked_json(report)


def test_a_renamed_file_is_one_document_change_and_its_links_break() -> None:
    report = compare("renamed_file")
    data = checked_json(report)
    assert report.counts == {"clause.modified": 1, "document.renamed": 1}
    renamed = next(c for c in report.changes if c.kind_name == "document.renamed")
    assert (renamed.old_document, renamed.document) == ("overview.md", "introduction.md")
    assert renamed.severity is Level.MAJOR
    link = next(c for c in report.changes if c.kind_name == "clause.modified")
    assert link.tags == ("reference.broken",)
    assert link.document == link.old_document == "rules.md"
    assert link.new is not None and link.new.lines == (5, 5)
    documents = {(c["old_document"], c["document"]) for c in data["changes"]}  # type: ignore[index]
    assert ("overview.md", "introduction.md") in documents


def test_a_file_renamed_back_is_a_rename_and_the_link_works_again() -> None:
    report = compare("renamed_file", backwards=True)
    assert report.counts == {"document.renamed": 1}
    (renamed,) = report.changes
    assert (renamed.old_document, renamed.document) == ("introduction.md", "overview.md")


def test_a_file_split_in_two_says_where_the_new_file_came_from() -> None:
    report = compare("split_file")
    checked_json(report)
    added = next(c for c in report.changes if c.scope == "document")
    assert added.kind == "added" and added.tags == ("document.split",)
    assert (added.old_document, added.document) == ("rules.md", "logging.md")
    moved = next(c for c in report.changes if c.kind_name == "section.moved")
    assert (moved.old_document, moved.document) == ("rules.md", "logging.md")
    assert not [c for c in report.changes if c.scope == "clause"]


def test_two_files_merged_into_one_say_where_the_text_went() -> None:
    report = compare("split_file", backwards=True)
    checked_json(report)
    removed = next(c for c in report.changes if c.scope == "document")
    assert removed.kind == "removed" and removed.tags == ("document.merged",)
    assert (removed.old_document, removed.document) == ("logging.md", "rules.md")
    assert removed.severity is Level.MAJOR
    assert not [c for c in report.changes if c.scope == "clause"]


@pytest.mark.parametrize("backwards", [False, True])
def test_the_markdown_inside_an_mdx_component_is_read(backwards: bool) -> None:
    report = compare("mdx", backwards=backwards)
    assert report.counts == {"clause.modified": 1}
    (change,) = report.changes
    expected = "normative.weakened" if backwards else "normative.strengthened"
    assert change.tags == (expected,)
    assert change.document == change.old_document == "guide.mdx"
    assert change.new is not None and change.new.lines == (10, 10)


def test_an_mdx_file_keeps_only_its_markdown() -> None:
    spec = load(FIXTURES / "mdx" / "before")
    texts = [c.text for c in spec.clauses]
    assert texts == [
        "Callers should retry failed requests.",
        "Note",
        "Retries should use exponential backoff.",
        'Tabs items={["curl", "python"]}',
        "Tab",
        "Send the header `X-Retry: 1`.",
    ]
    assert spec.documents[0].title == "Usage guide"


@pytest.mark.parametrize("case", ["moved_section", "renamed_file", "split_file", "mdx"])
def test_a_version_compared_with_itself_has_no_changes(case: str) -> None:
    spec = load(FIXTURES / case / "after")
    report = compare_specs(spec, spec)
    assert report.changes == ()


def test_one_file_set_reads_as_the_files_laid_end_to_end() -> None:
    folder = FIXTURES / "moved_section" / "after"
    spec = load(folder)
    text = combined_text(spec, {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()})
    lines = text.split("\n")
    for clause in spec.clauses:
        assert clause.text.split()[0] in lines[clause.span.start - 1]
    assert [d.path for d in spec.documents] == ["data.md", "privacy.md"]


def test_include_headings_set_order_and_nesting() -> None:
    root = "# Spec\n\nIntro.\n\n# [Second](b%20file.md)\n\n# [First](a.md)\n"
    spec = parse_documents(
        [
            ("a.md", "# First\n\nA must hold.\n"),
            ("b file.md", "# Second\n\nB must hold.\n"),
            ("index.md", root),
        ],
        parse_spec,
    )
    assert [d.path for d in spec.documents] == ["index.md", "b file.md", "a.md"]
    assert [s.title for s in spec.sections if s.level] == ["Spec", "Second", "First"]
    assert all(s.parent == "" for s in spec.sections if s.level)
    nested = parse_documents(
        [("a.md", "# A\n\nText.\n"), ("index.md", "# Parts\n\n## [A](a.md)\n")], parse_spec
    )
    a = next(s for s in nested.sections if s.title == "A")
    assert (a.parent, a.level) == ("parts", 2)


def test_front_matter_toc_and_comment_metadata_are_not_content() -> None:
    text = (
        "<!--\ntitle: Limits\nowner: api-team\n-->\n"
        "## Table of contents\n\n- [Size](#size)\n- [Rate](#rate)\n\n"
        "## Size\n\nBodies must be under 1 MB.\n\n"
        "<!-- toc -->\n- [x](#x)\n<!-- tocstop -->\n\n"
        "## Rate\n\nClients should send at most 10 requests a second.\n"
    )
    spec = parse_documents([("limits.md", text)], parse_spec)
    assert [s.title for s in spec.sections if s.level] == ["Size", "Rate"]
    assert [c.text for c in spec.clauses] == [
        "Bodies must be under 1 MB.",
        "Clients should send at most 10 requests a second.",
    ]
    assert spec.documents[0].title == "Limits"


def test_ids_that_clash_between_files_stay_as_written_in_reports() -> None:
    before = parse_documents(
        [("a.md", "# A\n\n## Notes\n\nOne.\n"), ("b.md", "# B\n\n## Notes\n\nTwo.\n")], parse_spec
    )
    after = parse_documents(
        [("a.md", "# A\n\n## Notes\n\nOne.\n"), ("b.md", "# B\n\n## Notes\n\nTwo, must.\n")],
        parse_spec,
    )
    assert {s.id for s in after.sections} >= {"notes", "b.md#notes"}
    (change,) = compare_specs(before, after).changes
    assert (change.section, change.document) == ("notes", "b.md")


def test_renderers_group_by_document() -> None:
    report = compare("renamed_file")
    text = render_text(report)
    assert text.index("▤ introduction.md") < text.index("▤ rules.md")
    assert "overview.md → introduction.md" in text
    markdown = render_markdown(report)
    assert markdown.index("`introduction.md`") < markdown.index("`rules.md`")


def test_check_resolves_links_between_files(tmp_path: Path, cli: Callable[..., Any]) -> None:
    spec = tmp_path / "spec"
    spec.mkdir()
    (spec / "a.md").write_text(
        "# A\n\nSee [b](b.md#present), [gone](b.md#missing) and [c](c.md).\n", encoding="utf-8"
    )
    (spec / "b.md").write_text("# B\n\n## Present\n\nText.\n", encoding="utf-8")
    result = cli("check", spec)
    assert result.code == 1
    assert result.out.splitlines()[:-1] == [
        f"{spec / 'a.md'}:3: error: link to b.md#missing: b.md has no heading or anchor "
        "#missing [broken-anchor]",
        f"{spec / 'a.md'}:3: error: link to c.md: the spec has no file c.md [broken-anchor]",
    ]
    (spec / "a.md").write_text("# A\n\nSee [b](b.md#present) and [b](b.md).\n", encoding="utf-8")
    assert cli("check", spec).code == 0


def test_the_release_summary_names_the_files() -> None:
    from specdiff.render.summary import summarize

    renamed = summarize(compare("renamed_file"))
    assert renamed.notable == (
        "File renamed, so links to the old name break: `overview.md` → `introduction.md`.",
    )
    assert renamed.counts.endswith("1 clause modified; 1 change to a file.")
    split = summarize(compare("split_file"))
    assert split.notable == (
        "New file `logging.md`, split off `rules.md`.",
        "“Logging” moved from `rules.md` to `logging.md`.",
    )
    merged = summarize(compare("split_file", backwards=True))
    assert "Removed file `logging.md`; its text went into `rules.md`." in merged.notable
