"""`specdiff ci` end to end: real repositories, a bare remote, and a fake GitHub API."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from gitutil import commit, git, isolate_git, released_clone, tag

from specdiff.action._api import head_line, marker
from specdiff.cli import run

if TYPE_CHECKING:
    from pathlib import Path

    from fakegithub import FakeGitHub

SPEC_V1 = """# Assistant rules {#rules}

## Honesty {#honesty authority=user}

The assistant should cite its sources.

The assistant may decline to guess.

## Privacy {#privacy authority=root}

The assistant must not reveal personal data.
"""
CONFIG = """spec = "spec.md"

[attributes]
authority = ["root", "system", "developer", "user", "guideline"]
"""
HOSTILE = "$(touch pwned) `touch pwned2` ${{ github.token }}"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A spec repository released as v1.0.0, cloned from a bare 'origin'."""
    isolate_git(monkeypatch, tmp_path)
    return released_clone(tmp_path, {"spec.md": SPEC_V1, "specdiff.toml": CONFIG})


def _environment(
    monkeypatch: pytest.MonkeyPatch,
    tmp: Path,
    github: FakeGitHub,
    event_name: str,
    event: dict[str, Any],
    **extra: str,
) -> dict[str, Path]:
    event_path = tmp / f"event-{len(github.calls)}.json"
    event_path.write_text(json.dumps(event), encoding="utf-8")
    files = {"output": tmp / "github_output", "summary": tmp / "step_summary"}
    for file in files.values():
        file.write_text("", encoding="utf-8")
    runner_temp = tmp / "runner_temp"
    runner_temp.mkdir(exist_ok=True)
    variables = {
        "GITHUB_EVENT_NAME": event_name,
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_OUTPUT": str(files["output"]),
        "GITHUB_STEP_SUMMARY": str(files["summary"]),
        "GITHUB_REPOSITORY": "acme/spec",
        "GITHUB_API_URL": github.url,
        "GITHUB_TOKEN": "test-token",
        "RUNNER_TEMP": str(runner_temp),
        "SPECDIFF_API_TIMEOUT": "2",
        **extra,
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    for name in ("SPECDIFF_MODE", "SPECDIFF_FAIL_ON", "SPECDIFF_SPEC", "SPECDIFF_SITE_DIR"):
        if name not in extra:
            monkeypatch.delenv(name, raising=False)
    return files


def _requests(github: FakeGitHub) -> list[str]:
    return [f"{c.method} {c.path.split('?')[0]}" for c in github.calls]


def _outputs(path: Path) -> dict[str, str]:
    """Parse GITHUB_OUTPUT's ``name<<DELIMITER`` blocks."""
    values: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if "<<" in lines[i]:
            name, delimiter = lines[i].split("<<", 1)
            end = lines.index(delimiter, i + 1)
            values[name] = "\n".join(lines[i + 1 : end])
            i = end
        i += 1
    return values


def _pull_request_event(
    work: Path, labels: tuple[str, ...] = (), title: str = "Tighten honesty"
) -> dict[str, Any]:
    base = git(work, "rev-parse", "origin/main")
    head = git(work, "rev-parse", "HEAD")
    return {
        "action": "opened",
        "number": 7,
        "pull_request": {
            "number": 7,
            "title": title,
            "body": title,
            "base": {"sha": base, "ref": "main"},
            "head": {"sha": head, "ref": "feature"},
            "labels": [{"name": label} for label in labels],
        },
        "repository": {"full_name": "acme/spec", "default_branch": "main"},
    }


def _open_pull_request(
    work: Path,
    github: FakeGitHub,
    labels: tuple[str, ...] = (),
    title: str = "Tighten honesty",
) -> dict[str, Any]:
    """The pull_request event for HEAD of ``work``, with the fake API knowing the PR."""
    event = _pull_request_event(work, labels=labels, title=title)
    github.set_pull(7, event["pull_request"]["head"]["sha"], labels)
    return event


def _make_major_change(work: Path, branch: str = "feature") -> None:
    git(work, "checkout", "--quiet", "-b", branch)
    commit(work, {"spec.md": SPEC_V1.replace("should cite", "must cite")}, "Sources are required")


def _major_pull_request(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    labels: tuple[str, ...] = (),
    **extra: str,
) -> dict[str, Path]:
    """A feature branch that strengthens a rule, checked out, with its PR event set up."""
    work, tmp = project["work"], project["tmp"]
    _make_major_change(work)
    monkeypatch.chdir(work)
    event = _open_pull_request(work, github, labels=labels)
    return _environment(monkeypatch, tmp, github, "pull_request", event, **extra)


def test_pull_request_comment_created_then_updated(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp = project["work"], project["tmp"]
    files = _major_pull_request(project, github, monkeypatch)

    assert run(["ci"]) == 1
    out = capsys.readouterr().out
    assert "::error file=spec.md" in out
    assert "normative.strengthened" in out
    outputs = _outputs(files["output"])
    assert outputs["bump"] == "major"
    assert outputs["next-version"] == "2.0.0"
    report = json.loads((tmp / "runner_temp" / "specdiff-compare.json").read_text(encoding="utf-8"))
    assert outputs["compare-json"].endswith("specdiff-compare.json")
    assert report["schema"] == "specdiff.compare/1"
    assert report["bump"] == "major"
    summary = files["summary"].read_text(encoding="utf-8")
    assert "bump **MAJOR**" in summary
    assert "Check failed" in summary
    assert "spec-major-ok" in summary
    assert _requests(github) == [
        "GET /repos/acme/spec/pulls/7",
        "GET /user",
        "GET /repos/acme/spec/issues/7/comments",
        "POST /repos/acme/spec/issues/7/comments",
    ]
    assert {c.authorization for c in github.calls} == {"Bearer test-token"}
    assert len(github.comments[7]) == 1
    assert github.comments[7][0]["user"]["login"] == "github-actions[bot]"

    # The PR gets another commit (synchronize): the same comment is updated.
    commit(work, {"spec.md": SPEC_V1.replace("should cite", "must always cite")}, "Wording")
    event = _open_pull_request(work, github)
    event["action"] = "synchronize"
    _environment(monkeypatch, tmp, github, "pull_request", event)
    github.calls.clear()
    assert run(["ci"]) == 1
    assert (
        _requests(github)[-1]
        == f"PATCH /repos/acme/spec/issues/comments/{github.comments[7][0]['id']}"
    )
    assert len(github.comments[7]) == 1
    assert "<ins>must always</ins>" in github.comments[7][0]["body"]
    assert (
        f"<!-- specdiff:head={git(work, 'rev-parse', 'HEAD')} -->" in github.comments[7][0]["body"]
    )


def test_label_accepts_the_bump(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = _major_pull_request(project, github, monkeypatch, labels=("spec-major-ok",))
    assert run(["ci"]) == 0
    assert "accepted by the label `spec-major-ok`" in files["summary"].read_text(encoding="utf-8")
    assert "Check passed" in capsys.readouterr().out


def test_minor_change_passes_fail_on_major(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, tmp = project["work"], project["tmp"]
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(
        work, {"spec.md": SPEC_V1 + "\nThe assistant should say when it is unsure.\n"}, "New rule"
    )
    monkeypatch.chdir(work)
    files = _environment(monkeypatch, tmp, github, "pull_request", _open_pull_request(work, github))
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["bump"] == "minor"
    assert _outputs(files["output"])["next-version"] == "1.1.0"


@pytest.mark.parametrize("status", [403, 422])
def test_api_failure_still_writes_the_check(
    status: int,
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    github.fail_status = status
    files = _major_pull_request(project, github, monkeypatch)
    assert run(["ci"]) == 1
    out = capsys.readouterr().out
    assert (
        f"::warning title=specdiff could not read the labels::GitHub API GET /repos/acme/spec/pulls/7 returned HTTP {status}"
        in out
    )
    assert "::warning title=specdiff could not comment::GitHub API GET /" in out
    assert f"returned HTTP {status}" in out
    assert _outputs(files["output"])["bump"] == "major"
    assert "Check failed" in files["summary"].read_text(encoding="utf-8")


def test_api_timeout_is_reported(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    github.hang_seconds = 3.0
    files = _major_pull_request(project, github, monkeypatch, SPECDIFF_API_TIMEOUT="0.5")
    assert run(["ci"]) == 1
    assert "could not comment::GitHub API GET" in capsys.readouterr().out
    assert _outputs(files["output"])["bump"] == "major"


def test_hostile_pull_request_runs_nothing(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, tmp = project["work"], project["tmp"]
    branch = "evil-$(touch${IFS}pwned)`touch${IFS}pwned2`"
    _make_major_change(work, branch=branch)
    monkeypatch.chdir(work)
    event = _open_pull_request(work, github, title=HOSTILE)
    event["pull_request"]["head"]["ref"] = branch
    event["pull_request"]["body"] = f"```\n{HOSTILE}\n```\n<script>alert(1)</script>"
    _environment(monkeypatch, tmp, github, "pull_request", event)
    assert run(["ci"]) == 1
    created = [p.name for p in tmp.rglob("pwned*")] + [p.name for p in work.rglob("pwned*")]
    assert created == []


def test_push_to_main_releases_and_pushes_the_tag(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    commit(
        work, {"spec.md": SPEC_V1 + "\nThe assistant should say when it is unsure.\n"}, "New rule"
    )
    git(work, "push", "--quiet", "origin", "main")
    monkeypatch.chdir(work)
    event = {"ref": "refs/heads/main", "repository": {"default_branch": "main"}}
    site = tmp / "site"
    files = _environment(
        monkeypatch,
        tmp,
        github,
        "push",
        event,
        GITHUB_REF="refs/heads/main",
        SPECDIFF_SITE_DIR=str(site),
    )
    assert run(["ci"]) == 0
    outputs = _outputs(files["output"])
    assert outputs["site-dir"] == str(site)
    assert "1.1.0" in (site / "index.html").read_text(encoding="utf-8")
    assert outputs["released"] == "true"
    assert outputs["tag"] == "v1.1.0"
    assert "v1.1.0" in git(origin, "tag", "--list").split()
    assert git(origin, "rev-parse", "main") == git(work, "rev-parse", "HEAD")
    assert git(origin, "log", "-1", "--format=%s", "main") == "Release v1.1.0"
    assert "## [1.1.0]" in git(origin, "show", "main:CHANGELOG.md")
    # A GitHub Release with the CHANGELOG entry as its notes.
    assert [r["tag_name"] for r in github.releases] == ["v1.1.0"]
    assert github.releases[0]["body"].startswith("## [1.1.0]")
    assert "should say when it is unsure" in github.releases[0]["body"]
    assert outputs["release-url"] == "https://github.test/r/v1.1.0"

    # Running again on the release commit releases nothing.
    files = _environment(monkeypatch, tmp, github, "push", event, GITHUB_REF="refs/heads/main")
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["released"] == "false"


def _push_event(
    monkeypatch: pytest.MonkeyPatch, tmp: Path, github: FakeGitHub, **extra: str
) -> dict[str, Path]:
    event = {"ref": "refs/heads/main", "repository": {"default_branch": "main"}}
    return _environment(
        monkeypatch, tmp, github, "push", event, GITHUB_REF="refs/heads/main", **extra
    )


def _merge(project: dict[str, Path], name: str, files: dict[str, str], message: str) -> Path:
    """Someone merges a change to main: a fresh clone of origin, committed and pushed."""
    clone = project["tmp"] / name
    git(project["tmp"], "clone", "--quiet", str(project["origin"]), str(clone))
    commit(clone, files, message)
    git(clone, "push", "--quiet", "origin", "main")
    return clone


def test_two_merges_in_a_row_both_release(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run of the first merge loses the push race to the second merge: it fetches,
    recomputes and releases both; the run of the second merge finds nothing left."""
    tmp, origin = project["tmp"], project["origin"]
    minor = SPEC_V1 + "\nThe assistant should say when it is unsure.\n"
    first = _merge(project, "first", {"spec.md": minor}, "New rule")
    second = _merge(
        project, "second", {"spec.md": minor.replace("may decline", "must decline")}, "Stricter"
    )

    monkeypatch.chdir(first)  # checked out at the first merge; main has moved on
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    outputs = _outputs(files["output"])
    assert (outputs["released"], outputs["tag"]) == ("true", "v2.0.0")
    assert git(origin, "log", "-1", "--format=%s", "main") == "Release v2.0.0"
    assert git(origin, "rev-parse", "main~1") == git(second, "rev-parse", "HEAD")
    entry = git(origin, "show", "main:CHANGELOG.md")
    assert "should say when it is unsure" in entry and "must decline" in entry

    monkeypatch.chdir(second)  # the second merge's run: already released
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["released"] == "false"
    assert git(origin, "tag", "--list") == "v1.0.0\nv2.0.0"
    assert [r["tag_name"] for r in github.releases] == ["v2.0.0"]


def _protect_main(origin: Path) -> None:
    """The bare remote refuses pushes to main, as a protected branch does for GITHUB_TOKEN."""
    hook = origin / "hooks" / "pre-receive"
    hook.write_text(
        "#!/bin/sh\n"
        "while read old new ref; do\n"
        '  if [ "$ref" = refs/heads/main ]; then\n'
        '    echo "GH006: Protected branch update failed for refs/heads/main." >&2; exit 1\n'
        "  fi\n"
        "done\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)


def test_protected_branch_gets_a_release_pull_request_and_merging_it_tags(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    commit(work, {"spec.md": SPEC_V1 + "\nThe assistant should say when it is unsure.\n"}, "Rule")
    git(work, "push", "--quiet", "origin", "main")
    _protect_main(origin)
    main_before = git(origin, "rev-parse", "main")
    monkeypatch.chdir(work)
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    outputs = _outputs(files["output"])
    assert outputs["released"] == "false"
    number = int(outputs["release-pull-request"])
    pull = github.pulls[number]
    assert pull["title"] == "Release 1.1.0"
    assert (pull["head"]["ref"], pull["base"]["ref"]) == ("specdiff/release", "main")
    assert "## [1.1.0]" in pull["body"]
    assert git(origin, "rev-parse", "main") == main_before
    assert git(origin, "tag", "--list") == "v1.0.0"
    assert "## [1.1.0]" in git(origin, "show", "specdiff/release:CHANGELOG.md")
    assert "opening a release pull request instead" in capsys.readouterr().out
    assert git(work, "status", "--porcelain") == ""
    assert git(work, "tag", "--list") == "v1.0.0"

    # A second run before the merge updates the same pull request.
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["release-pull-request"] == str(number)
    assert len(github.pulls) == 1

    # A maintainer merges the release pull request (a merge commit made by GitHub).
    merger = tmp / "merger"
    git(tmp, "clone", "--quiet", str(origin), str(merger))
    git(
        merger,
        "merge",
        "--quiet",
        "--no-ff",
        "-m",
        "Merge pull request: Release 1.1.0",
        "origin/specdiff/release",
    )
    git(merger, "push", "--quiet", "origin", "HEAD:refs/heads/merged")
    git(origin, "update-ref", "refs/heads/main", git(merger, "rev-parse", "HEAD"))

    git(work, "fetch", "--quiet", "origin")
    git(work, "reset", "--quiet", "--hard", "origin/main")
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    outputs = _outputs(files["output"])
    assert (outputs["released"], outputs["tag"]) == ("true", "v1.1.0")
    assert git(origin, "rev-parse", "v1.1.0^{commit}") == git(merger, "rev-parse", "HEAD")
    assert git(origin, "rev-parse", "main") == git(merger, "rev-parse", "HEAD")  # no new commit
    assert [r["tag_name"] for r in github.releases] == ["v1.1.0"]
    assert git(work, "show", "HEAD:CHANGELOG.md").count("## [1.1.0]") == 1


def test_refused_push_without_fallback_releases_nothing(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    commit(work, {"spec.md": SPEC_V1.replace("may decline", "must decline")}, "Stricter")
    git(work, "push", "--quiet", "origin", "main")
    _protect_main(origin)
    start = git(work, "rev-parse", "HEAD")
    monkeypatch.chdir(work)
    _push_event(monkeypatch, tmp, github, SPECDIFF_RELEASE_VIA="push")
    assert run(["ci"]) == 2
    error = capsys.readouterr().err
    assert "could not push release v2.0.0, so nothing was released" in error
    assert "GH006" in error
    assert len(error.strip().splitlines()) == 1
    assert "v2.0.0" not in git(origin, "tag", "--list").split()
    assert "v2.0.0" not in git(work, "tag", "--list").split()
    assert git(work, "rev-parse", "HEAD") == start
    assert not (work / "CHANGELOG.md").exists()
    assert github.pulls == {}


def test_merged_pure_rename_still_releases_the_next_version(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    git(work, "mv", "spec.md", "rules.md")
    commit(work, {"specdiff.toml": CONFIG.replace("spec.md", "rules.md")}, "Rename the spec")
    git(work, "push", "--quiet", "origin", "main")
    monkeypatch.chdir(work)
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0, capsys.readouterr().err
    # The file's links changed, so the rename is a patch release (the lineage of issue 13).
    assert _outputs(files["output"])["tag"] == "v1.0.1"

    commit(work, {"rules.md": SPEC_V1 + "\nThe assistant should say when it is unsure.\n"}, "Rule")
    git(work, "push", "--quiet", "origin", "main")
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0, capsys.readouterr().err
    assert _outputs(files["output"])["tag"] == "v1.1.0"
    assert git(origin, "tag", "--list").split() == ["v1.0.0", "v1.0.1", "v1.1.0"]


def test_no_release_until_the_first_change_after_adoption(
    tmp_path: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "--quiet", "-b", "main")
    commit(work, {"spec.md": SPEC_V1}, "The spec, long before specdiff")
    git(work, "remote", "add", "origin", str(origin))
    # Merging the `specdiff init` commit releases nothing...
    commit(
        work,
        {"specdiff.toml": CONFIG, ".github/workflows/specdiff.yml": "name: specdiff\n"},
        "Adopt specdiff",
    )
    git(work, "push", "--quiet", "origin", "main")
    monkeypatch.chdir(work)
    files = _push_event(monkeypatch, tmp_path, github)
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["released"] == "false"
    assert git(origin, "tag", "--list") == ""

    # ... and a pull request announces the version the first change will get ...
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(work, {"spec.md": SPEC_V1 + "\nThe assistant should say when it is unsure.\n"}, "Rule")
    files = _environment(
        monkeypatch, tmp_path, github, "pull_request", _open_pull_request(work, github)
    )
    assert run(["ci"]) == 0
    announced = _outputs(files["output"])["next-version"]

    # ... which its merge releases.
    git(work, "checkout", "--quiet", "main")
    git(work, "merge", "--quiet", "--ff-only", "feature")
    git(work, "push", "--quiet", "origin", "main")
    files = _push_event(monkeypatch, tmp_path, github)
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["tag"] == f"v{announced}" == "v1.0.0"


def test_first_release_now_releases_on_adoption(
    tmp_path: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "--quiet", "-b", "main")
    commit(work, {"spec.md": SPEC_V1, "specdiff.toml": CONFIG}, "Spec and specdiff")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "--quiet", "origin", "main")
    monkeypatch.chdir(work)
    files = _push_event(monkeypatch, tmp_path, github, SPECDIFF_FIRST_RELEASE="now")
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["tag"] == "v1.0.0"


def test_next_version_is_what_the_release_makes(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """main already holds an unreleased major change; a PR adding a rule is announced
    as 2.0.0 (not 1.1.0), and merging it releases 2.0.0."""
    work, tmp = project["work"], project["tmp"]
    stricter = SPEC_V1.replace("may decline", "must decline")
    commit(work, {"spec.md": stricter}, "Stricter, not released yet")
    git(work, "push", "--quiet", "origin", "main")
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(work, {"spec.md": stricter + "\nThe assistant should say when it is unsure.\n"}, "Rule")
    monkeypatch.chdir(work)
    files = _environment(monkeypatch, tmp, github, "pull_request", _open_pull_request(work, github))
    assert run(["ci"]) == 0
    outputs = _outputs(files["output"])
    assert (outputs["bump"], outputs["next-version"]) == ("minor", "2.0.0")

    git(work, "checkout", "--quiet", "main")
    git(work, "merge", "--quiet", "--ff-only", "feature")
    git(work, "push", "--quiet", "origin", "main")
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["tag"] == "v2.0.0"


def test_shallow_clone_is_one_line_naming_fetch_depth(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tmp = project["tmp"]
    shallow = tmp / "shallow"
    git(tmp, "clone", "--quiet", "--depth", "1", f"file://{project['origin']}", str(shallow))
    monkeypatch.chdir(shallow)
    _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "`fetch-depth: 0`" in error


def test_outside_github_actions_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GITHUB_EVENT_NAME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run(["ci"]) == 2
    assert "runs inside GitHub Actions" in capsys.readouterr().err


def test_publish_mode_builds_the_site(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp = project["work"], project["tmp"]
    monkeypatch.chdir(work)
    files = _environment(
        monkeypatch,
        tmp,
        github,
        "workflow_dispatch",
        {},
        SPECDIFF_MODE="publish",
        SPECDIFF_SITE_DIR="_site",
    )
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["site-dir"] == str(work / "_site")
    assert (work / "_site" / "index.html").is_file()
    assert "published" in capsys.readouterr().out


# -- the gate trusts the base ------------------------------------------------------------
def _change_id(work: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The id of the (only) change between origin/main and HEAD, as compare reports it."""
    capsys.readouterr()
    assert run(["compare", "origin/main", "HEAD", "--format", "json"]) in (0, 1)
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert len(changes) == 1
    return str(changes[0]["id"])


LOOSENINGS = ("rename-and-gut", "accept", "policy", "ignore")


def _loosen(work: Path, how: str, capsys: pytest.CaptureFixture[str]) -> str:
    """Make a major change in a PR that also rewrites the gate to let it through; returns
    the words the comment must use for the configuration change."""
    if how == "rename-and-gut":
        git(work, "checkout", "--quiet", "-b", "feature")
        git(work, "mv", "spec.md", "rules.md")
        gutted = "# Assistant rules {#rules}\n\nNothing here any more.\n"
        commit(
            work,
            {"rules.md": gutted, "specdiff.toml": CONFIG.replace("spec.md", "rules.md")},
            "Move",
        )
        return "spec paths `spec.md` → `rules.md`"
    _make_major_change(work)
    if how == "accept":
        change = _change_id(work, capsys)
        extra = f'\n[[accept]]\nid = "{change}"\nreason = "we meant it"\n'
        commit(work, {"specdiff.toml": CONFIG + extra}, "Accept our own change")
        return f"`[[accept]]` added for change `{change}`"
    if how == "policy":
        extra = '\n[policy.tags]\n"normative.strengthened" = "patch"\n'
        commit(work, {"specdiff.toml": CONFIG + extra}, "Lower the policy")
        return "`policy.tags.normative.strengthened` default → patch"
    extra = '\n[ignore]\nsections = ["honesty"]\n'
    commit(work, {"specdiff.toml": CONFIG + extra}, "Ignore the section")
    return "`ignore.sections` now ignores `honesty`"


@pytest.mark.parametrize("how", LOOSENINGS)
def test_pull_request_cannot_configure_its_own_check(
    how: str,
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp = project["work"], project["tmp"]
    monkeypatch.chdir(work)
    named = _loosen(work, how, capsys)
    files = _environment(monkeypatch, tmp, github, "pull_request", _open_pull_request(work, github))
    assert run(["ci"]) == 1
    outputs = _outputs(files["output"])
    assert outputs["bump"] == "major"  # judged with the base's policy, accept list, ignores
    assert int(outputs["config-changes"]) >= 1
    body = github.comments[7][0]["body"]
    assert named in body
    assert "loosens the gate" in body
    assert "Check failed" in body and "spec-major-ok" in body
    if how == "rename-and-gut":
        assert "followed as a rename" in body
        assert "normative" in body  # the rules removed from the renamed file are reported

    # The major accept label lets it through, as it would a major change.
    github.set_pull(7, git(work, "rev-parse", "HEAD"), ("spec-major-ok",))
    assert run(["ci"]) == 0


def test_loosening_alone_needs_the_major_label(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No change to the spec, only a lower policy: still the major label (it would pass
    the next major change silently)."""
    work, tmp = project["work"], project["tmp"]
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(
        work, {"specdiff.toml": CONFIG + '\n[policy.kinds]\n"clause.removed" = "patch"\n'}, "Policy"
    )
    monkeypatch.chdir(work)
    event = _open_pull_request(work, github, labels=("spec-minor-ok",))
    _environment(monkeypatch, tmp, github, "pull_request", event)
    assert run(["ci"]) == 1
    assert "`policy.kinds.clause.removed` default → patch" in github.comments[7][0]["body"]


def test_workflow_edit_in_the_pull_request_loosens_the_gate(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    seeded = _merge(project, "seeded", {".github/workflows/specdiff.yml": "fail-on: major\n"}, "CI")
    git(work, "pull", "--quiet", "origin", "main")
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(work, {".github/workflows/specdiff.yml": "fail-on: none\n"}, "Quieter")
    monkeypatch.chdir(work)
    event = _open_pull_request(work, github)
    _environment(
        monkeypatch,
        tmp,
        github,
        "pull_request",
        event,
        GITHUB_WORKFLOW_REF="acme/spec/.github/workflows/specdiff.yml@refs/pull/7/merge",
    )
    assert seeded.exists() and origin.exists()
    assert run(["ci"]) == 1
    assert (
        "the workflow `.github/workflows/specdiff.yml` that runs this check changed"
        in (github.comments[7][0]["body"])
    )


# -- labels ------------------------------------------------------------------------------
def test_adding_and_removing_the_label_flips_the_check(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _major_pull_request(project, github, monkeypatch)
    head = git(project["work"], "rev-parse", "HEAD")
    assert run(["ci"]) == 1
    github.set_pull(7, head, ("spec-major-ok",))  # labeled
    assert run(["ci"]) == 0
    assert "accepted by the label `spec-major-ok`" in files["summary"].read_text(encoding="utf-8")
    github.set_pull(7, head, ())  # unlabeled
    assert run(["ci"]) == 1
    assert len(github.comments[7]) == 1
    assert "Check failed" in github.comments[7][0]["body"]


def test_a_rerun_uses_the_labels_as_they_are_now(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The event payload is frozen at the first run; the API has today's labels."""
    _major_pull_request(project, github, monkeypatch, labels=("spec-major-ok",))
    head = git(project["work"], "rev-parse", "HEAD")
    github.set_pull(7, head, ())  # the label was removed after the event
    assert run(["ci"]) == 1
    github.set_pull(7, head, ("spec-major-ok",))
    assert run(["ci"]) == 0


def test_which_label_accepts_which_level_is_configurable(
    tmp_path: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "--quiet", "-b", "main")
    config = CONFIG + '\n[github.accept_labels]\nmajor = "breaking-change"\n'
    commit(work, {"spec.md": SPEC_V1, "specdiff.toml": config}, "First")
    tag(work, "v1.0.0")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "--quiet", "origin", "main", "--tags")
    _make_major_change(work)
    monkeypatch.chdir(work)
    event = _open_pull_request(work, github, labels=("spec-major-ok",))
    files = _environment(monkeypatch, tmp_path, github, "pull_request", event)
    assert run(["ci"]) == 1
    assert "Add the label `breaking-change`" in files["summary"].read_text(encoding="utf-8")
    github.set_pull(7, event["pull_request"]["head"]["sha"], ("breaking-change",))
    assert run(["ci"]) == 0


# -- own comments ------------------------------------------------------------------------
def test_a_comment_by_someone_else_carrying_the_marker_is_never_edited(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    pasted = f"{marker('spec.md')}\nlgtm, ship it"
    github.add_comment(7, pasted, "mallory")
    github.add_comment(7, f"{marker('spec.md')}\nold", "someone-else[bot]")
    _major_pull_request(project, github, monkeypatch)
    assert run(["ci"]) == 1
    assert run(["ci"]) == 1
    bodies = {c["user"]["login"]: c["body"] for c in github.comments[7]}
    assert bodies["mallory"] == pasted
    assert bodies["someone-else[bot]"].endswith("\nold")
    ours = [c for c in github.comments[7] if c["user"]["login"] == "github-actions[bot]"]
    assert len(ours) == 1  # created once, then updated
    assert [c.method for c in github.calls].count("PATCH") == 1


def test_a_personal_token_edits_only_its_users_comments(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    github.login = "spec-bot"
    github.add_comment(7, f"{marker('spec.md')}\nby the Actions bot", "github-actions[bot]")
    _major_pull_request(project, github, monkeypatch)
    assert run(["ci"]) == 1
    authors = [c["user"]["login"] for c in github.comments[7]]
    assert authors == ["github-actions[bot]", "spec-bot"]
    assert github.comments[7][0]["body"].endswith("by the Actions bot")


def test_a_stale_run_never_overwrites_the_report_for_a_newer_head(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = project["work"]
    _major_pull_request(project, github, monkeypatch)
    old_head = git(work, "rev-parse", "HEAD")
    newer = "f" * 40
    github.add_comment(
        7, f"{marker('spec.md')}\nreport\n{head_line(newer)}\n", "github-actions[bot]"
    )
    github.set_pull(7, newer, ())  # the PR moved on while this run was queued
    assert run(["ci"]) == 1
    assert github.comments[7][0]["body"].endswith(f"{head_line(newer)}\n")
    assert [c.method for c in github.calls if c.method != "GET"] == []
    assert "has moved on" in capsys.readouterr().out
    # The run for the current head does write.
    github.set_pull(7, old_head, ())
    assert run(["ci"]) == 1
    assert head_line(old_head) in github.comments[7][0]["body"]


# -- quiet and within limits -------------------------------------------------------------
def test_a_pull_request_not_touching_the_spec_gets_no_comment(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, tmp = project["work"], project["tmp"]
    git(work, "checkout", "--quiet", "-b", "docs")
    commit(work, {"README.md": "How to propose a change.\n"}, "README")
    monkeypatch.chdir(work)
    files = _environment(monkeypatch, tmp, github, "pull_request", _open_pull_request(work, github))
    assert run(["ci"]) == 0
    assert github.comments == {}
    assert [c.method for c in github.calls if c.method != "GET"] == []
    assert _outputs(files["output"])["bump"] == "none"


def test_many_changes_give_capped_annotations_and_one_notice(
    tmp_path: Path,
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    isolate_git(monkeypatch, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "--quiet", "-b", "main")
    rules = "".join(
        f"\n## Rule {n} {{#rule-{n}}}\n\nThe assistant should do task {n}.\n" for n in range(1500)
    )
    commit(work, {"spec.md": "# Rules\n" + rules, "specdiff.toml": CONFIG}, "First")
    tag(work, "v1.0.0")
    git(work, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(work, {"spec.md": "# Rules\n" + rules.replace("should do", "must do")}, "All stricter")
    monkeypatch.chdir(work)
    files = _environment(
        monkeypatch, tmp_path, github, "pull_request", _open_pull_request(work, github)
    )
    assert run(["ci"]) == 1
    out = capsys.readouterr().out
    annotations = [line for line in out.splitlines() if line.startswith(("::error", "::warning"))]
    assert len(annotations) == 10
    assert all(line.startswith("::error") for line in annotations)  # most severe first
    notices = [line for line in out.splitlines() if "more change(s) not annotated" in line]
    assert notices == [
        "::notice title=specdiff::1490 more change(s) not annotated (GitHub shows 10 per step); the step summary and the comment list them all"
    ]
    assert _outputs(files["output"])["changes"] == "1500"


def test_several_specs_each_get_their_comment_and_outputs(
    tmp_path: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "--quiet", "-b", "main")
    other = "# Tools\n\n## Search {#search}\n\nThe assistant may search the web.\n"
    config = 'spec = ["spec.md", "tools.md"]\n'
    commit(work, {"spec.md": SPEC_V1, "tools.md": other, "specdiff.toml": config}, "First")
    tag(work, "v1.0.0")
    git(work, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(work, "checkout", "--quiet", "-b", "feature")
    commit(
        work,
        {
            "spec.md": SPEC_V1.replace("should cite", "must cite"),
            "tools.md": other + "\nThe assistant should say which engine it used.\n",
        },
        "Both",
    )
    monkeypatch.chdir(work)
    files = _environment(
        monkeypatch, tmp_path, github, "pull_request", _open_pull_request(work, github)
    )
    assert run(["ci"]) == 1
    bodies = [c["body"] for c in github.comments[7]]
    assert len(bodies) == 2
    assert bodies[0].startswith(marker("spec.md")) and "must" in bodies[0]
    assert bodies[1].startswith(marker("tools.md")) and "engine" in bodies[1]
    outputs = _outputs(files["output"])
    specs = json.loads(outputs["specs"])
    assert {key: value["bump"] for key, value in specs.items()} == {
        "spec.md": "major",
        "tools.md": "minor",
    }
    assert (specs["spec.md"]["failing"], specs["tools.md"]["failing"]) == (True, False)
    assert outputs["bump"] == "major"
    summary = files["summary"].read_text(encoding="utf-8")
    assert "specdiff — spec.md" in summary and "specdiff — tools.md" in summary


def test_merge_group_is_checked_with_the_queued_pull_requests_labels(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, tmp = project["work"], project["tmp"]
    _make_major_change(work)
    monkeypatch.chdir(work)
    head = git(work, "rev-parse", "HEAD")
    event = {
        "action": "checks_requested",
        "merge_group": {
            "head_sha": head,
            "head_ref": f"refs/heads/gh-readonly-queue/main/pr-7-{git(work, 'rev-parse', 'origin/main')}",
            "base_sha": git(work, "rev-parse", "origin/main"),
            "base_ref": "refs/heads/main",
        },
        "repository": {"default_branch": "main"},
    }
    github.set_pull(7, head, ())
    files = _environment(monkeypatch, tmp, github, "merge_group", event)
    assert run(["ci"]) == 1
    assert _outputs(files["output"])["mode"] == "check"
    github.set_pull(7, head, ("spec-major-ok",))
    assert run(["ci"]) == 0
    assert github.comments == {}  # the queue has no conversation to comment on


# -- outputs -----------------------------------------------------------------------------
def test_declared_outputs_match_what_is_written(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every output the action declares is written by some mode, and nothing undeclared is."""
    import yaml
    from gitutil import ROOT

    declared = set(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["outputs"])
    written: set[str] = set()
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    files = _major_pull_request(project, github, monkeypatch)
    run(["ci"])
    written |= set(_outputs(files["output"]))
    git(work, "checkout", "--quiet", "main")
    git(work, "merge", "--quiet", "--ff-only", "feature")
    git(work, "push", "--quiet", "origin", "main")
    files = _push_event(monkeypatch, tmp, github, SPECDIFF_SITE_DIR=str(tmp / "site"))
    assert run(["ci"]) == 0
    written |= set(_outputs(files["output"]))
    commit(work, {"spec.md": SPEC_V1}, "Back")
    git(work, "push", "--quiet", "origin", "main")
    _protect_main(origin)
    files = _push_event(monkeypatch, tmp, github)
    assert run(["ci"]) == 0
    written |= set(_outputs(files["output"]))
    assert written == declared


def test_release_via_pull_request_never_pushes_the_branch(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """release-via: pull-request on a branch that would accept the push: still a PR."""
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    commit(work, {"spec.md": SPEC_V1.replace("may decline", "must decline")}, "Stricter")
    git(work, "push", "--quiet", "origin", "main")
    main_before = git(origin, "rev-parse", "main")
    monkeypatch.chdir(work)
    files = _push_event(monkeypatch, tmp, github, SPECDIFF_RELEASE_VIA="pull-request")
    assert run(["ci"]) == 0
    outputs = _outputs(files["output"])
    assert (outputs["released"], outputs["next-version"]) == ("false", "2.0.0")
    assert github.pulls[int(outputs["release-pull-request"])]["title"] == "Release 2.0.0"
    assert git(origin, "rev-parse", "main") == main_before
    assert git(origin, "tag", "--list") == "v1.0.0"
    assert github.releases == []


def test_unknown_release_via_is_a_usage_error(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project["work"])
    _push_event(monkeypatch, project["tmp"], github, SPECDIFF_RELEASE_VIA="force")
    assert run(["ci"]) == 2
    assert "release-via 'force' is not one of auto, push, pull-request" in capsys.readouterr().err


def test_adopting_specdiff_in_a_pull_request_is_not_loosening(
    tmp_path: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The `specdiff init` PR names the spec the base already finds: reported, not a move."""
    isolate_git(monkeypatch, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "--quiet", "-b", "main")
    commit(work, {"spec.md": SPEC_V1}, "The spec")
    git(work, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(work, "checkout", "--quiet", "-b", "adopt")
    commit(work, {"specdiff.toml": CONFIG}, "Adopt specdiff")
    monkeypatch.chdir(work)
    event = _open_pull_request(work, github)
    files = _environment(monkeypatch, tmp_path, github, "pull_request", event)
    assert run(["ci"]) == 0
    body = github.comments[7][0]["body"]
    assert "spec paths `(found automatically)` → `spec.md`" in body
    assert "loosens the gate" not in body
    assert _outputs(files["output"])["config-changes"] == "2"  # spec, [attributes]


def test_tightening_the_gate_needs_no_label() -> None:
    from specdiff.action._trust import config_changes
    from specdiff.config import Acceptance, Config, Policy
    from specdiff.model.vocabulary import Level

    base = Config(
        policy=Policy(tags=(("editorial", Level.NONE),)),
        accept=(Acceptance("abc123", "old"),),
        ignore_sections=("appendix",),
    )
    tighter = Config(policy=Policy(tags=(("editorial", Level.PATCH),)))
    changes = config_changes(base, tighter)
    assert [(c.text, c.loosens) for c in changes] == [
        ("`policy.tags.editorial` none → patch", False),
        ("`[[accept]]` removed for change `abc123`", False),
        ("`ignore.sections` no longer ignores `appendix`", False),
    ]
    looser = config_changes(tighter, base)
    assert all(change.loosens for change in looser[:3])
    assert {c.text for c in looser} >= {
        "`policy.tags.editorial` patch → none",
        "`[[accept]]` added for change `abc123` (old)",
        "`ignore.sections` now ignores `appendix`",
    }
    assert config_changes(base, base) == []


def test_the_comment_of_the_previous_version_is_taken_over_not_duplicated(
    project: dict[str, Path], github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    legacy = "<!-- specdiff:pull-request-report -->\nthe old report"
    github.add_comment(7, legacy, "github-actions[bot]")
    github.add_comment(7, legacy, "mallory")
    _major_pull_request(project, github, monkeypatch)
    assert run(["ci"]) == 1
    assert len(github.comments[7]) == 2
    assert github.comments[7][0]["body"].startswith(marker("spec.md") + "\n")
    assert github.comments[7][1]["body"] == legacy
