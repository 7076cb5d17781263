"""A spec made of many files: parse each file, then lay them end to end as one :class:`Spec`.

The combined spec is an ordinary :class:`Spec` (so alignment, classification, policy and
every renderer work on it unchanged) whose lines are numbered as if the files were
concatenated in reading order, and whose :attr:`Spec.documents` says which lines belong
to which file. Reading order is the order of the assembled document, as spec-md builds
it: files that no other file includes come in the order given; an include heading puts
the file it names (and, depth first, what that includes) in its place, so the text after
the heading comes after the included file, and a file with such text is laid in pieces
(:attr:`DocumentPart.pieces`). Nesting follows the headings as the reader meets them: an
included file's headings are shifted to the include heading's level and hang under the
section open there, and text after an include heading belongs to the section the
included file left open.

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
from ._prepare import Include, mdx_markdown, prepare, read_mdx_text
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


@dataclass(frozen=True, slots=True)
class Piece:
    """Lines ``first`` .. ``last`` of one file, laid next in reading order."""

    file: ParsedFile
    first: int
    last: int
    include: Include | None
    """For a file's first piece: the include heading that placed the file (None at the top)."""
    parent: str | None
    """For a file's first piece: the path of the file that includes it."""


def reading_order(files: Sequence[ParsedFile]) -> list[Piece]:
    """The pieces of the files in the order a reader meets them.

    A file is cut after each include heading that places another file: the included file
    (and, depth first, what it includes) comes there, then the rest of the including file.
    """
    by_path = {f.path: f for f in files}
    included = {i.target for f in files for i in f.includes if i.target in by_path}
    order: list[Piece] = []
    seen: set[str] = set()

    def visit(file: ParsedFile, include: Include | None, parent: str | None) -> None:
        seen.add(file.path)
        first = 1

        def lay(last: int) -> None:
            nonlocal first
            if first == 1:  # the file's first piece, laid even when the file is empty
                order.append(Piece(file, 1, last, include, parent))
                first = max(2, last + 1)  # past the cut, and never 1 again
            elif last >= first:
                order.append(Piece(file, first, last, None, None))
                first = last + 1

        for inner in file.includes:
            target = by_path.get(inner.target)
            if target is None or target.path in seen:
                continue
            lay(_cut_after(file.spec, inner.line))
            visit(target, inner, file.path)
        lay(file.spec.line_count)

    for file in files:
        if file.path not in included and file.path not in seen:
            visit(file, None, None)
    for file in files:  # included only from a cycle: still part of the spec
        if file.path not in seen:
            visit(file, None, None)
    return order


def _cut_after(spec: Spec, line: int) -> int:
    """Where a file can be cut at an include heading: on its line, unless a block (a list
    item that runs on past the blank line it left) holds that line, then after the block;
    at its end when nothing but blank lines and include headings follows (a root file such
    as GraphQL's, a preface and then the list of chapters, stays one piece)."""
    cut = line
    last_start = 0
    for clause in spec.clauses:
        if clause.span.start <= line:
            cut = max(cut, clause.span.end)
        last_start = max(last_start, clause.span.start)
    if spec.sections[-1].level:
        last_start = max(last_start, spec.sections[-1].span.start)
    return cut if last_start > cut else spec.line_count


def combine(files: Sequence[ParsedFile]) -> Spec:
    """The files as one spec (see the module docstring)."""
    with collector_paused():
        return _Combiner().run(reading_order(files))


def combined_text(spec: Spec, texts: dict[str, str]) -> str:
    """The files' texts laid end to end, so that line N of it is line N of ``spec``.

    An ``.mdx`` file is laid as its Markdown (:func:`mdx_markdown`): what a reader of the
    rendered page sees, not the imports and tags that build it."""
    from . import normalise_newlines

    laid: list[tuple[int, list[str]]] = []
    for document in spec.documents:
        text = texts[document.path]
        if is_mdx(document.path):
            text = mdx_markdown(normalise_newlines(text))
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        lines += [""] * (document.line_count - len(lines))
        for offset, first, count in document.pieces or ((document.offset, 1, document.line_count),):
            laid.append((offset, lines[first - 1 : first - 1 + count]))
    laid.sort(key=lambda piece: piece[0])
    parts = [line for _, lines in laid for line in lines]
    return "\n".join(parts) + ("\n" if parts else "")


