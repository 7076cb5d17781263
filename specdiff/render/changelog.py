"""The spec's CHANGELOG in Keep a Changelog form, and the same entries as JSON.

``specdiff release`` and ``specdiff changelog`` both render through :func:`render_entry`,
so an entry written at release time and the rebuilt changelog never disagree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import ChangeKind, Level, Scope
from ..summary import summarize
from ._common import excerpt

if TYPE_CHECKING:
    from datetime import date

    from ..report import Change, Report

CHANGELOG_HEADER = """# Changelog

All notable changes to this specification are listed here, newest first. Each entry is
computed by specdiff from the clause-level differences between released versions; the
format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/) and versions
follow [Semantic Versioning](https://semver.org/spec/v2.0.0.html), applied to meaning.
"""

#: Keep a Changelog headings, in the order they appear in an entry.
HEADINGS = ("Added", "Changed", "Removed", "Fixed")
_ENTRY_START = re.compile(r"^## \[", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One released version as the changelog tells it."""

    version: str
    date: date
    report: Report | None
    """The changes since the previous version; None for the first release."""
    tag: str | None = None
    commit: str | None = None


def heading_of(change: Change) -> str:
    """Which Keep a Changelog heading a change belongs under."""
    if change.kind in (ChangeKind.ADDED, ChangeKind.SPLIT):
        return "Added"
    if change.kind in (ChangeKind.REMOVED, ChangeKind.MERGED):
        return "Removed"
    if change.tags and set(change.tags) <= {"editorial", "commentary"}:
        return "Fixed"
    return "Changed"


def describe(change: Change) -> str:
    """A short line saying what happened, with the words that matter quoted."""
    side = change.new or change.old
    assert side is not None
    if change.scope is Scope.SECTION:
        return _describe_section(change)
    statement = next((s for s in change.statements if s.tag != "normative.added"), None) or (
        change.statements[0] if change.statements else None
    )
    if statement is not None and statement.old and statement.new:
        verb = statement.tag.split(".")[1].capitalize()
        return (
            f"{verb}: “{statement.old}” → “{statement.new}” in “{excerpt(statement.sentence, 140)}”"
        )
    if change.verdicts:
        flip = change.verdicts[0]
        title = side.title or "worked example"
        more = (
            f" (and {len(change.verdicts) - 1} more answer(s))" if len(change.verdicts) > 1 else ""
        )
        return f"Example “{title}”: an answer went from {flip.old} to {flip.new}{more}"
    label = {
        ChangeKind.ADDED: "Added",
        ChangeKind.REMOVED: "Removed",
        ChangeKind.MOVED: f"Moved from #{change.old_section}"
        if change.old_section != change.section
        else "Reordered",
        ChangeKind.MODIFIED: _modified_label(change),
    }[change.kind]
    if change.kind is ChangeKind.MOVED and "modified" in change.tags:
        label += " and edited"
    what = (
        f"example “{side.title}”"
        if side.type == "example" and side.title
        else f"“{excerpt(side.text, 140)}”"
    )
    return f"{label}: {what}"


def _modified_label(change: Change) -> str:
    for tag, label in (
        ("normative.added", "New obligation"),
        ("normative.removed", "Obligation removed"),
        ("example.modified", "Example edited"),
        ("wording.substantive", "Rewritten"),
        ("reference.broken", "Broken link"),
        ("editorial", "Editorial"),
        ("commentary", "Commentary"),
    ):
        if tag in change.tags:
            return label
    return "Reworded"


def _describe_section(change: Change) -> str:
    old_title = change.old.title if change.old else ""
    new_title = change.new.title if change.new else ""
    if change.kind is ChangeKind.ADDED:
        return "New section"
    if change.kind is ChangeKind.REMOVED:
        return "Section removed"
    if change.kind is ChangeKind.RENAMED:
        return f"Renamed from “{old_title}”"
    if change.kind is ChangeKind.REIDENTIFIED:
        return f"Anchor changed from #{change.old_section} to #{change.section} (old links break)"
    if change.kind is ChangeKind.MOVED:
        return "Moved under a new parent section"
    if change.kind is ChangeKind.ATTRIBUTES:
        return "; ".join(
            f"{name}: {old or '(none)'} → {new or '(none)'}" for name, old, new in change.attributes
        )
    if change.kind is ChangeKind.MERGED:
        return f"Merged into “{new_title}” (#{change.section})"
    return f"Split out of “{old_title}” (#{change.old_section})"


def render_entry(entry: Entry) -> str:
    """``## [version] - date``, the summary, then the changes by heading and section."""
    lines = [f"## [{entry.version}] - {entry.date.isoformat()}", ""]
    report = entry.report
    if report is None:
        lines += ["First released version.", ""]
        return "\n".join(lines)
    summary = summarize(report)
    lines += [summary.why, ""]
    if summary.notable:
        lines += [f"- {line}" for line in summary.notable]
        lines.append("")
    lines += [summary.counts, ""]
    for heading in HEADINGS:
        grouped: dict[str, list[Change]] = defaultdict(list)
        for change in report.changes:
            if heading_of(change) == heading:
                grouped[change.section or change.old_section or ""].append(change)
        if not grouped:
            continue
        lines += [f"### {heading}", ""]
        for section_id, changes in grouped.items():
            title = report.title_of(section_id) if section_id else "Before the first heading"
            anchor = f" (`#{section_id}`)" if section_id else ""
            lines.append(f"- **{_inline(title)}**{anchor}")
            lines.extend(f"  - {_inline(describe(c))}{_severity(c.severity)}" for c in changes)
        lines.append("")
    return "\n".join(lines)


def render_changelog(entries: list[Entry], header: str = CHANGELOG_HEADER) -> str:
    """A whole changelog, newest entry first."""
    parts = [header.rstrip("\n"), ""]
    parts.extend(render_entry(entry).rstrip("\n") + "\n" for entry in entries)
    return "\n".join(parts).rstrip("\n") + "\n"


def insert_entry(changelog: str | None, entry_text: str) -> str:
    """The changelog with ``entry_text`` placed above the newest entry (after the header)."""
    if not changelog or not changelog.strip():
        return (
            render_changelog([], CHANGELOG_HEADER).rstrip("\n")
            + "\n\n"
            + entry_text.rstrip("\n")
            + "\n"
        )
    match = _ENTRY_START.search(changelog)
    if match is None:
        return changelog.rstrip("\n") + "\n\n" + entry_text.rstrip("\n") + "\n"
    head, tail = changelog[: match.start()], changelog[match.start() :]
    return head + entry_text.rstrip("\n") + "\n\n" + tail


def changelog_data(entries: list[Entry]) -> dict[str, Any]:
    """The ``--format json`` document: entries with summary, counts and changes."""
    from .json import change_data

    releases = []
    for entry in entries:
        report = entry.report
        item: dict[str, Any] = {
            "version": entry.version,
            "date": entry.date.isoformat(),
            "tag": entry.tag,
            "commit": entry.commit,
            "bump": str(report.bump) if report is not None else None,
        }
        if report is not None:
            summary = summarize(report)
            item["summary"] = {
                "why": summary.why,
                "notable": list(summary.notable),
                "counts": summary.counts,
            }
            item["counts"] = report.counts
            item["changes"] = [change_data(c) for c in report.changes]
        releases.append(item)
    return {"schema": "specdiff.changelog/1", "releases": releases}


def _severity(level: Level) -> str:
    return f" _({level})_" if level is not Level.NONE else ""


def _inline(text: str) -> str:
    """Keep one line of spec text from opening Markdown constructs or raw HTML."""
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")
