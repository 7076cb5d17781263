"""`specdiff release` end to end: dry runs, real releases, refusals, releases that fail
half-way (all or nothing), calendar versions, pre-releases and a first release."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest
from gitutil import CORPUS, commit, git, init_repo, isolate_git
from historyutil import edit_spec, error_line, sample_repo, snapshot, specdiff

from specdiff.errors import ReleaseError
from specdiff.history.release import execute, plan_release
from specdiff.history.store import SpecStore
from specdiff.history.timeline import Timeline
from specdiff.history.workspace import Workspace

if TYPE_CHECKING:
    from pathlib import Path


#: Makes the sample's 3.0.0 need a major release: a "should not" becomes "must not".
STRONGER = ("Wren should not use the user's first name", "Wren must not use the user's first name")


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def repo(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The sample history with one more commit that strengthens a rule; the current folder."""
    path = sample_repo(tmp_path_factory, tmp_path / "repo")
    monkeypatch.chdir(path)
    edit_spec(path, *STRONGER)
    commit(path, {}, "Never use first names", date="2026-07-01T09:00:00+00:00")
    return path


def entry_of(changelog: str, version: str) -> str:
    """One entry (``## [version] ...`` up to the next entry) of a changelog."""
    start = changelog.index(f"## [{version}]")
    end = changelog.find("\n## [", start + 1)
    return changelog[start : end if end != -1 else len(changelog)].strip("\n")


def test_dry_run_prints_the_entry_and_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(repo)
    code, out, err = specdiff(capsys, "release", "--dry-run", "--date", "2026-07-10")
    assert code == 0, err
    assert err.strip() == "would release v4.0.0 (major bump since v3.0.0); dry run, nothing written"
    assert out.startswith("## [4.0.0] - 2026-07-10\n\nA major release: it strengthens 1 rule.\n")
    assert (
        "- In “Write in a warm, plain voice”, a rule is strengthened (“should not” → “must not”): "
        in out
    )
    assert snapshot(repo) == before


