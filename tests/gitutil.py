"""Helpers for tests that build real git repositories in temporary folders.

Call :func:`isolate_git` first (from an autouse fixture) so that nothing depends on the
machine's git configuration: a fresh global config with a known user, no system config,
and none of the GIT_* variables that would redirect git elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "history"
CORPUS = Path(os.environ.get("SPECDIFF_CORPUS") or ROOT.parent / "shared" / "corpus")

USER = "Test User"
EMAIL = "test@example.com"

_GIT_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_CEILING_DIRECTORIES",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_AUTHOR_DATE",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "GIT_COMMITTER_DATE",
    "EMAIL",
)


def isolate_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *, user: bool = True) -> Path:
    """Point git at a throwaway global config (with a user unless ``user=False``)."""
    home = tmp_path / "_git_home"
    home.mkdir(exist_ok=True)
    config = home / ".gitconfig"
    lines = [
        "[init]\n\tdefaultBranch = main\n",
        "[commit]\n\tgpgSign = false\n",
        "[tag]\n\tgpgSign = false\n",
        '[protocol "file"]\n\tallow = always\n',
    ]
    if user:
        lines.append(f"[user]\n\tname = {USER}\n\temail = {EMAIL}\n")
    config.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in _GIT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return config


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in ``cwd`` and return its stdout without the final newline."""
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    if result.returncode:
        raise AssertionError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.rstrip("\n")


def init_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "--quiet", "-b", "main")
    return path


def commit(
    repo: Path,
    files: dict[str, str | bytes],
    message: str,
    date: str = "2025-01-01T12:00:00+00:00",
) -> str:
    """Write ``files`` (path -> text or bytes), commit them with ``date``, return the sha."""
    for name, content in files.items():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    git(repo, "add", "--all", "--", *files)
    git(
        repo,
        "commit",
        "--quiet",
        "--allow-empty",
        "-m",
        message,
        env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date},
    )
    return git(repo, "rev-parse", "HEAD")


def tag(repo: Path, name: str, ref: str = "HEAD", message: str | None = None) -> None:
    """An annotated tag when ``message`` is given, else a lightweight one."""
    if message is None:
        git(repo, "tag", name, ref)
    else:
        git(repo, "tag", "-a", "-m", message, name, ref)


def released_clone(tmp_path: Path, files: dict[str, str | bytes]) -> dict[str, Path]:
    """A repository whose first commit holds ``files``, tagged v1.0.0 and pushed to a bare
    ``origin``, and a fresh clone of it to work in: ``{"origin", "work", "tmp"}``."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    seed = init_repo(tmp_path / "seed")
    commit(seed, dict(files), "First version")
    tag(seed, "v1.0.0", message="Release v1.0.0")
    git(seed, "remote", "add", "origin", str(origin))
    git(seed, "push", "--quiet", "origin", "main", "--tags")
    work = tmp_path / "work"
    git(tmp_path, "clone", "--quiet", str(origin), str(work))
    return {"origin": origin, "work": work, "tmp": tmp_path}


def copy_repo(source: Path, target: Path) -> Path:
    """A copy of a repository (working tree and ``.git``), cheaper than building it again."""
    shutil.copytree(source, target, symlinks=True)
    return target
