"""SIGTERM, SIGHUP and Ctrl-C stop specdiff cleanly (issue 13): real signals sent to a
real ``specdiff`` process at several points, some while a slow git hook runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest
from gitutil import ROOT, commit, git, isolate_git
from historyutil import edit_spec, sample_repo, snapshot

if TYPE_CHECKING:
    from pathlib import Path

# Stopping a child with Ctrl-C or a hang-up needs those signals not ignored in it.
pytestmark = pytest.mark.usefixtures("signals_not_ignored")

STRONGER = ("Wren should not use the user's first name", "Wren must not use the user's first name")

#: Hooks that announce themselves (touch $SPECDIFF_TEST_READY) and then sleep, once.
_SLEEPER = """#!/bin/sh
{condition}
[ -e "$SPECDIFF_TEST_READY" ] && exit 0
touch "$SPECDIFF_TEST_READY"
sleep {seconds}
touch "$SPECDIFF_TEST_READY.done"
"""
HOOKS = {
    # the changelog is written and staged, the commit not made
    "pre-commit": ("pre-commit", ""),
    # the commit object exists, the branch does not point at it yet
    "branch-prepared": (
        "reference-transaction",
        '[ "$1" = prepared ] || exit 0\ngrep -q " refs/heads/" || exit 0',
    ),
    # the release commit is made, not yet tagged
    "post-commit": ("post-commit", ""),
    # the tag exists, specdiff has not heard back from git yet
    "tag-committed": (
        "reference-transaction",
        '[ "$1" = committed ] || exit 0\ngrep -q " refs/tags/" || exit 0',
    ),
}


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture
def repo(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample history plus one commit that needs a major release (v4.0.0)."""
    path = sample_repo(tmp_path_factory, tmp_path / "repo")
    edit_spec(path, *STRONGER)
    commit(path, {}, "Never use first names", date="2026-07-01T09:00:00+00:00")
    return path


def install_hook(repo: Path, point: str, seconds: int = 60) -> None:
    name, condition = HOOKS[point]
    hook = repo / ".git" / "hooks" / name
    hook.write_text(_SLEEPER.format(condition=condition, seconds=seconds), encoding="utf-8")
    hook.chmod(0o755)