def test_release_writes_changelog_commits_and_tags_once(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = git(repo, "rev-parse", "HEAD")
    code, out, err = specdiff(capsys, "release", "--date", "2026-07-10")
    assert code == 0, err
    head = git(repo, "rev-parse", "HEAD")
    assert err.strip() == (
        f"released v4.0.0 (major bump since v3.0.0): CHANGELOG.md updated, commit {head[:9]}, "
        "tag v4.0.0"
    )
    # The commit: on the branch, one parent, only the changelog.
    assert git(repo, "rev-parse", "HEAD^") == start
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD") == "main"
    assert git(repo, "diff", "--name-only", "HEAD^", "HEAD") == "CHANGELOG.md"
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    # The changelog: the header, then the entry that was printed.
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n\nAll notable changes")
    assert entry_of(changelog, "4.0.0") == out.strip("\n")
    # The tag: annotated, on the release commit, dated on the release date, with the summary.
    assert git(repo, "cat-file", "-t", "v4.0.0") == "tag"
    assert git(repo, "rev-parse", "v4.0.0^{commit}") == head
    assert git(repo, "for-each-ref", "--format=%(creatordate:short)", "refs/tags/v4.0.0") == (
        "2026-07-10"
    )
    message = git(repo, "for-each-ref", "--format=%(contents)", "refs/tags/v4.0.0")
    lines = message.splitlines()
    assert lines[0] == "Release v4.0.0"
    assert lines[2] == "A major release: it strengthens 1 rule."
    assert (
        "- 1 rule strengthened in “Write in a warm, plain voice”: “should not” → “must not”."
        in (lines)
    )
    assert lines[-1].startswith("1 change in all (all major)")
    assert git(repo, "log", "-1", "--format=%B", "HEAD").strip() == message.strip()

    # `changelog` rebuilds the very same entry from the tags.
    code, rebuilt, _ = specdiff(capsys, "changelog")
    assert entry_of(rebuilt, "4.0.0") == entry_of(changelog, "4.0.0")

    # Running it again changes nothing.
    after = snapshot(repo)
    code, out, err = specdiff(capsys, "release", "--date", "2026-07-11")
    assert (code, out) == (0, "")
    assert err.strip() == ("nothing to release: spec.md has not changed in meaning since v4.0.0")
    assert snapshot(repo) == after
    code, _, err = specdiff(capsys, "release", "--dry-run")
    assert code == 0
    assert "nothing to release" in err


def test_release_refuses_a_dirty_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(repo, "## Younger users", "## Young users")
    before = snapshot(repo, ("CHANGELOG.md", "spec.md"))
    code, out, err = specdiff(capsys, "release")
    assert (code, out) == (2, "")
    assert "uncommitted changes; commit or stash them before releasing" in error_line(err)
    assert snapshot(repo, ("CHANGELOG.md", "spec.md")) == before
    git(repo, "add", "spec.md")  # staged counts too
    code, _, err = specdiff(capsys, "release")
    assert code == 2
    assert "uncommitted changes" in error_line(err)
    # An untracked file is no reason to refuse, and it is left alone.
    git(repo, "reset", "--quiet", "--hard")
    (repo / "notes.txt").write_text("scratch\n", encoding="utf-8")
    code, _, err = specdiff(capsys, "release", "--date", "2026-07-10")
    assert code == 0, err
    assert (repo / "notes.txt").read_text(encoding="utf-8") == "scratch\n"
    assert git(repo, "status", "--porcelain") == "?? notes.txt"


def test_release_refuses_an_existing_tag(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # v4.0.0 already names a commit where the spec does not exist (so it is no version).
    git(repo, "checkout", "--quiet", "--orphan", "elsewhere")
    git(repo, "rm", "--quiet", "-r", "-f", ".")
    commit(repo, {"README.md": "other things\n"}, "Unrelated")
    git(repo, "tag", "-a", "-m", "not ours", "v4.0.0")
    git(repo, "checkout", "--quiet", "main")
    before = snapshot(repo)
    code, out, err = specdiff(capsys, "release")
    assert (code, out) == (2, "")
    assert error_line(err) == (
        "specdiff: error: the next version's tag v4.0.0 already exists (spec.md does not exist "
        "at v4.0.0, so it is not counted as a release of spec.md); if the spec had another name "
        'there, add [[renames]] from = "OLD" to = "spec.md" to specdiff.toml; if the tag '
        "belongs to something else, give this spec its own tag_prefix. specdiff never moves "
        "or deletes a tag"
    )
    assert snapshot(repo) == before
    code, out, _ = specdiff(capsys, "log")
    assert "(skipped v4.0.0: spec.md does not exist at v4.0.0)" in out


def test_a_tag_made_meanwhile_is_not_deleted_by_the_undo(repo: Path) -> None:
    workspace = Workspace.discover(cwd=repo)
    plan = plan_release(workspace, Timeline(workspace))
    assert plan is not None and plan.tag == "v4.0.0"
    git(repo, "tag", "v4.0.0", "HEAD~2")  # someone else was faster
    before = snapshot(repo)
    with pytest.raises(ReleaseError, match=r"release v4\.0\.0 failed and was undone: .*exists"):
        execute(workspace, plan)
    assert snapshot(repo) == before
    assert git(repo, "rev-parse", "v4.0.0") == git(repo, "rev-parse", "HEAD~2")


# -- all or nothing -------------------------------------------------------------------------


@pytest.mark.parametrize("had_changelog", [True, False])
def test_a_tag_that_cannot_be_created_undoes_the_release(
    repo: Path, capsys: pytest.CaptureFixture[str], had_changelog: bool
) -> None:
    if had_changelog:
        commit(repo, {"CHANGELOG.md": "# Changelog\n\nKept by hand.\r\n"}, "Start a changelog")
    # A directory where the tag's ref must go makes `git tag` fail for real.
    (repo / ".git" / "refs" / "tags" / "v4.0.0").mkdir()
    (repo / ".git" / "refs" / "tags" / "v4.0.0" / "blocker").write_text("x\n", encoding="utf-8")
    before = snapshot(repo)
    code, out, err = specdiff(capsys, "release", "--date", "2026-07-10")
    assert (code, out) == (2, "")
    line = error_line(err)
    assert line.startswith("specdiff: error: release v4.0.0 failed and was undone: git tag failed")
    assert snapshot(repo) == before
    assert (repo / "CHANGELOG.md").exists() is had_changelog
    assert "v4.0.0" not in git(repo, "for-each-ref", "--format=%(refname)", "refs/tags")


@pytest.mark.parametrize("failure", [ReleaseError("the disk is full"), KeyboardInterrupt()])
def test_any_failure_while_tagging_undoes_the_release(
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    failure: BaseException,
) -> None:
    (repo / "CHANGELOG.md").write_text("# Changelog\n\nUntracked draft.\n", encoding="utf-8")
    before = snapshot(repo)

    def create_tag(self: SpecStore, *args: object, **kwargs: object) -> None:
        assert git(repo, "rev-parse", "HEAD") != before["head"]  # the commit was made
        raise failure

    monkeypatch.setattr(SpecStore, "create_tag", create_tag)
    code, out, err = specdiff(capsys, "release")
    assert out == ""
    if isinstance(failure, KeyboardInterrupt):
        assert (code, err.strip()) == (130, "specdiff: error: interrupted")
    else:
        assert code == 2
        assert error_line(err) == (
            "specdiff: error: release v4.0.0 failed and was undone: the disk is full"
        )
    assert snapshot(repo) == before


def test_a_failing_commit_hook_undoes_the_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'no releases on Fridays' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = snapshot(repo)
    code, out, err = specdiff(capsys, "release")
    assert (code, out) == (2, "")
    assert "git commit failed" in error_line(err)
    assert "no releases on Fridays" in err
    assert snapshot(repo) == before  # nothing staged either


# -- odd repositories -----------------------------------------------------------------------


def test_release_dry_run_on_a_detached_head(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "checkout", "--quiet", "--detach", "HEAD")
    before = snapshot(repo)
    code, out, err = specdiff(capsys, "release", "--dry-run", "--date", "2026-07-10")
    assert code == 0, err
    assert "would release v4.0.0 (major bump since v3.0.0)" in err
    assert out.startswith("## [4.0.0] - 2026-07-10\n")
    assert snapshot(repo) == before
    assert snapshot(repo)["branch"] == "HEAD"


def test_first_release_without_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "fresh")
    commit(
        repo,
        {
            "spec.md": "# Spec\n\nThe server must answer.\n",
            "CHANGELOG.md": b"# Changelog\r\n\r\nOur notes.\r\n",  # Windows line endings
        },
        "Write the spec",
    )
    monkeypatch.chdir(repo)
    code, out, err = specdiff(capsys, "release", "--date", "2025-01-15")
    assert code == 0, err
    assert "released v1.0.0 (first release)" in err
    assert out == "## [1.0.0] - 2025-01-15\n\nFirst released version.\n"
    assert (repo / "CHANGELOG.md").read_bytes() == (
        b"# Changelog\r\n\r\nOur notes.\r\n\r\n## [1.0.0] - 2025-01-15\r\n\r\n"
        b"First released version.\r\n"
    )
    message = git(repo, "for-each-ref", "--format=%(contents)", "refs/tags/v1.0.0")
    assert message.strip() == "Release v1.0.0\n\nFirst released version."
    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert [v["version"] for v in json.loads(out)["versions"]] == ["1.0.0"]


def test_calendar_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "calver")
    config = 'spec = "spec.md"\nversion_scheme = "calver"\ntag_prefix = ""\n'
    commit(
        repo,
        {"specdiff.toml": config, "spec.md": "# Spec\n\nThe server should answer.\n"},
        "Write the spec",
    )
    monkeypatch.chdir(repo)
    code, _, err = specdiff(capsys, "release", "--date", "2025-09-12")
    assert code == 0, err
    assert "released 2025.09.12 (first release)" in err
    edit_spec(repo, "should answer", "must answer")
    commit(repo, {}, "Must answer")
    code, out, err = specdiff(capsys, "release", "--date", "2025-09-12")
    assert code == 0, err
    assert "released 2025.09.12.1 (major bump since 2025.09.12)" in err
    assert out.startswith(
        "## [2025.09.12.1] - 2025-09-12\n\nA major release: it strengthens 1 rule."
    )
    assert git(repo, "tag", "--list").split() == ["2025.09.12", "2025.09.12.1"]
    edit_spec(repo, "# Spec", "# The spec")
    commit(repo, {}, "Retitle")
    code, out, err = specdiff(capsys, "release", "--date", "2025-09-13", "--dry-run")
    assert code == 0, err
    assert "would release 2025.09.13 (patch bump since 2025.09.12.1)" in err
    code, out, err = specdiff(capsys, "release", "--pre", "rc")
    assert code == 2
    assert "pre-releases need the semver version scheme" in error_line(err)

    code, out, _ = specdiff(capsys, "log", "--format", "json")
    versions = json.loads(out)["versions"]
    assert [(v["version"], v["date"], v["bump"]) for v in versions] == [
        ("2025.09.12.1", "2025-09-12", "major"),
        ("2025.09.12", "2025-09-12", None),
    ]
    code, out, _ = specdiff(capsys, "changelog")
    assert entry_of(out, "2025.09.12.1") == entry_of(
        (repo / "CHANGELOG.md").read_text(encoding="utf-8"), "2025.09.12.1"
    )


