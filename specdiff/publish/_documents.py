"""The text of a spec made of many files: a contents page per version and a page per document.

``text/<version>.html`` lists the version's documents in reading order with their headings;
``text/<version>/<path>.html`` shows one document. Links between the files go to the page
of the file they name.

Old links keep working across files. Every section remembers the places (document, id)
it had in earlier versions (:func:`former_places`, following renames, new anchors, merges,
splits and moves between files). A place in the same document becomes one more id on the
section's heading; a place in another document becomes a *forwarding anchor* on that
document's page: an element with the old id, a link to the section's new place, which
the page's script follows when the address names it. A document that a version no longer
has still gets a page in that version, holding only forwarding anchors, so that changing
the version in an old address lands where the text went. The contents page forwards every
id of the version (and its sections' former ids) the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..compare.section_history import continuations
from ..parse import normalise_newlines, split_front_matter
from ..render import SpecRenderer, heading_text
from . import _paths as paths
from ._render import Page, render_page, version_context

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..model.document import DocumentPart
    from ._model import SiteModel, SiteVersion

#: Headings deeper than this stay out of the tables of contents.
TOC_DEPTH = 3

Place = tuple[str, str]
"""``(document path, id)``: where a section was."""


@dataclass(slots=True)
class Heading:
    """A heading in a table of contents, with the headings under it."""

    id: str
    title: str
    level: int
    href: str
    children: list[Heading] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Forward:
    """An id a page keeps for a section that is now elsewhere."""

    id: str
    href: str
    """The section's place now, relative to the page."""
    title: str
    document: str
    """The path of the document that holds it now."""


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """A document in a version's contents."""

    path: str
    title: str
    href: str
    headings: list[Heading]


def former_places(model: SiteModel) -> list[dict[str, tuple[Place, ...]]]:
    """For each version, each section's places in earlier versions, oldest first, without
    the place it has now (a section that kept its id but moved to another file has its
    old file's place)."""
    versions = [(v.label, v.spec) for v in model.versions]
    result: list[dict[str, tuple[Place, ...]]] = []
    every: dict[str, tuple[Place, ...]] = {}  # the previous version's: former + current
    for version, sources_of in zip(
        model.versions, continuations(versions, [v.report for v in model.versions]), strict=True
    ):
        homes = model.homes(version.label)
        current: dict[str, tuple[Place, ...]] = {}
        now: dict[str, tuple[Place, ...]] = {}
        for section in version.spec.sections:
            if not section.level:
                continue
            here = (homes.get(section.id, ""), section.id)
            inherited = [p for old in sources_of.get(section.id, ()) for p in every.get(old, ())]
            found = tuple(dict.fromkeys(p for p in inherited if p != here))
            if found:
                current[section.id] = found
            now[section.id] = (*found, here)
        result.append(current)
        every = now
    return result


@dataclass
class _Claims:
    """Which ids each page of one version holds, and what they do there."""

    taken: dict[str, set[str]]
    """Per document path: the ids on its page."""
    aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Per document path: section id → more ids on its heading."""
    forwards: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Per document path: (old id, section id) pairs forwarded from its page."""

    def claim(self, document: str, ident: str) -> bool:
        ids = self.taken.setdefault(document, set())
        if ident in ids:
            return False
        ids.add(ident)
        return True


def _claims(
    model: SiteModel, version: SiteVersion, former: dict[str, tuple[Place, ...]]
) -> _Claims:
    homes = model.homes(version.label)
    taken: dict[str, set[str]] = {d.path: set() for d in version.spec.documents}
    for ident, document in homes.items():
        taken[document].add(ident)
    claims = _Claims(taken)
    parts = {d.path: d for d in version.spec.documents}
    for section in version.spec.sections:
        if not section.level:
            continue
        home = homes[section.id]
        part = parts[home]
        # The id as written in the file, when the combined spec had to qualify it.
        written = [a for a, combined in part.anchors if combined == section.id and a != section.id]
        places = [(home, ident) for ident in written] + list(former.get(section.id, ()))
        for document, ident in places:
            if not claims.claim(document, ident):
                continue
            if document == home:
                claims.aliases.setdefault(home, {}).setdefault(section.id, []).append(ident)
            else:
                claims.forwards.setdefault(document, []).append((ident, section.id))
    return claims


class DocumentPages:
    """Builds the text pages of each version of a spec made of many files, in turn."""

    def __init__(self, model: SiteModel) -> None:
        self.model = model
        self.formerly = former_places(model)
        self.renderers: dict[int, SpecRenderer] = {}
        """One per folder depth (history links go back to the root), shared by versions."""
        self.known: list[str] = []
        """Every document path of the versions so far."""

    def __call__(self, version: SiteVersion) -> Iterator[Page]:
        """The contents page, a page per document, and a page for each document an
        earlier version had and this one has not."""
        model = self.model
        documents = version.spec.documents
        self.known.extend(d.path for d in documents if d.path not in self.known)
        claims = _claims(model, version, self.formerly[version.index])
        yield contents_page(model, version, self.formerly[version.index])
        lines = normalise_newlines(version.text).split("\n")
        for number, part in enumerate(documents):
            yield document_page(
                model,
                version,
                part,
                split_front_matter(lines[part.offset : part.offset + part.line_count]),
                self._renderer(paths.document_page(version.label, part.path)),
                claims,
                previous=documents[number - 1] if number else None,
                following=documents[number + 1] if number + 1 < len(documents) else None,
            )
        present = {d.path for d in documents}
        for gone in self.known:
            if gone not in present:
                yield gone_page(model, version, gone, claims)

    def _renderer(self, page: str) -> SpecRenderer:
        depth = page.count("/")
        if depth not in self.renderers:
            root = paths.root_of(page)
            self.renderers[depth] = SpecRenderer(
                history=lambda ident: root + paths.href(paths.section_page(ident))
            )
        return self.renderers[depth]


