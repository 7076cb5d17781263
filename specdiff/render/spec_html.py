"""A spec's Markdown as safe HTML, with the parser's section ids on its headings.

Old links keep working: every heading the parser reads as a section gets the section's
id (explicit ``{#id}``, ``<a name>`` or slug), and ``<a name>``/``<a id>`` anchors and
``[term](@id)`` definitions become elements with those ids. A heading can also carry the
ids its section had in earlier versions (``aliases``), so links made then still land on it. Attribute blocks are dropped
from heading text; worked examples are shown as conversations.

Nothing from the spec runs in a reader's browser: raw HTML is shown as text (except
bare anchors, comments, which are dropped, and a few attribute-less tags such as
``<br>``), link schemes other than http, https and mailto are refused (so
``javascript:`` links stay plain text), images become links, and every string is escaped.

A :class:`SpecRenderer` renders a document section by section (a heading always starts
a new block, so the pieces are the same blocks as the whole) and remembers the HTML of
each section: publishing fifty versions that differ in a few sections renders each
distinct section about once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..parse import normalise_newlines, split_front_matter
from ._spec_inline import heading_text
from ._spec_rules import internal_link, is_safe_url, markdown, new_env

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ..model.document import Spec

__all__ = ["SpecRenderer", "heading_text", "is_safe_url", "render_spec_html"]

#: A link reference definition: it applies to the whole document, so a document that
#: has one is rendered in one piece.
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:", re.MULTILINE)
_FRAGMENT = re.compile(r"#([^\s)>\"'\]]+)")

_Key = tuple[str, str, tuple[tuple[str, str | None], ...], tuple[str, ...]]
#: A link of a rendered piece: its href as written, where it went, the title it showed.
_Link = tuple[str, str, str | None]


class SpecRenderer:
    """Renders versions of a spec with fixed options, reusing unchanged sections' HTML.

    ``link_base`` is put before ``#fragment`` links (for text shown away from the full
    text); ``ids=False`` leaves ids off; ``history`` maps a section id to the URL of its
    history page (a link beside each heading).
    """

    def __init__(
        self,
        *,
        link_base: str = "",
        ids: bool = True,
        history: Callable[[str], str] | None = None,
    ) -> None:
        self.link_base = link_base
        self.ids = ids
        self.history = history
        self._cache: dict[_Key, tuple[str, tuple[str, ...], tuple[_Link, ...]]] = {}
        self._last: tuple[str, Spec, _Prepared] | None = None

    def _prepare(self, text: str, spec: Spec) -> _Prepared:
        """The text's lines and the spec's tables, kept while the same version is rendered
        (a spec made of many files renders one page per document from one text)."""
        if self._last is None or self._last[0] is not text or self._last[1] is not spec:
            self._last = (text, spec, _prepared(text, spec))
        return self._last[2]

    def render(
        self,
        text: str,
        spec: Spec,
        span: tuple[int, int] | None = None,
        aliases: Mapping[str, Sequence[str]] | None = None,
        pages: Callable[[str], str | None] | None = None,
    ) -> Markup:
        """The spec (or its lines ``span``, 1-based and inclusive) as an HTML fragment.

        ``aliases`` maps a section id to more ids for its heading (empty elements at its
        start); one that is already on the page, or is the id of another section in
        ``span``, is left out. ``pages`` gives the page that holds an id when it is not the
        page being rendered (a spec made of many files, a page per document): links to it
        go there.
        """
        aliases = aliases or {}
        prepared = self._prepare(text, spec)
        lines, sections, titles = prepared.lines, prepared.sections, prepared.titles
        first, last = span if span is not None else (1, len(lines))
        first = max(first, prepared.skipped + 1)
        if span is None:
            section_ids = prepared.section_ids
        else:
            low, high = bisect_left(prepared.starts, first), bisect_right(prepared.starts, last)
            section_ids = frozenset(prepared.ids_by_start[low:high])
        seen: set[str] = set()
        documents = prepared.documents
        source = "\n".join(lines[first - 1 : last])
        if _REFERENCE_DEFINITION.search(source):
            pieces = [(first, last)]
        else:
            starts = [line for line in sorted(sections) if first < line <= last]
            bounds = [first, *starts, last + 1]
            pieces = [(a, b - 1) for a, b in pairwise(bounds) if b > a]
        html = []
        for start, end in pieces:
            chunk = "\n".join(lines[start - 1 : end])
            document = prepared.document_of(start)
            key: _Key = (
                chunk + "\x00" + document,
                sections.get(start, ""),
                tuple((t, titles.get(t)) for t in sorted(set(_FRAGMENT.findall(chunk)))),
                tuple(aliases.get(sections.get(start, ""), ())),
            )
            cached = self._cache.get(key)
            own = sections.get(start)
            links = {
                "documents": documents,
                "document": document,
                "pages": pages,
                "link_base": self.link_base,
                "titles": titles,
            }
            if (
                cached is not None
                and not any(
                    ident in seen or (ident in section_ids and ident != own) for ident in cached[1]
                )
                and all(_same_link(link, links) for link in cached[2])
            ):
                seen.update(cached[1])
                html.append(cached[0])
                continue
            env = new_env(
                sections=sections,
                section_ids=section_ids,
                titles=titles,
                link_base=self.link_base,
                ids=self.ids,
                history=self.history,
                seen=seen,
                offset=start - 1,
                aliases=aliases,
                pages=pages,
            )
            if spec.documents:
                # Links between the files of a spec made of many files are resolved.
                env["documents"] = documents
                env["document"] = document
            rendered = markdown().render(chunk, env)
            if not env["suppressed"][0]:
                self._cache[key] = (rendered, tuple(env["emitted"]), tuple(env["resolved"]))
            html.append(rendered)
        return Markup("".join(html))


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What every render of one version's text needs, worked out once for all its pages."""

    lines: list[str]
    skipped: int
    """Lines of front matter at the top."""
    sections: dict[int, str]
    """A heading's line → its section id."""
    titles: dict[str, str]
    section_ids: frozenset[str]
    starts: list[int]
    """Every section's first line (the root's too), in order, with ``ids_by_start``."""
    ids_by_start: list[str]
    documents: dict[str, dict[str, str]]
    document_starts: list[int]
    document_paths: list[str]

    def document_of(self, line: int) -> str:
        """The path of the document holding this line ('' for a one-file spec)."""
        at = bisect_right(self.document_starts, line) - 1
        return self.document_paths[at] if at >= 0 else ""


