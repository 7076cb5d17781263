"""Shared fixtures: the real-spec corpus and an in-process command line."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from fakegithub import FakeGitHub
from parseutil import corpus_root

from specdiff.cli import run

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The folder of real specifications; the test is skipped when it is absent."""
    root = corpus_root()
    if not root.is_dir():
        pytest.skip(f"corpus not found at {root} (set SPECDIFF_CORPUS to point at it)")
    return root


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``specdiff ARGS`` in-process; gives the exit code, stdout and stderr."""

    def invoke(*args: str | os.PathLike[str]) -> CliResult:
        capsys.readouterr()
        code = run([os.fspath(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    """A fake GitHub API served on a local port for the Action's tests."""
    fake = FakeGitHub()
    server = fake.start()
    yield fake
    server.shutdown()


@pytest.fixture
def signals_not_ignored() -> Iterator[None]:
    """For tests about a user's Ctrl-C or hang-up. A test run started in the
    background (``cmd &``) or under ``nohup`` has SIGINT or SIGHUP ignored, children
    inherit that, and specdiff rightly stays deaf to a signal it was started deaf to; so
    the children here start as from a terminal (an ignored signal is a disposition the
    child inherits across exec, a handler is not)."""
    ignored = [
        sig for sig in (signal.SIGINT, signal.SIGHUP) if signal.getsignal(sig) is signal.SIG_IGN
    ]
    for sig in ignored:
        signal.signal(sig, signal.SIG_DFL)
    yield
    for sig in ignored:
        signal.signal(sig, signal.SIG_IGN)
