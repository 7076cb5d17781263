"""MDX files of a spec made of many files: components are containers of Markdown.

The fixture ``tests/fixtures/multi/mdx_components`` is compared in both directions; the
unit tests below read one ``.mdx`` file and check every clause it gives.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from contract import problems, schema_errors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_multi_documents import FIXTURES, compare, load

from specdiff.compare import compare_specs
from specdiff.model.document import ClauseKind
from specdiff.model.vocabulary import Level
from specdiff.parse import parse_spec
from specdiff.parse.documents import combined_text, parse_documents
from specdiff.render.json import render_json

if TYPE_CHECKING:
    from pathlib import Path

    from specdiff.model.document import Spec


def read(text: str, path: str = "page.mdx") -> Spec:
    return parse_documents([(path, text)], parse_spec)


def shape(spec: Spec) -> list[tuple[str, str, int | None, tuple[int, int]]]:
    """Each clause as (kind, text, parent, lines)."""
    return [(str(c.kind), c.text, c.parent, (c.span.start, c.span.end)) for c in spec.clauses]


def test_components_added_removed_edited_and_a_rule_strengthened_inside_one() -> None:
    report = compare("mdx_components")
    data = json.loads(render_json(report))
    assert problems(data) == [] and schema_errors(data) == []
    found = {(c.kind_name, c.tags, (c.new or c.old).text) for c in report.changes}  # type: ignore[union-attr]
    assert found == {
        (
            "clause.modified",
            ("wording.substantive",),
            "Retries reuse the request id of the first attempt, so servers can tell them apart.",
        ),
        (
            "clause.modified",
            ("normative.strengthened",),
            "Clients must wait at least one second before retrying.",
        ),
        ("clause.removed", (), "Tip"),
        ("clause.removed", (), "A dashboard shows the retries of the last hour."),
        ("clause.added", (), 'Warning title="Quotas"'),
        ("clause.added", ("normative.added",), "Clients must not retry more than five times."),
    }
    strengthened = next(c for c in report.changes if "normative.strengthened" in c.tags)
    assert strengthened.severity is Level.MAJOR
    assert strengthened.document == "retries.mdx"
    assert strengthened.new is not None and strengthened.new.lines == (24, 24)
    added = next(c for c in data["changes"] if c["new"] and c["new"]["type"] == "component")
    assert (added["section"], added["new"]["lines"]) == ("limits", [33, 35])
    # The inline <Badge text="beta"> became "stable", imports and exports changed: none of
    # that is text a reader sees.
    assert all("Badge" not in (c.new or c.old).text for c in report.changes)  # type: ignore[union-attr]


def test_the_same_components_compared_backwards() -> None:
    report = compare("mdx_components", backwards=True)
    found = {(c.kind_name, c.tags, (c.new or c.old).text) for c in report.changes}  # type: ignore[union-attr]
    assert found == {
        (
            "clause.modified",
            ("wording.substantive",),
            "Retries use the same request id, so servers can tell them apart.",
        ),
        (
            "clause.modified",
            ("normative.weakened",),
            "Clients should wait at least one second before retrying.",
        ),
        ("clause.added", (), "Tip"),
        ("clause.added", (), "A dashboard shows the retries of the last hour."),
        ("clause.removed", (), 'Warning title="Quotas"'),
        ("clause.removed", ("normative.removed",), "Clients must not retry more than five times."),
    }
    removed_rule = next(c for c in report.changes if "normative.removed" in c.tags)
    assert removed_rule.severity is Level.MAJOR


@pytest.mark.parametrize("side", ["before", "after"])
def test_an_mdx_version_compared_with_itself_has_no_changes(side: str) -> None:
    spec = load(FIXTURES / "mdx_components" / side)
    assert compare_specs(spec, spec).changes == ()


def test_a_component_holds_its_markdown_as_clauses() -> None:
    spec = read(
        "# Guide\n"
        "\n"
        "<Note>\n"
        "  Retries should use exponential backoff.\n"
        "\n"
        "  - first\n"
        "    - nested\n"
        "</Note>\n"
        "\n"
        "After.\n"
    )
    assert shape(spec) == [
        ("component", "Note", None, (3, 8)),
        ("paragraph", "Retries should use exponential backoff.", 0, (4, 4)),
        ("list_item", "first", 0, (6, 6)),
        ("list_item", "nested", 2, (7, 7)),  # nesting kept: only the common indent goes
        ("paragraph", "After.", None, (10, 10)),
    ]
    assert [s.keyword for s in spec.clauses[1].statements] == ["should"]
    assert spec.section("guide").clauses == (0, 1, 2, 3, 4)


def test_nested_self_closing_one_line_and_multi_line_tags() -> None:
    spec = read(
        "<Warning\n"
        '  title="Careful"\n'
        ">\n"
        "Clients must not retry more than 5 times.\n"
        "\n"
        "<Note>Inner notes must be read.</Note>\n"
        "\n"
        "<Tabs items={['a', 'b']}><Tab>\n"
        "\n"
        "Tab text.\n"
        "\n"
        "</Tab></Tabs>\n"
        "</Warning>\n"
        "\n"
        '<Badge text="new" />\n'
    )
    assert shape(spec) == [
        ("component", 'Warning title="Careful"', None, (1, 13)),
        ("paragraph", "Clients must not retry more than 5 times.", 0, (4, 4)),
        ("component", "Note", 0, (6, 6)),
        ("paragraph", "Inner notes must be read.", 2, (6, 6)),
        ("component", "Tabs items={['a', 'b']}", 0, (8, 12)),
        ("component", "Tab", 4, (8, 12)),
        ("paragraph", "Tab text.", 5, (10, 10)),
        ("component", 'Badge text="new"', None, (15, 15)),
    ]
    assert all(c.kind is ClauseKind.COMPONENT and not c.statements for c in spec.clauses[::7])


def test_inline_components_leave_their_text_and_code_keeps_its_tags() -> None:
    spec = read(
        'Press <Kbd>Ctrl</Kbd> and <Kbd>C</Kbd> to copy <Badge text="new" />. Write `<Note>`.\n'
        "\n"
        "```jsx\n"
        "<Note>code</Note>\n"
        "```\n"
        "\n"
        "A <span>html</span> tag stays.\n"
    )
    assert [c.text for c in spec.clauses] == [
        "Press Ctrl and C to copy. Write `<Note>`.",
        "<Note>code</Note>",
        "A <span>html</span> tag stays.",
    ]


def test_imports_exports_and_comments_are_not_content_but_wrapped_lines_are() -> None:
    spec = read(
        "import { Note } from './note'\n"
        "import {\n"
        "  Badge,\n"
        "  Tabs,\n"
        "} from './more'\n"
        "export const meta = {\n"
        '  title: "x",\n'
        "}\n"
        "export default function Layout({ children }) {\n"
        "  return children\n"
        "}\n"
        "# Title\n"
        "\n"
        "{/* a comment\n"
        "   over lines */}\n"
        "\n"
        "Text {/* inline */} stays.\n"
        "\n"
        "Servers that\n"
        "export keys must\n"
        "import them again.\n"
    )
    assert [s.title for s in spec.sections if s.level] == ["Title"]
    assert [c.text for c in spec.clauses] == [
        "Text stays.",
        "Servers that export keys must import them again.",
    ]


def test_a_component_around_headings_lays_them_out_and_holds_nothing() -> None:
    spec = read("<Tabs>\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n\n</Tabs>\n")
    assert shape(spec) == [
        ("paragraph", "First.", None, (5, 5)),
        ("paragraph", "Second.", None, (9, 9)),
    ]


def test_a_component_never_closed_runs_to_the_last_line() -> None:
    assert shape(read("<Note>\n\nText must hold.\n")) == [
        ("component", "Note", None, (1, 3)),
        ("paragraph", "Text must hold.", 0, (3, 3)),
    ]


def test_markdown_files_keep_component_tags_as_html() -> None:
    text = "<Note>\n\nText.\n\n</Note>\n"
    assert [(str(c.kind), c.text) for c in read(text, "page.md").clauses] == [
        ("html", "<Note>"),
        ("paragraph", "Text."),
        ("html", "</Note>"),
    ]


MDX_LINE = st.sampled_from(
    [
        "",
        "<Note>",
        "</Note>",
        '<Warning title="x">',
        "</Warning>",
        "<Badge />",
        "<Tabs items={['a', 'b']}>",
        "</Tabs>",
        "<Note>Clients must retry.</Note>",
        "  Servers should answer.",
        "Press <Kbd>R</Kbd> <Badge /> now.",
        "- an item",
        "  - a nested item",
        "import { Note } from './note'",
        "export const meta = {",
        "}",
        "{/* note",
        "*/}",
        "```",
        "# Title",
        "## Part",
        "<Warning",
        "  title={`x`}",
        ">",
        "<div>",
        "`<Note>` in code",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MDX_LINE, max_size=30))
def test_any_mdx_parses_with_every_clause_in_its_lines(lines: list[str]) -> None:
    text = "".join(line + "\n" for line in lines)
    spec = read(text)
    assert spec.line_count == len(lines)
    assert [c.index for c in spec.clauses] == list(range(len(spec.clauses)))
    for clause in spec.clauses:
        assert 1 <= clause.span.start <= clause.span.end <= max(1, len(lines))
        if clause.parent is not None:
            assert clause.parent < clause.index
        span = spec.section(clause.section).span
        assert span.start <= clause.span.start <= clause.span.end <= span.end
    held = [i for s in spec.sections for i in s.clauses]
    assert sorted(held) == list(range(len(spec.clauses)))
    assert compare_specs(spec, spec).changes == ()


def test_an_mdx_file_is_laid_and_published_as_its_markdown(tmp_path: Path) -> None:
    from siteutil import import_folder, model_of
    from test_site_documents import folder_versions, manifest

    from specdiff.publish import build_pages

    text = (FIXTURES / "mdx_components" / "after" / "retries.mdx").read_text(encoding="utf-8")
    spec = read(text, "retries.mdx")
    laid = combined_text(spec, {"retries.mdx": text})
    assert laid.count("\n") == text.count("\n") == spec.line_count
    assert "import" not in laid and "<" not in laid
    assert "Clients retry a failed request. Press R to retry by hand." in laid
    source = folder_versions(tmp_path, {"v1": {"retries.mdx": text}}, manifest("1.0.0"))
    pages = {p.path: p.data for p in build_pages(model_of(import_folder(source, tmp_path)))}
    page = pages["text/1.0.0/retries.mdx.html"].decode("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    assert "import" not in article and "&lt;" not in article
    assert "<p>Clients must not retry more than five times.</p>" in article
