"""The manifest of a folder of versions: strict validation of its TOML mapping.

Two formats are read:

* **specdiff** (``history/manifest.toml``): top-level ``title`` and ``spec_path``, then
  ``[[versions]]`` with ``version``, ``date``, ``file``, ``message``, optional ``author``
  (``Name <email>``) and optional ``tag`` (the tag name to use instead of prefix+version).
* **corpus** (``../shared/corpus/*/manifest.toml``, recognised by ``source_repository``,
  ``snapshot_commit`` or a version's ``commit_date``): the date is ``release_date``, else
  ``commit_date``; the message is ``commit_subject``, else ``Release <version>``; the spec
  path is ``path`` when it is a plain path; ``sha256`` is checked; ``tag`` and the other
  provenance keys are recorded upstream facts and are not used.

A date without a time is taken as 12:00 UTC, so it shows as the same day in every
time zone from UTC-11 to UTC+11.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any

from ...config import TableReader
from ...errors import InputError

SPECDIFF_FORMAT = "specdiff"
CORPUS_FORMAT = "corpus"

_TOP = {
    SPECDIFF_FORMAT: ("title", "spec_path", "versions"),
    CORPUS_FORMAT: (
        "name", "title", "source_repository", "path", "snapshot_commit", "visibility",
        "description", "notes", "structure", "license", "versions",
        # corpus-multi: each version a folder of files
        "snapshot_commit_date", "layout", "included", "excluded", "oddities",
        "total_files", "total_bytes",
    ),
}  # fmt: skip
_VERSION = {
    SPECDIFF_FORMAT: ("version", "date", "file", "folder", "message", "author", "tag"),
    CORPUS_FORMAT: (
        "version", "file", "commit", "commit_date", "source_path", "commit_subject", "tag",
        "release_date", "note", "file_state", "file_last_changed_commit",
        "file_last_changed_date", "release_tag_commit", "release_tag_commit_date",
        "identical_to_tag", "bytes", "sha256",
        # corpus-multi: each version a folder of files
        "folder", "commit_is", "source_root", "files", "tree_sha256", "previous_version",
        "added", "removed", "renamed", "modified_count", "unchanged_count", "notes",
        "rewritten", "similar_below_rename_threshold",
    ),
}  # fmt: skip
_PLAIN_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)*")
_IDENTITY = re.compile(r"\s*([^<>]*[^<>\s])\s*<([^<>\s]+)>\s*")
NOON = time(12, 0, tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class ManifestVersion:
    """One ``[[versions]]`` entry, checked."""

    version: str
    """The label as written, e.g. ``1.1.0`` or ``2025-02-12``."""
    date: datetime
    """Timezone-aware; becomes the author and committer date."""
    file: str
    """The file holding this version, relative to the folder ('' for a folder version)."""
    message: str
    """The commit and tag message."""
    where: str
    """Where it sits in the manifest, e.g. ``versions[2]``, for messages."""
    author: str | None = None
    """``Name <email>``, or None for the repository's configured user."""
    tag: str | None = None
    """An explicit tag name (specdiff format only)."""
    sha256: str | None = None
    """The expected digest of the file (corpus format only)."""
    folder: str | None = None
    """For a spec made of many files: the folder holding this version's files."""


@dataclass(frozen=True, slots=True)
class Manifest:
    origin: str
    """The manifest's path, for messages."""
    format: str
    """:data:`SPECDIFF_FORMAT` or :data:`CORPUS_FORMAT`."""
    title: str
    spec_path: str | None
    """Where the spec goes in the repository, if the manifest says."""
    versions: tuple[ManifestVersion, ...]
    ignored: tuple[str, ...] = ()
    """Keys specdiff does not use (dotted): a warning, not an error, so that folders
    made for other tools import as they are."""


