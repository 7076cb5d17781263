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

    from ..history.timeline import Timeline
    from ..history.workspace import Workspace
    from ..render.changelog import Entry


@click.command("changelog")
@format_option("markdown", "json")
@click.option(
    "--write",
    is_flag=True,
    help="Update the changelog file named in the config (CHANGELOG.md) instead of printing "
    "it: entries for releases missing from the file are added; the preamble, an "
    "[Unreleased] section and every entry already there, with whatever was added to it by "
    "hand, are kept. Refuses a file with uncommitted changes.",
)
@click.option(
    "--regenerate",
    is_flag=True,
    help="With --write: also rebuild the entries already in the file, and name on stderr "
    "each hand-written line that this drops.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="With --write: print the diff the file would get; change nothing.",
)
@click.option(
    "--detail",
    type=click.Choice(["short", "full"]),
    default="short",
    show_default=True,
    help="short: highlights first, editorial fixes and smaller changes folded into counts "
    "so an entry stays within 600 words; full: every change on its own line.",
)
@spec_option
@config_option
def command(
    output_format: str,
    write: bool,
    regenerate: bool,
    dry_run: bool,
    detail: str,
    spec_path: str | None,
    config_path: Path | None,
) -> int:
    """Rebuild the whole changelog from the version tags, newest first.

    Uses the same renderer as `specdiff release`, so the two never disagree. A final
    release that follows pre-releases covers everything since the previous final release
    and names its pre-releases."""
    from ..errors import InputError
    from ..history.timeline import Timeline
    from ..history.workspace import Workspace
    from ..render.changelog import changelog_data, render_changelog

    if (regenerate or dry_run) and not write:
        raise InputError("--regenerate and --dry-run go with --write")
    if write and output_format != "markdown":
        raise InputError("--write writes the Markdown changelog; drop --format json")
    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    timeline = Timeline(workspace, progress_printer())
    entries = changelog_entries(timeline, detail)
    end_progress()
    if write:
        return _write(workspace, entries, regenerate=regenerate, dry_run=dry_run)
    if output_format == "json":
        emit(json.dumps(changelog_data(entries), indent=2, ensure_ascii=False))
    else:
        emit(render_changelog(entries))
    return 0


def changelog_entries(timeline: Timeline, detail: str = "short") -> list[Entry]:
    """One entry per release, newest first; final releases roll up their pre-releases."""
    from ..history.attribution import attribute
    from ..history.fragments import released_fragments
    from ..render.changelog import Entry

    workspace = timeline.workspace
    web_url = workspace.store.web_url()
    entries = []
    for release in reversed(timeline.releases):
        report, prereleases = timeline.rolled_up(release)
        tag = release.version.tag
        origins = {}
        if report is not None and report.changes and report.base.commit:
            origins = attribute(workspace, report, report.base.commit, tag.commit)
        entries.append(
            Entry(
                tag.version,
                tag.date.date(),
                report,
                tag.name,
                tag.commit,
                prereleases,
                detail,
                tuple(origins.items()),
                web_url,
                released_fragments(workspace.store, tag.commit),
            )
        )
    return entries


def _write(workspace: Workspace, entries: list[Entry], *, regenerate: bool, dry_run: bool) -> int:
    import difflib

    from ..errors import ReleaseError
    from ..history.files import write_atomically
    from ..history.release import read_changelog
    from ..render.changelog import CHANGELOG_HEADER, render_entry
    from ..render.changelog_file import merge_changelog

    target, name = workspace.output_path(workspace.config.changelog, "changelog")
    before = read_changelog(target)
    crlf = before is not None and before.count("\r\n") > before.count("\n") // 2
    existing = before.replace("\r\n", "\n") if before is not None else None
    merged = merge_changelog(
        existing,
        [(entry.version, render_entry(entry)) for entry in entries],
        CHANGELOG_HEADER,
        regenerate=regenerate,
    )
    for version, line in merged.dropped:
        verb = "would drop" if dry_run else "dropped"
        note(f"{verb} from [{version}]: {line.strip()}")
    after = merged.text.replace("\n", "\r\n") if crlf else merged.text
    if after == before:
        note(f"{name} is up to date ({len(entries)} releases)")
        return 0
    # Uncommitted edits may be someone's work in progress: never overwrite them.
    if not dry_run and before is not None and workspace.store.is_dirty([name], untracked=True):
        raise ReleaseError(
            f"{name} has uncommitted changes; commit or stash them first (or use --dry-run)"
        )
    changes = _plural(len(merged.added), "entry", "entries") + " added"
    if regenerate:
        changes += ", " + _plural(len(merged.replaced), "entry", "entries") + " rebuilt"
    if dry_run:
        diff = difflib.unified_diff(
            (existing or "").splitlines(keepends=True),
            merged.text.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
        text = "".join(diff)
        if text:
            emit(text)
        note(f"would update {target}: {changes}; dry run, nothing written")
        return 0
    write_atomically(target, after)
    note(f"updated {target}: {changes}")
    return 0


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