def start(cwd: Path, *args: str, ready: Path | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if ready is not None:
        env["SPECDIFF_TEST_READY"] = str(ready)
    return subprocess.Popen(
        [sys.executable, "-m", "specdiff", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(path: Path, process: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"specdiff ended first: {process.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} never appeared")
        time.sleep(0.02)


def finish(process: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def release_twice_is_one_release(repo: Path) -> None:
    """Whatever state the interruption left, the next run ends with exactly one v4.0.0."""
    for hook in (repo / ".git" / "hooks").iterdir():
        if not hook.name.endswith(".sample"):
            hook.unlink()
    code, _, err = finish(start(repo, "release", "--date", "2026-07-10"))
    assert code == 0, err
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.count("## [4.0.0]") == 1
    assert git(repo, "log", "--format=%s").splitlines().count("Release v4.0.0") == 1
    assert git(repo, "rev-parse", "v4.0.0^{commit}") == git(repo, "rev-parse", "HEAD")
    assert git(repo, "status", "--porcelain") == ""


#: Every point with SIGTERM; SIGHUP and Ctrl-C at the two points after the commit.
CASES = [(point, signal.SIGTERM) for point in HOOKS] + [
    (point, sig)
    for point in ("post-commit", "tag-committed")
    for sig in (signal.SIGHUP, signal.SIGINT)
]


@pytest.mark.parametrize(("point", "sig"), CASES, ids=lambda v: getattr(v, "name", v))
def test_a_signal_during_a_slow_hook_undoes_the_release(
    repo: Path, tmp_path: Path, point: str, sig: signal.Signals
) -> None:
    install_hook(repo, point)
    before = snapshot(repo)
    ready = tmp_path / "ready"
    process = start(repo, "release", "--date", "2026-07-10", ready=ready)
    wait_for(ready, process)
    process.send_signal(sig)
    code, out, err = finish(process)
    assert code == 128 + sig, err
    expected = "interrupted" if sig is signal.SIGINT else f"interrupted by {sig.name}"
    # After Ctrl-C, click first ends the terminal line that shows ^C.
    shown = err.lstrip("\n") if sig is signal.SIGINT else err
    assert shown == f"specdiff: error: {expected}\n"
    assert out == ""
    assert snapshot(repo) == before
    assert not (ready.parent / "ready.done").exists()  # the hook was stopped too
    assert not list(repo.glob(".CHANGELOG.md.*"))
    release_twice_is_one_release(repo)


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.4, 2.0])
def test_sigterm_at_any_moment_leaves_the_before_or_the_after_state(
    repo: Path, tmp_path: Path, delay: float
) -> None:
    before = snapshot(repo)
    process = start(repo, "release", "--date", "2026-07-10")
    time.sleep(delay)
    process.send_signal(signal.SIGTERM)
    code, _, err = finish(process)
    state = snapshot(repo)
    released = git(repo, "tag", "--points-at", "HEAD") == "v4.0.0"
    if code == 0:  # it finished before the signal came
        assert released
    elif code == -signal.SIGTERM:
        # The signal came before specdiff had started, or after it had finished (while
        # the interpreter shut down): either way, the state before or after, no half.
        assert state == before or (released and state["status"] == "")
    else:
        assert (code, err) == (143, "specdiff: error: interrupted by SIGTERM\n")
        assert state == before
    release_twice_is_one_release(repo)


def test_a_release_killed_before_its_tag_is_finished_by_the_next_run(
    repo: Path, tmp_path: Path
) -> None:
    """SIGKILL cannot be handled: the next run finds the commit without its tag."""
    install_hook(repo, "post-commit", seconds=1)
    ready = tmp_path / "ready"
    process = start(repo, "release", "--date", "2026-07-10", ready=ready)
    wait_for(ready, process)
    process.kill()
    process.communicate()
    wait_for_file(tmp_path / "ready.done")
    assert git(repo, "log", "-1", "--format=%s") == "Release v4.0.0"
    assert git(repo, "tag", "--list", "v4.0.0") == ""
    code, _, err = finish(start(repo, "release", "--dry-run"))
    assert code == 0 and "would tag HEAD v4.0.0" in err, err
    assert git(repo, "tag", "--list", "v4.0.0") == ""
    code, _, err = finish(start(repo, "release"))
    assert code == 0, err
    assert err.splitlines()[0] == (
        "tagged HEAD v4.0.0: its release commit had no tag (an interrupted release)"
    )
    assert "nothing to release" in err
    assert git(repo, "rev-parse", "v4.0.0^{commit}") == git(repo, "rev-parse", "HEAD")
    assert git(repo, "cat-file", "-t", "v4.0.0") == "tag"
    assert git(repo, "log", "--format=%s").splitlines().count("Release v4.0.0") == 1
    assert (repo / "CHANGELOG.md").read_text(encoding="utf-8").count("## [4.0.0]") == 1
    code, _, err = finish(start(repo, "release"))
    assert code == 0 and "nothing to release" in err, err


def wait_for_file(path: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)
    time.sleep(0.2)  # let git exit after its hook


# -- publish, serve, import ----------------------------------------------------------------
@pytest.mark.parametrize("delay", [0.5, 1.2, 2.0])
@pytest.mark.parametrize("rebuild", [False, True], ids=["new", "rebuild"])
def test_sigterm_during_publish_leaves_no_half_site(
    repo: Path, tmp_path: Path, delay: float, rebuild: bool
) -> None:
    out = tmp_path / "public" / "site"
    out.parent.mkdir()
    if rebuild:
        code, _, err = finish(start(repo, "publish", "--out", str(out)))
        assert code == 0, err
        (out / "index.html").write_text("the old site", encoding="utf-8")
    process = start(repo, "publish", "--out", str(out))
    time.sleep(delay)
    process.send_signal(signal.SIGTERM)
    code, _, err = finish(process)
    # -15: the signal came before specdiff had started or after it had finished.
    assert code in (0, 143, -signal.SIGTERM), err
    listing = sorted(p.name for p in out.parent.iterdir())
    new_site = (out / "index.html").is_file() and "<html" in (out / "index.html").read_text(
        encoding="utf-8"
    )
    if code == 0 or (code == -signal.SIGTERM and new_site):
        assert listing == ["site"] and new_site
    else:  # stopped: the state before, and nothing half-written beside it
        assert listing == (["site"] if rebuild else [])
        assert err in ("", "specdiff: error: interrupted by SIGTERM\n")
        if rebuild:
            assert (out / "index.html").read_text(encoding="utf-8") == "the old site"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_serve_stops_on_sigterm_and_removes_its_temporary_site(
    repo: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)}
    process = subprocess.Popen(
        [sys.executable, "-m", "specdiff", "serve", "--port", "0"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("http://127.0.0.1:")
    assert [p.name[:14] for p in scratch.iterdir()] == ["specdiff-site-"]
    process.send_signal(sig)
    code, _, err = finish(process)
    assert code == 128 + sig
    assert err.splitlines()[-1] == f"specdiff: error: interrupted by {sig.name}"
    assert list(scratch.iterdir()) == []


def _slow_third_commit(tmp_path: Path) -> Path:
    """A global post-commit hook that sleeps once, at the third commit (import skips the
    pre-commit hooks, not this one); returns the file it touches when it starts."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    hook = hooks / "post-commit"
    hook.write_text(
        _SLEEPER.format(condition='[ "$(git rev-list --count HEAD)" = 3 ] || exit 0', seconds=60),
        encoding="utf-8",
    )
    hook.chmod(0o755)
    git(tmp_path, "config", "--global", "core.hooksPath", str(hooks))
    return tmp_path / "ready"


def test_sigterm_during_import_into_a_new_folder_leaves_nothing(tmp_path: Path) -> None:
    ready = _slow_third_commit(tmp_path)
    target = tmp_path / "imported"
    process = start(tmp_path, "import", str(ROOT / "history"), "--into", str(target), ready=ready)
    wait_for(ready, process)
    process.send_signal(signal.SIGTERM)
    code, _, err = finish(process)
    assert code == 143, err
    assert err.splitlines()[-1] == "specdiff: error: interrupted by SIGTERM"
    assert not target.exists()


def test_sigterm_during_import_into_a_repository_restores_it(tmp_path: Path) -> None:
    repo = tmp_path / "existing"
    repo.mkdir()
    git(repo, "init", "--quiet", "-b", "main")
    commit(repo, {"README.md": "# Notes\n"}, "Start")
    before = snapshot(repo, ("spec.md", "specdiff.toml"))
    ready = _slow_third_commit(tmp_path)
    process = start(repo, "import", str(ROOT / "history"), ready=ready)
    wait_for(ready, process)
    process.send_signal(signal.SIGTERM)
    code, _, err = finish(process)
    assert code == 143, err
    assert snapshot(repo, ("spec.md", "specdiff.toml")) == before
    git(tmp_path, "config", "--global", "--unset", "core.hooksPath")
    code, _, err = finish(start(repo, "import", str(ROOT / "history")))
    assert code == 0, err
    assert git(repo, "tag").splitlines() == [
        "v1.0.0", "v1.1.0", "v1.1.1", "v2.0.0", "v2.1.0", "v3.0.0",
    ]  # fmt: skip


def test_a_release_killed_before_its_commit_says_what_to_do(repo: Path, tmp_path: Path) -> None:
    """SIGKILL after the changelog was written, before the commit: the next run names the
    file and the safe way back, and nothing is released twice."""
    hook = repo / ".git" / "hooks" / "pre-commit"
    # The commit never happens: git's own process, left alone by SIGKILL, fails its hook.
    hook.write_text(_SLEEPER.format(condition="", seconds=1) + "exit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    ready = tmp_path / "ready"
    process = start(repo, "release", "--date", "2026-07-10", ready=ready)
    wait_for(ready, process)
    process.kill()
    process.communicate()
    wait_for_file(tmp_path / "ready.done")
    assert git(repo, "status", "--porcelain") == "A  CHANGELOG.md"
    code, _, err = finish(start(repo, "release"))
    assert code == 2
    assert err == (
        "specdiff: error: CHANGELOG.md has uncommitted changes, perhaps from an interrupted "
        "release: look at them (git diff HEAD -- CHANGELOG.md), then `git rm -f CHANGELOG.md` "
        "and release again, or commit them\n"
    )
    git(repo, "rm", "--quiet", "-f", "CHANGELOG.md")  # the advice, followed
    release_twice_is_one_release(repo)
