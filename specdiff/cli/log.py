"""``specdiff log``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ._common import config_option, emit, end_progress, format_option, progress_printer, spec_option

if TYPE_CHECKING:
    from pathlib import Path


@click.command("log")
@format_option("text", "json")
@spec_option
@config_option
def command(output_format: str, spec_path: str | None, config_path: Path | None) -> int:
    """List released versions and the unreleased revisions after the last one,
    each with its date, commit, bump and change counts (newest first)."""
    from ..history.timeline import Timeline
    from ..history.workspace import Workspace
    from ..render.log import log_data, render_log_json, render_log_text

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    timeline = Timeline(workspace, progress_printer())
    unreleased = timeline.unreleased()
    end_progress()
    data = log_data(
        workspace.spec_path,
        [(release.version.tag, release.report) for release in timeline.releases],
        [(item.revision, item.report) for item in unreleased],
        timeline.skipped,
    )
    emit(
        render_log_json(data)
        if output_format == "json"
        else render_log_text(data, workspace.config.tag_prefix)
    )
    return 0
