"""Errors that end a command, each carrying the exit code the CLI turns it into.

Exit codes follow diff(1): 0 success, 1 a policy threshold was reached, 2 trouble.
Only :func:`specdiff.cli.main` turns these into a process exit.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


class ExitCode(IntEnum):
    OK = 0
    THRESHOLD = 1
    """``--fail-on`` reached, or ``check`` found errors."""
    ERROR = 2
    """Usage, configuration, input or git trouble."""


class SpecdiffError(Exception):
    """A failure the user can act on; its message is one line meant for them."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(SpecdiffError):
    """A spec file or other input cannot be read as a Markdown spec."""


class ConfigError(SpecdiffError):
    """The configuration file is invalid."""


class RevisionError(SpecdiffError):
    """A version, tag or revision cannot be found or read."""


class WriteError(SpecdiffError):
    """A file cannot be written (permissions, a full disk); what was there is kept."""


class ReleaseError(SpecdiffError):
    """A release cannot be made (dirty tree, existing tag, failed step)."""


def did_you_mean(typed: str, valid: Iterable[str], what: str = "") -> str:
    """``"; did you mean 'x'?"`` naming the valid name nearest to ``typed`` (``what``
    prefixes it, e.g. ``"#"`` for a section), or ``""`` when none is close."""
    import difflib

    names = list(dict.fromkeys(valid))
    # A prefix wins (2.0 -> 2.0.0), in the order given; then the closest spelling.
    close = [name for name in names if name.startswith(typed) and typed][:1]
    close = close or difflib.get_close_matches(typed, names, n=1, cutoff=0.6)
    if not close:
        lowered = {name.lower(): name for name in names}
        close = [
            lowered[n]
            for n in difflib.get_close_matches(typed.lower(), list(lowered), n=1, cutoff=0.6)
        ]
    return f"; did you mean {what}{close[0]}?" if close else ""
