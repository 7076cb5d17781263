"""What a site is built from: plain values, read from git once by the shell."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from ..model.section_names import SectionIndex
from ..render import heading_text
from ._paths import document_page, file_key, text_page

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

    @property
    def many_files(self) -> bool:
        """A spec made of many files: a page per document, and a contents page."""
        return bool(self.spec.documents)

    def homes(self) -> dict[str, str]:
        """For a spec made of many files: each id on its pages (sections, anchors) → the
        path of the document that holds it; the first holder wins, as on a page."""
        starts, holders = self.spec.document_pieces()

        def holder(line: int) -> str:
            return holders[max(bisect_right(starts, line) - 1, 0)].path

        found: dict[str, str] = {}
        for section in self.spec.sections:
            if section.level:
                found.setdefault(section.id, holder(section.span.start))
        for clause in self.spec.clauses:
            for anchor in clause.anchors:
                found.setdefault(anchor, holder(clause.span.start))
        return found


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
    def _homes(self) -> dict[str, dict[str, str]]:
        return {v.label: v.homes() for v in self.versions if v.many_files}

    def homes(self, label: str) -> dict[str, str]:
        """:meth:`SiteVersion.homes` of a version, computed once (empty for one file)."""
        return self._homes.get(label, {})

    def page_of(self, label: str, ident: str) -> str:
        """The page of version ``label`` that holds the id ``ident``: the full text for a
        one-file spec; for a spec made of many files, its document's page (the contents
        page for an id it does not have, which sends on the ids it knows)."""
        homes = self._homes.get(label)
        if homes is None or ident not in homes:
            return text_page(label)
        return document_page(label, homes[ident])

    def locate(self, label: str, ident: str) -> tuple[str, str]:
        """``(page, id)`` for a link target of version ``label``: an id (see
        :meth:`page_of`), or for a spec made of many files ``path.md#anchor`` (the anchor
        as written in that file) or ``path.md`` (the document itself, id '')."""
        homes = self._homes.get(label)
        if homes is not None and ident not in homes:
            version = self._by_label[label]
            path, _, anchor = ident.partition("#")
            part = next((d for d in version.spec.documents if d.path == path), None)
            if part is not None:
                page = document_page(label, part.path)
                return page, dict(part.anchors).get(anchor, anchor) if anchor else ""
        return self.page_of(label, ident), ident

    def combined(self, label: str, ident: str | None, document: str | None = None) -> str:
        """The id in version ``label``'s combined spec of the section a change or a
        history step names by ``document`` and its id as that file writes it (two files
        of a spec may both have ``#overview``); the id itself for a one-file spec."""
        if not ident or not document or label not in self._homes:
            return ident or ""
        index = self._indexes.get(label)
        if index is None:
            index = self._indexes[label] = SectionIndex(self._by_label[label].spec)
        return index.combined_id(document, ident) or ident

    @cached_property
    def _indexes(self) -> dict[str, SectionIndex]:
        return {}

    @cached_property
    def _by_label(self) -> dict[str, SiteVersion]:
        return {v.label: v for v in self.versions}

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
