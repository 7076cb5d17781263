"""The document model: a spec is a tree of sections holding clauses.

Everything here is a frozen value. The parser builds these objects from Markdown
text; the differ, classifier and renderers only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping


class ClauseKind(str, Enum):
    """The block-level unit a clause was read from."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    BLOCKQUOTE = "blockquote"
    ADMONITION = "admonition"
    CODE = "code"
    EXAMPLE = "example"
    HTML = "html"
    COMPONENT = "component"
    """An MDX component used as a block (``<Note>`` ... ``</Note>``, ``<Badge />``): its
    text is the opening tag, its content the clauses whose :attr:`Clause.parent` it is."""

    def __str__(self) -> str:
        return self.value


class Strength(IntEnum):
    """How binding a normative statement is, ordered so that ``MUST > SHOULD > MAY``."""

    MAY = 1
    SHOULD = 2
    MUST = 3

    def __str__(self) -> str:
        return self.name.lower()


class Verdict(str, Enum):
    """The label a worked example gives one candidate answer."""

    GOOD = "GOOD"
    BAD = "BAD"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where something sits in the source file."""

    start: int
    """First line, counted from 1."""
    end: int
    """Last line, inclusive."""

    def as_list(self) -> list[int]:
        return [self.start, self.end]


class Force(str, Enum):
    """What a rule does to its party's action (the "force" of the product brief)."""

    OBLIGATION = "obligation"
    """must, shall, is required to, always"""
    PROHIBITION = "prohibition"
    """must not, cannot, never, do not, is not allowed"""
    RECOMMENDATION = "recommendation"
    """should, RECOMMENDED"""
    DISCOURAGEMENT = "discouragement"
    """should not, NOT RECOMMENDED"""
    PERMISSION = "permission"
    """may, can, is allowed, OPTIONAL"""
    NONE = "none"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number a rule states, with its comparator and unit: ``at most 10 retries``."""

    comparator: str
    """``at most``, ``at least``, ``within``, ``exactly`` ... or '' for a bare number; a
    bound said in other words is kept as its class (``up to``, ``no more than`` and ``or
    fewer`` are ``at most``; ``no fewer than`` and ``or more`` are ``at least``). A range
    is ``between`` (``1-3``, ``one to three``), or ``at most`` when it starts at zero
    (``0-3`` is ``at most 3``)."""
    number: str
    """Its value: ``10``, ``1.2``, ``24``; a number word as digits (``three`` -> ``3``;
    ``once`` and ``twice`` as written); a range as ``low-high`` (``1-3``)."""
    unit: str
    """The word after the number (``retries``, ``hours``), or the name before a version
    number (``TLS`` in ``TLS 1.2``); may be ''."""
    text: str
    """The words as written, for quoting."""


@dataclass(frozen=True, slots=True)
class StatementDetails:
    """What a rule says beyond its force: the statement model of the product brief's
    "Reading rules" (who is bound, to do what, under which conditions and exceptions,
    with which numbers)."""

    party: str = ""
    """Who is bound, folded to lower case without articles (``assistant``, ``server``);
    '' when the sentence does not say (an imperative, a passive)."""
    action: str = ""
    """What the party must (not) do: the verb phrase and its object, in plain lower-case
    words, without the conditions and exceptions."""
    restricted: bool = False
    """Narrowed by ``only``, ``solely`` or ``exclusively`` ("may only ...")."""
    conditions: tuple[str, ...] = ()
    """``if ...``, ``when ...``, ``provided that ...`` phrases, in plain lower-case words."""
    exceptions: tuple[str, ...] = ()
    """``unless ...``, ``except ...`` phrases, in plain lower-case words."""
    quantifiers: tuple[str, ...] = ()
    """``all``, ``any``, ``each``, ``every``, ``no`` ... as they appear in the rule."""
    quantities: tuple[Quantity, ...] = ()
    """Numbers with their comparators and units."""


_NO_DETAILS = StatementDetails()


@dataclass(frozen=True, slots=True)
class NormativeStatement:
    """One rule read from a sentence, a list item under its lead-in, or a table cell.

    Its :class:`StatementDetails` are read from the sentence on first use (by
    ``reader``, which the parser supplies): only the rules of edited clauses are ever
    read in full, so parsing stays fast.
    """

    keyword: str
    """The words as written, e.g. ``"MUST NOT"`` or ``"is not allowed"``."""
    strength: Strength
    """How binding the statement is."""
    negative: bool
    """True for prohibitions (must not, never, do not, is not allowed)."""
    sentence: str
    """The whole sentence, whitespace-normalised, that carries the keyword (for a list
    item: its lead-in and the item; for a table cell: the row and the column)."""
    reader: Callable[[], StatementDetails] | None = field(default=None, compare=False, repr=False)
    _details: list[StatementDetails] = field(
        default_factory=list, init=False, compare=False, repr=False
    )

    @property
    def details(self) -> StatementDetails:
        if not self._details:
            self._details.append(self.reader() if self.reader is not None else _NO_DETAILS)
        return self._details[0]

    @property
    def party(self) -> str:
        return self.details.party

    @property
    def action(self) -> str:
        return self.details.action

    @property
    def restricted(self) -> bool:
        return self.details.restricted

    @property
    def conditions(self) -> tuple[str, ...]:
        return self.details.conditions

    @property
    def exceptions(self) -> tuple[str, ...]:
        return self.details.exceptions

    @property
    def quantifiers(self) -> tuple[str, ...]:
        return self.details.quantifiers

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return self.details.quantities

    @property
    def force(self) -> str:
        """A short human label such as ``"must not"`` or ``"should"``."""
        return f"{self.strength}{' not' if self.negative else ''}"

    @property
    def kind(self) -> Force:
        """The force as the brief names it: obligation, prohibition, permission ..."""
        if self.strength is Strength.SHOULD:
            return Force.DISCOURAGEMENT if self.negative else Force.RECOMMENDATION
        if self.negative:
            return Force.PROHIBITION
        return Force.OBLIGATION if self.strength is Strength.MUST else Force.PERMISSION


class ReferenceKind(str, Enum):
    """What a reference points at."""

    ANCHOR = "anchor"
    """A link to ``#id`` in the same document."""
    FOOTNOTE = "footnote"
    """A footnote label such as ``[^abcd]`` (in model specs: an evaluation prompt)."""
    DEFINITION = "definition"
    """A term this clause defines, e.g. CommonMark's ``[term](@id)``."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Reference:
    """A link, footnote or term definition found in a clause."""

    kind: ReferenceKind
    target: str
    """The anchor id, footnote label or defined term."""
    line: int
    """The line it was found on."""


@dataclass(frozen=True, slots=True)
class Message:
    """One turn of a worked example's conversation."""

    role: str
    """``user``, ``assistant``, ``developer``, ``system``, ``tool`` ..."""
    text: str
    """The turn's text, whitespace-normalised."""
    verdict: Verdict | None = None
    """GOOD or BAD for a labelled candidate answer, else None."""
    reason: str = ""
    """The label's explanation, e.g. ``"ignores the developer"``."""


