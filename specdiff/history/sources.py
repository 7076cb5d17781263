"""Reading spec files from disk with errors that name the file and the problem."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InputError
from ..parse.decode import decode_spec

if TYPE_CHECKING:
    from pathlib import Path


def read_spec_file(path: Path) -> str:
    """The text of a spec file; any problem is one :class:`InputError` line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a spec file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode_spec(data, str(path))