def test_pre_releases_then_the_final_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "pre")
    spec = "# Spec\n\n## Answers {#answers}\n\nThe server should answer.\n"
    commit(repo, {"spec.md": spec}, "Write the spec")
    git(repo, "tag", "-a", "-m", "Three", "v3.0.0")
    monkeypatch.chdir(repo)
    edit_spec(repo, "should answer", "must answer")
    commit(repo, {}, "Must answer")

    code, out, err = specdiff(capsys, "release", "--pre", "rc", "--date", "2026-07-10")
    assert code == 0, err
    assert "released v4.0.0-rc.1 (major bump since v3.0.0)" in err
    edit_spec(repo, "## Answers", "## Replies")
    commit(repo, {}, "Retitle a section")
    code, out, err = specdiff(capsys, "release", "--pre", "rc", "--date", "2026-07-11")
    assert code == 0, err
    assert "released v4.0.0-rc.2 (patch bump since v4.0.0-rc.1)" in err
    code, out, err = specdiff(capsys, "release", "--pre", "rc")
    assert code == 0
    assert "nothing to release" in err

    # The final release needs no further change.
    code, out, err = specdiff(capsys, "release", "--date", "2026-07-12")
    assert code == 0, err
    # Its entry rolls up the pre-releases (tests/test_changelog_write.py has the details).
    assert "released v4.0.0 (major bump since v3.0.0)" in err
    assert out.startswith(
        "## [4.0.0] - 2026-07-12\n\n"
        "Everything since 3.0.0, first released as pre-releases 4.0.0-rc.1 and 4.0.0-rc.2.\n"
    )
    code, out, err = specdiff(capsys, "release")
    assert code == 0
    assert "nothing to release: spec.md has not changed in meaning since v4.0.0" in err

    code, out, _ = specdiff(capsys, "log", "--format", "json")
    assert [v["version"] for v in json.loads(out)["versions"]] == [
        "4.0.0",
        "4.0.0-rc.2",
        "4.0.0-rc.1",
        "3.0.0",
    ]
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert [line for line in changelog.splitlines() if line.startswith("## [")] == [
        "## [4.0.0] - 2026-07-12",
        "## [4.0.0-rc.2] - 2026-07-11",
        "## [4.0.0-rc.1] - 2026-07-10",
    ]
    code, out, _ = specdiff(capsys, "changelog")
    assert out.startswith(changelog.split("\n## [3.0.0]")[0])

    edit_spec(repo, "## Replies", "## Answers")
    commit(repo, {}, "Retitle back")
    code, _, err = specdiff(capsys, "release", "--pre", "rc.1", "--dry-run")
    assert code == 2
    assert "'rc.1' is not a pre-release label" in error_line(err)
    code, _, err = specdiff(capsys, "release", "--pre", "beta", "--dry-run")
    assert code == 0, err
    assert "would release v4.0.1-beta.1 (patch bump since v4.0.0)" in err


