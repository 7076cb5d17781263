"""The machine-readable parts of the site: the Atom feed and the JSON API."""

from __future__ import annotations

import json
import re
import uuid
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..render import counts_in_words, report_data, summarize
from . import _paths as paths
from ._render import Page, environment

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ._model import SiteModel, SiteVersion

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = "1970-01-01T00:00:00+00:00"


def version_pages(model: SiteModel) -> Iterator[Page]:
    """``api/<version>.json``: the compare document of each release (not the first)."""
    for version in model.versions:
        if version.report is not None:
            yield _json(paths.version_json(version.label), report_data(version.report))


def versions_page(model: SiteModel) -> Page:
    """``api/versions.json``: every version, newest first, with links to its pages."""
    data: dict[str, Any] = {
        "schema": "specdiff.site/1",
        "title": model.title,
        "generator": model.generator,
        "latest": model.latest.label if model.latest else None,
        "versions": [_version_data(v) for v in reversed(model.versions)],
        "unreleased": [
            {
                "commit": item.revision.commit,
                "short": item.revision.short,
                "date": item.revision.date.isoformat(),
                "subject": item.revision.subject,
                "bump": str(item.report.bump) if item.report else None,
                "counts": item.report.counts if item.report else {},
            }
            for item in reversed(model.unreleased)
        ],
    }
    return _json(paths.VERSIONS_JSON, data)


def _version_data(version: SiteVersion) -> dict[str, Any]:
    report = version.report
    summary = summarize(report) if report is not None else None
    return {
        "version": version.label,
        "tag": version.tag,
        "date": version.date.isoformat(),
        "commit": version.commit,
        "bump": str(report.bump) if report is not None else None,
        "counts": report.counts if report is not None else {},
        "summary": {"why": summary.why, "notable": list(summary.notable), "counts": summary.counts}
        if summary is not None
        else None,
        "pages": {
            "release": paths.href(paths.release_page(version.label)),
            "text": paths.href(paths.text_page(version.label)),
            "json": paths.href(paths.version_json(version.label)) if report is not None else None,
            **_documents(version),
        },
    }


def _documents(version: SiteVersion) -> dict[str, Any]:
    """A spec made of many files: each document's page, in reading order."""
    if not version.many_files:
        return {}
    listed = [
        {
            "path": d.path,
            "title": d.title,
            "page": paths.href(paths.document_page(version.label, d.path)),
        }
        for d in version.spec.documents
    ]
    return {"documents": listed}


def _json(path: str, data: dict[str, Any]) -> Page:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return Page(path, text.encode("utf-8"))


def feed_page(model: SiteModel) -> Page:
    """``feed.xml``: an Atom entry per release, newest first."""

    def absolute(path: str) -> str:
        return paths.absolute(model.base_url, path)

    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "specdiff:" + model.title)
    entries = []
    for version in reversed(model.versions):
        page = paths.release_page(version.label)
        report = version.report
        if report is not None:
            summary = summarize(report)
            why = summary.why
            body = Markup("<p>{}</p>").format(why)
            if summary.notable:
                items = Markup("").join(Markup("<li>{}</li>").format(n) for n in summary.notable)
                body += Markup("<ul>{}</ul>").format(items)
            body += Markup("<p>{}</p>").format(counts_in_words(report))
            title = f"Version {version.label} ({report.bump})"
        else:
            why = "First released version."
            body = Markup("<p>{}</p>").format(why)
            title = f"Version {version.label}"
        entries.append(
            {
                "title": title,
                "id": absolute(page) or f"urn:uuid:{uuid.uuid5(namespace, version.label)}",
                "updated": version.date.isoformat(),
                "link": absolute(page) or paths.href(page),
                "summary": why,
                "content": str(body),
            }
        )
    built = model.built.isoformat() if model.built else _EPOCH
    text = (
        environment()
        .get_template("feed.xml.j2")
        .render(
            site=model,
            feed_id=absolute(paths.FEED) or f"urn:uuid:{namespace}",
            updated=model.latest.date.isoformat() if model.latest else built,
            entries=entries,
            absolute=absolute,
        )
    )
    return Page(paths.FEED, _NOT_XML.sub("", text).encode("utf-8"))