def _prepared(text: str, spec: Spec) -> _Prepared:
    lines = normalise_newlines(text).split("\n")
    _, skipped = split_front_matter(lines)
    ordered = sorted((s.span.start, s.id) for s in spec.sections)
    starts, holders = spec.document_pieces()
    return _Prepared(
        lines=lines,
        skipped=skipped,
        sections={s.span.start: s.id for s in spec.sections if s.level},
        titles={s.id: s.title for s in spec.sections if s.level},
        section_ids=frozenset(s.id for s in spec.sections),
        starts=[start for start, _ in ordered],
        ids_by_start=[ident for _, ident in ordered],
        documents=_document_targets(spec),
        document_starts=starts,
        document_paths=[d.path for d in holders],
    )


def _document_targets(spec: Spec) -> dict[str, dict[str, str]]:
    """For each file of a spec made of many files: its anchors as written → ids on the page,
    with ``""`` (a link to the file itself) going to its first section."""
    starts, holders = spec.document_pieces()
    firsts: dict[str, str] = {}
    for section in spec.sections:
        if section.level and starts:
            document = holders[max(bisect_right(starts, section.span.start) - 1, 0)]
            if document.holds(section.span.start):
                firsts.setdefault(document.path, section.id)
    targets: dict[str, dict[str, str]] = {}
    for document in spec.documents:
        anchors = dict(document.anchors)
        if document.path in firsts:
            anchors[""] = firsts[document.path]
        targets[document.path] = anchors
    return targets


def _same_link(link: _Link, env: Mapping[str, Any]) -> bool:
    """Whether a cached piece's link goes where it would go now (a section that moved to
    another document, an anchor that now names another section, change where it goes)."""
    href, landing, title = link
    now, target = internal_link(href, env)
    return now == landing and (not href.startswith("#") or env["titles"].get(target) == title)


def render_spec_html(
    text: str,
    spec: Spec,
    *,
    span: tuple[int, int] | None = None,
    link_base: str = "",
    ids: bool = True,
    history: Callable[[str], str] | None = None,
    pages: Callable[[str], str | None] | None = None,
) -> Markup:
    """The spec (or its lines ``span``) as HTML; see :class:`SpecRenderer` for the options."""
    renderer = SpecRenderer(link_base=link_base, ids=ids, history=history)
    return renderer.render(text, spec, span, pages=pages)
