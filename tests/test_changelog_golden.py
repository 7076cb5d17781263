"""The changelog `specdiff changelog` writes for the sample history, kept as a golden file.

It is meant to read like a hand-written changelog: review the diff whenever it changes.
Regenerate with ``SPECDIFF_UPDATE_GOLDENS=1 python -m pytest tests/test_changelog_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from gitutil import isolate_git
from historyutil import sample_template, specdiff

if TYPE_CHECKING:
    import pytest

GOLDEN = Path(__file__).parent / "golden" / "sample_changelog.md"


def test_sample_changelog_matches_the_golden_file(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.chdir(sample_template(tmp_path_factory))
    code, out, err = specdiff(capsys, "changelog")
    assert code == 0, err
    if os.environ.get("SPECDIFF_UPDATE_GOLDENS"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(out, encoding="utf-8", newline="\n")
    assert GOLDEN.is_file(), f"{GOLDEN} is missing: run with SPECDIFF_UPDATE_GOLDENS=1"
    assert out == GOLDEN.read_text(encoding="utf-8")
