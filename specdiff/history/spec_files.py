"""Which files make up a spec: an entry of ``spec`` in the config is a file, a folder or a glob.

One plain file is a one-file spec, read exactly as before. A folder or a glob such as
``spec/**/*.md`` is a spec made of many files: at a revision, or on disk, it is every
Markdown file the entry matches. Paths of documents are relative to the spec root: the
entry's folder (``spec/`` for ``spec/**/*.md``).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import InputError
from ..parse.documents import DOCUMENT_SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class SpecFile:
    """One document of a spec: its path relative to the spec root, blob id and text."""

    path: str
    blob_id: str
    text: str


@dataclass(frozen=True, slots=True)
class Selection:
    """The entries of ``spec`` in the config, read as a set of files."""

    entries: tuple[str, ...]

    @property
    def root(self) -> str:
        """The folder document paths are relative to (``""`` for the repository root)."""
        bases = [_fixed_part(e) for e in self.entries]
        common = posixpath.commonpath(bases) if all(bases) else ""
        if common and any(_is_file_like(e) and e == common for e in self.entries):
            common = posixpath.dirname(common)
        return common

    @property
    def pathspecs(self) -> tuple[str, ...]:
        """What ``git log -- ...`` should follow."""
        return tuple(f":(glob){e}" if _GLOB_CHARS & set(e) else e.rstrip("/") for e in self.entries)

    def label(self) -> str:
        return ", ".join(self.entries)

    def select(self, paths: Iterable[str]) -> list[str]:
        """The repository paths that are documents of the spec, in path order."""
        chosen = []
        for path in paths:
            if not path.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            if any(_matches(path, entry) for entry in self.entries):
                chosen.append(path)
        return sorted(chosen)

    def relative(self, path: str) -> str:
        root = self.root
        return posixpath.relpath(path, root) if root else path


def is_many(entries: Sequence[str], is_dir: bool = False) -> bool:
    """Whether ``spec`` entries name a set of files rather than one file."""
    if len(entries) != 1:
        return len(entries) > 1
    entry = entries[0]
    return is_dir or entry.endswith("/") or bool(_GLOB_CHARS & set(entry))


def combined_id(files: Sequence[SpecFile]) -> str:
    """One cache key for a set of files: equal sets of (path, blob) give equal keys."""
    digest = hashlib.blake2b(digest_size=10)
    for file in files:
        digest.update(f"{file.path}\x00{file.blob_id}\x01".encode())
    return "set:" + digest.hexdigest()


def read_folder(folder: Path) -> list[SpecFile]:
    """Every Markdown document under ``folder`` on disk (the folder itself is the root)."""
    from .sources import read_spec_file

    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name.lower().endswith(DOCUMENT_SUFFIXES):
            if any(part.startswith(".") for part in path.relative_to(folder).parts):
                continue
            text = read_spec_file(path)
            relative = path.relative_to(folder).as_posix()
            files.append(SpecFile(relative, text_id(text), text))
    if not files:
        raise InputError(f"{folder}: no Markdown files in this folder")
    return files


def text_id(text: str) -> str:
    return "text:" + hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def _fixed_part(entry: str) -> str:
    """The folder part of an entry before any glob character."""
    parts = []
    for part in entry.strip("/").split("/"):
        if _GLOB_CHARS & set(part):
            break
        parts.append(part)
    return "/".join(parts)


def _is_file_like(entry: str) -> bool:
    return entry.lower().endswith(DOCUMENT_SUFFIXES) and not (_GLOB_CHARS & set(entry))


def _matches(path: str, entry: str) -> bool:
    entry = entry.strip("/") if not (_GLOB_CHARS & set(entry)) else entry
    if _GLOB_CHARS & set(entry):
        return bool(_glob_regex(entry).fullmatch(path))
    return path == entry or path.startswith(entry + "/")


@lru_cache(maxsize=64)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """``**`` crosses folders, ``*`` and ``?`` do not."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


#: Folders that hold something other than a spec's text, never proposed as one.
_NOT_SPEC_FOLDERS = frozenset(
    {"node_modules", "changes", "site", "_site", "build", "dist", "vendor", "tests", "test"}
)
#: Folder names that say "this is the spec" when several folders hold Markdown.
_SPEC_FOLDER_NAMES = frozenset({"spec", "specs", "specification", "specifications"})


def folder_entry(root: Path, folder: str) -> str:
    """The ``spec`` entry for the Markdown files under ``root / folder``: a glob for the
    one suffix they share (``spec/**/*.md``), else the folder (``spec/``: every suffix)."""
    suffixes = {s for _, s in _documents_under(root / folder)}
    folder = folder.strip("/")
    if len(suffixes) == 1:
        return f"{folder}/**/*{suffixes.pop()}"
    return f"{folder}/"


def find_spec_folder(root: Path) -> str | None:
    """The top-level folder of ``root`` that holds a spec made of many files (at least two
    Markdown files): the only one, or the only one named ``spec``, ``specification``...;
    None when there is none. Several, none of them named so, is an error listing them."""
    found = []
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith((".", "_")):
            continue
        if folder.name.lower() in _NOT_SPEC_FOLDERS:
            continue
        if len(_documents_under(folder)) >= 2:
            found.append(folder.name)
    if len(found) > 1:
        named = [f for f in found if f.lower() in _SPEC_FOLDER_NAMES]
        if len(named) != 1:
            listed = ", ".join(f"{f}/" for f in found)
            raise InputError(
                f"which folder is the spec? pass --spec FOLDER (found Markdown files in {listed})"
            )
        found = named
    return found[0] if found else None


def _documents_under(folder: Path) -> list[tuple[Path, str]]:
    """The Markdown files under ``folder`` (not in hidden folders), with their suffixes."""
    found = []
    for path in folder.rglob("*"):
        name = path.name.lower()
        if not name.endswith(DOCUMENT_SUFFIXES) or not path.is_file():
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        found.append((path, next(s for s in DOCUMENT_SUFFIXES if name.endswith(s))))
    return found
