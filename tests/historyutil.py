"""Helpers for the history tests (log, show, history, changelog, release, demo).

The sample history is imported into a git repository once per test session and each test
works on its own copy, so the tests stay fast and never share state.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from gitutil import HISTORY, ROOT, copy_repo, git, isolate_git

from specdiff.cli import run
from specdiff.history.importer import import_history

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from specdiff.history.timeline import Timeline

#: The sample history's versions, oldest first, and the bump each one got.
SAMPLE_VERSIONS = ("1.0.0", "1.1.0", "1.1.1", "2.0.0", "2.1.0", "3.0.0")
SAMPLE_BUMPS = (None, "minor", "patch", "major", "minor", "major")

_templates: dict[str, Path] = {}
_timelines: dict[str, Timeline] = {}


def sample_template(factory: pytest.TempPathFactory) -> Path:
    """A repository holding the imported sample history, built once per session. Copy it
    (:func:`sample_repo`) before changing anything."""
    if "sample" not in _templates:
        base = factory.mktemp("sample-template")
        with pytest.MonkeyPatch.context() as patch:
            isolate_git(patch, base)
            import_history(HISTORY, cwd=base, into=base / "repo")
        _templates["sample"] = base / "repo"
    return _templates["sample"]


def sample_timeline(factory: pytest.TempPathFactory) -> Timeline:
    """The timeline of the imported sample history (read-only), computed once per session."""
    if "timeline" not in _timelines:
        from specdiff.history.timeline import Timeline
        from specdiff.history.workspace import Workspace

        template = sample_template(factory)
        timeline = Timeline(Workspace.discover(cwd=template))
        with pytest.MonkeyPatch.context() as patch:
            isolate_git(patch, template.parent)
            timeline.releases  # noqa: B018 - computes versions and reports now
        _timelines["timeline"] = timeline
    return _timelines["timeline"]


def sample_repo(factory: pytest.TempPathFactory, target: Path) -> Path:
    """A fresh copy of the imported sample history at ``target``."""
    return copy_repo(sample_template(factory), target)


def import_versions(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    versions: dict[str, dict[str, str]],
    manifest: str,
) -> Path:
    """A repository made by ``specdiff import`` from version folders written under
    *tmp_path* (``{folder: {relative path: text}}`` plus *manifest*), with git isolated and
    the working directory set to the repository, which is returned."""
    isolate_git(monkeypatch, tmp_path)
    source = tmp_path / "versions"
    for folder, files in versions.items():
        for name, text in files.items():
            path = source / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (source / "manifest.toml").write_text(manifest, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(["import", str(source), "--into", str(tmp_path / "repo")]) == 0
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def specdiff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def specdiff_process(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m specdiff`` in a subprocess (the environment is the test's)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "specdiff", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def error_line(err: str) -> str:
    """The single error line a failing command must print (no traceback)."""
    lines = err.strip("\n").splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("specdiff: error: "), err
    return lines[0]


def snapshot(repo: Path, files: Sequence[str] = ("CHANGELOG.md",)) -> dict[str, object]:
    """What a release may change: HEAD, the tags, the index and working tree, some files."""
    state: dict[str, object] = {
        "head": git(repo, "rev-parse", "HEAD"),
        "tags": git(repo, "tag", "--list"),
        "status": git(repo, "status", "--porcelain", "--untracked-files=all"),
        "branch": git(repo, "rev-parse", "--abbrev-ref", "HEAD"),
    }
    for name in files:
        path = repo / name
        state[name] = path.read_bytes() if path.exists() else None
    return state


def section_source(markdown: str, heading: str) -> str:
    """The lines of the section whose heading line starts with ``heading`` (e.g. ``"### Give
    honest"``) up to the next heading of the same or a higher level, without trailing
    blank lines: the oracle for ``show --section``."""
    lines = markdown.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    level = len(heading) - len(heading.lstrip("#"))
    end = len(lines)
    fence = False
    for i in range(start + 1, len(lines)):
        if re.match(r"^(```|~~~)", lines[i]):
            fence = not fence
        match = re.match(r"^(#{1,6}) ", lines[i])
        if not fence and match and len(match.group(1)) <= level:
            end = i
            break
    return "\n".join(lines[start:end]).rstrip("\n")


def edit_spec(repo: Path, old: str, new: str, name: str = "spec.md") -> None:
    path = repo / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
