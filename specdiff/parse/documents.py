"""A spec made of many files: parse each file, then lay them end to end as one :class:`Spec`.

The combined spec is an ordinary :class:`Spec` (so alignment, classification, policy and
every renderer work on it unchanged) whose lines are numbered as if the files were
concatenated in reading order, and whose :attr:`Spec.documents` says which lines belong
to which file. Reading order: files that no other file includes come in the order given;
each is followed by the files its include headings name, depth first, nested under the
section that encloses the include heading.

Section ids stay as written; an id already taken by an earlier document becomes
``path#id`` in the combined spec (its qualified link form), so ids stay unique.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .._gc import collector_paused
from ..model.document import (
    Clause,
    DocumentPart,
    IdSource,
    ParseWarning,
    Reference,
    ReferenceKind,
    Section,
    SourceSpan,
    Spec,
)
from ._containers import with_components
from ._prepare import Include, prepare
from ._text import plain_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: File suffixes read as documents of a spec.
DOCUMENT_SUFFIXES = (".md", ".mdx", ".markdown")

_FILE_LINK = re.compile(
    r"\]\(\s*<?([^()<>\s#]+\.(?:mdx?|markdown))(?:#([^()<>\s]*))?>?(?:\s+\"[^\"]*\")?\s*\)"
)


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One file of the set, prepared and parsed on its own."""

    path: str
    text: str
    """The file's text as it is (the combined text shows it)."""
    spec: Spec
    includes: tuple[Include, ...]
    title: str
    blob: str


def parse_file(path: str, text: str, parse: Callable[[str], Spec]) -> ParsedFile:
    """Prepare and parse one file; ``parse`` turns Markdown into a :class:`Spec`."""
    from . import normalise_newlines

    text = normalise_newlines(text)
    prepared = prepare(path, text)
    spec = parse(prepared.text)
    if prepared.components:
        spec = with_components(spec, prepared.components)
    return ParsedFile(
        path=path,
        text=text,
        spec=spec,
        includes=prepared.includes,
        title=_title(path, spec, prepared.front_matter),
        blob=hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest(),
    )


def _title(path: str, spec: Spec, comment_front_matter: tuple[tuple[str, str], ...]) -> str:
    headed = [s for s in spec.sections if s.level]
    if headed and min(s.level for s in headed) == 1:
        return plain_text(next(s for s in headed if s.level == 1).title)
    for key, value in (*spec.front_matter, *comment_front_matter):
        if key.lower() == "title" and value.strip("\"' "):
            return value.strip("\"' ")
    if headed:
        return plain_text(headed[0].title)
    return posixpath.splitext(posixpath.basename(path))[0]


def reading_order(
    files: Sequence[ParsedFile],
) -> list[tuple[ParsedFile, Include | None, str | None]]:
    """Each file with the include heading that placed it and the file that holds it."""
    by_path = {f.path: f for f in files}
    included = {i.target for f in files for i in f.includes if i.target in by_path}
    order: list[tuple[ParsedFile, Include | None, str | None]] = []
    seen: set[str] = set()

    def visit(file: ParsedFile, include: Include | None, parent: str | None) -> None:
        seen.add(file.path)
        order.append((file, include, parent))
        for inner in file.includes:
            target = by_path.get(inner.target)
            if target is not None and target.path not in seen:
                visit(target, inner, file.path)

    for file in files:
        if file.path not in included and file.path not in seen:
            visit(file, None, None)
    for file in files:  # included only from a cycle: still part of the spec
        if file.path not in seen:
            visit(file, None, None)
    return order


def combine(files: Sequence[ParsedFile]) -> Spec:
    """The files as one spec (see the module docstring)."""
    with collector_paused():
        return _Combiner().run(reading_order(files))


def combined_text(spec: Spec, texts: dict[str, str]) -> str:
    """The files' texts laid end to end, so that line N of it is line N of ``spec``."""
    parts = []
    for document in spec.documents:
        lines = texts[document.path].split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        lines += [""] * (document.line_count - len(lines))
        parts.extend(lines[: document.line_count])
    return "\n".join(parts) + ("\n" if parts else "")


