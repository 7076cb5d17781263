"""``specdiff changelog``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from ._common import (
    config_option,
    emit,
    end_progress,
    format_option,
    note,
    progress_printer,
    spec_option,
)

if TYPE_CHECKING:
    from pathlib import Path


@click.command("changelog")
@format_option("markdown", "json")
@click.option(
    "--write",
    is_flag=True,
    help="Write the changelog file named in the config (CHANGELOG.md) instead of printing it.",
)
@spec_option
@config_option
def command(
    output_format: str, write: bool, spec_path: str | None, config_path: Path | None
) -> int:
    """Rebuild the whole changelog from the version tags, newest first.

    Uses the same renderer as `specdiff release`, so the two never disagree."""
    from ..history.files import write_atomically
    from ..history.timeline import Timeline
    from ..history.workspace import Workspace
    from ..render.changelog import Entry, changelog_data, render_changelog

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    timeline = Timeline(workspace, progress_printer())
    entries = [
        Entry(
            r.version.tag.version,
            r.version.tag.date.date(),
            r.report,
            r.version.tag.name,
            r.version.tag.commit,
        )
        for r in reversed(timeline.releases)
    ]
    end_progress()
    if output_format == "json":
        text = json.dumps(changelog_data(entries), indent=2, ensure_ascii=False) + "\n"
    else:
        text = render_changelog(entries)
    if write:
        target = workspace.root / workspace.config.changelog
        write_atomically(target, text)
        note(f"wrote {len(entries)} release(s) to {target}")
    else:
        emit(text)
    return 0
