"""``build_site``: read the versions from git, build every page, write the site."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from ._model import SiteModel, SiteRevision, SiteVersion, default_title
from ._pages import build_pages
from ._writer import SiteError, SiteResult, check_out_dir, write_site

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ..history.workspace import Workspace


def build_site(
    workspace: Workspace,
    out: Path,
    base_url: str = "",
    progress: Callable[[str], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> SiteResult:
    """Publish the workspace's released versions as a static site in ``out``.

    ``base_url`` (else ``[site] base_url`` from the configuration) is used only for
    absolute links in the feed and ``<link rel=canonical>``; every other link is relative.
    """
    base_url = base_url or workspace.config.site.base_url
    if base_url and not base_url.lower().startswith(("http://", "https://")):
        raise SiteError(f"{base_url}: the base URL must start with http:// or https://")
    target = check_out_dir(out, protect=[workspace.root])
    model = load_model(workspace, base_url, progress)
    return write_site(
        target,
        build_pages(model, progress),
        model.generator,
        keep=workspace.config.site.keep,
        warn=warn or (lambda _message: None),
    )


def load_model(
    workspace: Workspace, base_url: str = "", progress: Callable[[str], None] | None = None
) -> SiteModel:
    """Everything the pages need, read from the repository."""
    from ..history.attribution import attribute
    from ..history.timeline import Timeline

    timeline = Timeline(workspace, progress)
    versions = []
    for index, release in enumerate(timeline.releases):
        tag = release.version.tag
        report = release.report
        origins = {}
        if report is not None and report.changes and report.base.commit:
            origins = attribute(workspace, report, report.base.commit, tag.commit)
        versions.append(
            SiteVersion(
                index=index,
                label=tag.version,
                tag=tag.name,
                date=tag.date,
                commit=tag.commit,
                text=release.version.text,
                spec=release.version.spec,
                endpoint=release.version.endpoint,
                report=release.report,
                origins=tuple(origins.items()),
            )
        )
    unreleased = tuple(SiteRevision(u.revision, u.report) for u in timeline.unreleased())
    config = workspace.config
    latest_spec = versions[-1].spec if versions else None
    return SiteModel(
        title=default_title(config, latest_spec),
        versions=tuple(versions),
        unreleased=unreleased,
        config=config,
        base_url=base_url or config.site.base_url,
        generator=generator(),
        web_url=workspace.store.web_url(),
        built=build_time(),
    )


def generator() -> str:
    try:
        return f"specdiff {version('specdiff')}"
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "specdiff"


def build_time() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)