def manifest_from_mapping(data: Mapping[str, Any], origin: str) -> Manifest:
    """Check a parsed ``manifest.toml``; the first problem raises one :class:`InputError`."""
    check = TableReader(origin, InputError)
    entries = data.get("versions")
    if not isinstance(entries, list) or not entries:
        raise check.fail("'versions' must be a non-empty array of tables ([[versions]])")
    corpus = any(key in data for key in ("source_repository", "snapshot_commit")) or any(
        isinstance(entry, Mapping) and "commit_date" in entry for entry in entries
    )
    kind = CORPUS_FORMAT if corpus else SPECDIFF_FORMAT
    ignored = _unused(check, data, _TOP[kind], "")
    versions: list[ManifestVersion] = []
    seen: dict[str, str] = {}
    for index, entry in enumerate(entries):
        where = f"versions[{index}]"
        if not isinstance(entry, Mapping):
            raise check.fail(f"{where} must be a table")
        ignored += _unused(check, entry, _VERSION[kind], where)
        version = _version(check, entry, where, kind)
        if version.version in seen:
            raise check.fail(
                f"{where}.version = {version.version!r} appears twice (also {seen[version.version]})"
            )
        seen[version.version] = where
        versions.append(version)
    spec_path = None
    if kind == SPECDIFF_FORMAT and "spec_path" in data:
        spec_path = check.string(data["spec_path"], "spec_path")
    elif kind == CORPUS_FORMAT and isinstance(data.get("path"), str):
        spec_path = data["path"] if _PLAIN_PATH.fullmatch(data["path"]) else None
    title = check.string(data.get("title", ""), "title")
    return Manifest(origin, kind, title, spec_path, tuple(versions), tuple(ignored))


def _unused(
    check: TableReader, data: Mapping[str, Any], allowed: tuple[str, ...], where: str
) -> list[str]:
    """The keys of ``data`` outside ``allowed``. One that looks like a typo of a key
    specdiff reads (``mesage``) is an error, since its value would be lost silently."""
    prefix = f"{where}." if where else ""
    unused = []
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.75)
            if close:
                raise check.fail(
                    f"unknown key {prefix + key!r}; did you mean {prefix + close[0]!r}?"
                )
            unused.append(prefix + key)
    return unused


def _version(
    check: TableReader, entry: Mapping[str, Any], where: str, kind: str
) -> ManifestVersion:
    label = check.string(check.required(entry, "version", where), f"{where}.version").strip()
    if not label:
        raise check.fail(f"{where}.version must not be empty")
    folder = check.string(entry["folder"], f"{where}.folder") if "folder" in entry else None
    if folder is not None and "file" in entry:
        raise check.fail(f"{where} has both 'file' and 'folder'; a version is one or the other")
    file = (
        ""
        if folder is not None
        else check.string(check.required(entry, "file", where), f"{where}.file")
    )
    if kind == CORPUS_FORMAT:
        date_key = "release_date" if "release_date" in entry else "commit_date"
        default_message = f"Release {label}"
        message = check.string(
            entry.get("commit_subject", default_message), f"{where}.commit_subject"
        )
        author = tag = None
        sha256 = check.string(entry["sha256"], f"{where}.sha256") if "sha256" in entry else None
    else:
        date_key = "date"
        message = check.string(entry.get("message", f"Release {label}"), f"{where}.message")
        author = _author(check, entry["author"], f"{where}.author") if "author" in entry else None
        tag = check.string(entry["tag"], f"{where}.tag") if "tag" in entry else None
        sha256 = None
    when = _date(check, check.required(entry, date_key, where), f"{where}.{date_key}")
    if not message.strip():
        raise check.fail(f"{where}.message must not be empty")
    return ManifestVersion(label, when, file, message, where, author, tag, sha256, folder)


def _author(check: TableReader, value: Any, where: str) -> str:
    match = _IDENTITY.fullmatch(check.string(value, where))
    if match is None:
        raise check.fail(f"{where} = {value!r} must read 'Name <email>'")
    return f"{match.group(1)} <{match.group(2)}>"


def _date(check: TableReader, value: Any, where: str) -> datetime:
    """TOML dates and date-times, or strings in ISO 8601 / RFC 3339 form."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = (
                date.fromisoformat(text)
                if len(text) == 10
                else datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            )
        except ValueError:
            raise check.fail(
                f"{where} = {value!r} is not a date (YYYY-MM-DD or an RFC 3339 date-time)"
            ) from None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime.combine(value, NOON)
    raise check.fail(f"{where} must be a date (YYYY-MM-DD), not {type(value).__name__}")
