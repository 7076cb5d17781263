"""Cutting a release: next version, CHANGELOG entry, commit and annotated tag, all or nothing."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from .compare import compare_specs
from .errors import ReleaseError
from .model import Level
from .render.changelog import Entry, insert_entry, render_entry
from .summary import summarize
from .versioning import next_calver, next_semver

if TYPE_CHECKING:
    from pathlib import Path

    from .report import Report
    from .timeline import Timeline
    from .workspace import Workspace


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything a release will write, computed before anything is written."""

    version: str
    tag: str
    previous: str | None
    """The tag of the version before, or None for the first release."""
    report: Report | None
    entry: str
    """The CHANGELOG entry (Markdown)."""
    message: str
    """The commit and tag message: the subject line and the summary."""
    changelog_path: str
    changelog_before: str | None
    changelog_after: str

    @property
    def bump(self) -> Level:
        return self.report.bump if self.report is not None else Level.NONE


def plan_release(
    workspace: Workspace, timeline: Timeline, *, pre: str | None = None, today: date | None = None
) -> Plan | None:
    """The release to make from HEAD, or None when nothing changed since the last version."""
    store = workspace.store
    config = workspace.config
    today = today or datetime.now(timezone.utc).date()
    head_rev = store.head()
    current = workspace.load_revision(head_rev.commit, workspace.spec_path, label="HEAD")
    latest = timeline.latest
    report = None
    if latest is not None:
        if latest.tag.commit == head_rev.commit:
            return None
        report = compare_specs(
            latest.spec, current.spec, config, base=latest.endpoint, head=current.endpoint
        )
        if not report.changes:
            return None
    existing = {v.tag.version for v in timeline.versions}
    if config.version_scheme == "calver":
        if pre is not None:
            raise ReleaseError(
                'pre-releases need the semver version scheme (version_scheme = "semver")'
            )
        version = next_calver(today, existing)
    else:
        version = next_semver(
            latest.tag.version if latest else None, report.bump if report else Level.NONE, pre
        )
    tag = config.tag_prefix + version
    if store.tag_exists(tag):
        raise ReleaseError(f"tag {tag} already exists; delete it or release from another commit")
    entry_text = render_entry(Entry(version, today, report, tag=tag))
    changelog_file = workspace.root / config.changelog
    before = changelog_file.read_text(encoding="utf-8") if changelog_file.exists() else None
    summary = summarize(report).as_text() if report is not None else "First released version."
    return Plan(
        version=version,
        tag=tag,
        previous=latest.tag.name if latest else None,
        report=report,
        entry=entry_text,
        message=f"Release {tag}\n\n{summary}\n",
        changelog_path=config.changelog,
        changelog_before=before,
        changelog_after=insert_entry(before, entry_text),
    )


def execute(workspace: Workspace, plan: Plan) -> str:
    """Write the changelog, commit it and tag the commit; on any failure undo every step.

    Returns the release commit. The tree must be clean (checked here, again, just before
    writing) so that undoing is a plain reset to the commit we started from.
    """
    store = workspace.store
    if store.is_dirty():
        raise ReleaseError(
            "the working tree has uncommitted changes; commit or stash them before releasing"
        )
    start = store.head().commit
    path = workspace.root / plan.changelog_path
    commit: str | None = None
    try:
        write_atomically(path, plan.changelog_after)
        commit = store.create_commit([plan.changelog_path], plan.message)
        store.create_tag(plan.tag, commit, plan.message)
    except BaseException as failure:
        _undo(
            workspace,
            plan,
            start,
            path,
            tag_created=commit is not None and store.tag_exists(plan.tag),
        )
        if isinstance(failure, ReleaseError):
            raise ReleaseError(f"release {plan.tag} failed and was undone: {failure}") from None
        raise
    return commit


def _undo(workspace: Workspace, plan: Plan, start: str, path: Path, *, tag_created: bool) -> None:
    store = workspace.store
    if tag_created:
        store.delete_tag(plan.tag)
    if store.head().commit != start:
        store.reset_hard(start)
    if plan.changelog_before is None:
        path.unlink(missing_ok=True)
    else:
        write_atomically(path, plan.changelog_before)


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` in one step, so a crash never leaves half a changelog."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