@dataclass(frozen=True, slots=True)
class Example:
    """A worked conversation with candidate answers labelled GOOD or BAD."""

    title: str
    """The ``**Example**: ...`` line before the fence, without the marker; may be empty."""
    messages: tuple[Message, ...]

    @property
    def answers(self) -> tuple[Message, ...]:
        """The candidate answers that carry a verdict."""
        return tuple(m for m in self.messages if m.verdict is not None)


@dataclass(frozen=True, slots=True)
class Clause:
    """A block-level unit of a spec: the smallest thing a change is reported on."""

    index: int
    """Position in :attr:`Spec.clauses` (document order)."""
    kind: ClauseKind
    section: str
    """The id of the section that holds the clause ('' for text before the first heading)."""
    text: str
    """The clause's own text, normalised for comparison (Markdown kept, whitespace folded)."""
    span: SourceSpan
    fingerprint: str
    """A short hash of :attr:`text`: equal texts have equal fingerprints."""
    statements: tuple[NormativeStatement, ...] = ()
    references: tuple[Reference, ...] = ()
    anchors: tuple[str, ...] = ()
    """Ids this clause defines as link targets (``<a name>``, ``<a id>``, ``[term](@id)``)."""
    parent: int | None = None
    """For a nested list item or a block inside a list item: the index of the enclosing
    item; for a block inside an MDX component: the index of the component's clause."""
    depth: int = 0
    """List nesting depth (0 outside lists)."""
    number: int | None = None
    """For an item of an ordered list: its number as rendered."""
    header: tuple[str, ...] = ()
    """For a table row: the header cells, so the row reads on its own."""
    info: str = ""
    """Code fence info string, the admonition's ``kind "title"``, or the component's name."""
    example: Example | None = None
    """The parsed conversation, for kind EXAMPLE."""

    @property
    def is_normative(self) -> bool:
        return bool(self.statements)

    @property
    def footnotes(self) -> tuple[str, ...]:
        return tuple(r.target for r in self.references if r.kind is ReferenceKind.FOOTNOTE)

    @property
    def links(self) -> tuple[str, ...]:
        return tuple(r.target for r in self.references if r.kind is ReferenceKind.ANCHOR)


