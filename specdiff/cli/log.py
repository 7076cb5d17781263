"""``specdiff log``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from ._common import config_option, emit, end_progress, format_option, progress_printer, spec_option

if TYPE_CHECKING:
    from pathlib import Path

    from ..history.timeline import Timeline
    from ..model.changes import Report


@click.command("log")
@format_option("text", "json")
@spec_option
@config_option
def command(output_format: str, spec_path: str | None, config_path: Path | None) -> int:
    """List released versions and the unreleased revisions after the last one,
    each with its date, commit, bump and change counts (newest first)."""
    from ..history.timeline import Timeline
    from ..history.workspace import Workspace

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    timeline = Timeline(workspace, progress_printer())
    unreleased = timeline.unreleased()
    end_progress()
    data = _log_data(timeline, unreleased)
    emit(
        json.dumps(data, indent=2, ensure_ascii=False)
        if output_format == "json"
        else _log_text(data, timeline)
    )
    return 0


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
    from ..render._common import counts_in_words

    if report is None:
        return first
    words = counts_in_words(report)
    if report.base.path != report.head.path:
        renamed = f"file renamed from {report.base.path}"
        return renamed if not report.changes else f"{renamed}; {words}"
    return words


def _log_data(timeline: Timeline, unreleased: list[Any]) -> dict[str, Any]:
    versions = []
    for release in reversed(timeline.releases):
        tag = release.version.tag
        report = release.report
        versions.append(
            {
                "version": tag.version,
                "tag": tag.name,
                "date": tag.date.date().isoformat(),
                "commit": tag.commit,
                "bump": _bump(report),
                "counts": _counts(report),
                "summary": _summary(report, "first version"),
            }
        )
    pending = []
    for item in reversed(unreleased):
        revision, report = item.revision, item.report
        pending.append(
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
        )
    return {
        "schema": "specdiff.log/1",
        "spec": timeline.workspace.spec_path,
        "unreleased": pending,
        "versions": versions,
        "skipped": [{"tag": tag, "reason": why} for tag, why in timeline.skipped],
    }


def _log_text(data: dict[str, Any], timeline: Timeline) -> str:
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
            f"No released versions of {data['spec']} yet (no tags with prefix {timeline.workspace.config.tag_prefix!r})."
        )
    for skipped in data["skipped"]:
        lines.append(f"(skipped {skipped['tag']}: {skipped['reason']})")
    return "\n".join(lines)