def test_release_plan_is_none_without_changes_in_meaning(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    path = sample_repo(tmp_path_factory, tmp_path / "same")
    (path / "README.md").write_text("About the spec.\n", encoding="utf-8")
    commit(path, {}, "Add a readme")
    workspace = Workspace.discover(cwd=path)
    assert plan_release(workspace, Timeline(workspace)) is None


# -- the real model spec ------------------------------------------------------------------


@pytest.mark.corpus
def test_release_the_model_spec_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = CORPUS / "openai-model-spec"
    if not (source / "manifest.toml").is_file():
        pytest.skip(f"corpus not found at {CORPUS} (set SPECDIFF_CORPUS)")
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(source / "01-2025-02-12.md", first / "01-2025-02-12.md")
    (first / "manifest.toml").write_text(
        'title = "OpenAI Model Spec"\nspec_path = "model_spec.md"\n\n[[versions]]\n'
        'version = "2025-02-12"\nfile = "01-2025-02-12.md"\nmessage = "Release 2025-02-12"\n'
        'date = "2025-02-12T12:16:36-08:00"\n',
        encoding="utf-8",
    )
    code, _, err = specdiff(capsys, "import", str(first), "--into", "repo")
    assert code == 0, err
    repo = tmp_path / "repo"
    monkeypatch.chdir(repo)
    second = (source / "02-2025-04-11.md").read_text(encoding="utf-8")
    commit(repo, {"model_spec.md": second}, "Update the spec", date="2025-04-11T14:03:09-07:00")

    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [v["version"] for v in data["versions"]] == ["2025.02.12"]
    assert [(u["subject"], u["bump"]) for u in data["unreleased"]] == [("Update the spec", "major")]

    code, out, err = specdiff(capsys, "release", "--date", "2025-04-11")
    assert code == 0, err
    assert "released 2025.04.11 (major bump since 2025.02.12)" in err
    entry = out
    assert entry.startswith("## [2025.04.11] - 2025-04-11\n\nA major release: it reverses 1 rule")
    # The highlights come first: the white-lies rule with its old and new wording, and the
    # worked example that moved.
    highlights = entry.split("\n\n")[2].splitlines()
    white_lies = [line for line in highlights if '"white lies"' in line]
    assert white_lies[0].startswith(
        "- In “Do not lie”, a rule is reversed (“are allowed” → “are not allowed”): "
        '“First, "white lies" that are necessary'
    )
    assert '→ “However, even "white lies" that humans may use' in white_lies[0]
    assert (
        "- The worked example “a white lie that's over the line” moved within “Do not lie”."
        in highlights
    )
    assert entry_of((repo / "CHANGELOG.md").read_text(encoding="utf-8"), "2025.04.11") == (
        entry.strip("\n")
    )

    code, out, err = specdiff(capsys, "log")
    assert code == 0, err
    rows = [line.split() for line in out.splitlines()[1:]]
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("2025.04.11", "2025-04-11", "major"),
        ("2025.02.12", "2025-02-12", "-"),
    ]
    assert git(repo, "tag", "--list").split() == ["2025.02.12", "2025.04.11"]
