"""`specdiff changelog --write` keeps what people wrote, on real git repositories: the
preamble, lines added inside released entries, an [Unreleased] section and entries for
versions specdiff does not know; it refuses a CHANGELOG.md with uncommitted changes;
`--regenerate` names what it drops and `--dry-run` shows the diff. Final releases roll up
their pre-releases."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from gitutil import commit, git, init_repo, isolate_git
from historyutil import edit_spec, error_line, sample_repo, specdiff

if TYPE_CHECKING:
    from pathlib import Path

PREAMBLE = "# Changes to the Wren spec\n\nWritten by the Wren team; the newest release first.\n"
UNRELEASED = "## [Unreleased]\n\n- Working on a section about voice products.\n"
THANKS = "Thanks to Ada and Grace for the review."
OLD_HISTORY = "## [0.9.0] - 2024-12-01\n\nA draft shared with partners, kept by hand.\n"


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def repo(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Path:
    """The sample history with a hand-kept CHANGELOG.md, committed: a preamble, an
    Unreleased section, the entries up to 2.1.0 (3.0.0 is missing) with a "Thanks" line
    added to 2.0.0, and an older entry specdiff knows nothing about."""
    path = sample_repo(tmp_path_factory, tmp_path / "repo")
    monkeypatch.chdir(path)
    code, generated, err = specdiff(capsys, "changelog")
    assert code == 0, err
    entries = generated[generated.index("## [2.1.0]") :]
    entries = entries.replace("## [1.1.1]", f"{THANKS}\n\n## [1.1.1]", 1)
    text = f"{PREAMBLE}\n{UNRELEASED}\n{entries.rstrip()}\n\n{OLD_HISTORY}"
    commit(path, {"CHANGELOG.md": text}, "Keep a changelog by hand")
    return path


def headings(text: str) -> list[str]:
    return [line.split(" - ")[0] for line in text.splitlines() if line.startswith("## [")]


def test_write_keeps_what_people_wrote_and_adds_the_missing_entry(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    code, generated, _ = specdiff(capsys, "changelog")
    code, out, err = specdiff(capsys, "changelog", "--write")
    assert (code, out) == (0, ""), err
    assert err == f"updated {repo / 'CHANGELOG.md'}: 1 entry added\n"
    after = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert after.startswith(PREAMBLE + "\n" + UNRELEASED + "\n## [3.0.0] - 2026-06-30\n")
    assert headings(after) == [
        "## [Unreleased]",
        "## [3.0.0]",
        "## [2.1.0]",
        "## [2.0.0]",
        "## [1.1.1]",
        "## [1.1.0]",
        "## [1.0.0]",
        "## [0.9.0]",
    ]
    assert THANKS in after
    assert after.endswith(OLD_HISTORY)
    # The new entry is the one `changelog` prints; everything else is byte for byte.
    new_entry = generated[generated.index("## [3.0.0]") : generated.index("## [2.1.0]")]
    assert after.replace(new_entry, "") == before
    # Writing again changes nothing.
    code, out, err = specdiff(capsys, "changelog", "--write")
    assert code == 0, err
    assert err == "CHANGELOG.md is up to date (6 releases)\n"
    assert (repo / "CHANGELOG.md").read_text(encoding="utf-8") == after


@pytest.mark.parametrize("state", ["edited", "staged", "untracked"])
def test_write_refuses_a_changelog_with_uncommitted_changes(
    repo: Path, capsys: pytest.CaptureFixture[str], state: str
) -> None:
    path = repo / "CHANGELOG.md"
    if state == "untracked":
        git(repo, "rm", "--cached", "--quiet", "CHANGELOG.md")
        git(repo, "commit", "--quiet", "-m", "Stop tracking the changelog")
    else:
        path.write_text(path.read_text(encoding="utf-8") + "An edit in progress.\n", "utf-8")
        if state == "staged":
            git(repo, "add", "CHANGELOG.md")
    before = path.read_bytes()
    status = git(repo, "status", "--porcelain", "--untracked-files=all")
    code, out, err = specdiff(capsys, "changelog", "--write")
    assert (code, out) == (2, "")
    assert error_line(err) == (
        "specdiff: error: CHANGELOG.md has uncommitted changes; "
        "commit or stash them first (or use --dry-run)"
    )
    assert path.read_bytes() == before
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == status


def test_regenerate_names_the_lines_it_drops_and_dry_run_shows_the_diff(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / "CHANGELOG.md"
    before = path.read_bytes()
    code, out, err = specdiff(capsys, "changelog", "--write", "--regenerate", "--dry-run")
    assert code == 0, err
    assert err.splitlines() == [
        f"would drop from [2.0.0]: {THANKS}",
        f"would update {path}: 1 entry added, 1 entry rebuilt; dry run, nothing written",
    ]
    assert out.startswith("--- a/CHANGELOG.md\n+++ b/CHANGELOG.md\n")
    assert f"\n-{THANKS}\n" in out
    assert "\n+## [3.0.0] - 2026-06-30\n" in out
    assert path.read_bytes() == before

    code, out, err = specdiff(capsys, "changelog", "--write", "--regenerate")
    assert (code, out) == (0, ""), err
    assert err.splitlines() == [
        f"dropped from [2.0.0]: {THANKS}",
        f"updated {path}: 1 entry added, 1 entry rebuilt",
    ]
    after = path.read_text(encoding="utf-8")
    assert THANKS not in after
    # The preamble, Unreleased and the unknown old entry are not released entries: kept.
    assert after.startswith(PREAMBLE + "\n" + UNRELEASED)
    assert after.endswith(OLD_HISTORY)


def test_dry_run_and_regenerate_need_write(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--dry-run", "--regenerate"):
        code, out, err = specdiff(capsys, "changelog", flag)
        assert (code, out) == (2, "")
        assert error_line(err) == "specdiff: error: --regenerate and --dry-run go with --write"


def test_finalising_a_release_candidate_rolls_up_its_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "rc")
    spec = "# Spec\n\n## Answers {#answers}\n\nThe server should answer.\n"
    commit(repo, {"spec.md": spec}, "Write the spec")
    git(repo, "tag", "-a", "-m", "Three", "v3.0.0")
    monkeypatch.chdir(repo)
    edit_spec(repo, "should answer", "must answer")
    commit(repo, {}, "Must answer")
    code, _, err = specdiff(capsys, "release", "--pre", "rc", "--date", "2026-07-10")
    assert code == 0, err
    edit_spec(repo, "## Answers", "## Replies")
    commit(repo, {}, "Retitle a section")
    code, _, err = specdiff(capsys, "release", "--pre", "rc", "--date", "2026-07-11")
    assert code == 0, err

    code, out, err = specdiff(capsys, "release", "--date", "2026-07-12")
    assert code == 0, err
    assert "released v4.0.0 (major bump since v3.0.0)" in err
    assert out.startswith(
        "## [4.0.0] - 2026-07-12\n\n"
        "Everything since 3.0.0, first released as pre-releases 4.0.0-rc.1 and 4.0.0-rc.2.\n\n"
        "A major release: it strengthens 1 rule.\n"
    )
    assert "“should” → “must”" in out
    assert "renamed from “Answers”" in out
    # The tag message tells the same story.
    assert "strengthens 1 rule" in git(repo, "tag", "-l", "--format=%(contents)", "v4.0.0")
    # The rebuilt changelog agrees with the entry written at release time; the rcs keep
    # their own entries.
    code, rebuilt, _ = specdiff(capsys, "changelog")
    written = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert rebuilt.split("## [4.0.0-rc.2]")[0] == written.split("## [4.0.0-rc.2]")[0]
    assert "## [4.0.0-rc.2] - 2026-07-11\n\nA patch release" in rebuilt


def test_merge_keeps_link_definitions_at_the_end_and_orders_new_entries() -> None:
    from specdiff.render.changelog_file import merge_changelog

    existing = (
        "# Changelog\n\n## [2.0.0] - 2025-02-01\n\nBig.\n\n## [1.0.0] - 2025-01-01\n\nFirst.\n\n"
        "[2.0.0]: https://example.com/v2\n[1.0.0]: https://example.com/v1\n"
    )
    entries = [
        ("3.0.0", "## [3.0.0] - 2025-03-01\n\nBigger.\n"),
        ("2.0.0", "## [2.0.0] - 2025-02-01\n\nRegenerated.\n"),
        ("1.5.0", "## [1.5.0] - 2025-01-15\n\nMiddle.\n"),
        ("1.0.0", "## [1.0.0] - 2025-01-01\n\nFirst.\n"),
    ]
    merged = merge_changelog(existing, entries, "# Changelog\n")
    assert merged.added == ("3.0.0", "1.5.0")
    assert merged.text == (
        "# Changelog\n\n## [3.0.0] - 2025-03-01\n\nBigger.\n\n## [2.0.0] - 2025-02-01\n\nBig.\n\n"
        "## [1.5.0] - 2025-01-15\n\nMiddle.\n\n## [1.0.0] - 2025-01-01\n\nFirst.\n\n"
        "[2.0.0]: https://example.com/v2\n[1.0.0]: https://example.com/v1\n"
    )
    regenerated = merge_changelog(existing, entries, "# Changelog\n", regenerate=True)
    assert regenerated.replaced == ("2.0.0",)
    assert regenerated.dropped == (("2.0.0", "Big."),)
    assert "\nRegenerated.\n" in regenerated.text
    assert merge_changelog(None, entries[:1], "# Changelog\n").text == (
        "# Changelog\n\n## [3.0.0] - 2025-03-01\n\nBigger.\n"
    )
