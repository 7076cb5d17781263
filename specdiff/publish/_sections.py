"""A page per section: its history across versions, and an index of all sections."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..compare.section_history import Step, trace_section
from ..render import heading_text, render_spec_html
from . import _paths as paths
from ._links import change_links
from ._render import Page, render_page

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..model.changes import Change
    from ._model import SiteModel, SiteVersion


@dataclass(frozen=True, slots=True)
class SectionItem:
    id: str
    title: str
    level: int = 0
    changed: int = 0
    """How many versions changed it (current sections)."""
    last: str = ""
    """The last version that had it (sections that are gone)."""


def section_pages(model: SiteModel) -> Iterator[Page]:
    """``sections/index.html`` and ``sections/<id>.html`` for every id of any version."""
    versions = [(v.label, v.spec) for v in model.versions]
    reports = [v.report for v in model.versions]
    traces = {sid: trace_section(sid, versions, reports) for sid in model.section_ids}
    yield _index(model, traces)
    for section_id, steps in traces.items():
        yield _section_page(model, section_id, steps)


def _index(model: SiteModel, traces: dict[str, list[Step]]) -> Page:
    latest = model.latest
    current: list[SectionItem] = []
    if latest is not None:
        for section in latest.spec.sections:
            if section.level:
                changed = sum(1 for step in traces[section.id] if step.event == "changed")
                current.append(
                    SectionItem(
                        section.id, _title(section.title, section.id), section.level, changed
                    )
                )
    present = {item.id for item in current}
    gone = []
    for section_id in traces:
        if section_id in present:
            continue
        version = _last_with(model, section_id)
        title = version.spec.section(section_id).title
        gone.append(SectionItem(section_id, _title(title, section_id), last=version.label))
    return render_page(
        model,
        paths.SECTIONS_INDEX,
        "sections.html.j2",
        title="Sections",
        nav="sections",
        current=current,
        gone=gone,
    )


def _section_page(model: SiteModel, section_id: str, steps: list[Step]) -> Page:
    path = paths.section_page(section_id)
    root = paths.root_of(path)
    named = [step for step in steps if step.section_id is not None]
    final = named[-1] if named else None
    last_seen = _version(model, final.version) if final else None
    # A step names its section as its file writes it; the pages use the combined id.
    last_seen_id = (
        model.combined(final.version, final.section_id, final.document) if final else None
    )
    excerpt = None
    if last_seen is not None and last_seen_id is not None:
        section = last_seen.spec.section(last_seen_id)
        label = last_seen.label

        def page_of(ident: str) -> str:
            return root + paths.href(model.page_of(label, ident))

        excerpt = render_spec_html(
            last_seen.text,
            last_seen.spec,
            span=(section.span.start, section.span.end),
            link_base=root + paths.href(paths.text_page(label)),
            ids=False,
            # A spec made of many files: a link goes to the page of its target's document.
            pages=page_of if last_seen.many_files else None,
        )
    combined = [model.combined(step.version, step.section_id, step.document) for step in named]
    aliases = list(dict.fromkeys(i for i in combined if i and i != section_id))
    title = _title(final.title or "", section_id) if final else section_id
    # Each change links to the commit or pull request that made it and to feedback on
    # its clause, as on the release page that lists it.
    links = {v.label: change_links(model, v) for v in model.versions}

    def origin(step: Step, change: Change) -> list[tuple[str, str | None]]:
        return links[step.version][0](change)

    def feedback(step: Step, change: Change) -> str:
        return links[step.version][1](change)

    return render_page(
        model,
        path,
        "section.html.j2",
        title=f"History of {title}",
        nav="sections",
        section_id=section_id,
        title_text=title,
        aliases=aliases,
        steps=steps,
        last_seen=last_seen,
        last_seen_id=last_seen_id,
        excerpt=excerpt,
        origin=origin,
        feedback=feedback,
    )


def _title(title: str, fallback: str) -> str:
    return heading_text(title) or fallback


def _version(model: SiteModel, label: str) -> SiteVersion:
    return next(v for v in model.versions if v.label == label)


def _last_with(model: SiteModel, section_id: str) -> SiteVersion:
    return next(v for v in reversed(model.versions) if v.spec.get_section(section_id) is not None)
