"""The released versions of a spec and the changes between them, read from git.

Each spec blob is parsed once per run (the workspace's cache is keyed by blob id), so
walking a long history costs one parse per distinct version.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..compare import compare_specs
from ..errors import InputError, RevisionError, did_you_mean
from ..model.changes import Endpoint, Report
from ..policy.labels import SEMVER
from ..policy.versioning import is_prerelease

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model.document import Spec
    from .store import Revision, VersionTag
    from .workspace import Workspace


@dataclass(frozen=True, slots=True)
class Version:
    """A version tag and the spec as it was there."""

    tag: VersionTag
    spec: Spec
    endpoint: Endpoint
    text: str
    """The spec's source at that version (the site renders it)."""


@dataclass(frozen=True, slots=True)
class Release:
    """A version and what changed since the version before it (None for the first)."""

    version: Version
    report: Report | None


@dataclass(frozen=True, slots=True)
class Unreleased:
    """A commit after the last version that touched the spec, and what it changed."""

    revision: Revision
    report: Report | None
    """None for the first revision of a spec that has no version yet."""


class Timeline:
    """Versions and releases of the workspace's spec, computed on first use."""

    def __init__(self, workspace: Workspace, progress: Callable[[str], None] | None = None) -> None:
        self.workspace = workspace
        self.progress = progress or (lambda _message: None)
        self.skipped: list[tuple[str, str]] = []
        """(tag, why) for version tags where the spec could not be read."""

    @cached_property
    def versions(self) -> list[Version]:
        """Every version tag at which the spec exists, oldest first."""
        store = self.workspace.store
        found = []
        tags = store.versions()
        if not tags and (hint := store.history_hint()):
            # Without tags a shallow clone looks like a spec that was never released.
            raise RevisionError(f"no version tags in {store.root}; {hint}")
        for number, tag in enumerate(tags, 1):
            self.progress(f"reading {tag.name} ({number}/{len(tags)})")
            path = self.workspace.path_at(tag.commit)
            try:
                spec, text, _ = self.workspace.spec_at(tag.commit, path)
            except RevisionError:
                self.skipped.append((tag.name, f"{path} does not exist at {tag.name}"))
                continue
            except InputError as exc:
                self.skipped.append((tag.name, str(exc).replace(tag.commit, tag.name)))
                continue
            found.append(Version(tag, spec, Endpoint(tag.version, tag.commit, path), text))
        if not found:
            self._check_spec_exists()
        return found

    @cached_property
    def releases(self) -> list[Release]:
        """Each version with its changes since the previous one, oldest first."""
        releases: list[Release] = []
        previous: Version | None = None
        for number, version in enumerate(self.versions, 1):
            report = None
            if previous is not None:
                self.progress(
                    f"comparing {previous.tag.name} → {version.tag.name} ({number}/{len(self.versions)})"
                )
                report = compare_specs(
                    previous.spec,
                    version.spec,
                    self.workspace.config,
                    base=previous.endpoint,
                    head=version.endpoint,
                )
            releases.append(Release(version, report))
            previous = version
        return releases

    def rolled_up(self, release: Release) -> tuple[Report | None, tuple[str, ...]]:
        """What a changelog entry for ``release`` covers: a final release that follows
        pre-releases covers everything since the previous final release (readers of final
        releases must see the breaking change an rc made), and names those pre-releases.
        Any other release is its own report and names none."""
        index = next(i for i, r in enumerate(self.releases) if r is release)
        if index == 0 or self.is_prerelease(release.version):
            return release.report, ()
        start = index - 1
        while start >= 0 and self.is_prerelease(self.releases[start].version):
            start -= 1
        passed = tuple(r.version.tag.version for r in self.releases[start + 1 : index])
        if not passed:
            return release.report, ()
        if start < 0:
            return None, passed
        return self.compare_versions(self.releases[start].version, release.version), passed

    def compare_versions(self, base: Version, head: Version) -> Report:
        return compare_specs(
            base.spec, head.spec, self.workspace.config, base=base.endpoint, head=head.endpoint
        )

    def is_prerelease(self, version: Version) -> bool:
        return self.workspace.config.version_scheme == SEMVER and is_prerelease(version.tag.version)

    def last_final(self) -> Version | None:
        """The newest version that is not a pre-release."""
        return next((v for v in reversed(self.versions) if not self.is_prerelease(v)), None)

    def _check_spec_exists(self) -> None:
        """A spec path in no version is a typo unless the spec is at HEAD or on disk."""
        workspace = self.workspace
        path = workspace.spec_path
        if (workspace.root / path).is_file():
            return
        store = workspace.store
        if store.has_commits() and store.exists(
            store.head().commit, workspace.lineage.path_at("HEAD")
        ):
            return
        files = store.files() if store.has_commits() else []
        files += [p.relative_to(workspace.root).as_posix() for p in workspace.root.glob("*.md")]
        markdown = [f for f in files if f.lower().endswith((".md", ".markdown"))]
        hint = did_you_mean(path, markdown)
        raise InputError(
            f"{path}: the spec is in no version, no commit and not in the working tree{hint} "
            f'(set spec = "..." in {workspace.config.origin} or pass --spec)'
        )

    def release(self, label: str) -> Release:
        """The release whose version label or tag name is ``label``."""
        for release in self.releases:
            if label in (release.version.tag.version, release.version.tag.name):
                return release
        known = ", ".join(r.version.tag.version for r in self.releases) or "none"
        hint = did_you_mean(label, [r.version.tag.version for r in self.releases])
        raise RevisionError(f"no released version {label!r} (versions: {known}){hint}")

    @property
    def latest(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    def unreleased(self) -> list[Unreleased]:
        """Commits after the latest version that changed the spec, each against the one before."""
        store = self.workspace.store
        latest = self.latest
        revisions = store.revisions_after(
            latest.tag.commit if latest else None, *self.workspace.pathspecs
        )
        result = []
        previous_spec = latest.spec if latest else None
        previous_endpoint = latest.endpoint if latest else None
        for revision in revisions:
            path = self.workspace.path_at(revision.commit)
            try:
                spec, _, _ = self.workspace.spec_at(revision.commit, path)
            except RevisionError:
                continue
            endpoint = Endpoint(revision.short, revision.commit, path)
            report = None
            if previous_spec is not None and previous_endpoint is not None:
                report = compare_specs(
                    previous_spec,
                    spec,
                    self.workspace.config,
                    base=previous_endpoint,
                    head=endpoint,
                )
            result.append(Unreleased(revision, report))
            previous_spec, previous_endpoint = spec, endpoint
        return result
