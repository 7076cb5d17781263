"""One rule for the next version: ``specdiff release`` and the Action's pull-request check
ask the same function, so the version a check announces is the version the merge makes.

The end-to-end tests run the check on a real pull request (a real repository with a bare
origin and a fake GitHub API), then merge it and run the release the Action runs on the
push, and compare what the two say."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from gitutil import commit, git, isolate_git, tag

from specdiff.cli import run
from specdiff.errors import ReleaseError
from specdiff.model.vocabulary import Level
from specdiff.policy.versioning import is_prerelease, next_version

if TYPE_CHECKING:
    from pathlib import Path

    from fakegithub import FakeGitHub

MAJOR, MINOR, PATCH, NONE = Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE
TODAY = date(2026, 7, 10)


# -- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "bump", "pre", "expected"),
    [
        (None, NONE, None, "1.0.0"),  # the first release is due even without a bump
        (None, MAJOR, "rc", "1.0.0-rc.1"),
        ("1.0.0", NONE, None, None),  # only changes the policy rates "none": no release
        ("1.0.0", NONE, "rc", None),
        ("1.0.0", PATCH, None, "1.0.1"),
        ("1.0.0", MINOR, None, "1.1.0"),
        ("1.0.0", MAJOR, None, "2.0.0"),
        ("2.0.0-rc.2", NONE, None, "2.0.0"),  # a final release finalises the candidate
        ("2.0.0-rc.2", PATCH, None, "2.0.0"),
        ("2.0.0-rc.2", NONE, "rc", None),  # another candidate needs a change
        ("2.0.0-rc.2", PATCH, "rc", "2.0.0-rc.3"),
        ("1.1.0-rc.1", MAJOR, None, "2.0.0"),
    ],
)
def test_next_semver_version(
    latest: str | None, bump: Level, pre: str | None, expected: str | None
) -> None:
    version = next_version(latest, bump, scheme="semver", existing=(), today=TODAY, pre=pre)
    assert version == expected


@pytest.mark.parametrize(
    ("latest", "bump", "existing", "expected"),
    [
        (None, NONE, (), "2026.07.10"),
        ("2026.07.01", NONE, ("2026.07.01",), None),
        ("2026.07.01", PATCH, ("2026.07.01",), "2026.07.10"),
        ("2026.07.10", MAJOR, ("2026.07.10",), "2026.07.10.1"),
    ],
)
def test_next_calver_version(
    latest: str | None, bump: Level, existing: tuple[str, ...], expected: str | None
) -> None:
    assert next_version(latest, bump, scheme="calver", existing=existing, today=TODAY) == expected


def test_calver_has_no_pre_releases_but_nothing_to_release_is_not_an_error() -> None:
    with pytest.raises(ReleaseError, match="pre-releases need the semver version scheme"):
        next_version("2026.07.01", MINOR, scheme="calver", existing=(), today=TODAY, pre="rc")
    assert (
        next_version("2026.07.01", NONE, scheme="calver", existing=(), today=TODAY, pre="rc")
        is None
    )


def test_is_prerelease() -> None:
    assert is_prerelease("2.0.0-rc.1")
    assert not is_prerelease("2.0.0")
    assert not is_prerelease("2026.07.10")


# -- the check and the release agree ----------------------------------------------------------

SPEC = """# Assistant rules {#rules}

## Honesty {#honesty}

The assistant should cite its sources.

