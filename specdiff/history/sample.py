"""Where the sample history that ships with specdiff lives."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def sample_history() -> Path:
    """The folder of sample versions: inside the installed package, or the source tree's
    ``history/`` when running from a checkout (an editable install)."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "_history", package.parent / "history"):
        if (candidate / "manifest.toml").is_file():
            return candidate
    raise InputError(
        "the sample history is missing from this installation (expected specdiff/_history)"
    )