class _Combiner:
    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.section_at: dict[str, int] = {}
        self.clauses: list[Clause] = []
        self.taken: set[str] = {""}
        self.warnings: list[ParseWarning] = []
        self.children: dict[str, list[str]] = {}
        self.clauses_of: dict[str, list[int]] = {}
        self.ids_of: dict[str, dict[str, str]] = {}
        """Per document: id as written → id in the combined spec."""
        self.index_of: dict[str, dict[int, int]] = {}
        """Per document: clause index in the file → index in the combined spec."""
        self.pieces_of: dict[str, list[tuple[int, int, int]]] = {}
        self.files: list[ParsedFile] = []
        self.parents: dict[str, str | None] = {}
        self.stack: list[tuple[int, str]] = [(0, "")]
        """Open sections (effective level, combined id), innermost last."""
        self.shift: dict[str, int] = {}
        self.offset = 0

    def run(self, order: list[Piece]) -> Spec:
        front_matter = order[0].file.spec.front_matter if order else ()
        for piece in order:
            self._piece(piece)
        root = Section(
            id="",
            title="",
            level=0,
            span=SourceSpan(1, max(1, self.offset)),
            parent=None,
            id_source=IdSource.ROOT,
            clauses=tuple(self.clauses_of.get("", ())),
            children=tuple(self.children.get("", ())),
        )
        sections = [root] + [
            replace(
                s,
                children=tuple(self.children.get(s.id, ())),
                clauses=tuple(self.clauses_of.get(s.id, ())),
            )
            for s in self.sections
        ]
        return Spec(
            sections=tuple(sections),
            clauses=tuple(self.clauses),
            front_matter=front_matter,
            warnings=tuple(self.warnings),
            line_count=self.offset,
            documents=tuple(self._document(file) for file in self.files),
        )

    def _piece(self, piece: Piece) -> None:
        file, spec = piece.file, piece.file.spec
        if piece.first == 1:
            self._begin(file, piece)
        ids, indices = self.ids_of[file.path], self.index_of[file.path]
        offset = self.offset - piece.first + 1
        self.pieces_of[file.path].append((self.offset, piece.first, piece.last - piece.first + 1))
        # Text at the top of the piece belongs to the section the reader is in.
        open_section = self.stack[-1][1]
        shift = self.shift[file.path]
        emitted: set[str] = set()
        whole = piece.first == 1 and piece.last >= spec.line_count
        for section in spec.sections[1:]:
            if not whole and not piece.first <= section.span.start <= piece.last:
                continue
            level = section.level + shift
            while self.stack[-1][0] >= level:
                self.stack.pop()
            new_id = ids[section.id]
            parent = self.stack[-1][1]
            self.stack.append((level, new_id))
            emitted.add(section.id)
            self.section_at[new_id] = len(self.sections)
            self.sections.append(
                replace(
                    section,
                    id=new_id,
                    level=min(6, level),
                    span=SourceSpan(
                        section.span.start + offset, min(section.span.end, piece.last) + offset
                    ),
                    parent=parent,
                    clauses=(),
                    children=(),
                )
            )
            self.children.setdefault(parent, []).append(new_id)
        for clause in spec.clauses:
            if not whole and not piece.first <= clause.span.start <= piece.last:
                continue
            home = ids[clause.section] if clause.section in emitted else open_section
            combined = self._clause(clause, file, home, indices, offset)
            if home != ids.get(clause.section, home):
                self._cover(home, combined.span.end)
            self.clauses_of.setdefault(home, []).append(combined.index)
        for warning in spec.warnings:
            if whole or piece.first <= warning.line <= piece.last:
                self.warnings.append(
                    replace(
                        warning,
                        line=warning.line + offset,
                        message=f"{file.path}: {warning.message}",
                    )
                )
        self.offset += piece.last - piece.first + 1

    def _begin(self, file: ParsedFile, piece: Piece) -> None:
        """A file's first piece: its ids in the combined spec, and where it nests."""
        ids = {"": ""}
        for section in file.spec.sections[1:]:
            combined = section.id if section.id not in self.taken else f"{file.path}#{section.id}"
            self.taken.add(combined)
            ids[section.id] = combined
        self.ids_of[file.path] = ids
        self.index_of[file.path] = {}
        self.pieces_of[file.path] = []
        self.files.append(file)
        self.parents[file.path] = piece.parent
        if piece.include is None:
            # A file no other file includes starts at the top, as if it were alone.
            self.stack = [(0, "")]
            self.shift[file.path] = 0
        else:
            self.shift[file.path] = piece.include.level - 1

    def _cover(self, section_id: str, line: int) -> None:
        """Stretch a section over text that the reader meets under it from another piece."""
        if not section_id:
            return
        position = self.section_at[section_id]
        section = self.sections[position]
        if section.span.end < line:
            self.sections[position] = replace(section, span=SourceSpan(section.span.start, line))

    def _document(self, file: ParsedFile) -> DocumentPart:
        spec, ids = file.spec, self.ids_of[file.path]
        local_anchors: set[str] = {s.id for s in spec.sections[1:]}
        for clause in spec.clauses:
            local_anchors.update(clause.anchors)
        pieces = self.pieces_of[file.path]
        return DocumentPart(
            path=file.path,
            title=file.title,
            offset=pieces[0][0],
            line_count=spec.line_count,
            blob=file.blob,
            anchors=tuple(sorted((a, ids.get(a, a)) for a in local_anchors)),
            included_by=self.parents[file.path],
            pieces=tuple(pieces) if len(pieces) > 1 else (),
        )

    def _clause(
        self, clause: Clause, file: ParsedFile, home: str, indices: dict[int, int], offset: int
    ) -> Clause:
        ids = self.ids_of[file.path]
        index = len(self.clauses)
        indices[clause.index] = index
        references = tuple(
            replace(r, line=r.line + offset, target=ids.get(r.target, r.target))
            if r.kind is ReferenceKind.ANCHOR
            else replace(r, line=r.line + offset)
            for r in clause.references
        )
        links = _file_links(clause, file.path, clause.span.start + offset)
        combined = replace(
            clause,
            index=index,
            section=home,
            span=_shifted(clause.span, offset),
            references=references + links,
            parent=None if clause.parent is None else indices.get(clause.parent),
        )
        self.clauses.append(combined)
        return combined


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


