"""End to end: `log`, `compare`, `show`, `history`, `changelog` and `demo` on real git
repositories (the sample history imported into a temporary folder)."""

from __future__ import annotations

import json
import os
import tempfile
from typing import TYPE_CHECKING

import pytest
from gitutil import HISTORY, commit, git, init_repo, isolate_git, tag
from historyutil import (
    SAMPLE_BUMPS,
    SAMPLE_VERSIONS,
    edit_spec,
    error_line,
    sample_repo,
    section_source,
    specdiff,
    specdiff_process,
)

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def repo(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A copy of the imported sample history; the current folder."""
    path = sample_repo(tmp_path_factory, tmp_path / "repo")
    monkeypatch.chdir(path)
    return path


# -- log ------------------------------------------------------------------------------------


def test_import_then_log_lists_versions_newest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = specdiff(capsys, "import", str(HISTORY), "--into", "repo")
    assert code == 0, err
    monkeypatch.chdir(tmp_path / "repo")
    code, out, err = specdiff(capsys, "log")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["VERSION", "DATE", "COMMIT", "BUMP", "CHANGES"]
    rows = [line.split() for line in lines[1:]]
    assert [row[0] for row in rows] == list(reversed(SAMPLE_VERSIONS))
    assert [row[3] for row in rows] == [b or "-" for b in reversed(SAMPLE_BUMPS)]
    assert rows[0][1] == "2026-06-30"
    assert rows[0][2] == git(tmp_path / "repo", "rev-parse", "v3.0.0^{commit}")[:9]
    assert lines[1].endswith(
        "3 clauses modified, 1 clause moved, 1 section added, "
        "1 section with changed attributes, 1 section removed"
    )
    assert lines[-1].endswith("first version")
    assert "Unreleased" not in out


def test_log_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "specdiff.log/1"
    assert data["spec"] == "spec.md"
    assert data["unreleased"] == []
    assert data["skipped"] == []
    versions = data["versions"]
    assert [v["version"] for v in versions] == list(reversed(SAMPLE_VERSIONS))
    assert [v["tag"] for v in versions] == [f"v{v}" for v in reversed(SAMPLE_VERSIONS)]
    assert [v["bump"] for v in versions] == list(reversed(SAMPLE_BUMPS))
    assert versions[0]["counts"] == {
        "clause.modified": 3,
        "clause.moved": 1,
        "section.added": 1,
        "section.attributes": 1,
        "section.removed": 1,
    }
    assert versions[-1]["counts"] == {}
    assert versions[-1]["date"] == "2025-01-15"
    assert versions[2]["version"] == "2.0.0"
    assert versions[2]["counts"]["section.reidentified"] == 2
    assert versions[2]["commit"] == git(repo, "rev-parse", "v2.0.0^{commit}")


def test_log_shows_unreleased_revisions_after_the_last_tag(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(
        repo, "Wren should not use the user's first name", "Wren must not use the user's first name"
    )
    commit(repo, {}, "Never use first names", date="2026-07-01T09:00:00+00:00")
    (repo / "notes.txt").write_text("not the spec\n", encoding="utf-8")
    commit(repo, {}, "Unrelated note", date="2026-07-02T09:00:00+00:00")
    edit_spec(repo, "## Younger users", "## Young users")
    commit(repo, {}, "Retitle younger users", date="2026-07-03T09:00:00+00:00")

    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    pending = json.loads(out)["unreleased"]
    assert [p["subject"] for p in pending] == ["Retitle younger users", "Never use first names"]
    assert [p["bump"] for p in pending] == ["patch", "major"]
    assert pending[1]["counts"] == {"clause.modified": 1}
    assert pending[1]["date"] == "2026-07-01"
    assert pending[1]["author"] == "Test User"
    assert pending[0]["commit"] == git(repo, "rev-parse", "HEAD")

    code, out, err = specdiff(capsys, "log")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Unreleased (after v3.0.0):"
    assert "patch" in lines[1] and "Retitle younger users" in lines[1]
    assert "1 section renamed" in lines[2]
    assert "major" in lines[3] and "Never use first names" in lines[3]
    assert lines[5] == ""
    assert lines[6].split()[:1] == ["VERSION"]


def test_log_skips_versions_where_the_spec_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "early")
    commit(repo, {"README.md": "# A project\n"}, "Start")
    tag(repo, "v0.1.0", message="Before the spec")
    commit(repo, {"spec.md": "# Spec\n\nThe server must answer.\n"}, "Add the spec")
    tag(repo, "v1.0.0", message="First spec")
    commit(repo, {"spec.md": "# Spec\n\nThe server should answer.\n"}, "Soften")
    tag(repo, "v1.1.0", message="Softer")
    monkeypatch.chdir(repo)

    code, out, err = specdiff(capsys, "log", "--spec", "spec.md")
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["1.1.0", "1.0.0"]
    assert lines[1].split()[3] == "major"
    assert lines[-1] == "(skipped v0.1.0: spec.md does not exist at v0.1.0)"
    assert "0.1.0 " not in "\n".join(lines[:-1])

    code, out, err = specdiff(capsys, "log", "--spec", "spec.md", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [v["version"] for v in data["versions"]] == ["1.1.0", "1.0.0"]
    assert data["skipped"] == [{"tag": "v0.1.0", "reason": "spec.md does not exist at v0.1.0"}]

    # The changelog and history skip it too; show says which version lacks the file.
    code, out, err = specdiff(capsys, "changelog", "--spec", "spec.md")
    assert code == 0, err
    assert "## [1.1.0]" in out and "## [0.1.0]" not in out
    code, _, err = specdiff(capsys, "show", "0.1.0", "--spec", "spec.md")
    assert code == 2
    assert "spec.md does not exist at 0.1.0" in error_line(err)


def test_log_in_a_repository_without_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "new")
    commit(repo, {"spec.md": "# Spec\n\nThe server must answer.\n"}, "First draft")
    commit(repo, {"spec.md": "# Spec\n\nThe server should answer.\n"}, "Second draft")
    monkeypatch.chdir(repo)
    code, out, err = specdiff(capsys, "log")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Unreleased (after the start):"
    assert "Second draft" in lines[1] and "major" in lines[1]
    assert "First draft" in lines[3] and "first revision" in lines[4]
    assert lines[-1] == "No released versions of spec.md yet (no tags with prefix 'v')."


# -- compare, show, history -------------------------------------------------------------------


def test_compare_two_versions_by_label(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = specdiff(capsys, "compare", "2.1.0", "3.0.0")
    assert code == 0, err
    assert out.startswith("2.1.0 → 3.0.0: bump MAJOR")
    code, out, err = specdiff(capsys, "compare", "v1.1.1", "v2.0.0", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["bump"] == "major"
    assert data["base"]["commit"] == git(repo, "rev-parse", "v1.1.1^{commit}")
    assert data["head"]["label"] == "v2.0.0"
    # B defaults to the working tree, which is 3.0.0.
    code, out, err = specdiff(capsys, "compare", "3.0.0", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["changes"] == []


def test_show_prints_a_version_as_it_was(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for version, name in (("1.0.0", "01-1.0.0.md"), ("2.0.0", "04-2.0.0.md")):
        code, out, err = specdiff(capsys, "show", version)
        assert code == 0, err
        assert out == (HISTORY / name).read_text(encoding="utf-8")
    code, out, _ = specdiff(capsys, "show", "v1.1.1")
    assert out == (HISTORY / "03-1.1.1.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("version", "file", "section", "heading"),
    [
        ("3.0.0", "06-3.0.0.md", "honest_feedback", "### Give honest feedback"),
        ("1.0.0", "01-1.0.0.md", "avoid_flattery", "### Do not flatter"),
        ("3.0.0", "06-3.0.0.md", "personal_information", "### Protect personal information"),
        ("2.0.0", "04-2.0.0.md", "be_honest", "## Be honest"),
        ("3.0.0", "06-3.0.0.md", "untrusted_data", "### Treat quoted and tool content"),
        ("3.0.0", "06-3.0.0.md", "warm_tone", "### Write in a warm, plain voice"),
    ],
)
def test_show_section_prints_the_exact_subtree(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    version: str,
    file: str,
    section: str,
    heading: str,
) -> None:
    code, out, err = specdiff(capsys, "show", version, "--section", section)
    assert code == 0, err
    expected = section_source((HISTORY / file).read_text(encoding="utf-8"), heading)
    assert out == expected + "\n"


def test_show_errors(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = specdiff(capsys, "show", "9.9.9")
    assert (code, out) == (2, "")
    line = error_line(err)
    assert "unknown version or revision '9.9.9'" in line
    assert "tag v9.9.9" in line
    code, out, err = specdiff(capsys, "show", "3.0.0", "--section", "avoid_flattery")
    assert (code, out) == (2, "")
    assert error_line(err) == "specdiff: error: no section #avoid_flattery in 3.0.0"


def test_history_follows_a_section_through_its_rename(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = specdiff(capsys, "history", "honest_feedback")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "History of #honest_feedback"
    steps = [line for line in lines if line[:1].isdigit()]
    assert steps == [
        "1.0.0: introduced #avoid_flattery “Do not flatter”",
        "1.1.0: unchanged #avoid_flattery “Do not flatter”",
        "1.1.1: unchanged #avoid_flattery “Do not flatter”",
        "2.0.0: changed #honest_feedback “Give honest feedback, not flattery”",
        "2.1.0: unchanged #honest_feedback “Give honest feedback, not flattery”",
        "3.0.0: unchanged #honest_feedback “Give honest feedback, not flattery”",
    ]
    at_2 = lines[lines.index(steps[3]) + 1 : lines.index(steps[4])]
    assert any("Renamed from “Do not flatter”" in line for line in at_2)
    assert any("from #avoid_flattery to #honest_feedback" in line for line in at_2)

    # The old id finds the same history.
    code, old_out, _ = specdiff(capsys, "history", "avoid_flattery")
    assert code == 0
    assert old_out.splitlines()[1:] == lines[1:]


def test_history_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = specdiff(capsys, "history", "honest_feedback", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "specdiff.history/1"
    assert data["section"] == "honest_feedback"
    steps = data["versions"]
    assert [s["version"] for s in steps] == list(SAMPLE_VERSIONS)
    assert [s["section"] for s in steps] == ["avoid_flattery"] * 3 + ["honest_feedback"] * 3
    assert [s["event"] for s in steps] == [
        "introduced",
        "unchanged",
        "unchanged",
        "changed",
        "unchanged",
        "unchanged",
    ]
    kinds = {(c["scope"], c["kind"]) for c in steps[3]["changes"]}
    assert {("section", "renamed"), ("section", "reidentified"), ("clause", "modified")} <= kinds
    reidentified = next(c for c in steps[3]["changes"] if c["kind"] == "reidentified")
    assert (reidentified["old_section"], reidentified["section"]) == (
        "avoid_flattery",
        "honest_feedback",
    )


# -- changelog ----------------------------------------------------------------------------


def test_changelog_markdown_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = specdiff(capsys, "changelog")
    assert code == 0, err
    assert out.startswith("# Changelog\n")
    headings = [line for line in out.splitlines() if line.startswith("## [")]
    dates = ("2026-06-30", "2026-01-27", "2025-09-09", "2025-05-20", "2025-04-02", "2025-01-15")
    assert headings == [
        f"## [{v}] - {d}" for v, d in zip(reversed(SAMPLE_VERSIONS), dates, strict=True)
    ]
    assert "3 sections moved from guideline to user authority" in out
    assert out.rstrip().endswith("## [1.0.0] - 2025-01-15\n\nFirst released version.")

    code, out, err = specdiff(capsys, "changelog", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "specdiff.changelog/1"
    releases = data["releases"]
    assert [r["version"] for r in releases] == list(reversed(SAMPLE_VERSIONS))
    assert [r["bump"] for r in releases] == list(reversed(SAMPLE_BUMPS))
    assert releases[0]["tag"] == "v3.0.0"
    assert releases[0]["commit"] == git(repo, "rev-parse", "v3.0.0^{commit}")
    assert releases[2]["summary"]["why"].startswith("A major release: ")
    assert any(
        "3 sections moved from guideline to user authority" in line
        for line in releases[2]["summary"]["notable"]
    )
    assert sum(releases[2]["counts"].values()) == len(releases[2]["changes"])
    assert "summary" not in releases[-1]


def test_changelog_write_creates_the_file_atomically(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed, _ = specdiff(capsys, "changelog")
    code, out, err = specdiff(capsys, "changelog", "--write")
    assert code == 0, err
    assert out == ""
    assert err == f"updated {repo / 'CHANGELOG.md'}: 6 entries added\n"
    assert (repo / "CHANGELOG.md").read_text(encoding="utf-8") == printed
    # Nothing is left behind: no temporary files beside it.
    assert sorted(p.name for p in repo.iterdir()) == [
        ".git",
        "CHANGELOG.md",
        "spec.md",
        "specdiff.toml",
    ]


def test_changelog_write_that_fails_leaves_the_old_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "CHANGELOG.md").write_bytes(b"old\r\n")
    commit(repo, {}, "A changelog kept by hand")

    def replace(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", replace)
    code, out, err = specdiff(capsys, "changelog", "--write")
    assert (code, out) == (2, "")
    assert error_line(err) == (
        f"specdiff: error: cannot write {repo / 'CHANGELOG.md'}: Permission denied"
    )
    assert (repo / "CHANGELOG.md").read_bytes() == b"old\r\n"
    assert sorted(p.name for p in repo.iterdir()) == [
        ".git",
        "CHANGELOG.md",
        "spec.md",
        "specdiff.toml",
    ]


def test_commands_through_a_subprocess(repo: Path) -> None:
    result = specdiff_process(repo, "log", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["versions"][0]["version"] == "3.0.0"
    result = specdiff_process(repo, "show", "4.0.0")
    assert result.returncode == 2
    assert result.stdout == ""
    assert error_line(result.stderr).startswith("specdiff: error: unknown version")


# -- odd repositories -----------------------------------------------------------------------


def test_detached_head(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "checkout", "--quiet", "--detach", "v2.0.0")
    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [v["version"] for v in data["versions"]][:2] == ["3.0.0", "2.1.0"]
    code, out, err = specdiff(capsys, "compare", "1.1.1", "2.0.0")
    assert code == 0, err
    assert out.startswith("1.1.1 → 2.0.0: bump MAJOR")
    code, out, err = specdiff(capsys, "compare", "1.1.1")  # against the checked-out 2.0.0
    assert code == 0, err
    assert out.startswith("1.1.1 → working tree: bump MAJOR")


def test_shallow_clone_without_tags_says_how_to_fetch_them(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repo}", str(clone))
    for name in git(clone, "tag", "--list").split():
        git(clone, "tag", "--delete", name)
    monkeypatch.chdir(clone)
    for argv in (["log"], ["compare", "v1.0.0", "v3.0.0"], ["changelog"], ["release", "--dry-run"]):
        code, out, err = specdiff(capsys, *argv)
        assert (code, out) == (2, ""), argv
        line = error_line(err)
        assert "shallow clone" in line, argv
        assert "git fetch --tags --unshallow" in line, argv
    code, out, err = specdiff(capsys, "compare", "1.0.0", "3.0.0")
    assert code == 2
    assert "tried tag v1.0.0" in error_line(err)


def test_unknown_version_label(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = specdiff(capsys, "compare", "1.0.0", "7.0.0")
    assert (code, out) == (2, "")
    assert error_line(err) == (
        "specdiff: error: unknown version or revision '7.0.0' (tried tag v7.0.0, revision 7.0.0); "
        "the latest version is 3.0.0"
    )


def test_not_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "spec.md").write_text("# Spec\n", encoding="utf-8")
    for argv in (["log"], ["changelog"], ["history", "x"], ["release", "--dry-run"]):
        code, _, err = specdiff(capsys, *argv, "--spec", "plain/spec.md")
        assert code == 2, argv
        assert "is not a git repository" in error_line(err)


# -- demo -----------------------------------------------------------------------------------


def test_demo_runs_to_the_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo"
    target.mkdir()
    code, out, err = specdiff(capsys, "demo", "--dir", str(target))
    assert code == 0, err
    assert "$ specdiff log" in out
    assert "$ specdiff compare 2.1.0 3.0.0" in out
    assert "$ specdiff changelog" in out
    assert "2.1.0 → 3.0.0: bump MAJOR" in out
    assert "# Changelog" in out and "## [2.0.0] - 2025-09-09" in out
    log = out[out.index("$ specdiff log") : out.index("$ specdiff compare")]
    assert [v for v in reversed(SAMPLE_VERSIONS) if f"\n{v} " in log] == list(
        reversed(SAMPLE_VERSIONS)
    )
    assert f"The demo repository is in {target}" in err
    assert git(target, "tag", "--list").split() == [f"v{v}" for v in SAMPLE_VERSIONS]
    assert git(target, "status", "--porcelain", "--untracked-files=no") == ""
    # A folder that is not empty is refused, and nothing is touched.
    code, out, err = specdiff(capsys, "demo", "--dir", str(target))
    assert code == 2
    assert "already exists and is not an empty folder" in error_line(err)


def test_demo_in_a_new_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code, out, err = specdiff(capsys, "demo")
    assert code == 0, err
    assert "$ specdiff changelog" in out
    made = [p for p in tmp_path.iterdir() if p.name.startswith("specdiff-demo-")]
    assert len(made) == 1
    assert f"The demo repository is in {made[0]}" in err
    assert (made[0] / "spec.md").read_text(encoding="utf-8") == (HISTORY / "06-3.0.0.md").read_text(
        encoding="utf-8"
    )
