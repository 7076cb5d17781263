"""Golden files under ``tests/golden``: compare output with a stored copy, or rewrite it.

``SPECDIFF_UPDATE_GOLDENS=1 python -m pytest ...`` rewrites every golden a test checks
(then review the diff with git before committing it).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def updating() -> bool:
    return os.environ.get("SPECDIFF_UPDATE_GOLDENS", "") not in ("", "0")


def check_golden(name: str, actual: str) -> None:
    """Assert that ``actual`` equals ``tests/golden/<name>`` (or rewrite it when updating)."""
    path = GOLDEN / name
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.is_file(), f"{path} is missing: run with SPECDIFF_UPDATE_GOLDENS=1"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{name}",
                "actual",
                n=2,
            )
        )
        raise AssertionError(
            f"output differs from golden/{name} (SPECDIFF_UPDATE_GOLDENS=1 rewrites it):\n"
            + diff[:6000]
        )