The assistant may decline to guess.
"""
CONFIG = 'spec = "spec.md"\n'
EDITORIAL_IS_NONE = CONFIG + '\n[policy.tags]\neditorial = "none"\n'

#: name: (config, the latest tag, the pull request's spec, the version both must name, released)
CASES = {
    "minor": (CONFIG, "v1.0.0", SPEC + "\nThe assistant should say when it is unsure.\n", "1.1.0"),
    "major": (CONFIG, "v1.0.0", SPEC.replace("should cite", "must cite"), "2.0.0"),
    "patch": (CONFIG, "v1.0.0", SPEC.replace("its sources", "its sourcse"), "1.0.1"),
    "none bump": (EDITORIAL_IS_NONE, "v1.0.0", SPEC.replace("its sources", "its sourcse"), "1.0.0"),
    "finalise with none": (
        EDITORIAL_IS_NONE,
        "v2.0.0-rc.1",
        SPEC.replace("its sources", "its sourcse"),
        "2.0.0",
    ),
    "finalise with patch": (
        CONFIG,
        "v2.0.0-rc.1",
        SPEC.replace("its sources", "its sourcse"),
        "2.0.0",
    ),
    "pre-release bumped past": (
        CONFIG,
        "v1.1.0-rc.1",
        SPEC.replace("should cite", "must cite"),
        "2.0.0",
    ),
}


def _ci(
    monkeypatch: pytest.MonkeyPatch,
    tmp: Path,
    github: FakeGitHub,
    event_name: str,
    event: dict[str, Any],
) -> dict[str, str]:
    """Run ``specdiff ci`` for one event; its outputs (GITHUB_OUTPUT, parsed)."""
    event_path = tmp / "event.json"
    event_path.write_text(json.dumps(event), encoding="utf-8")
    output = tmp / "github_output"
    output.write_text("", encoding="utf-8")
    (tmp / "runner_temp").mkdir(exist_ok=True)
    variables = {
        "GITHUB_EVENT_NAME": event_name,
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(tmp / "step_summary"),
        "GITHUB_REPOSITORY": "acme/spec",
        "GITHUB_API_URL": github.url,
        "GITHUB_TOKEN": "test-token",
        "GITHUB_REF": "refs/heads/main",
        "RUNNER_TEMP": str(tmp / "runner_temp"),
        "SPECDIFF_API_TIMEOUT": "2",
        "SPECDIFF_FAIL_ON": "none",
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    for name in ("SPECDIFF_MODE", "SPECDIFF_SPEC", "SPECDIFF_SITE_DIR"):
        monkeypatch.delenv(name, raising=False)
    assert run(["ci"]) == 0
    outputs: dict[str, str] = {}
    lines = output.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if "<<" in line:
            name, delimiter = line.split("<<", 1)
            outputs[name] = "\n".join(lines[i + 1 : lines.index(delimiter, i + 1)])
    return outputs


@pytest.mark.parametrize("case", list(CASES))
def test_the_pull_request_check_names_the_version_the_merge_releases(
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    github: FakeGitHub,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config, latest_tag, changed, expected = CASES[case]
    isolate_git(monkeypatch, tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "--quiet", "-b", "main")
    commit(work, {"spec.md": SPEC, "specdiff.toml": config}, "First version")
    tag(work, latest_tag, message=f"Release {latest_tag}")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "--quiet", "origin", "main", "--tags")
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(work, {"spec.md": changed}, "Edit the spec")
    monkeypatch.chdir(work)

    pull = {
        "number": 7,
        "title": "Edit",
        "body": "",
        "base": {"sha": git(work, "rev-parse", "main"), "ref": "main"},
        "head": {"sha": git(work, "rev-parse", "HEAD"), "ref": "feature"},
        "labels": [],
    }
    event = {"action": "opened", "number": 7, "pull_request": pull}
    checked = _ci(monkeypatch, tmp_path, github, "pull_request", event)
    assert checked["next-version"] == expected

    git(work, "checkout", "--quiet", "main")
    git(work, "merge", "--quiet", "--ff-only", "feature")
    git(work, "push", "--quiet", "origin", "main")
    push = {"ref": "refs/heads/main", "repository": {"default_branch": "main"}}
    released = _ci(monkeypatch, tmp_path, github, "push", push)
    assert released["next-version"] == checked["next-version"]
    should_release = expected != latest_tag.removeprefix("v")
    assert released["released"] == str(should_release).lower()
    tags = git(origin, "tag", "--list").split()
    assert (f"v{expected}" in tags) is True
    assert len(tags) == (2 if should_release else 1)
    capsys.readouterr()
