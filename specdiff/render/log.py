"""What ``specdiff log`` prints: the ``specdiff.log/1`` document, or a table of it.

The versions and revisions come from the git history (the shell); this module only
reads the few fields it needs from them, named by the protocols below.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol

from ._common import counts_in_words

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from ..model.changes import Report

SCHEMA = "specdiff.log/1"


class Tagged(Protocol):
    """A version tag: ``v1.2.0`` for version ``1.2.0``, on a commit, on a date."""

    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def commit(self) -> str: ...
    @property
    def date(self) -> datetime: ...


class Committed(Protocol):
    """A commit after the last version."""

    @property
    def commit(self) -> str: ...
    @property
    def short(self) -> str: ...
    @property
    def date(self) -> datetime: ...
    @property
    def author(self) -> str: ...
    @property
    def subject(self) -> str: ...


def log_data(
    spec: str,
    versions: Sequence[tuple[Tagged, Report | None]],
    unreleased: Sequence[tuple[Committed, Report | None]],
    skipped: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The ``--format json`` document, newest first. ``versions`` and ``unreleased`` come
    oldest first, each with what changed since the one before (None for the first);
    ``skipped`` holds (tag, why) for version tags whose spec could not be read."""
    return {
        "schema": SCHEMA,
        "spec": spec,
        "unreleased": [
            {
                "commit": revision.commit,
                "short": revision.short,
                "date": revision.date.date().isoformat(),
                "author": revision.author,
                "subject": revision.subject,
                "bump": _bump(report),
                "counts": _counts(report),
                "summary": _summary(report, "first revision"),
            }
            for revision, report in reversed(unreleased)
        ],
        "versions": [
            {
                "version": tag.version,
                "tag": tag.name,
                "date": tag.date.date().isoformat(),
                "commit": tag.commit,
                "bump": _bump(report),
                "counts": _counts(report),
                "summary": _summary(report, "first version"),
            }
            for tag, report in reversed(versions)
        ],
        "skipped": [{"tag": tag, "reason": why} for tag, why in skipped],
    }


def render_log_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def render_log_text(data: dict[str, Any], tag_prefix: str) -> str:
    """The unreleased revisions, then a table of the versions (from :func:`log_data`)."""
    lines = []
    if data["unreleased"]:
        lines.append(
            f"Unreleased (after {data['versions'][0]['tag'] if data['versions'] else 'the start'}):"
        )
        for item in data["unreleased"]:
            bump = item["bump"] or "-"
            lines.append(f"  {item['short']:<9} {item['date']}  {bump:<5}  {item['subject']}")
            lines.append(f"  {'':<9} {'':<10}  {'':<5}  {item['summary']}")
        lines.append("")
    if data["versions"]:
        lines.append(f"{'VERSION':<14} {'DATE':<10}  {'COMMIT':<9} {'BUMP':<5}  CHANGES")
        for item in data["versions"]:
            lines.append(
                f"{item['version']:<14} {item['date']:<10}  {item['commit'][:9]:<9} {(item['bump'] or '-'):<5}  {item['summary']}"
            )
    else:
        lines.append(
            f"No released versions of {data['spec']} yet (no tags with prefix {tag_prefix!r})."
        )
    for skipped in data["skipped"]:
        lines.append(f"(skipped {skipped['tag']}: {skipped['reason']})")
    return "\n".join(lines)


def _counts(report: Report | None) -> dict[str, int]:
    return report.counts if report is not None else {}


def _bump(report: Report | None) -> str | None:
    """The bump a release would get: a renamed spec file is at least a patch."""
    if report is None:
        return None
    if report.base.path != report.head.path and not report.changes:
        return "patch"
    return str(report.bump)


def _summary(report: Report | None, first: str) -> str:
    if report is None:
        return first
    words = counts_in_words(report)
    if report.base.path != report.head.path:
        renamed = f"file renamed from {report.base.path}"
        return renamed if not report.changes else f"{renamed}; {words}"
    return words
