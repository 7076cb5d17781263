"""The pages of the site, built from a :class:`SiteModel` without touching the disk.

:func:`build_pages` yields every file of the site in turn (so a long history is never
held in memory at once): the stylesheet, the index, a page per release, the full text of
every version (for a spec made of many files, a contents page and a page per document:
:mod:`._documents`), compare pages, a page per section, the search page and its index, the
Atom feed and the JSON API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..compare import compare_specs
from ..compare.section_history import former_ids
from ..render import (
    SpecRenderer,
    Summary,
    counts_in_words,
    group_by_section,
    heading_text,
    severity_counts,
    summarize,
)
from . import _paths as paths
from ._data import feed_page, version_pages, versions_page
from ._documents import DocumentPages
from ._links import change_links
from ._render import Page, render_page, stylesheet, version_context
from ._search import search_index, search_page
from ._sections import section_pages

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from ..model.changes import Report
    from ..model.document import Spec
    from ._model import SiteModel, SiteVersion


@dataclass(slots=True)
class TocItem:
    """A heading in a text page's table of contents, with the headings under it."""

    id: str
    title: str
    level: int
    children: list[TocItem] = field(default_factory=list)


#: Headings deeper than this stay out of the table of contents.
TOC_DEPTH = 3


def table_of_contents(spec: Spec) -> list[TocItem]:
    """The spec's headings down to :data:`TOC_DEPTH`, nested as they are in the text (a
    heading that skips a level nests under the nearest shallower one)."""
    top: list[TocItem] = []
    open_items: list[TocItem] = []
    for section in spec.sections:
        if not 0 < section.level <= TOC_DEPTH:
            continue
        while open_items and open_items[-1].level >= section.level:
            open_items.pop()
        item = TocItem(section.id, heading_text(section.title) or section.id, section.level)
        (open_items[-1].children if open_items else top).append(item)
        open_items.append(item)
    return top


@dataclass(frozen=True, slots=True)
class IndexEntry:
    version: SiteVersion
    summary: Summary | None
    counts: str


def build_pages(model: SiteModel, progress: Callable[[str], None] | None = None) -> Iterator[Page]:
    """Every file of the site, in a fixed order."""
    say = progress or (lambda _message: None)
    yield Page(paths.STYLE, stylesheet().encode("utf-8"))
    yield index_page(model)
    count = len(model.versions)
    texts = SpecRenderer(
        history=lambda section_id: "../" + paths.href(paths.section_page(section_id))
    )
    formerly = former_ids(
        [(v.label, v.spec) for v in model.versions], [v.report for v in model.versions]
    )
    documents = DocumentPages(model) if any(v.many_files for v in model.versions) else None
    for number, version in enumerate(model.versions, 1):
        say(f"pages for {version.label} ({number}/{count})")
        yield release_page(model, version)
        if documents is not None and version.many_files:
            yield from documents(version)
        else:
            yield text_page(model, version, texts, formerly[version.index])
    yield from version_pages(model)
    yield compare_index(model)
    pairs = model.pairs()
    for number, (old, new) in enumerate(pairs, 1):
        say(f"compare {old.label} → {new.label} ({number}/{len(pairs)})")
        yield compare_page(model, old, new)
    say("section histories")
    yield from section_pages(model)
    yield search_page(model)
    yield search_index(model)
    yield feed_page(model)
    yield versions_page(model)


def index_page(model: SiteModel) -> Page:
    entries = [
        IndexEntry(
            v,
            summarize(v.report) if v.report else None,
            counts_in_words(v.report) if v.report else "",
        )
        for v in reversed(model.versions)
    ]
    unreleased = [
        {
            "revision": item.revision,
            "report": item.report,
            "summary": summarize(item.report) if item.report else None,
            "counts": counts_in_words(item.report) if item.report else "",
        }
        for item in reversed(model.unreleased)
    ]
    return render_page(
        model,
        paths.INDEX,
        "index.html.j2",
        title="Versions",
        nav="versions",
        form=len(model.versions) > 1,
        entries=entries,
        unreleased=unreleased,
        **_form_defaults(model),
    )


def release_page(model: SiteModel, version: SiteVersion) -> Page:
    previous = model.versions[version.index - 1] if version.index else None
    following = (
        model.versions[version.index + 1] if version.index + 1 < len(model.versions) else None
    )
    context: dict[str, Any] = (
        _changes_context(version.report, previous, version) if version.report else {"report": None}
    )
    page = paths.release_page(version.label)
    context["origin"], context["feedback"] = change_links(model, version)
    return render_page(
        model,
        page,
        "release.html.j2",
        title=f"Version {version.label}",
        version=version,
        previous=previous,
        following=following,
        **context,
    )


def compare_page(model: SiteModel, old: SiteVersion, new: SiteVersion) -> Page:
    report = pair_report(model, old, new)
    return render_page(
        model,
        paths.compare_page(old.label, new.label),
        "compare.html.j2",
        title=f"{old.label} → {new.label}",
        nav="compare",
        form=True,
        old=old,
        new=new,
        form_from=old.index,
        form_to=new.index,
        **_changes_context(report, old, new),
    )


def compare_index(model: SiteModel) -> Page:
    return render_page(
        model,
        paths.COMPARE_INDEX,
        "compare_index.html.j2",
        title="Compare versions",
        nav="compare",
        form=len(model.versions) > 1,
        pairs=model.pairs(),
        **_form_defaults(model),
    )


def text_page(
    model: SiteModel,
    version: SiteVersion,
    renderer: SpecRenderer,
    former: Mapping[str, tuple[str, ...]] | None = None,
) -> Page:
    """The full text of a version; ``renderer`` links headings to ``../sections/``.

    ``former`` maps a section id to the ids it had in earlier versions: its heading
    carries them too (unless the version uses them for something else), so a link to
    ``#old_id`` made against an earlier version lands on the section it became.
    """
    path = paths.text_page(version.label)
    taken = version.spec.anchors
    aliases = {
        section: [i for i in ids if i not in taken] for section, ids in (former or {}).items()
    }
    body = renderer.render(version.text, version.spec, aliases=aliases)
    toc = table_of_contents(version.spec)
    return render_page(
        model,
        path,
        "text.html.j2",
        title=f"Version {version.label}",
        **version_context(model, version),
        toc=toc,
        front_matter=version.spec.front_matter,
        body=body,
    )


def pair_report(model: SiteModel, old: SiteVersion, new: SiteVersion) -> Report:
    """The comparison of two versions: the release report for neighbours, else computed."""
    if new.index == old.index + 1 and new.report is not None:
        return new.report
    return compare_specs(old.spec, new.spec, model.config, base=old.endpoint, head=new.endpoint)


def _changes_context(report: Report, old: SiteVersion | None, new: SiteVersion) -> dict[str, Any]:
    return {
        "report": report,
        "summary": summarize(report, span=new.index - old.index if old else 1),
        "severities": severity_counts(report),
        "groups": group_by_section(report),
        "anchors": new.spec.anchors,
        "old_anchors": old.spec.anchors if old else frozenset(),
        "old_label": old.label if old else new.label,
        "new_label": new.label,
    }


def _form_defaults(model: SiteModel) -> dict[str, Any]:
    last = len(model.versions) - 1
    return {"form_from": max(last - 1, 0), "form_to": last}