class _Combiner:
    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.root_clauses: list[int] = []
        self.root_children: list[str] = []
        self.clauses: list[Clause] = []
        self.taken: set[str] = {""}
        self.documents: list[DocumentPart] = []
        self.warnings: list[ParseWarning] = []
        self.children: dict[str, list[str]] = {}
        self.ids_of: dict[str, dict[str, str]] = {}
        """Per document: id as written → id in the combined spec."""
        self.parts: dict[str, tuple[DocumentPart, range]] = {}
        """Per document: its part and the indices of its sections in :attr:`sections`."""
        self.offset = 0

    def run(self, order: list[tuple[ParsedFile, Include | None, str | None]]) -> Spec:
        front_matter = order[0][0].spec.front_matter if order else ()
        for file, include, parent in order:
            self._add(file, include, parent)
        root = Section(
            id="",
            title="",
            level=0,
            span=SourceSpan(1, max(1, self.offset)),
            parent=None,
            id_source=IdSource.ROOT,
            clauses=tuple(self.root_clauses),
            children=tuple(self.root_children),
        )
        sections = [root] + [
            replace(s, children=tuple(self.children.get(s.id, ()))) for s in self.sections
        ]
        return Spec(
            sections=tuple(sections),
            clauses=tuple(self.clauses),
            front_matter=front_matter,
            warnings=tuple(self.warnings),
            line_count=self.offset,
            documents=tuple(self.documents),
        )

    def _add(self, file: ParsedFile, include: Include | None, parent: str | None) -> None:
        spec, offset, base = file.spec, self.offset, len(self.clauses)
        ids = {"": ""}
        for section in spec.sections[1:]:
            combined = section.id if section.id not in self.taken else f"{file.path}#{section.id}"
            self.taken.add(combined)
            ids[section.id] = combined
        self.ids_of[file.path] = ids
        host = self._host(parent, include)
        shift = include.level - 1 if include is not None else 0
        first_section = len(self.sections)
        for section in spec.sections[1:]:
            new_id = ids[section.id]
            new_parent = ids[section.parent] if section.parent else host
            self.sections.append(
                replace(
                    section,
                    id=new_id,
                    level=min(6, section.level + shift),
                    span=_shifted(section.span, offset),
                    parent=new_parent,
                    clauses=tuple(i + base for i in section.clauses),
                    children=(),
                )
            )
            self._child(new_parent, new_id)
        local_anchors: set[str] = {s.id for s in spec.sections[1:]}
        for clause in spec.clauses:
            local_anchors.update(clause.anchors)
            self.clauses.append(self._clause(clause, file, ids, offset, base))
            if not clause.section:
                self.root_clauses.append(clause.index + base)
        for warning in spec.warnings:
            self.warnings.append(
                replace(
                    warning, line=warning.line + offset, message=f"{file.path}: {warning.message}"
                )
            )
        part = DocumentPart(
            path=file.path,
            title=file.title,
            offset=offset,
            line_count=spec.line_count,
            blob=file.blob,
            anchors=tuple(sorted((a, ids.get(a, a)) for a in local_anchors)),
            included_by=parent,
        )
        self.documents.append(part)
        self.parts.setdefault(file.path, (part, range(first_section, len(self.sections))))
        self.offset += spec.line_count

    def _host(self, parent: str | None, include: Include | None) -> str:
        """The section an included file's top-level sections hang under: the nearest
        section before the include heading with a lower level, in the including file."""
        if parent is None or include is None:
            return ""
        # Only the including file's own sections can hold the heading: scanning every
        # section laid so far made a root that includes N files cost N × sections.
        part, own = self.parts[parent]
        line = include.line + part.offset
        host = ""
        for index in own:
            section = self.sections[index]
            if not part.holds(section.span.start) or section.span.start >= line:
                continue
            if section.level < include.level:
                host = section.id
        return host

    def _child(self, parent: str, child: str) -> None:
        if parent:
            self.children.setdefault(parent, []).append(child)
        else:
            self.root_children.append(child)

    def _clause(
        self, clause: Clause, file: ParsedFile, ids: dict[str, str], offset: int, base: int
    ) -> Clause:
        references = tuple(
            replace(r, line=r.line + offset, target=ids.get(r.target, r.target))
            if r.kind is ReferenceKind.ANCHOR
            else replace(r, line=r.line + offset)
            for r in clause.references
        )
        links = _file_links(clause, file.path, clause.span.start + offset)
        return replace(
            clause,
            index=clause.index + base,
            section=ids[clause.section],
            span=_shifted(clause.span, offset),
            references=references + links,
            parent=None if clause.parent is None else clause.parent + base,
        )


def _shifted(span: SourceSpan, offset: int) -> SourceSpan:
    return SourceSpan(span.start + offset, span.end + offset)


def _file_links(clause: Clause, path: str, line: int) -> tuple[Reference, ...]:
    """Links to other files of the spec (``other.md#anchor``), resolved from this file."""
    if ".md" not in clause.text and ".markdown" not in clause.text:
        return ()
    folder = posixpath.dirname(path)
    found = []
    for match in _FILE_LINK.finditer(clause.text):
        target, anchor = unquote(match.group(1)), match.group(2)
        if "://" in target or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(folder, target))
        full = f"{resolved}#{unquote(anchor)}" if anchor else resolved
        found.append(Reference(ReferenceKind.ANCHOR, full, line))
    return tuple(found)


def parse_documents(files: Sequence[tuple[str, str]], parse: Callable[[str], Spec]) -> Spec:
    """Parse ``(path, text)`` pairs, paths relative to the spec root, into one spec."""
    # One pause for the whole set: were the collector let run between files, each file
    # would walk every object the files before it allocated (a concatenated file is one
    # parse, one pause).
    with collector_paused():
        return combine([parse_file(path, text, parse) for path, text in files])
