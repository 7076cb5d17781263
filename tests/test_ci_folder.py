"""`specdiff ci` on a spec that is a folder of files: the pull-request check and the
release after the merge, on real repositories with a bare remote and a fake GitHub API.

The pull request moves a section to another file, renames a file (fixing the links into
it) and strengthens a rule; the comment groups the changes by document, each annotation
points at the file and line of its change, and the release after the merge gets the
version the check announced."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from contract import problems, schema_errors
from gitutil import commit, git, isolate_git, released_clone
from test_ci import _environment, _open_pull_request, _outputs, _push_event

from specdiff.cli import run

if TYPE_CHECKING:
    from pathlib import Path

    from fakegithub import FakeGitHub

CONFIG = 'spec = ["spec/**/*.md"]\n'
OVERVIEW = """# Overview

## Scope {#scope}

This specification covers the assistant's behaviour.
"""
RULES = """# Rules

See the [scope](overview.md#scope) first.

## Honesty {#honesty}

The assistant should cite its sources.

## Retention {#retention}

Records must be deleted after 30 days.
"""
PRIVACY = """# Privacy

## Consent {#consent}

The assistant must ask before storing personal data.
"""
#: After the pull request: Retention moved into privacy.md, overview.md renamed
#: introduction.md (with the link into it fixed), and "should cite" became "must cite".
RULES_AFTER = """# Rules

See the [scope](introduction.md#scope) first.

## Honesty {#honesty}

The assistant must cite its sources.
"""
PRIVACY_AFTER = """# Privacy

## Consent {#consent}

The assistant must ask before storing personal data.

## Retention {#retention}

Records must be deleted after 30 days.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A folder spec released as v1.0.0, cloned from a bare 'origin'."""
    isolate_git(monkeypatch, tmp_path)
    files = {
        "spec/overview.md": OVERVIEW,
        "spec/rules.md": RULES,
        "spec/privacy.md": PRIVACY,
        "specdiff.toml": CONFIG,
    }
    return released_clone(tmp_path, files)


def _edit_the_folder(work: Path) -> None:
    git(work, "checkout", "--quiet", "-b", "feature")
    git(work, "mv", "spec/overview.md", "spec/introduction.md")
    commit(
        work,
        {"spec/rules.md": RULES_AFTER, "spec/privacy.md": PRIVACY_AFTER},
        "Move retention to privacy, rename the overview, require sources",
    )


def _annotations(out: str) -> list[tuple[str, str, str, str]]:
    """(level, file, line, title) of each workflow annotation naming a file."""
    found = re.findall(r"^::(\w+) file=([^,]+),line=(\d+),endLine=\d+,title=([^:]+)::", out, re.M)
    return [(level, file, line, title) for level, file, line, title in found]


def test_pull_request_on_a_folder_spec_then_its_release(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    _edit_the_folder(work)
    monkeypatch.chdir(work)
    event = _open_pull_request(work, github)
    files = _environment(monkeypatch, tmp, github, "pull_request", event)

    assert run(["ci"]) == 1  # a strengthened rule and a renamed file are major
    out = capsys.readouterr().out
    outputs = _outputs(files["output"])
    assert (outputs["bump"], outputs["next-version"]) == ("major", "2.0.0")
    report = json.loads((tmp / "runner_temp" / "specdiff-compare.json").read_text("utf-8"))
    assert problems(report) == [] and schema_errors(report) == []
    kinds = {(c["scope"], c["kind"], c["old_document"], c["document"]) for c in report["changes"]}
    assert ("document", "renamed", "overview.md", "introduction.md") in kinds
    assert ("section", "moved", "rules.md", "privacy.md") in kinds

    # Annotations name the file in the repository and the line in that file.
    annotations = _annotations(out)
    assert ("error", "spec/rules.md", "7", "specdiff major%3A modified") in annotations
    moved = [a for a in annotations if "moved" in a[3]]
    assert moved and {(a[1], a[2]) for a in moved} == {("spec/privacy.md", "7")}
    assert ("error", "spec/introduction.md", "1", "specdiff major%3A document renamed") in (
        annotations
    )

    # The comment: the changes by document, each document once, then by section.
    (comment,) = github.comments[7]
    body = comment["body"]
    headings = re.findall(r"^##### 📄 `([^`]+)`", body, re.M)
    assert headings == ["introduction.md", "privacy.md", "rules.md"]  # each file once
    privacy, rules = body.index("##### 📄 `privacy.md`"), body.index("##### 📄 `rules.md`")
    assert privacy < body.index("<b>Retention</b> <code>#retention</code>") < rules
    assert "Moves the section from rules.md to privacy.md" in body
    assert rules < body.index("<del>should</del><ins>must</ins> cite")
    assert "`overview.md#scope`, `introduction.md#scope`" in body

    # Merged: the push to main releases the version the check announced.
    git(work, "checkout", "--quiet", "main")
    git(work, "merge", "--quiet", "--ff-only", "feature")
    git(work, "push", "--quiet", "origin", "main")
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    released = _outputs(files["output"])
    assert (released["released"], released["tag"]) == ("true", "v2.0.0")
    assert git(origin, "tag", "--list").split() == ["v1.0.0", "v2.0.0"]
    entry = git(origin, "show", "main:CHANGELOG.md")
    assert "## [2.0.0]" in entry
    assert "`overview.md` → `introduction.md`" in entry
    assert "(`#retention`, in `privacy.md`)" in entry


def test_a_new_file_in_the_folder_is_a_minor_release(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    git(work, "checkout", "--quiet", "-b", "glossary")
    glossary = "# Glossary\n\n## Record {#record}\n\nA record is one stored message.\n"
    commit(work, {"spec/glossary.md": glossary}, "Add a glossary")
    monkeypatch.chdir(work)
    files = _environment(monkeypatch, tmp, github, "pull_request", _open_pull_request(work, github))
    assert run(["ci"]) == 0
    outputs = _outputs(files["output"])
    assert (outputs["bump"], outputs["next-version"]) == ("minor", "1.1.0")
    assert "##### 📄 `glossary.md`" in github.comments[7][0]["body"]

    git(work, "checkout", "--quiet", "main")
    git(work, "merge", "--quiet", "--ff-only", "glossary")
    git(work, "push", "--quiet", "origin", "main")
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["tag"] == "v1.1.0"
    assert "- **Documents**: new document `glossary.md` _(minor)_" in git(
        origin, "show", "main:CHANGELOG.md"
    )