class IdSource(str, Enum):
    """Where a section's id came from."""

    EXPLICIT = "explicit"
    """A ``{#id}`` attribute block on the heading."""
    HTML = "html"
    """An ``<a name="id">`` anchor in or just before the heading."""
    SLUG = "slug"
    """A GitHub-style slug of the title."""
    ROOT = "root"
    """The implicit section holding text before the first heading."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it up to the next heading of any level."""

    id: str
    title: str
    """The heading text without its attribute block, Markdown kept."""
    level: int
    """1 to 6 for headings; 0 for the root section."""
    span: SourceSpan
    """From the heading to the line before the next heading."""
    parent: str | None
    """Id of the enclosing section; None only for the root section."""
    attributes: tuple[tuple[str, str], ...] = ()
    """``key=value`` pairs from the heading's attribute block, in source order."""
    classes: tuple[str, ...] = ()
    """``.class`` names from the attribute block."""
    id_source: IdSource = IdSource.SLUG
    clauses: tuple[int, ...] = ()
    """Indices into :attr:`Spec.clauses` of the clauses directly under this heading."""
    children: tuple[str, ...] = ()
    """Ids of the sub-sections, in document order."""

    @property
    def attribute_map(self) -> Mapping[str, str]:
        return MappingProxyType(dict(self.attributes))

    def attribute(self, key: str) -> str | None:
        for name, value in self.attributes:
            if name == key:
                return value
        return None


