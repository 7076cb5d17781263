"""Include headings: the included file is read where its heading stands, and the text
after the heading comes after it, as a reader of the assembled spec meets it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.documents import combined_text, parse_documents

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from specdiff.model.document import Spec

ROOT = (
    "# Spec\n"  # 1
    "\n"
    "Intro.\n"  # 3
    "\n"
    "# [A](a.md)\n"  # 5
    "\n"
    "After A, readers must read this.\n"  # 7
    "\n"
    "## Notes\n"  # 9
    "\n"
    "Notes text.\n"  # 11
    "\n"
    "# [B](b.md)\n"  # 13
)
A = "# A\n\nA must hold.\n\n## A.1\n\nDeep text.\n"
B = "# B\n\nB text.\n"


def files(root: str = ROOT) -> dict[str, str]:
    return {"index.md": root, "a.md": A, "b.md": B}


def read(texts: dict[str, str]) -> Spec:
    return parse_documents(sorted(texts.items()), parse_spec)


def test_text_after_an_include_heading_comes_after_the_included_file() -> None:
    spec = read(files())
    assert [c.text.split(",")[0] for c in spec.clauses] == [
        "Intro.",
        "A must hold.",
        "Deep text.",
        "After A",
        "Notes text.",
        "B text.",
    ]
    # The reader meets "After A" under A.1 and "Notes" as a part of A.
    assert [(s.title, s.parent, s.level) for s in spec.sections if s.level] == [
        ("Spec", "", 1),
        ("A", "", 1),
        ("A.1", "a", 2),
        ("Notes", "a", 2),
        ("B", "", 1),
    ]
    assert spec.clauses[3].section == "a1"
    assert spec.section("a1").clauses == (2, 3)
    assert spec.section("a").children == ("a1", "notes")


def test_lines_are_numbered_in_reading_order_and_map_back_to_each_file() -> None:
    texts = files()
    spec = read(texts)
    lines = combined_text(spec, texts).split("\n")
    for clause in spec.clauses:
        assert clause.text.split()[0] in lines[clause.span.start - 1]
    assert [c.span.start for c in spec.clauses] == sorted(c.span.start for c in spec.clauses)
    index = next(d for d in spec.documents if d.path == "index.md")
    after = spec.clauses[3]
    assert spec.document_at(after.span.start) is index
    assert index.local(after.span.start) == 7
    assert [d.path for d in spec.documents] == ["index.md", "a.md", "b.md"]
    assert sum(count for _, _, count in index.pieces) == index.line_count == 13
    # A.1 runs on over the text the reader meets under it (for `show a1`).
    a1 = spec.section("a1")
    assert "After A" in "\n".join(lines[a1.span.start - 1 : a1.span.end])
    assert "## Notes" not in "\n".join(lines[a1.span.start - 1 : a1.span.end])


def test_an_edit_after_an_include_heading_is_reported_in_its_own_file() -> None:
    old = read(files())
    new = read(files(ROOT.replace("readers must read", "readers should read")))
    for before, after, tag in (
        (old, new, "normative.weakened"),
        (new, old, "normative.strengthened"),
    ):
        (change,) = compare_specs(before, after).changes
        assert change.tags == (tag,)
        assert change.document == change.old_document == "index.md"
        assert change.section == "a1"
        assert change.new is not None and change.new.lines == (7, 7)


def test_a_version_with_text_after_includes_compared_with_itself_is_empty() -> None:
    spec = read(files())
    assert compare_specs(spec, spec).changes == ()


def test_a_file_without_text_after_its_includes_is_laid_whole() -> None:
    spec = read(files("# Spec\n\nIntro.\n\n# [A](a.md)\n\n# [B](b.md)\n\n"))
    index = next(d for d in spec.documents if d.path == "index.md")
    assert index.pieces == ()
    assert [d.path for d in spec.documents] == ["index.md", "a.md", "b.md"]
    assert [(d.offset, d.line_count) for d in spec.documents] == [(0, 8), (8, 7), (15, 3)]


def test_check_reports_a_broken_link_after_an_include_at_its_own_line(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    for name, text in files(ROOT.replace("this.", "[this](a.md#missing).")).items():
        (folder / name).write_text(text, encoding="utf-8")
    result = cli("check", folder)
    assert result.code == 1
    assert result.out.splitlines()[0].startswith(
        f"{folder / 'index.md'}:7: error: link to a.md#missing"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---\ntitle: Limits\n---\n## Size\n\nText.\n", "Limits"),  # no `#` heading
        ("<!-- title: 'Limits' -->\n## Size\n\nText.\n", "Limits"),
        ("---\ntitle: Limits\n---\n# Size limits\n\nText.\n", "Size limits"),  # `#` names it
        ("## Size\n\nText.\n", "Size"),
        ("Text only.\n", "limits"),
    ],
)
def test_a_documents_name(text: str, title: str) -> None:
    (document,) = read({"limits.md": text}).documents
    assert document.title == title


def test_doctoc_tables_of_contents_and_comment_front_matter_are_not_content() -> None:
    text = (
        "<!--\n"
        "title: Limits\n"
        "-->\n"
        "<!-- START doctoc generated TOC please keep comment here to allow auto update -->\n"
        "**Table of Contents**\n"
        "\n"
        "- [Size](#size)\n"
        "<!-- END doctoc generated TOC please keep comment here to allow auto update -->\n"
        "\n"
        "## Size\n"
        "\n"
        "Bodies must be under 1 MB.\n"
    )
    spec = read({"limits.md": text})
    assert [c.text for c in spec.clauses] == ["Bodies must be under 1 MB."]
    assert spec.front_matter == ()
    assert spec.documents[0].title == "Limits"


ROOT_LINE = st.sampled_from(
    [
        "",
        "# Spec",
        "## Part",
        "Root text must hold.",
        "- root item",
        "  continued item",
        "# [A](a.md)",
        "## [B](b.md)",
        "### [Missing](missing.md)",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROOT_LINE, max_size=20))
# Sibling headings sharing a title, one holding the other's item twice: compare(A, A)
# once paired them crosswise and reported the sections reidentified.
@example(["# Spec", "- root item", "# Spec", "- root item", "- root item"])
def test_any_root_with_includes_maps_every_clause_back_to_its_file(lines: list[str]) -> None:
    texts = {"index.md": "".join(line + "\n" for line in lines), "a.md": A, "b.md": B}
    spec = read(texts)
    starts = [c.span.start for c in spec.clauses]
    assert starts == sorted(starts)
    combined = combined_text(spec, texts).split("\n")
    assert len(combined) - 1 == spec.line_count == sum(d.line_count for d in spec.documents)
    for clause in spec.clauses:
        document = spec.document_at(clause.span.start)
        assert document is not None
        own = texts[document.path].split("\n")
        first, last = document.local_span(clause.span.start, clause.span.end)
        assert own[first - 1] == combined[clause.span.start - 1]
        assert last - first == clause.span.end - clause.span.start
    held = sorted(i for s in spec.sections for i in s.clauses)
    assert held == list(range(len(spec.clauses)))
    for clause in spec.clauses:  # a section's span holds its clauses
        span = spec.section(clause.section).span
        assert span.start <= clause.span.start <= clause.span.end <= span.end
    assert compare_specs(spec, spec).changes == ()


def test_outline_gives_each_file_its_own_lines_around_an_include(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    root = ROOT.replace("## Notes\n", "## Notes {#spec}\n")  # a clashing id: a warning
    for name, text in files(root).items():
        (folder / name).write_text(text, encoding="utf-8")
    result = cli("outline", folder, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    lines = {(s["document"], s["title"]): s["lines"] for s in data["sections"]}
    assert lines[("index.md", "Spec")] == [1, 5]
    assert lines[("index.md", "Notes")] == [9, 13]
    assert lines[("a.md", "A.1")] == [5, 7]  # its piece of a.md; "After A" is index.md's
    assert [(w["document"], w["line"]) for w in data["warnings"]] == [("index.md", 9)]


def test_a_document_page_shows_its_own_pieces_in_order(tmp_path: Path) -> None:
    from siteutil import import_folder, model_of
    from test_site_documents import folder_versions, manifest

    from specdiff.publish import build_pages

    source = folder_versions(tmp_path, {"v1": files()}, manifest("1.0.0"))
    pages = {
        p.path: p.data.decode("utf-8")
        for p in build_pages(model_of(import_folder(source, tmp_path)))
    }
    root = pages["text/1.0.0/index.md.html"]
    assert root.index("Intro.") < root.index("After A") < root.index("Notes text.")
    assert "A must hold." not in root and "B text." not in root
    a_page = pages["text/1.0.0/a.md.html"]
    assert "A must hold." in a_page and "After A" not in a_page
    # The section the reader meets "After A" under shows it on its page.
    assert "After A" in pages["sections/a1.html"]