def is_mdx(path: str) -> bool:
    """Whether the file at ``path`` is read as MDX (by its suffix, as MDX tools do)."""
    return path.lower().endswith(".mdx")


def single_text(path: str, text: str) -> str:
    """The text of a spec that is one file as :func:`parse_single` numbers its lines."""
    if not is_mdx(path):
        return text
    from . import normalise_newlines

    return mdx_markdown(normalise_newlines(text))


def parse_single(path: str, text: str, parse: Callable[[str], Spec]) -> tuple[Spec, str]:
    """A spec that is one file: its parse and its text as the parser read it.

    An ``.mdx`` file is read as it is inside a spec of many files (its components become
    containers, its imports, exports and JSX comments are not content, inline JSX leaves
    its text) and its text is its Markdown, line for line (:func:`mdx_markdown`). Any other
    file is parsed as it is, at no extra cost.
    """
    if not is_mdx(path):
        return parse(text), text
    from . import normalise_newlines

    markdown, components = read_mdx_text(normalise_newlines(text))
    spec = parse(markdown)
    return (with_components(spec, components) if components else spec), markdown


def parse_documents(files: Sequence[tuple[str, str]], parse: Callable[[str], Spec]) -> Spec:
    """Parse ``(path, text)`` pairs, paths relative to the spec root, into one spec."""
    # One pause for the whole set: were the collector let run between files, each file
    # would walk every object the files before it allocated (a concatenated file is one
    # parse, one pause).
    with collector_paused():
        return combine([parse_file(path, text, parse) for path, text in files])
