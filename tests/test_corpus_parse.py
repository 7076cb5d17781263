"""The parser on real specifications from ../shared/corpus (skipped when it is absent).

The corpus is third-party text: it is read here, never copied into the repository.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from parseutil import corpus_root

from specdiff.model.document import ClauseKind, IdSource, Strength, Verdict
from specdiff.parse import parse_spec

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.corpus

MODEL_SPEC = "openai-model-spec/02-2025-04-11.md"
OPENAPI = "openapi-specification/08-3.1.0.md"
SEMVER = "semver/04-2.0.0.md"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _corpus_files() -> list[str]:
    root = corpus_root()
    if not root.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def read(corpus: Path, name: str) -> str:
    return (corpus / name).read_text(encoding="utf-8")


def outside_fences(text: str) -> list[tuple[int, str]]:
    """(line number, line) for every line not inside a top-level fenced block."""
    lines: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)
        elif fence is not None and line.strip().startswith(fence[0] * len(fence)):
            fence = None
        elif fence is None:
            lines.append((number, line))
    return lines


@pytest.mark.parametrize("name", _corpus_files() or ["(corpus absent)"])
def test_every_corpus_file_parses(corpus, name):
    text = read(corpus, name)
    spec = parse_spec(text)
    lines = text.split("\n")
    assert spec.line_count == len(lines) - (lines[-1] == "")
    assert spec.clauses, f"{name}: no clauses"
    assert len(spec.sections) > 1, f"{name}: no headings"
    ids = [s.id for s in spec.sections]
    assert len(ids) == len(set(ids))
    for clause in spec.clauses:
        assert 1 <= clause.span.start <= clause.span.end <= spec.line_count


def test_the_corpus_has_the_specs_these_tests_name(corpus):
    for name in (MODEL_SPEC, OPENAPI, SEMVER):
        assert (corpus / name).is_file(), name


@pytest.fixture
def model_outline(cli, corpus):
    """``specdiff outline FILE --format json`` of the model spec, run in-process."""
    result = cli("outline", corpus / MODEL_SPEC, "--format", "json")
    assert (result.code, result.err) == (0, "")
    return json.loads(result.out)


def test_model_spec_outline_document(corpus, model_outline):
    assert model_outline["schema"] == "specdiff.outline/1"
    assert model_outline["path"] == str(corpus / MODEL_SPEC)
    assert model_outline["warnings"] == []
    assert model_outline["lines"] > 3000


def test_model_spec_sections_have_their_ids_and_authority(corpus, model_outline):
    text = read(corpus, MODEL_SPEC)
    declared = {}
    for _, line in outside_fences(text):
        match = re.match(r"^#{1,6} .*\{#(\w+)(?: authority=(\w+))?\}\s*$", line)
        if match:
            declared[match.group(1)] = match.group(2)
    assert len(declared) > 60
    sections = {s["id"]: s for s in model_outline["sections"] if s["level"]}
    assert set(sections) == set(declared)
    for ident, authority in declared.items():
        section = sections[ident]
        assert section["id_source"] == "explicit"
        assert section["attributes"].get("authority") == authority, ident
        assert "{" not in section["title"]
    authorities = {s["attributes"].get("authority") for s in sections.values()} - {None}
    assert authorities == {"platform", "developer", "user", "guideline"}
    follow = sections["follow_all_applicable_instructions"]
    assert follow["title"] == "Follow all applicable instructions"
    assert follow["attributes"] == {"authority": "platform"}
    assert follow["parent"] == "chain_of_command"


def test_model_spec_hash_lines_in_fenced_examples_are_not_sections(corpus, model_outline):
    text = read(corpus, MODEL_SPEC)
    inside = set(enumerate(text.split("\n"), start=1)) - set(outside_fences(text))
    hash_lines = [line.strip() for _, line in inside if line.strip().startswith("#")]
    assert hash_lines, "the model spec has '#' lines inside its fences"
    titles = {s["title"] for s in model_outline["sections"]}
    for line in hash_lines:
        assert line.lstrip("#").strip() not in titles, line
    heading_lines = [n for n, line in outside_fences(text) if re.match(r"^#{1,6} ", line)]
    section_starts = [s["lines"][0] for s in model_outline["sections"] if s["level"]]
    assert section_starts == heading_lines


def test_model_spec_examples_carry_their_labels(corpus, model_outline):
    text = read(corpus, MODEL_SPEC)
    labelled = re.findall(
        r"^\s*<assistant[^>]*>\s*<!--\s*(GOOD|BAD)\b", text, flags=re.MULTILINE | re.IGNORECASE
    )
    examples = [e for s in model_outline["sections"] for e in s["examples"]]
    answers = [a for e in examples for a in e["answers"]]
    assert len(examples) > 100
    assert [a["verdict"] for a in answers] == [v.upper() for v in labelled]
    assert {a["role"] for a in answers} == {"assistant"}
    assert sum(1 for a in answers if a["reason"]) > 50
    titled = [e for e in examples if e["title"]]
    assert len(titled) == len(examples)
    follow = next(
        s for s in model_outline["sections"] if s["id"] == "follow_all_applicable_instructions"
    )
    assert [[a["verdict"] for a in e["answers"]] for e in follow["examples"]] == [
        ["BAD", "GOOD"],
        ["GOOD"],
        ["GOOD", "BAD"],
    ]


def test_model_spec_example_clauses(corpus):
    spec = parse_spec(read(corpus, MODEL_SPEC))
    examples = [c for c in spec.clauses if c.kind is ClauseKind.EXAMPLE]
    assert all(c.example is not None for c in examples)
    verdicts = {m.verdict for c in examples for m in c.example.answers}
    assert verdicts == {Verdict.GOOD, Verdict.BAD}
    # The "**Example**: title" paragraph is part of the example, never a clause of its own.
    assert not any(
        c.kind is ClauseKind.PARAGRAPH and c.text.startswith("**Example**") for c in spec.clauses
    )
    footnotes = {f for c in spec.clauses for f in c.footnotes}
    assert len(footnotes) > 20


@pytest.fixture(scope="module")
def openapi(corpus):
    return parse_spec(read(corpus, OPENAPI))


def test_openapi_field_table_rows_are_clauses_with_their_header(openapi):
    rows = [c for c in openapi.clauses if c.kind is ClauseKind.TABLE_ROW]
    fixed = [c for c in rows if c.header == ("Field Name", "Type", "Description")]
    assert len(fixed) > 100
    info_fields = [c for c in rows if c.section == "fixed-fields-1"]
    assert openapi.section("fixed-fields-1").parent == "info-object"
    assert [c.text.split(" | ")[0] for c in info_fields][:2] == [
        '<a name="infoTitle"></a>title',
        '<a name="infoSummary"></a>summary',
    ]
    assert all(c.header == ("Field Name", "Type", "Description") for c in info_fields)


def test_openapi_required_in_a_table_cell_is_normative(openapi):
    rows = [c for c in openapi.clauses if c.kind is ClauseKind.TABLE_ROW]
    required = [c for c in rows if "**REQUIRED**" in c.text]
    assert len(required) > 20
    for row in required:
        assert any(
            s.keyword == "REQUIRED" and s.strength is Strength.MUST and not s.negative
            for s in row.statements
        ), row.text[:80]


def test_openapi_row_anchors_are_recorded(corpus, openapi):
    text = read(corpus, OPENAPI)
    named = set(re.findall(r"<a name=\"([^\"]+)\"></a>", text))
    assert len(named) > 100
    assert named <= openapi.anchors
    row = next(c for c in openapi.clauses if "oasVersion" in c.anchors)
    assert row.kind is ClauseKind.TABLE_ROW
    assert row.anchors == ("oasVersion",)
    assert [s.keyword for s in row.statements][:3] == ["REQUIRED", "MUST", "SHOULD"]


def test_openapi_rfc_boilerplate_is_not_normative(openapi):
    boilerplate = next(c for c in openapi.clauses if c.text.startswith("The key words"))
    assert boilerplate.statements == ()


def test_openapi_headings_and_links(cli, corpus, openapi):
    info = openapi.section("info-object")
    assert (info.title, info.level, info.id_source) == ("Info Object", 4, IdSource.SLUG)
    # Repeated "Fixed Fields" titles get GitHub's -1, -2 ... suffixes, as its links expect.
    fixed = [s.id for s in openapi.sections if s.title == "Fixed Fields"]
    assert fixed[:3] == ["fixed-fields", "fixed-fields-1", "fixed-fields-2"]
    # Every in-document link resolves to a heading or an anchor.
    result = cli("check", corpus / OPENAPI)
    assert (result.code, result.err) == (0, "")
    assert "no problems found" in result.out


def test_semver_rules_are_numbered_list_items_with_their_statements(corpus):
    spec = parse_spec(read(corpus, SEMVER))
    section = spec.section("semantic-versioning-specification-semver")
    rules = [
        c
        for c in spec.clauses_of(section.id)
        if c.kind is ClauseKind.LIST_ITEM and c.parent is None
    ]
    assert [c.number for c in rules] == list(range(1, 12))  # written "1." every time
    keyword = re.compile(r"\b(?:MUST NOT|MUST|SHOULD NOT|SHOULD|MAY)\b")
    for rule in rules:
        capitals = [s.keyword for s in rule.statements if s.keyword.isupper()]
        assert capitals == keyword.findall(rule.text), rule.number
    forces = {rule.number: [s.force for s in rule.statements] for rule in rules}
    assert forces[1][0] == "must"
    # The list is a list of rules: what its items state without a modal holds as their
    # MUSTs do ("X is the major version, ...", "Version 1.0.0 defines the public API").
    assert forces[2] == ["must", "must not", "must", "must"]
    assert [s.keyword for s in rules[1].statements][-1] == "is"
    assert forces[3] == ["must not", "must"]
    assert [s.keyword for s in rules[4].statements] == ["defines", "is"]
    assert "should" in forces[10]
    assert all("must" in forces[n] for n in (1, 2, 3, 6, 7, 8, 9, 10, 11))


def test_semver_uses_setext_headings(corpus):
    text = read(corpus, SEMVER)
    spec = parse_spec(text)
    top = spec.sections[1]
    assert top.level == 1
    assert text.split("\n")[top.span.start].startswith("===")
