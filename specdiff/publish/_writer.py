"""Writing a site to disk: only inside the output folder, and all at once.

The pages go into a new sibling folder first; when every file is written, the old site
(if any) is moved aside, the new one takes its name, and the old one is deleted. A failed
build leaves the previous site as it was, and a rebuild never leaves stale pages behind.

We only ever replace a folder that is missing, empty, or holds a site we wrote (it has
the marker file :data:`~specdiff.publish._paths.MARKER`), and never ``/``, the home folder,
or a folder that contains the repository.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..errors import SpecdiffError
from ..history.files import current_umask
from ..history.interrupts import deferred
from ._paths import MARKER

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ._render import Page


class SiteError(SpecdiffError):
    """The site cannot be written where it was asked to go."""


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What a build wrote."""

    out: Path
    pages: int
    """HTML pages."""
    files: int
    """Every file, pages included (stylesheet, feed, JSON, marker)."""
    bytes: int


def check_out_dir(out: Path, protect: Iterable[Path] = ()) -> Path:
    """The absolute output folder, or :class:`SiteError` when we must not write there.

    ``protect`` lists folders (the repository root) that the output may be inside of but
    must neither be nor contain.
    """
    try:
        return _check_out_dir(out, protect)
    except OSError as exc:
        raise SiteError(_explain(exc, out)) from None


def _check_out_dir(out: Path, protect: Iterable[Path]) -> Path:
    if out.is_symlink():
        raise SiteError(f"{out}: is a symbolic link; give the real folder as --out")
    target = out.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise SiteError(f"{out}: refusing to publish into {target}; choose a folder of its own")
    for kept in protect:
        folder = kept.resolve()
        if target == folder or target in folder.parents:
            raise SiteError(
                f"{out}: refusing to publish over {folder} (it holds the repository); "
                "choose a folder of its own, e.g. --out _site"
            )
    if target.exists():
        if not target.is_dir():
            raise SiteError(f"{out}: exists and is not a folder")
        if any(target.iterdir()) and not (target / MARKER).is_file():
            raise SiteError(
                f"{out}: is not empty and was not written by specdiff publish "
                f"(no {MARKER} file); refusing to replace it"
            )
    if ".git" in target.parts:
        raise SiteError(f"{out}: is inside a .git folder")
    return target


def write_site(
    out: Path,
    pages: Iterable[Page],
    generator: str = "specdiff",
    *,
    keep: Iterable[str] = (),
    warn: Callable[[str], None] = lambda _message: None,
) -> SiteResult:
    """Write ``pages`` as the whole content of ``out`` (already checked), atomically.

    ``keep`` names files and folders of the old site (``CNAME``, ``static``) that are
    carried over into the new one. Other files the old site holds that specdiff did not
    write are named through ``warn`` before the old site is replaced."""
    try:
        return _write_site(out, pages, generator, tuple(keep), warn)
    except OSError as exc:
        raise SiteError(_explain(exc, out)) from None


def _write_site(
    out: Path,
    pages: Iterable[Page],
    generator: str,
    keep: tuple[str, ...],
    warn: Callable[[str], None],
) -> SiteResult:
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        count = files = size = 0
        written: list[str] = []
        for page in pages:
            target = _inside(staging, page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.data)
            written.append(page.path)
            files += 1
            size += len(page.data)
            count += page.path.endswith(".html")
        kept = _carry_over(out, staging, keep, set(written))
        marker = json.dumps({"generator": generator, "files": files, "paths": written}) + "\n"
        (staging / MARKER).write_text(marker, encoding="utf-8")
        # mkdtemp makes it private; a site is for reading: the old site's mode, else umask's
        os.chmod(staging, _folder_mode(out))
        strays = _strays(out, set(written) | {MARKER}, keep)
        if strays:
            shown = ", ".join(strays[:8]) + (
                f" and {len(strays) - 8} more" if len(strays) > 8 else ""
            )
            warn(
                f"replacing {out}: deleting {len(strays)} file(s) specdiff did not write: "
                f"{shown} (list them in [site] keep to carry them over)"
            )
        _swap(staging, out)
    except BaseException:
        with deferred():  # a second signal must not leave half of the staging folder
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return SiteResult(out, count, files + 1 + kept, size + len(marker))


def _carry_over(out: Path, staging: Path, keep: tuple[str, ...], written: set[str]) -> int:
    """Copy the kept files of the old site into the new one; returns how many."""
    copied = 0
    for name in keep:
        clash = [p for p in written if p == name or p.startswith(name + "/")]
        if clash:
            raise SiteError(f"[site] keep lists {name!r}, but publish writes {clash[0]} itself")
        source = out / name
        if not source.exists() or source.is_symlink():
            continue
        target = _inside(staging, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True)
            copied += sum(1 for p in target.rglob("*") if not p.is_dir())
        else:
            shutil.copy2(source, target)
            copied += 1
    return copied


def _strays(out: Path, written: set[str], keep: tuple[str, ...]) -> list[str]:
    """Files of the old site that this build neither writes nor keeps, and that the
    previous build did not write either: someone put them there."""
    if not out.is_dir():
        return []
    try:
        previous = set(json.loads((out / MARKER).read_text(encoding="utf-8")).get("paths", ()))
    except (OSError, ValueError, AttributeError):
        previous = set()
    found = []
    for path in sorted(out.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        name = path.relative_to(out).as_posix()
        if name in written or name in previous:
            continue
        if any(name == k or name.startswith(k + "/") for k in keep):
            continue
        found.append(name)
    return found


def _folder_mode(out: Path) -> int:
    try:
        return stat.S_IMODE(out.stat().st_mode)
    except OSError:
        return 0o777 & ~current_umask()


def _explain(exc: OSError, out: Path) -> str:
    """One line for a failed write: what could not be done, where, and what to try."""
    where = exc.filename or out
    reason = {
        errno.EACCES: "permission denied",
        errno.EPERM: "operation not permitted",
        errno.EROFS: "read-only file system",
        errno.EBUSY: "busy (a mount point or a folder in use cannot be replaced)",
        errno.ENOSPC: "no space left on the device",
        errno.EXDEV: "on another file system",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    hint = ""
    if exc.errno in (errno.EACCES, errno.EPERM) and Path(where) == out.parent:
        hint = "; publish builds the new site beside the old one, so the folder holding --out must be writable"
    elif exc.errno == errno.EBUSY:
        hint = f"; publish into a folder inside it instead, e.g. --out {out / 'site'}"
    return f"cannot publish to {out}: {where}: {reason}{hint}"


def _inside(root: Path, relative: str) -> Path:
    """``root/relative`` for a plain relative POSIX path; anything else is a bug."""
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise SiteError(f"refusing to write outside the site: {relative!r}")
    return root.joinpath(*parts)


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` in the place of ``out``; the old ``out`` is deleted afterwards."""
    if not out.exists():
        os.replace(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    retired.rmdir()
    os.replace(out, retired)
    try:
        os.replace(staging, out)
    except BaseException:
        with deferred():
            os.replace(retired, out)
        raise
    with deferred():  # the new site is in place; the old one goes whatever happens now
        shutil.rmtree(retired, ignore_errors=True)
