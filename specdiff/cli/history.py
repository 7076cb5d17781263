"""``specdiff history SECTION``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from ._common import config_option, emit, end_progress, format_option, progress_printer, spec_option

if TYPE_CHECKING:
    from pathlib import Path

    from ..compare.section_history import Step


@click.command("history")
@click.argument("section_id", metavar="SECTION")
@format_option("text", "json")
@spec_option
@config_option
def command(
    section_id: str, output_format: str, spec_path: str | None, config_path: Path | None
) -> int:
    """Show how one section changed across all released versions, clause by clause,
    following it through renames and changed anchors."""
    from ..compare.section_history import trace_section
    from ..history.timeline import Timeline
    from ..history.workspace import Workspace

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    timeline = Timeline(workspace, progress_printer())
    releases = timeline.releases
    end_progress()
    versions = [(r.version.tag.version, r.version.spec) for r in releases]
    steps = trace_section(section_id, versions, [r.report for r in releases])
    emit(
        json.dumps(_data(section_id, steps), indent=2, ensure_ascii=False)
        if output_format == "json"
        else _text(section_id, steps)
    )
    return 0


def _data(section_id: str, steps: list[Step]) -> dict[str, Any]:
    from ..render.json import change_data

    return {
        "schema": "specdiff.history/1",
        "section": section_id,
        "versions": [
            {
                "version": step.version,
                "section": step.section_id,
                "title": step.title,
                "event": step.event,
                "changes": [change_data(c) for c in step.changes],
            }
            for step in steps
        ],
    }


def _text(section_id: str, steps: list[Step]) -> str:
    from ..render._common import excerpt, kind_label
    from ..render.changelog import describe

    lines = [f"History of #{section_id}"]
    for step in steps:
        where = f"#{step.section_id} “{step.title}”" if step.section_id else ""
        lines.append("")
        lines.append(f"{step.version}: {step.event} {where}".rstrip())
        for change in step.changes:
            lines.append(
                f"  {str(change.severity).upper():<5} {kind_label(change)}: {excerpt(describe(change), 150)}"
            )
    return "\n".join(lines)
