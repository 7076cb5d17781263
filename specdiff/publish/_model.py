"""What a site is built from: plain values, read from git once by the shell."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from ..render import heading_text
from ._paths import file_key

if TYPE_CHECKING:
    from datetime import datetime

    from ..config import Config
    from ..history.store import Revision
    from ..model.changes import Endpoint, Origin, Report
    from ..model.document import Spec

#: Compare pages for every pair of versions up to this many versions; above, consecutive only.
MAX_ALL_PAIRS = 30


@dataclass(frozen=True, slots=True)
class SiteVersion:
    """A released version, its text and what changed since the version before."""

    index: int
    """Position in the history, oldest first, from 0."""
    label: str
    """The version label, e.g. ``2.0.0``."""
    tag: str
    date: datetime
    commit: str
    text: str
    """The spec's Markdown source at this version."""
    spec: Spec
    endpoint: Endpoint
    report: Report | None
    origins: tuple[tuple[str, Origin], ...] = ()
    """Change id -> the pull request or commit that made it."""
    """The changes since the previous version; None for the first."""

    @property
    def key(self) -> str:
        return file_key(self.label, version=True)


@dataclass(frozen=True, slots=True)
class SiteRevision:
    """A commit after the latest version that changed the spec."""

    revision: Revision
    report: Report | None


@dataclass(frozen=True)
class SiteModel:
    """Everything the pages show; building pages from it reads no file and no git."""

    title: str
    versions: tuple[SiteVersion, ...]
    """Oldest first."""
    unreleased: tuple[SiteRevision, ...]
    config: Config
    base_url: str = ""
    """For absolute links in the feed and ``<link rel=canonical>``; '' for none."""
    generator: str = "specdiff"
    web_url: str | None = None
    """The repository's web address (for links to pull requests and commits), or None."""
    built: datetime | None = None
    """When the site was built (shown in the footer); None leaves it out."""

    @property
    def all_pairs(self) -> bool:
        return len(self.versions) <= MAX_ALL_PAIRS

    @property
    def latest(self) -> SiteVersion | None:
        return self.versions[-1] if self.versions else None

    def pairs(self) -> list[tuple[SiteVersion, SiteVersion]]:
        """The (older, newer) pairs that get a compare page."""
        if self.all_pairs:
            return [(a, b) for i, a in enumerate(self.versions) for b in self.versions[i + 1 :]]
        return list(pairwise(self.versions))

    @cached_property
    def section_ids(self) -> list[str]:
        """Every section id of any version, in order of first appearance (newest first wins)."""
        seen: dict[str, None] = {}
        for version in reversed(self.versions):
            seen.update(dict.fromkeys(s.id for s in version.spec.sections if s.level))
        return list(seen)


def default_title(config: Config, spec: Spec | None) -> str:
    """``[site] title`` from the configuration, else the spec's first heading."""
    if config.site.title:
        return config.site.title
    if spec is not None:
        for section in spec.sections:
            if section.level and heading_text(section.title):
                return heading_text(section.title)
    return "Specification"
