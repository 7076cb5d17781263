"""Writing a site to disk: only inside the output folder, and all at once.

The pages go into a new sibling folder first; when every file is written, the old site
(if any) is moved aside, the new one takes its name, and the old one is deleted. A failed
build leaves the previous site as it was, and a rebuild never leaves stale pages behind.

We only ever replace a folder that is missing, empty, or holds a site we wrote (it has
the marker file :data:`~specdiff.publish._paths.MARKER`), and never ``/``, the home folder,
or a folder that contains the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..errors import SpecdiffError
from ..history.interrupts import deferred
from ._paths import MARKER

if TYPE_CHECKING:
    from collections.abc import Iterable

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


def write_site(out: Path, pages: Iterable[Page], generator: str = "specdiff") -> SiteResult:
    """Write ``pages`` as the whole content of ``out`` (already checked), atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        count = files = size = 0
        for page in pages:
            target = _inside(staging, page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.data)
            files += 1
            size += len(page.data)
            count += page.path.endswith(".html")
        marker = json.dumps({"generator": generator, "files": files}) + "\n"
        (staging / MARKER).write_text(marker, encoding="utf-8")
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is for reading
        _swap(staging, out)
    except BaseException:
        with deferred():  # a second signal must not leave half of the staging folder
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return SiteResult(out, count, files + 1, size + len(marker))


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
