"""Writing a file so that a crash or a full disk never leaves half of it behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from typing import TYPE_CHECKING

from ..errors import WriteError
from .interrupts import deferred

if TYPE_CHECKING:
    from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` in one step: readers see the old file or the new one, never a mix.

    The text is written as it is (no newline translation), through a temporary file in the
    same folder that is renamed over ``path``. A failure leaves ``path`` as it was, removes
    the temporary file and is one line: :class:`~specdiff.errors.WriteError`.
    """
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = file_mode(path)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        os.chmod(temporary, mode)  # mkstemp makes it 0600 whatever the umask
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException as exc:
        if temporary is not None:
            with deferred(), contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def file_mode(path: Path) -> int:
    """The permission bits a rewritten ``path`` keeps: those of the file it replaces, or
    for a new file what the umask gives (0644 with the usual umask 022)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
