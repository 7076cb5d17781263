"""A spec that is a folder of files through import, log, compare, history, release,
changelog and publish, on a real git repository."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from contract import problems, schema_errors
from gitutil import commit
from historyutil import import_versions
from siteutil import html_files, publish

from specdiff.cli import run

if TYPE_CHECKING:
    from pathlib import Path

A_V1 = """# Data handling

## Storage {#storage}

The service must encrypt stored records at rest.

## Retention {#retention}

Records must be deleted after 30 days.
"""
B_V1 = """# Privacy

## Consent {#consent}

The service should ask for consent before collecting personal data.

See [retention](a.md#retention) and [storage](a.md#storage).
"""
A_V2 = """# Data handling

## Storage {#storage}

The service must encrypt stored records at rest.
"""
B_V2 = """# Privacy

## Consent {#consent}

The service must ask for consent before collecting personal data.

See [retention](#retention) and [storage](a.md#storage).

## Retention {#retention}

Records must be deleted after 30 days.
"""
MANIFEST = """title = "Folder spec"
spec_path = "spec/"

[[versions]]
version = "1.0.0"
date = 2025-01-10
folder = "v1"
message = "First version"

[[versions]]
version = "1.1.0"
date = 2025-02-10
folder = "v2"
message = "Move retention into the privacy chapter"

[[versions]]
version = "2.0.0"
date = 2025-03-10
folder = "v3"
message = "Rename the privacy chapter"
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return import_versions(
        tmp_path,
        monkeypatch,
        {
            "v1": {"a.md": A_V1, "b.md": B_V1},
            "v2": {"a.md": A_V2, "b.md": B_V2},
            "v3": {"a.md": A_V2, "privacy.md": B_V2},
        },
        MANIFEST,
    )


def specdiff(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    code = run(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_import_writes_each_version_as_a_folder(repo: Path) -> None:
    assert sorted(p.name for p in (repo / "spec").iterdir()) == ["a.md", "privacy.md"]
    assert 'spec = "spec/"' in (repo / "specdiff.toml").read_text(encoding="utf-8")
    assert run(["import", str(repo.parent / "versions")]) == 0  # re-running adds nothing


def test_log_compare_and_history_follow_the_files(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = specdiff(capsys, "log")
    assert "1 document renamed" in log and "1 section moved" in log
    data = json.loads(specdiff(capsys, "compare", "1.0.0", "1.1.0", "--format", "json"))
    assert problems(data) == [] and schema_errors(data) == []
    move = next(c for c in data["changes"] if c["kind"] == "moved" and c["scope"] == "section")
    assert (move["old_document"], move["document"]) == ("a.md", "b.md")
    renamed = json.loads(specdiff(capsys, "compare", "1.1.0", "2.0.0", "--format", "json"))
    (change,) = renamed["changes"]
    assert (change["scope"], change["kind"]) == ("document", "renamed")
    assert (change["old_document"], change["document"]) == ("b.md", "privacy.md")
    only = json.loads(
        specdiff(capsys, "compare", "1.0.0", "1.1.0", "--format", "json", "--document", "a.md")
    )
    assert {c["document"] for c in only["changes"]} | {
        c["old_document"] for c in only["changes"]
    } >= {"a.md"}
    github = specdiff(capsys, "compare", "1.0.0", "1.1.0", "--format", "github")
    assert "file=spec/b.md,line=5" in github  # "should" → "must" on line 5 of b.md
    history = specdiff(capsys, "history", "retention")
    assert "1.1.0" in history


def test_release_and_changelog_on_a_folder(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (repo / "spec" / "privacy.md").read_text(encoding="utf-8")
    commit(repo, {"spec/privacy.md": text.replace("30 days", "60 days")}, "Keep records longer")
    plan = specdiff(capsys, "release", "--dry-run")
    assert "2.1.0" in plan or "3.0.0" in plan
    specdiff(capsys, "release")
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "`privacy.md`" in changelog
    full = specdiff(capsys, "changelog")
    assert "- **Documents**: renamed document `b.md` → `privacy.md` _(major)_" in full
    assert "- The file `b.md` is now `privacy.md`, so links to `b.md#…` break." in full


def test_publish_a_folder_spec(repo: Path, tmp_path: Path) -> None:
    result = publish(repo, tmp_path / "site")
    pages = html_files(tmp_path / "site")
    assert result.pages and "index.html" in pages
    assert any(p.startswith("releases/") for p in pages)
    # A page per document; the version's contents page links to each, in reading order.
    assert {p for p in pages if p.startswith("text/2.0.0")} == {
        "text/2.0.0.html",
        "text/2.0.0/a.md.html",
        "text/2.0.0/privacy.md.html",
        "text/2.0.0/b.md.html",  # gone since 1.1.0: forwards to where its sections went
    }
    site = tmp_path / "site" / "text"
    contents = (site / "2.0.0.html").read_text(encoding="utf-8")
    assert contents.index('href="2.0.0/a.md.html"') < contents.index('href="2.0.0/privacy.md.html"')
    assert 'href="2.0.0/privacy.md.html#retention"' in contents
    newest = (site / "2.0.0" / "privacy.md.html").read_text(encoding="utf-8")
    assert "Records must be deleted after 30 days." in newest
    assert "Records must be deleted" not in (site / "2.0.0" / "a.md.html").read_text("utf-8")
    # Links between the files go to the page of the file they name.
    first = (site / "1.0.0" / "b.md.html").read_text(encoding="utf-8")
    assert 'href="a.md.html#retention"' in first and 'href="a.md.html#storage"' in first
    assert 'title="a.md#retention"' not in first


def test_history_parses_each_file_once(repo: Path) -> None:
    from specdiff.history.timeline import Timeline
    from specdiff.history.workspace import Workspace

    workspace = Workspace.discover(cwd=repo)
    timeline = Timeline(workspace)
    assert len(timeline.releases) == 3
    timeline.unreleased()
    # 1.0.0: a.md, b.md; 1.1.0: both edited; 2.0.0: a.md as before, and b.md's text under
    # a new name: read again at its new path (its includes and links resolve from there),
    # but the same text is not parsed again.
    assert workspace.cache.misses == 4


def test_show_prints_the_files_in_reading_order(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = specdiff(capsys, "show", "2.0.0")
    assert text.index("# Data handling") < text.index("# Privacy")
    section = specdiff(capsys, "show", "2.0.0", "--section", "retention")
    assert section.strip() == "## Retention {#retention}\n\nRecords must be deleted after 30 days."
