"""`specdiff ci` end to end: real repositories, a bare remote, and a fake GitHub API."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from fakegithub import FakeGitHub
from gitutil import commit, git, isolate_git, tag

from specdiff.cli import run

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

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
def github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()
    server = fake.start()
    yield fake
    server.shutdown()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A spec repository released as v1.0.0, cloned from a bare 'origin'."""
    isolate_git(monkeypatch, tmp_path)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    seed = tmp_path / "seed"
    seed.mkdir()
    git(seed, "init", "--quiet", "-b", "main")
    commit(seed, {"spec.md": SPEC_V1, "specdiff.toml": CONFIG}, "First version")
    tag(seed, "v1.0.0", message="Release v1.0.0")
    git(seed, "remote", "add", "origin", str(origin))
    git(seed, "push", "--quiet", "origin", "main", "--tags")
    work = tmp_path / "work"
    git(tmp_path, "clone", "--quiet", str(origin), str(work))
    return {"origin": origin, "work": work, "tmp": tmp_path}


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
    event = _pull_request_event(work, labels=labels)
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
    assert [c.method for c in github.calls] == ["GET", "POST"]
    assert github.calls[1].authorization == "Bearer test-token"
    assert len(github.comments[7]) == 1

    # The PR gets another commit (synchronize): the same comment is updated.
    commit(work, {"spec.md": SPEC_V1.replace("should cite", "must always cite")}, "Wording")
    event = _pull_request_event(work)
    event["action"] = "synchronize"
    _environment(monkeypatch, tmp, github, "pull_request", event)
    assert run(["ci"]) == 1
    assert [c.method for c in github.calls][2:] == ["GET", "PATCH"]
    assert len(github.comments[7]) == 1
    assert "<ins>must always</ins>" in github.comments[7][0]["body"]


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
    files = _environment(monkeypatch, tmp, github, "pull_request", _pull_request_event(work))
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
        f"::warning title=specdiff could not comment::GitHub API GET /repos/acme/spec/issues/7/comments returned HTTP {status}"
        in out
    )
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
    event = _pull_request_event(work, title=HOSTILE)
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
    assert github.calls == []

    # Running again on the release commit releases nothing.
    files = _environment(monkeypatch, tmp, github, "push", event, GITHUB_REF="refs/heads/main")
    assert run(["ci"]) == 0
    assert _outputs(files["output"])["released"] == "false"


def test_rejected_push_releases_nothing(
    project: dict[str, Path],
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, tmp, origin = project["work"], project["tmp"], project["origin"]
    # Someone else pushed to main meanwhile: our push is not a fast-forward.
    other = tmp / "other"
    git(tmp, "clone", "--quiet", str(origin), str(other))
    commit(other, {"notes.txt": "unrelated\n"}, "Unrelated change")
    git(other, "push", "--quiet", "origin", "main")
    commit(work, {"spec.md": SPEC_V1.replace("may decline", "must decline")}, "Stricter")
    start = git(work, "rev-parse", "HEAD")
    monkeypatch.chdir(work)
    event = {"ref": "refs/heads/main", "repository": {"default_branch": "main"}}
    _environment(monkeypatch, tmp, github, "push", event, GITHUB_REF="refs/heads/main")
    assert run(["ci"]) == 2
    error = capsys.readouterr().err
    assert "could not push release v2.0.0, so nothing was released" in error
    assert len(error.strip().splitlines()) == 1
    assert "v2.0.0" not in git(origin, "tag", "--list").split()
    assert "v2.0.0" not in git(work, "tag", "--list").split()
    assert git(work, "rev-parse", "HEAD") == start
    assert not (work / "CHANGELOG.md").exists()


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