class WarningCode(str, Enum):
    """Problems the parser recovers from and reports."""

    DUPLICATE_ID = "duplicate-id"
    MALFORMED_ATTRIBUTES = "malformed-attributes"
    NESTING_TOO_DEEP = "nesting-too-deep"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something odd but recoverable the parser met."""

    code: WarningCode
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class DocumentPart:
    """One file of a spec made of many files, as it sits inside the combined :class:`Spec`.

    The combined spec numbers lines as if its documents were laid end to end, in reading
    order; ``offset`` turns such a line back into the document's own line.
    """

    path: str
    """The file's path relative to the spec root, with ``/`` separators."""
    title: str
    """What names the document: its first heading, else its front-matter title, else the path."""
    offset: int
    """Lines before this document in the combined spec (its first line is ``offset + 1``)."""
    line_count: int
    blob: str = ""
    """A content hash of the file's text, so that unchanged documents are recognised."""
    anchors: tuple[tuple[str, str], ...] = ()
    """``(anchor as written in the file, id in the combined spec)`` for every link target."""
    included_by: str | None = None
    """The document whose include heading placed this one, if any."""
    pieces: tuple[tuple[int, int, int], ...] = ()
    """For a document laid in more than one piece (the text after an include heading comes
    after the included file, where the reader sees it): each piece as ``(offset in the
    combined spec, first line of the file in it, line count)``, in order. Empty when the
    document is one piece starting at :attr:`offset`."""

    @property
    def last_line(self) -> int:
        """The last line of the combined spec this document holds."""
        if self.pieces:
            offset, _, count = self.pieces[-1]
            return offset + count
        return self.offset + self.line_count

    def holds(self, line: int) -> bool:
        if self.pieces:
            return any(offset < line <= offset + count for offset, _, count in self.pieces)
        return self.offset < line <= self.offset + self.line_count

    def local(self, line: int) -> int:
        """The document's own line for a line of the combined spec that it holds."""
        for offset, first, count in self.pieces:
            if offset < line <= offset + count:
                return line - offset + first - 1
        return line - self.offset

    def local_span(self, first: int, last: int) -> tuple[int, int]:
        """Lines ``first`` .. ``last`` of the combined spec as the document's own lines; a
        span running on into a later piece (a section the reader meets text of after an
        include) ends with the piece it starts in."""
        for offset, start, count in self.pieces:
            if offset < first <= offset + count:
                return (first - offset + start - 1, min(last, offset + count) - offset + start - 1)
        return (first - self.offset, last - self.offset)

    def ranges(self) -> tuple[tuple[int, int], ...]:
        """The combined spec's lines this document holds: ``(first, last)`` of each piece."""
        if self.pieces:
            return tuple((offset + 1, offset + count) for offset, _, count in self.pieces)
        return ((self.offset + 1, self.offset + self.line_count),)


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed specification."""

    sections: tuple[Section, ...]
    """All sections in document order; the first is the root (level 0, id '')."""
    clauses: tuple[Clause, ...]
    """All clauses in document order."""
    front_matter: tuple[tuple[str, str], ...] = ()
    """Top-level ``key: value`` pairs of a YAML front-matter block, values unparsed."""
    front_matter_source: str = ""
    """The front-matter block's YAML as written, without its ``---`` fences."""
    warnings: tuple[ParseWarning, ...] = ()
    line_count: int = 0
    documents: tuple[DocumentPart, ...] = ()
    """For a spec made of many files: its documents in reading order (empty for one file)."""
    _by_id: Mapping[str, Section] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.sections})

    @property
    def root(self) -> Section:
        return self.sections[0]

    @property
    def anchors(self) -> frozenset[str]:
        """Every id a ``#link`` in this spec may point at."""
        ids = {s.id for s in self.sections if s.level}
        for clause in self.clauses:
            ids.update(clause.anchors)
        for document in self.documents:
            # Links between files read "other.md#anchor" (or just "other.md").
            ids.add(document.path)
            ids.update(f"{document.path}#{anchor}" for anchor, _ in document.anchors)
        return frozenset(ids)

    def document_pieces(self) -> tuple[list[int], list[DocumentPart]]:
        """The first line of every piece of every document, in line order, with the
        document it belongs to: ``bisect_right(starts, line) - 1`` finds a line's document
        (a document lies in more than one piece when text follows an include heading)."""
        pieces = sorted(
            ((first, last, n) for n, d in enumerate(self.documents) for first, last in d.ranges()),
        )
        return [first for first, _, _ in pieces], [self.documents[n] for _, _, n in pieces]

    def document_at(self, line: int) -> DocumentPart | None:
        """The document holding this line of the combined spec (None for a one-file spec)."""
        for document in self.documents:
            if document.holds(line):
                return document
        return None

    def section(self, section_id: str) -> Section:
        """The section with this id; raises KeyError when there is none."""
        return self._by_id[section_id]

    def get_section(self, section_id: str) -> Section | None:
        return self._by_id.get(section_id)

    def clauses_of(self, section_id: str) -> tuple[Clause, ...]:
        return tuple(self.clauses[i] for i in self._by_id[section_id].clauses)

    def subtree(self, section_id: str) -> Iterator[Section]:
        """The section and all its descendants, in document order."""
        stack = [section_id]
        while stack:
            section = self._by_id[stack.pop()]
            yield section
            stack.extend(reversed(section.children))

    def path(self, section_id: str) -> tuple[Section, ...]:
        """The chain of sections from the top-level heading down to this one."""
        chain: list[Section] = []
        current: str | None = section_id
        while current:
            section = self._by_id[current]
            chain.append(section)
            current = section.parent
        return tuple(reversed(chain))
