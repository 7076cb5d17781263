"""Cutting a release: next version, CHANGELOG entry, commit and annotated tag, all or nothing."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING

from ..compare import compare_specs
from ..errors import ReleaseError, RevisionError, WriteError
from ..model.vocabulary import Level
from ..policy.labels import tag_version
from ..policy.versioning import next_version
from ..render.changelog import Entry, insert_entry, render_entry
from ..render.summary import summarize
from .attribution import attribute
from .files import write_atomically
from .fragments import fragment_paths, read_fragments
from .interrupts import deferred

if TYPE_CHECKING:
    from pathlib import Path

    from ..model.changes import Report
    from .timeline import Timeline
    from .workspace import Workspace


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything a release will write, computed before anything is written."""

    version: str
    tag: str
    previous: str | None
    """The tag of the version the entry is compared with (for a final release after
    pre-releases, the previous final release), or None for the first release."""
    report: Report | None
    entry: str
    """The CHANGELOG entry (Markdown)."""
    message: str
    """The commit and tag message: the subject line and the summary."""
    changelog_path: str
    changelog_before: str | None
    changelog_after: str
    release_date: date | None = None
    """The release date the entry carries; the tag is dated on it (None: now)."""
    fragments: tuple[str, ...] = ()
    """Release-note fragments (``changes/...``) the entry uses and the release removes."""

    @property
    def bump(self) -> Level:
        if self.report is None:
            return Level.NONE
        # A renamed spec file with the same text is still a new release (its links
        # changed): a patch, as the changelog entry says.
        return max(self.report.bump, Level.PATCH) if self.renamed else self.report.bump

    @property
    def renamed(self) -> bool:
        """Whether the spec file has another name than at the previous version."""
        return self.report is not None and self.report.base.path != self.report.head.path


def plan_release(
    workspace: Workspace,
    timeline: Timeline,
    *,
    pre: str | None = None,
    today: date | None = None,
    detail: str = "short",
) -> Plan | None:
    """The release to make from HEAD, or None when nothing changed in meaning since the
    last version (see :func:`~specdiff.policy.versioning.next_version`)."""
    store = workspace.store
    config = workspace.config
    today = today or datetime.now(timezone.utc).date()
    # Before anything else: a changelog outside the repository is refused, not written.
    changelog_file, changelog_path = workspace.output_path(config.changelog, "changelog")
    head_rev = store.head()
    current = workspace.load_revision(head_rev.commit, workspace.spec_path, label="HEAD")
    latest = timeline.latest
    report = None
    prereleases: tuple[str, ...] = ()
    entry_report: Report | None = None
    entry_base = latest
    if latest is not None:
        # Finalising a pre-release (2.0.0-rc.2 -> 2.0.0) is a release even when nothing
        # changed since the release candidate.
        finalising = pre is None and timeline.is_prerelease(latest)
        if latest.tag.commit == head_rev.commit and not finalising:
            return None
        report = compare_specs(
            latest.spec, current.spec, config, base=latest.endpoint, head=current.endpoint
        )
        renamed = report.base.path != report.head.path
        if not report.changes and not finalising and not renamed:
            return None
        entry_report = report
        if finalising:
            # The final release's entry rolls up its pre-releases: readers of final
            # releases see everything since the previous final one.
            final = entry_base = timeline.last_final()
            first = timeline.versions.index(final) + 1 if final is not None else 0
            prereleases = tuple(v.tag.version for v in timeline.versions[first:])
            entry_report = (
                compare_specs(
                    final.spec, current.spec, config, base=final.endpoint, head=current.endpoint
                )
                if final is not None
                else None
            )
    # Every version tag counts, also those where the spec could not be read (the timeline
    # skips them), so that a calendar label is never reused.
    existing = {t.version for t in store.versions()}
    bump = report.bump if report else Level.NONE
    if report is not None and report.base.path != report.head.path:
        bump = max(bump, Level.PATCH)  # a renamed spec file is at least a patch release
    version = next_version(
        latest.tag.version if latest else None,
        bump,
        scheme=config.version_scheme,
        existing=existing,
        today=today,
        pre=pre,
    )
    if version is None:
        return None  # changes the policy rates "none" make no release
    tag = config.tag_prefix + version
    if store.tag_exists(tag):
        raise ReleaseError(_clash(workspace, timeline, tag))
    origins = {}
    if entry_report is not None and entry_report.changes and entry_base is not None:
        origins = attribute(workspace, entry_report, entry_base.tag.commit, head_rev.commit)
    fragment_files = fragment_paths(store, head_rev.commit)
    entry_text = render_entry(
        Entry(
            version,
            today,
            entry_report,
            tag=tag,
            fragments=read_fragments(store, head_rev.commit, fragment_files),
            prereleases=prereleases,
            detail=detail,
            origins=tuple(origins.items()),
            web_url=store.web_url(),
        )
    )
    before = read_changelog(changelog_file)
    after = insert_entry(before.replace("\r\n", "\n") if before else before, entry_text)
    if before is not None and before.count("\r\n") > before.count("\n") // 2:
        after = after.replace("\n", "\r\n")  # keep the file's line endings
    summary = (
        summarize(entry_report).as_text() if entry_report is not None else "First released version."
    )
    return Plan(
        version=version,
        tag=tag,
        previous=entry_base.tag.name if entry_base else None,
        report=entry_report,
        entry=entry_text,
        message=f"Release {tag}\n\n{summary}\n",
        changelog_path=changelog_path,
        changelog_before=before,
        changelog_after=after,
        release_date=today,
        fragments=tuple(fragment_files),
    )


