"""Errors that end a command, each carrying the exit code the CLI turns it into.

Exit codes follow diff(1): 0 success, 1 a policy threshold was reached, 2 trouble.
Only :func:`specdiff.cli.main` turns these into a process exit.
"""

from __future__ import annotations

from enum import IntEnum


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
