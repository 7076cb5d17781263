"""Link targets in reports of a spec made of many files: ``#id`` within a file,
``file.md#id`` (path from the spec root) to another file, and ``check`` naming the file,
line and missing part of a broken link between files."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from contract import problems, schema_errors

from specdiff.cli import run
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.documents import parse_documents
from specdiff.render.changelog import Entry, render_entry
from specdiff.render.json import report_data
from specdiff.render.summary import summarize
from specdiff.render.text import render_text

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

GUIDE = """# Guide

## Overview

Read this first. See [auth](api/auth.md#overview), [tokens](api/auth.md#tokens) and [usage](#usage).

## Usage

Clients should call the service.
"""
AUTH = """# Auth

## Overview

Auth must use TLS. Back to [the guide](../a.md#usage), on to [tokens](#tokens).

## Tokens {#tokens}

Tokens must expire.
"""


def test_references_name_the_file_of_a_link_to_another_file() -> None:
    old = parse_documents([("a.md", GUIDE), ("api/auth.md", AUTH)], parse_spec)
    new = parse_documents(
        [
            ("a.md", GUIDE.replace("Read this first", "Read this before anything")),
            ("api/auth.md", AUTH.replace("must use TLS", "must use TLS 1.3")),
        ],
        parse_spec,
    )
    report = compare_specs(old, new)
    guide, auth = report.changes
    # (Links within the file come first, as the parser finds them; then those to others.)
    assert guide.references == ("#usage", "api/auth.md#overview", "api/auth.md#tokens")
    assert auth.references == ("#tokens", "a.md#usage")
    data = report_data(report)
    assert problems(data) == [] and schema_errors(data) == []
    assert data["references"] == [
        "#usage",
        "api/auth.md#overview",
        "api/auth.md#tokens",
        "#tokens",
        "a.md#usage",
    ]
    assert "should): #usage, api/auth.md#overview, api/auth.md#tokens, #tokens, a.md#usage" in (
        render_text(report)
    )


def test_a_link_broken_by_another_file_s_new_anchor_names_both_anchors() -> None:
    old = parse_documents([("a.md", GUIDE), ("api/auth.md", AUTH)], parse_spec)
    new = parse_documents(
        [("a.md", GUIDE), ("api/auth.md", AUTH.replace("{#tokens}", "{#access-tokens}"))],
        parse_spec,
    )
    report = compare_specs(old, new)
    broken = [c for c in report.changes if "reference.broken" in c.tags]
    assert {(c.document, c.section) for c in broken} == {
        ("a.md", "overview"),
        ("api/auth.md", "overview"),
    }
    entry = render_entry(Entry("2.0.0", date(2025, 1, 1), report, detail="full"))
    assert "broken link to api/auth.md#tokens (now api/auth.md#access-tokens): " in entry
    assert "broken link to #tokens (now #access-tokens): " in entry
    # Other files link to the section as api/auth.md#tokens: that is what breaks.
    assert "from #tokens to #access-tokens, so links to api/auth.md#tokens break." in entry
    assert summarize(report).notable == (
        "Anchor changed, so old links break: api/auth.md#tokens → api/auth.md#access-tokens.",
    )
    # Two files' Overview sections are listed apart, each under its own file's title.
    assert "- **Guide › Overview** (`#overview`, in `a.md`): broken link" in entry
    assert "- **Auth › Overview** (`#overview`, in `api/auth.md`): broken link" in entry


def test_check_names_file_line_and_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "spec"
    (folder / "api").mkdir(parents=True)
    (folder / "a.md").write_text(GUIDE.replace("#tokens", "#token"), encoding="utf-8")
    (folder / "api" / "auth.md").write_text(
        AUTH.replace("../a.md#usage", "../intro.md#usage"), encoding="utf-8"
    )
    capsys.readouterr()
    assert run(["check", str(folder), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["path"], f["line"], f["message"]) for f in findings] == [
        (
            str(folder / "a.md"),
            5,
            "link to api/auth.md#token: api/auth.md has no heading or anchor #token",
        ),
        (
            str(folder / "api" / "auth.md"),
            5,
            "link to ../intro.md#usage: the spec has no file intro.md",
        ),
    ]


def test_check_without_files_reads_the_configured_folder_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "spec"
    (folder / "api").mkdir(parents=True)
    (folder / "a.md").write_text(GUIDE, encoding="utf-8")
    (folder / "api" / "auth.md").write_text(AUTH.replace("#usage", "#use"), encoding="utf-8")
    (tmp_path / "specdiff.toml").write_text('spec = ["spec/**/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(folder / "api")  # the config is found upward; paths stay the repository's
    capsys.readouterr()
    assert run(["check", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error file=spec/api/auth.md,line=5,title=broken-anchor::"
        "link to ../a.md#use: a.md has no heading or anchor #use\n"
    )