def _clash(workspace: Workspace, timeline: Timeline, tag: str) -> str:
    """Why the next version's tag exists already, and what to do that destroys nothing."""
    skipped = dict(timeline.skipped)
    where = workspace.spec_path
    if tag in skipped:
        why = f"{skipped[tag]}, so it is not counted as a release of {where}"
        fix = (
            f'if the spec had another name there, add [[renames]] from = "OLD" to = '
            f'"{where}" to specdiff.toml; if the tag belongs to something else, give this '
            "spec its own tag_prefix"
        )
    else:
        why = f"on commit {workspace.store.resolve(tag).short}, which HEAD does not build on"
        fix = (
            f"release from a commit that descends from {tag}, or give this spec its own tag_prefix"
        )
    return f"the next version's tag {tag} already exists ({why}); {fix}. specdiff never moves or deletes a tag"


def read_changelog(path: Path) -> str | None:
    """The changelog's text exactly as it is (line endings too), or None if it is missing."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ReleaseError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReleaseError(f"{path}: not UTF-8 text, so no entry can be added to it") from None


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
    tagged = False
    try:
        write_atomically(path, plan.changelog_after)
        for fragment in plan.fragments:  # used in the entry: the release removes them
            (workspace.root / fragment).unlink(missing_ok=True)
        if plan.fragments:
            with contextlib.suppress(OSError):  # not empty: other files stay with it
                (workspace.root / plan.fragments[0]).parent.rmdir()
        commit = store.create_commit([plan.changelog_path, *plan.fragments], plan.message)
        store.create_tag(plan.tag, commit, plan.message, _tag_date(plan.release_date))
        tagged = True
    except BaseException as failure:
        # A signal arriving while we undo waits until the repository is as it was.
        with deferred():
            tagged = tagged or _made_by_us(workspace, plan, start)
            _undo(workspace, plan, start, path, tag_created=tagged)
        if isinstance(failure, (ReleaseError, WriteError)):
            raise ReleaseError(f"release {plan.tag} failed and was undone: {failure}") from None
        raise
    return commit


def _made_by_us(workspace: Workspace, plan: Plan, start: str) -> bool:
    """Whether the release tag exists and is the one this run made (an interruption can
    land after ``git tag`` finished and before we noted it): it names a release commit
    whose parent is where we started. A tag someone else made meanwhile is left alone."""
    store = workspace.store
    if not store.tag_exists(plan.tag):
        return False
    tagged = store.resolve(f"refs/tags/{plan.tag}")
    ours = tagged.subject == plan.message.split("\n", 1)[0]
    return ours and store.parents(tagged.commit)[:1] == [start]


def finish_interrupted(workspace: Workspace, *, dry_run: bool = False) -> str | None:
    """Finish a release a hard kill (SIGKILL, power loss) cut between its commit and its
    tag: when HEAD is a ``Release <tag>`` commit that changed only the changelog and that
    tag does not exist, tag HEAD as the release would have. Returns the tag, or None when
    there is nothing to finish. Never makes a second release commit."""
    store = workspace.store
    config = workspace.config
    try:
        head = store.head()
    except RevisionError:
        return None
    tag = head.subject.removeprefix("Release ")
    if tag == head.subject or tag_version(tag, config.version_scheme, config.tag_prefix) is None:
        return None
    _, changelog = workspace.output_path(config.changelog, "changelog")
    if store.tag_exists(tag) or store.changed_paths(head.commit) != [changelog]:
        return None
    if not dry_run:
        store.create_tag(tag, head.commit, store.message(head.commit), head.date)
    return tag


def _tag_date(day: date | None) -> datetime | None:
    """The tagger date for a release dated ``day``: now if that is today (UTC), else noon
    UTC that day, so that the changelog rebuilt from the tags shows the same date."""
    now = datetime.now(timezone.utc)
    if day is None or day == now.date():
        return now
    return datetime.combine(day, time(12), tzinfo=timezone.utc)


def _undo(workspace: Workspace, plan: Plan, start: str, path: Path, *, tag_created: bool) -> None:
    store = workspace.store
    if tag_created:
        store.delete_tag(plan.tag)
    # Always reset: a commit that failed (a hook, say) leaves the changelog staged. The tree
    # was clean before the release, so the reset loses nothing.
    store.reset_hard(start)
    if plan.changelog_before is None:
        path.unlink(missing_ok=True)
    else:
        write_atomically(path, plan.changelog_before)
