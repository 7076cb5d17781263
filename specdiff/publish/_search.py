"""The site's search: a static index of every clause of every version, and its page.

Search works on any static host: ``api/search.json`` holds each distinct clause text once,
with the section it sits in and the versions that have it, and ``search.html`` reads it
with a small inline script (allowed by its hash, like the compare form's). Nothing runs
on a server. A browser will not let a page opened from ``file://`` read the index, so
there the page says to serve the site instead. For a spec made of many files a result
links to the version's contents page, which sends ``#id`` on to the section's document.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..render import heading_text
from . import _paths as paths
from ._render import Page, render_page

if TYPE_CHECKING:
    from ._model import SiteModel

SCHEMA = "specdiff.search/1"


def search_index(model: SiteModel) -> Page:
    """``api/search.json``: ``versions`` newest first, ``sections`` as ``[id, title]``, and
    ``entries`` as ``[text, section, [versions]]`` (headings get a fourth item, ``1``).

    ``section`` and ``versions`` are positions in those lists. A text is listed once per
    section it appears in, whatever the number of versions that have it, so the index
    grows with what changed rather than with the number of versions.
    """
    newest_first = list(reversed(model.versions))
    sections: dict[tuple[str, str], int] = {}
    entries: dict[tuple[str, int, bool], list[int]] = {}
    plain: dict[str, str] = {}  # each clause text as a reader sees it, once for all versions
    for number, version in enumerate(newest_first):
        titles = {s.id: heading_text(s.title) or s.id for s in version.spec.sections}
        for section in version.spec.sections:
            if not section.level:
                continue
            where = sections.setdefault((section.id, titles[section.id]), len(sections))
            _add(entries, (titles[section.id], where, True), number)
            for index in section.clauses:
                clause = version.spec.clauses[index]
                text = plain.get(clause.text)
                if text is None:
                    text = plain[clause.text] = heading_text(clause.text)
                if text:
                    _add(entries, (text, where, False), number)
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "versions": [
            {"label": v.label, "page": paths.href(paths.text_page(v.label))} for v in newest_first
        ],
        "sections": [list(key) for key in sections],
        "entries": [
            [text, where, found, 1] if heading else [text, where, found]
            for (text, where, heading), found in entries.items()
        ],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return Page(paths.SEARCH_INDEX, text.encode("utf-8"))


def _add(
    entries: dict[tuple[str, int, bool], list[int]], key: tuple[str, int, bool], version: int
) -> None:
    found = entries.setdefault(key, [])
    if not found or found[-1] != version:
        found.append(version)


def search_page(model: SiteModel) -> Page:
    """``search.html``: the search form; its script reads ``api/search.json``."""
    return render_page(
        model,
        paths.SEARCH,
        "search.html.j2",
        title="Search",
        nav="search",
        search=True,
        index=paths.href(paths.SEARCH_INDEX),
    )
