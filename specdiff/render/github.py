"""GitHub workflow commands: one annotation per change, on its line of the new file."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from ..model.vocabulary import Level
from ..parse.documents import DOCUMENT_SUFFIXES
from ._common import kind_label

if TYPE_CHECKING:
    from ..model.changes import Change, Report

_COMMAND = {
    Level.MAJOR: "error",
    Level.MINOR: "warning",
    Level.PATCH: "notice",
    Level.NONE: "notice",
}


def render_github(report: Report, path: str | None = None, document_root: str | None = None) -> str:
    """``::error file=...,line=...::message`` lines; removed text is pinned where it was.

    For a spec made of many files each annotation names its document, under
    ``document_root`` (the spec's folder in the repository)."""
    lines = []
    for change in report.changes:
        file = _file_of(change, path or report.head.path or "", document_root)
        side = change.new or change.old
        assert side is not None
        start, end = side.lines if change.new is not None else (1, 1)
        where = (
            change.new is None and f" (was at line {side.lines[0]} of {report.base.label})"
        ) or ""
        message = (
            f"{change.reason}{where} [{', '.join(change.tags) or change.kind_name}] id={change.id}"
        )
        lines.append(
            annotation(
                _COMMAND[change.severity],
                message,
                file=file,
                line=start,
                end_line=end,
                title=f"specdiff {change.severity}: {kind_label(change)}",
            )
        )
    lines.append(
        annotation(
            "notice",
            f"{report.base.label} → {report.head.label}: bump {report.bump}",
            title="specdiff",
        )
    )
    return "\n".join(lines) + "\n"


def annotation(
    command: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    end_line: int | None = None,
    title: str | None = None,
) -> str:
    """One workflow command, ``::error file=...,line=...,title=...::message``, escaped as
    GitHub reads it (the rules of actions/toolkit's ``command.ts``): in the message ``%``,
    CR and LF are percent-encoded; in a property ``:`` and ``,`` are too, since they
    would end the value. ``command`` is ``error``, ``warning`` or ``notice``."""
    properties = [
        f"{name}={value}"
        for name, value in (
            ("file", None if file is None else _property(file)),
            ("line", None if line is None else str(line)),
            ("endLine", None if end_line is None else str(end_line)),
            ("title", None if title is None else _property(title)),
        )
        if value is not None
    ]
    head = f"::{command} {','.join(properties)}" if properties else f"::{command}"
    return f"{head}::{_data(message)}"


def _file_of(change: Change, default: str, document_root: str | None) -> str:
    document = change.document if change.document is not None else change.old_document
    if document is None:
        return default
    if document_root is None and default and not default.lower().endswith(DOCUMENT_SUFFIXES):
        document_root = default.rstrip("/")  # the spec's folder, as the caller named it
    return posixpath.join(document_root, document) if document_root else document


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
