"""GitHub workflow commands: one annotation per change, on its line of the new file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.vocabulary import Level
from ._common import kind_label

if TYPE_CHECKING:
    from ..model.changes import Report

_COMMAND = {
    Level.MAJOR: "error",
    Level.MINOR: "warning",
    Level.PATCH: "notice",
    Level.NONE: "notice",
}


def render_github(report: Report, path: str | None = None) -> str:
    """``::error file=...,line=...::message`` lines; removed text is pinned where it was."""
    file = path or report.head.path or ""
    lines = []
    for change in report.changes:
        side = change.new or change.old
        assert side is not None
        start, end = side.lines if change.new is not None else (1, 1)
        where = (
            change.new is None and f" (was at line {side.lines[0]} of {report.base.label})"
        ) or ""
        title = f"specdiff {change.severity}: {kind_label(change)}"
        message = (
            f"{change.reason}{where} [{', '.join(change.tags) or change.kind_name}] id={change.id}"
        )
        properties = f"file={_property(file)},line={start},endLine={end},title={_property(title)}"
        lines.append(f"::{_COMMAND[change.severity]} {properties}::{_data(message)}")
    lines.append(
        f"::notice title=specdiff::{_data(f'{report.base.label} → {report.head.label}: bump {report.bump}')}"
    )
    return "\n".join(lines) + "\n"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
