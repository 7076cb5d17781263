"""Clauses and sections while the walk collects them, and the model objects they become."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.document import Clause, ClauseKind, IdSource, Section, SourceSpan, Verdict
from ._examples import example_title, fence_verdict, parse_example
from ._refs import defined_anchors, find_references
from ._text import fingerprint, fold, fold_lines

if TYPE_CHECKING:
    from ..model.document import NormativeStatement

#: Clause kinds whose sentences can carry obligations.
PROSE = frozenset(
    {
        ClauseKind.PARAGRAPH,
        ClauseKind.LIST_ITEM,
        ClauseKind.TABLE_ROW,
        ClauseKind.BLOCKQUOTE,
        ClauseKind.ADMONITION,
    }
)


@dataclass
class ClauseDraft:
    """A clause being collected: its kind, where it starts and the source parts seen so far."""

    kind: ClauseKind
    section: int
    start: int
    end: int
    parts: list[str] = field(default_factory=list)
    parent: int | None = None
    depth: int = 0
    number: int | None = None
    header: tuple[str, ...] = ()
    info: str = ""
    title_source: str = ""
    lead_in: str = ""
    """For a list item: the sentence ending in a colon that introduces its list."""
    list_number: int = 0
    """For a list item: which list of the document it belongs to (0: none)."""
    quotation: bool = False
    """For a block quote: it quotes another author ("As Gruber writes:"), so its
    lower-case modals are that author's, not rules of this spec."""


@dataclass
class SectionDraft:
    """A section being collected; ``parent`` and ``children`` are indices of drafts."""

    id: str
    title: str
    level: int
    start: int
    parent: int | None
    attributes: tuple[tuple[str, str], ...] = ()
    classes: tuple[str, ...] = ()
    id_source: IdSource = IdSource.SLUG
    clauses: list[int] = field(default_factory=list)
    children: list[int] = field(default_factory=list)


def finish_sections(drafts: list[SectionDraft], line_count: int) -> tuple[Section, ...]:
    """The sections, each spanning from its heading to the line before the next one."""
    ends = [draft.start - 1 for draft in drafts[1:]] + [line_count]
    return tuple(
        Section(
            id=draft.id,
            title=draft.title,
            level=draft.level,
            span=SourceSpan(draft.start, max(draft.start, end)),
            parent=None if draft.parent is None else drafts[draft.parent].id,
            attributes=draft.attributes,
            classes=draft.classes,
            id_source=draft.id_source,
            clauses=tuple(draft.clauses),
            children=tuple(drafts[c].id for c in draft.children),
        )
        for draft, end in zip(drafts, ends, strict=True)
    )


def clause_text(draft: ClauseDraft) -> str:
    """A clause's text normalised for comparison (code keeps its lines)."""
    source = "\n".join(draft.parts)
    if draft.kind is ClauseKind.CODE:
        return fold_lines(source)
    if draft.kind is ClauseKind.EXAMPLE:
        return fold(f"{draft.title_source}\n{source}")
    return fold(source)


def finish_clause(
    index: int,
    draft: ClauseDraft,
    section_id: str,
    text: str,
    statements: tuple[NormativeStatement, ...],
) -> Clause:
    """A clause with its normalised text, fingerprint, statements and references."""
    kind = draft.kind
    source = "\n".join(draft.parts)
    full_source = f"{draft.title_source}\n{source}" if draft.title_source else source
    references = find_references(full_source, draft.start) if kind is not ClauseKind.CODE else ()
    example = None
    if kind is ClauseKind.EXAMPLE:
        example = parse_example(source, example_title(draft.title_source) or "")
    # The same code shown as a counter-example instead of an example (or the reverse) is
    # another clause: it teaches the opposite; the older "!graphql" and the newer
    # "graphql counter-example" notations keep one fingerprint.
    counter = kind is ClauseKind.CODE and fence_verdict(draft.info) is Verdict.BAD
    return Clause(
        index=index,
        kind=kind,
        section=section_id,
        text=text,
        span=SourceSpan(draft.start, max(draft.start, draft.end)),
        fingerprint=fingerprint(f"{text}\n\x00counter-example" if counter else text),
        statements=statements,
        references=references,
        anchors=defined_anchors(full_source, references) if kind is not ClauseKind.CODE else (),
        parent=draft.parent,
        depth=draft.depth,
        number=draft.number,
        header=draft.header,
        info=draft.info,
        example=example,
    )