def _forwards(
    model: SiteModel, version: SiteVersion, page: str, pairs: list[tuple[str, str]]
) -> list[Forward]:
    homes = model.homes(version.label)
    found = []
    for old, section_id in pairs:
        target = paths.relative(page, model.page_of(version.label, section_id))
        title = heading_text(version.spec.section(section_id).title) or section_id
        found.append(Forward(old, f"{target}#{section_id}", title, homes[section_id]))
    return found


def _headings(version: SiteVersion, part: DocumentPart, page: str, here: str) -> list[Heading]:
    """The document's headings down to :data:`TOC_DEPTH` levels below its top, nested."""
    sections = [s for s in version.spec.sections if s.level and part.holds(s.span.start)]
    top_level = min((s.level for s in sections), default=1)
    link = "" if page == here else paths.relative(here, page)
    top: list[Heading] = []
    open_items: list[Heading] = []
    for section in sections:
        level = section.level - top_level + 1
        if level > TOC_DEPTH:
            continue
        while open_items and open_items[-1].level >= level:
            open_items.pop()
        title = heading_text(section.title) or section.id
        item = Heading(section.id, title, level, f"{link}#{section.id}")
        (open_items[-1].children if open_items else top).append(item)
        open_items.append(item)
    return top


def contents_page(
    model: SiteModel, version: SiteVersion, former: dict[str, tuple[Place, ...]]
) -> Page:
    """``text/<version>.html``: the documents in reading order with their headings; an
    address naming an id of the version (or an id one of its sections had) is sent on to
    the page that holds it."""
    path = paths.text_page(version.label)
    entries = []
    for part in version.spec.documents:
        page = paths.document_page(version.label, part.path)
        headings = _headings(version, part, page, path)
        if len(headings) == 1 and headings[0].title == heading_text(part.title):
            headings = headings[0].children  # the document's title is its one top heading
        entries.append(DocumentEntry(part.path, part.title, paths.relative(path, page), headings))
    targets: dict[str, str] = {}
    for ident in model.homes(version.label):
        targets[ident] = f"{paths.relative(path, model.page_of(version.label, ident))}#{ident}"
    for section_id, places in former.items():
        for _, ident in places:
            if ident not in targets:
                page = model.page_of(version.label, section_id)
                targets[ident] = f"{paths.relative(path, page)}#{section_id}"
    return render_page(
        model,
        path,
        "contents.html.j2",
        title=f"Version {version.label}",
        **version_context(model, version),
        forwarding=True,
        documents=entries,
        targets=_json_block(targets),
    )


def document_page(
    model: SiteModel,
    version: SiteVersion,
    part: DocumentPart,
    front: tuple[tuple[tuple[str, str], ...], int],
    renderer: SpecRenderer,
    claims: _Claims,
    previous: DocumentPart | None,
    following: DocumentPart | None,
) -> Page:
    """``text/<version>/<path>.html``: one document of the version (``front``: its front
    matter's pairs and lines), with the ids its sections had in earlier versions, and
    forwarding anchors for those now elsewhere."""
    path = paths.document_page(version.label, part.path)
    front_matter, skipped = front

    homes = model.homes(version.label)

    def page_of(ident: str) -> str | None:
        # An id no file has (a broken link in the spec) stays a link on this page.
        if ident not in homes:
            return None
        target = model.page_of(version.label, ident)
        return None if target == path else paths.relative(path, target)

    # A document with text after an include heading lies in pieces around the included
    # file (which has its own page): its page shows its own pieces, in order.
    body = Markup("").join(
        renderer.render(
            version.text,
            version.spec,
            span=(first + (skipped if number == 0 else 0), last),
            aliases=claims.aliases.get(part.path, {}),
            pages=page_of,
        )
        for number, (first, last) in enumerate(part.ranges())
        if last >= first
    )
    forwards = _forwards(model, version, path, claims.forwards.get(part.path, []))

    def neighbour(other: DocumentPart | None) -> tuple[str, str] | None:
        if other is None:
            return None
        return paths.relative(path, paths.document_page(version.label, other.path)), other.title

    return render_page(
        model,
        path,
        "document.html.j2",
        title=f"{heading_text(part.title) or part.path} · version {version.label}",
        **version_context(model, version),
        forwarding=bool(forwards),
        document=part,
        where=part.path,
        contents=paths.relative(path, paths.text_page(version.label)),
        headings=_headings(version, part, path, path),
        front_matter=front_matter,
        body=body,
        forwards=forwards,
        previous=neighbour(previous),
        following=neighbour(following),
    )


def gone_page(model: SiteModel, version: SiteVersion, document: str, claims: _Claims) -> Page:
    """``text/<version>/<path>.html`` for a document of an earlier version that this one
    no longer has: where its sections are now."""
    path = paths.document_page(version.label, document)
    forwards = _forwards(model, version, path, claims.forwards.get(document, []))
    last = next(
        v
        for v in reversed(model.versions[: version.index])
        if any(d.path == document for d in v.spec.documents)
    )
    return render_page(
        model,
        path,
        "gone.html.j2",
        title=f"{document} · version {version.label}",
        forwarding=bool(forwards),
        version=version,
        is_latest=version is model.latest,
        document=document,
        where=document,
        contents=paths.relative(path, paths.text_page(version.label)),
        last=last,
        last_page=paths.relative(path, paths.document_page(last.label, document)),
        forwards=forwards,
    )


def _json_block(data: dict[str, str]) -> Markup:
    """JSON to put inside ``<script type="application/json">``: nothing in it can close
    the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
