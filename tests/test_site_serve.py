"""``specdiff serve``: builds the site, serves it on 127.0.0.1, stops on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from urllib.request import urlopen

import pytest
from gitutil import ROOT, isolate_git
from siteutil import make_repo

# Stopping a child with Ctrl-C or a hang-up needs those signals not ignored in it.
pytestmark = pytest.mark.usefixtures("signals_not_ignored")

SPEC = "# Spec\n\n## Rules {#rules}\n\nThe server must answer.\n"


def serve(repo: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """Start ``specdiff serve --port 0`` in ``repo``; return the process and its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "specdiff", "serve", "--port", "0", *args],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url), url
    return process, url


def stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    return process.returncode, err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = make_repo(tmp_path, [("1.0.0", SPEC), ("1.1.0", SPEC + "\nIt may log.\n")])
    isolate_git(monkeypatch, tmp_path)
    return repo


def test_serves_a_temporary_site_and_cleans_up(repo: Path) -> None:
    process, url = serve(repo)
    try:
        with urlopen(url) as response:
            assert response.status == 200
            assert "Version" in response.read().decode()
        with urlopen(url + "releases/1.1.0.html") as response:
            assert response.status == 200
    finally:
        code, err = stop(process)
    assert code == 0, err
    built = re.search(r"built \d+ pages in (\S+)", err)
    assert built is not None, err
    assert not Path(built.group(1)).exists(), "the temporary site is deleted on exit"


def test_serve_can_keep_the_site(repo: Path, tmp_path: Path) -> None:
    process, url = serve(repo, "--out", str(tmp_path / "preview"))
    try:
        with urlopen(url + "feed.xml") as response:
            assert response.status == 200
    finally:
        code, err = stop(process)
    assert code == 0, err
    assert (tmp_path / "preview" / "index.html").is_file()
