"""A spec file renamed between versions keeps its history in every command (issue 13):
git's rename detection, and ``[[renames]]`` in the config for renames git cannot see."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from gitutil import commit, git, isolate_git, tag
from historyutil import error_line, sample_repo, specdiff

if TYPE_CHECKING:
    from pathlib import Path

    from fakegithub import FakeGitHub

CONFIG = (
    'spec = "{name}"\n\n[attributes]\n'
    'authority = ["root", "system", "developer", "user", "guideline"]\n'
)


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture
def renamed(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The sample history (v1.0.0 .. v3.0.0 of spec.md), then `git mv spec.md widget.md`."""
    repo = sample_repo(tmp_path_factory, tmp_path / "repo")
    monkeypatch.chdir(repo)
    git(repo, "mv", "spec.md", "widget.md")
    (repo / "specdiff.toml").write_text(
        (repo / "specdiff.toml").read_text().replace('"spec.md"', '"widget.md"'), encoding="utf-8"
    )
    commit(repo, {}, "Rename the spec", date="2026-07-01T09:00:00+00:00")
    return repo


def test_log_lists_the_versions_made_under_the_old_name(
    renamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [v["version"] for v in data["versions"]] == [
        "3.0.0", "2.1.0", "2.0.0", "1.1.1", "1.1.0", "1.0.0",
    ]  # fmt: skip
    assert data["skipped"] == []
    (pending,) = data["unreleased"]
    assert pending["subject"] == "Rename the spec"
    assert pending["summary"] == "file renamed from spec.md"
    assert pending["bump"] == "patch"


def test_show_compare_and_history_read_the_old_name(
    renamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = git(renamed, "show", "v1.0.0:spec.md")
    code, out, err = specdiff(capsys, "show", "1.0.0")
    assert (code, out) == (0, old + "\n"), err
    code, out, err = specdiff(capsys, "compare", "v3.0.0", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["base"]["path"] == "spec.md"
    assert data["head"]["path"].endswith("/widget.md")
    assert data["bump"] == "none"
    code, out, err = specdiff(capsys, "compare", "v2.0.0", "v3.0.0", "--format", "json")
    assert code == 0 and json.loads(out)["bump"] == "major", err
    code, out, err = specdiff(capsys, "history", "overview", "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)["versions"]) == 6


def test_a_release_after_a_rename_says_so(
    renamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = specdiff(capsys, "release", "--date", "2026-07-02")
    assert code == 0, err
    assert "released v3.0.1 (patch bump since v3.0.0: the spec file was renamed)" in err
    assert out.startswith(
        "## [3.0.1] - 2026-07-02\n\nThe spec file was renamed from `spec.md` to `widget.md`.\n"
    )
    assert git(renamed, "tag", "--points-at", "HEAD") == "v3.0.1"
    changelog = (renamed / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.count("## [3.0.1]") == 1
    # The rebuilt changelog tells the same story.
    code, out, err = specdiff(capsys, "changelog")
    assert code == 0, err
    assert (
        "## [3.0.1] - 2026-07-02\n\nThe spec file was renamed from `spec.md` to `widget.md`." in out
    )
    assert "## [1.0.0]" in out


def test_a_rename_with_edits_releases_the_bump_of_the_edits(
    renamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (renamed / "widget.md").read_text(encoding="utf-8")
    old = "Wren should not use the user's first name"
    assert old in text
    commit(renamed, {"widget.md": text.replace(old, old.replace("should", "must"))}, "Stricter")
    code, out, err = specdiff(capsys, "release", "--dry-run", "--date", "2026-07-02")
    assert code == 0, err
    assert "would release v4.0.0 (major bump since v3.0.0)" in err
    assert "renamed from `spec.md` to `widget.md`" in out


def test_publish_builds_every_version_across_the_rename(
    renamed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = specdiff(capsys, "publish", "--out", str(tmp_path / "site"))
    assert code == 0, err
    versions = json.loads((tmp_path / "site" / "api" / "versions.json").read_text())
    assert len(versions["versions"]) == 6


def test_configured_renames_bridge_what_git_cannot_see(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Renamed and rewritten in one commit: git sees a deletion and an addition."""
    repo = tmp_path / "bridge"
    repo.mkdir()
    git(repo, "init", "--quiet", "-b", "main")
    monkeypatch.chdir(repo)
    v1 = "# Rules\n\n## Honesty {#honesty}\n\nThe assistant should cite sources.\n"
    commit(repo, {"old.md": v1, "specdiff.toml": CONFIG.format(name="old.md")}, "v1")
    tag(repo, "v1.0.0", message="Release v1.0.0")
    v2 = (
        "# Rules for assistants\n\n## Honesty {#honesty}\n\nThe assistant must cite sources.\n\n"
        "## Privacy {#privacy}\n\nThe assistant must not reveal personal data.\n\n"
        "## Tone {#tone}\n\nThe assistant may use humour.\n"
    )
    git(repo, "rm", "--quiet", "old.md")
    commit(repo, {"new.md": v2, "specdiff.toml": CONFIG.format(name="new.md")}, "Rewrite")
    assert git(repo, "log", "--follow", "--format=%s", "--", "new.md") == "Rewrite"

    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["skipped"] == [
        {"tag": "v1.0.0", "reason": "new.md does not exist at v1.0.0"}
    ]
    config = CONFIG.format(name="new.md") + '\n[[renames]]\nfrom = "old.md"\nto = "new.md"\n'
    commit(repo, {"specdiff.toml": config}, "Tell specdiff about the rename")
    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [v["version"] for v in data["versions"]] == ["1.0.0"]
    assert data["unreleased"][0]["summary"].startswith("file renamed from old.md; ")
    assert data["unreleased"][0]["bump"] == "major"
    code, out, err = specdiff(capsys, "release", "--dry-run", "--date", "2026-07-02")
    assert code == 0, err
    assert "would release v2.0.0 (major bump since v1.0.0)" in err
    assert "renamed from `old.md` to `new.md`" in out


def test_a_version_tag_where_the_spec_is_missing_is_a_clear_clash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "clash"
    repo.mkdir()
    git(repo, "init", "--quiet", "-b", "main")
    monkeypatch.chdir(repo)
    commit(repo, {"notes.md": "# Notes\n"}, "Notes")
    tag(repo, "v1.0.0", message="Release v1.0.0 of something else")
    commit(repo, {"spec.md": "# Rules\n\nThe assistant must cite sources.\n"}, "The spec")
    commit(repo, {"specdiff.toml": CONFIG.format(name="spec.md")}, "Config")
    code, _, err = specdiff(capsys, "release", "--dry-run")
    assert code == 2
    line = error_line(err)
    assert "tag v1.0.0 already exists" in line
    assert "delete it" not in line
    assert "[[renames]]" in line and "tag_prefix" in line
    assert git(repo, "tag") == "v1.0.0"


# -- ci: a pull request that renames the spec ---------------------------------------------
def test_ci_compares_a_renamed_spec_with_its_old_name(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    github: FakeGitHub,
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo = tmp_path / "pr"
    repo.mkdir()
    git(repo, "init", "--quiet", "-b", "main")
    monkeypatch.chdir(repo)
    spec = "# Rules {#rules}\n\n## Honesty {#honesty}\n\nThe assistant should cite its sources.\n"
    commit(repo, {"spec.md": spec, "specdiff.toml": CONFIG.format(name="spec.md")}, "v1")
    tag(repo, "v1.0.0", message="Release v1.0.0")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "--quiet", "-b", "feature")
    git(repo, "mv", "spec.md", "rules.md")
    commit(
        repo,
        {
            "rules.md": spec.replace("should", "must"),
            "specdiff.toml": CONFIG.format(name="rules.md"),
        },
        "Rename and tighten",
    )
    event = {
        "action": "opened",
        "number": 3,
        "pull_request": {
            "number": 3, "title": "t", "body": "t",
            "base": {"sha": base, "ref": "main"},
            "head": {"sha": git(repo, "rev-parse", "HEAD"), "ref": "feature"},
            "labels": [],
        },
        "repository": {"full_name": "acme/spec", "default_branch": "main"},
    }  # fmt: skip
    event_path = tmp_path / "event.json"
    event_path.write_text(json.dumps(event), encoding="utf-8")
    outputs = tmp_path / "output"
    env: dict[str, Any] = {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary"),
        "GITHUB_REPOSITORY": "acme/spec",
        "GITHUB_API_URL": github.url,
        "GITHUB_TOKEN": "t",
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "SPECDIFF_API_TIMEOUT": "2",
        "SPECDIFF_FAIL_ON": "none",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, _, err = specdiff(capsys, "ci")
    assert code == 0, err
    compare = (tmp_path / "runner" / "specdiff-compare.json").read_text(encoding="utf-8")
    data = json.loads(compare)
    assert (data["base"]["path"], data["head"]["path"]) == ("spec.md", "rules.md")
    assert [c["kind"] for c in data["changes"]] == ["modified"]
    assert data["bump"] == "major"
