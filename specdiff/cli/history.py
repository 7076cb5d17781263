"""``specdiff history SECTION``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ._common import config_option, emit, end_progress, format_option, progress_printer, spec_option

if TYPE_CHECKING:
    from pathlib import Path


@click.command("history")
@click.argument("section_id", metavar="SECTION")
@format_option("text", "json")
@spec_option
@config_option
def command(
    section_id: str, output_format: str, spec_path: str | None, config_path: Path | None
) -> int:
    """Show how one section changed across all released versions, clause by clause,
    following it through renames, changed anchors and moves between files.

    In a spec made of many files, SECTION may be PATH#ID (the section ID of the file
    PATH, as a link names it); an ID that several files have must be named so."""
    from ..compare.section_history import trace_named
    from ..history.timeline import Timeline
    from ..history.workspace import Workspace
    from ..render.history import render_history_json, render_history_text

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    timeline = Timeline(workspace, progress_printer())
    releases = timeline.releases
    end_progress()
    versions = [(r.version.tag.version, r.version.spec) for r in releases]
    steps = trace_named(section_id, versions, [r.report for r in releases])
    emit(
        render_history_json(section_id, steps)
        if output_format == "json"
        else render_history_text(section_id, steps)
    )
    return 0
