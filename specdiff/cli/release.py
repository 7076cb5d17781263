"""``specdiff release``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from ._common import config_option, emit, end_progress, note, progress_printer, spec_option

if TYPE_CHECKING:
    from pathlib import Path


@click.command("release")
@click.option(
    "--dry-run", is_flag=True, help="Print the version and the CHANGELOG entry; write nothing."
)
@click.option(
    "--pre",
    metavar="LABEL",
    default=None,
    help="Make a pre-release, e.g. --pre rc gives 2.0.0-rc.1.",
)
@click.option(
    "--date",
    "release_date",
    metavar="YYYY-MM-DD",
    default=None,
    help="The release date (default: today, UTC).",
)
@click.option(
    "--detail",
    type=click.Choice(["short", "full"]),
    default="short",
    show_default=True,
    help="How much the CHANGELOG entry lists (see `specdiff changelog --detail`).",
)
@spec_option
@config_option
def command(
    dry_run: bool,
    pre: str | None,
    release_date: str | None,
    detail: str,
    spec_path: str | None,
    config_path: Path | None,
) -> int:
    """Release the spec: compute the bump since the last version tag and the next
    version, prepend the entry to CHANGELOG.md, commit it and create an annotated tag
    whose message holds the summary.

    All or nothing: if any step fails the repository is left as it was. Refuses a dirty
    working tree or an existing tag; with nothing to release it says so and exits 0."""
    from ..errors import InputError, ReleaseError
    from ..history.release import execute, finish_interrupted, plan_release
    from ..history.timeline import Timeline
    from ..history.workspace import Workspace

    try:
        today = date.fromisoformat(release_date) if release_date else None
    except ValueError:
        raise InputError(f"--date {release_date!r} is not a date (YYYY-MM-DD)") from None
    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    finished = finish_interrupted(workspace, dry_run=dry_run)
    if finished is not None:
        # A hard kill left the release commit without its tag: finish it, never redo it.
        if dry_run:
            note(
                f"would tag HEAD {finished}: its release commit has no tag (an interrupted release)"
            )
            return 0
        note(f"tagged HEAD {finished}: its release commit had no tag (an interrupted release)")
    if not dry_run and workspace.store.is_dirty():
        _, changelog = workspace.output_path(workspace.config.changelog, "changelog")
        if workspace.store.dirty_paths() == [changelog]:
            # What a hard kill between writing the changelog and committing it leaves.
            back = (
                f"git checkout HEAD -- {changelog}"
                if workspace.store.exists("HEAD", changelog)
                else f"git rm -f {changelog}"
            )
            raise ReleaseError(
                f"{changelog} has uncommitted changes, perhaps from an interrupted release: "
                f"look at them (git diff HEAD -- {changelog}), then `{back}` and release "
                "again, or commit them"
            )
        raise ReleaseError(
            "the working tree has uncommitted changes; commit or stash them before releasing"
        )
    timeline = Timeline(workspace, progress_printer())
    plan = plan_release(workspace, timeline, pre=pre, today=today, detail=detail)
    end_progress()
    if plan is None:
        latest = timeline.latest
        note(
            f"nothing to release: {workspace.spec_path} has not changed in meaning since {latest.tag.name if latest else 'the start'}"
        )
        return 0
    if plan.previous is None:
        bump = "first release"
    elif plan.report is not None and not plan.report.changes:
        bump = f"no changes in meaning since {plan.previous}"
        if plan.renamed:
            bump = f"patch bump since {plan.previous}: the spec file was renamed"
    else:
        bump = f"{plan.bump} bump since {plan.previous}"
    if dry_run:
        note(f"would release {plan.tag} ({bump}); dry run, nothing written")
        emit(plan.entry)
        return 0
    commit = execute(workspace, plan)
    note(
        f"released {plan.tag} ({bump}): {plan.changelog_path} updated, commit {commit[:9]}, tag {plan.tag}"
    )
    emit(plan.entry)
    return 0
