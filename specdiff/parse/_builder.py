"""Walks markdown-it's block tokens once and builds the section tree and its clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.document import (
    ClauseKind,
    IdSource,
    ParseWarning,
    Spec,
    WarningCode,
)
from ._attrs import split_heading
from ._drafts import PROSE, ClauseDraft, SectionDraft, clause_text, finish_clause, finish_sections
from ._examples import example_title, looks_like_example
from ._normative import DEFAULT_VOCABULARY, Vocabulary
from ._refs import find_html_anchors
from ._text import ANCHORS_ONLY, drop_comments, fold, opens_as_note, slugify
from .statements import (
    Reading,
    actors,
    last_sentence,
    party_keys,
    read_clause,
    read_declaratives,
    settle,
)

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Lists nested deeper than this are kept whole, as the text of the item at this depth.
MAX_LIST_DEPTH = 40
_QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)*")
#: The sentence that hands the word to another author before a block quote: "As Gruber
#: writes:", "the original syntax description says:", "In the words of RFC 1123:".
_REPORTING_LEAD_IN = re.compile(
    r"(?:\b(?:writes|wrote|says|said|puts\s+it|notes|noted|observes|observed|remarks|"
    r"remarked|explains|explained)|\bin\s+the\s+words\s+of\b[^:]*|\bquoting\b[^:]*)\s*:$",
    re.IGNORECASE,
)
#: A lead-in that reports this spec's own words ("this section says:") hands over nothing.
_OWN_WORDS = re.compile(
    r"\b(?:this|the\s+following)\s+(?:spec|specification|document|section)\b", re.I
)
#: The attribution closing a quotation: a bare link on its own line ("(<https://...>)")
#: or a dash and a name ("— John Gruber").
_ATTRIBUTION = re.compile(r"^\s*(?:\(?<?https?://\S+?>?\)?|(?:—|―|--)\s*\w.*)\s*$")
_HEADING_ANCHOR = re.compile(r"<a\s[^<>]*>\s*</a>|<a\s[^<>]*/>", re.IGNORECASE)


@dataclass
class _List:
    ordered: bool
    start: int
    count: int = 0
    lead_in: str = ""
    """The sentence ending in a colon just before the list, which its items complete."""
    number: int = 0
    """Which list of the document this is (its items share it)."""


class SpecBuilder:
    """Turns a token stream into a :class:`Spec`; one instance per document."""

    def __init__(self, lines: list[str], vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> None:
        self.lines = lines
        self.vocabulary = vocabulary
        self.sections: list[SectionDraft] = [
            SectionDraft("", "", 0, 1, None, id_source=IdSource.ROOT)
        ]
        self.clauses: list[ClauseDraft] = []
        self.warnings: list[ParseWarning] = []
        self.lists: list[_List] = []
        self.list_count = 0
        self.items: list[tuple[int, int]] = []
        """Open list items: (clause index, token nesting level)."""
        self.heading_stack: list[int] = [0]
        self.pending_anchor: tuple[str, int] | None = None
        self.ids: set[str] = set()

    # -- the walk ----------------------------------------------------------------------
    def build(self, tokens: list[Token], front_matter: tuple[tuple[str, str], ...]) -> Spec:
        """The spec of a document parsed whole."""
        self.feed(tokens)
        return self.finish(front_matter)

    def feed(self, tokens: list[Token]) -> None:
        """Take the next piece of the document's tokens (their line maps absolute)."""
        i = 0
        count = len(tokens)
        while i < count:
            token = tokens[i]
            kind = token.type
            if kind == "heading_open" and not self.items:
                i = self._heading(tokens, i)
            elif kind == "paragraph_open":
                self._paragraph(tokens[i + 1], token)
                i += 3
                continue
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = token.attrGet("start")  # absent when 1; may be 0
                self.list_count += 1
                self.lists.append(
                    _List(
                        kind == "ordered_list_open",
                        1 if start is None else int(start),
                        lead_in=self._lead_in(token),
                        number=self.list_count,
                    )
                )
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                i = self._list_item(tokens, i)
            elif kind == "list_item_close":
                self.items.pop()
            elif kind in ("blockquote_open", "admonition_open"):
                i = self._container(tokens, i)
            elif kind == "table_open":
                i = self._table(tokens, i)
            elif kind in ("fence", "code_block"):
                self._code(token)
            elif kind == "html_block":
                self._html(token)
            elif kind == "inline" and token.map and self.items:
                # A heading inside a list item: its text belongs to the item.
                self._append_to_item(token.content, token.map)
            i += 1

    # -- sections ----------------------------------------------------------------------
    def _heading(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        assert token.map is not None
        line = token.map[0] + 1
        # A setext heading's title may span lines; titles are compared folded.
        heading = split_heading(fold(tokens[i + 1].content))
        level = int(token.tag[1:])
        if heading.error:
            self._warn(
                WarningCode.MALFORMED_ATTRIBUTES,
                line,
                f"malformed attribute block: {heading.error}",
            )
        block = heading.block
        html_anchors = find_html_anchors(heading.title)
        if block is not None and block.id:
            ident, source = block.id, IdSource.EXPLICIT
        elif html_anchors:
            ident, source = html_anchors[0], IdSource.HTML
        elif self.pending_anchor is not None and self.pending_anchor[1] >= line - 2:
            ident, source = self.pending_anchor[0], IdSource.HTML
            self._drop_anchor_clause(self.pending_anchor[1])
        else:
            ident, source = slugify(heading.title) or "section", IdSource.SLUG
        self.pending_anchor = None
        title = _HEADING_ANCHOR.sub("", heading.title).strip() if html_anchors else heading.title
        while self.sections[self.heading_stack[-1]].level >= level:
            self.heading_stack.pop()
        parent = self.heading_stack[-1]
        draft = SectionDraft(
            id=self._unique_id(ident, line, warn=source is not IdSource.SLUG),
            title=title,
            level=level,
            start=line,
            parent=parent,
            attributes=block.attributes if block else (),
            classes=block.classes if block else (),
            id_source=source,
        )
        self.sections.append(draft)
        self.sections[parent].children.append(len(self.sections) - 1)
        self.heading_stack.append(len(self.sections) - 1)
        return i + 2

    def _drop_anchor_clause(self, end: int) -> None:
        """An ``<a name>`` line that names the next heading is part of that heading.

        It is not kept as a clause of the section before (where an edit to the anchor
        would read as an edit to that section), unless it defines more than one id.
        """
        section = self.sections[-1]
        if not section.clauses or section.clauses[-1] != len(self.clauses) - 1:
            return
        last = self.clauses[-1]
        if last.kind not in (ClauseKind.PARAGRAPH, ClauseKind.HTML) or last.end != end:
            return
        source = "\n".join(last.parts)
        if ANCHORS_ONLY.match(source) and len(find_html_anchors(source)) == 1:
            section.clauses.pop()
            self.clauses.pop()

    def _unique_id(self, ident: str, line: int, *, warn: bool) -> str:
        """Repeated ids get ``-1``, ``-2`` ... as GitHub does for repeated titles.

        Repeated titles are normal (every object has its "Fixed Fields"); a repeated
        explicit or HTML id is an authoring mistake, so only that is warned about.
        """
        if ident not in self.ids:
            self.ids.add(ident)
            return ident
        suffix = 1
        while f"{ident}-{suffix}" in self.ids:
            suffix += 1
        unique = f"{ident}-{suffix}"
        if warn:
            self._warn(
                WarningCode.DUPLICATE_ID,
                line,
                f"duplicate section id {ident!r}; this one is {unique!r}",
            )
        self.ids.add(unique)
        return unique

    # -- clauses -----------------------------------------------------------------------
    def _new_clause(self, kind: ClauseKind, token_map: list[int], **extra: object) -> ClauseDraft:
        draft = ClauseDraft(
            kind=kind,
            section=len(self.sections) - 1,
            start=token_map[0] + 1,
            end=token_map[1],
            parent=self.items[-1][0] if self.items else None,
            depth=len(self.lists),
            **extra,  # type: ignore[arg-type]
        )
        self.sections[-1].clauses.append(len(self.clauses))
        self.clauses.append(draft)
        return draft

    def _paragraph(self, inline: Token, opening: Token) -> None:
        assert opening.map is not None
        content = inline.content
        if ANCHORS_ONLY.match(content) and (anchors := find_html_anchors(content)):
            self.pending_anchor = (anchors[0], opening.map[1])
        if self.items and opening.level == self.items[-1][1] + 1:
            self._append_to_item(content, opening.map)
            return
        self._new_clause(ClauseKind.PARAGRAPH, opening.map, parts=[content])

    def _append_to_item(self, content: str, token_map: list[int]) -> None:
        draft = self.clauses[self.items[-1][0]]
        draft.parts.append(content)
        draft.end = max(draft.end, token_map[1])

    def _list_item(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        assert token.map is not None
        current = self.lists[-1]
        number = current.start + current.count if current.ordered else None
        current.count += 1
        draft = self._new_clause(
            ClauseKind.LIST_ITEM,
            token.map,
            number=number,
            lead_in=current.lead_in,
            list_number=current.number,
        )
        draft.end = draft.start
        if len(self.lists) >= MAX_LIST_DEPTH:
            self._warn(
                WarningCode.NESTING_TOO_DEEP,
                draft.start,
                f"lists nested more than {MAX_LIST_DEPTH} deep; deeper levels kept as text of this item",
            )
            draft.parts.append(self._source(token.map[0], token.map[1]))
            draft.end = token.map[1]
            return _skip_to_close(tokens, i) + 1
        self.items.append((len(self.clauses) - 1, token.level))
        return i

    def _lead_in(self, opening: Token) -> str:
        """The sentence that introduces a list, when the text just before it ends in a
        colon: a paragraph right above it, or the text of the item it is nested in."""
        if not self.clauses or opening.map is None:
            return ""
        if self.items:
            enclosing = self.clauses[self.items[-1][0]]
            text = enclosing.parts[-1] if enclosing.parts else ""
        else:
            previous = self.clauses[-1]
            if (
                previous.kind is not ClauseKind.PARAGRAPH
                or previous.parent is not None
                or previous.section != len(self.sections) - 1
                or previous.end < opening.map[0] - 1
            ):
                return ""
            text = previous.parts[-1]
        text = fold(text)
        return last_sentence(text) if text.endswith(":") else ""

    def _container(self, tokens: list[Token], i: int) -> int:
        """Block quotes and admonitions are one clause each, taken from their source lines."""
        token = tokens[i]
        assert token.map is not None
        start, end = token.map
        # markdown-it counts the blank line after an admonition as part of it.
        while end > start + 1 and not self.lines[end - 1].strip():
            end -= 1
        span = [start, end]
        if token.type == "blockquote_open":
            # The first line may carry the markers of enclosing list items ("- > quote"):
            # everything up to its first ">" is container, not quote.
            first = self.lines[start]
            cut = first.find(">")
            lines = [first[max(cut, 0) :], *self.lines[start + 1 : end]]
            body = "\n".join(_QUOTE_MARKERS.sub("", line, count=1) for line in lines)
            quotation = self._hands_over(start) or _attributed(body)
            self._new_clause(ClauseKind.BLOCKQUOTE, span, parts=[body], quotation=quotation)
        else:
            info = f'{token.meta.get("tag", "")} "{token.content}"'.strip()
            body = self._source(start + 1, end)
            self._new_clause(ClauseKind.ADMONITION, span, parts=[token.content, body], info=info)
        return _skip_to_close(tokens, i)

    def _hands_over(self, start: int) -> bool:
        """Whether the paragraph right above a block quote (0-based line ``start``) hands
        the word to another author: its last sentence ends in a verb of saying and a colon."""
        if not self.clauses:
            return False
        previous = self.clauses[-1]
        if (
            previous.kind is not ClauseKind.PARAGRAPH
            or previous.section != len(self.sections) - 1
            or previous.end < start - 1
            or not previous.parts
        ):
            return False
        sentence = last_sentence(fold(previous.parts[-1]))
        return bool(_REPORTING_LEAD_IN.search(sentence)) and not _OWN_WORDS.search(sentence)

    def _table(self, tokens: list[Token], i: int) -> int:
        header: tuple[str, ...] = ()
        cells: list[str] = []
        row_map: list[int] | None = None
        in_head = False
        while True:
            token = tokens[i]
            kind = token.type
            if kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open":
                cells, row_map = [], token.map
            elif kind == "inline":
                # markdown-it unescapes "\|" inside a cell; escape it again, as the source
                # has it, so that the row's text still tells its cells apart.
                cells.append(token.content.replace("|", "\\|"))
            elif kind == "tr_close":
                if in_head:
                    header = tuple(fold(c) for c in cells)
                elif row_map is not None:
                    self._new_clause(
                        ClauseKind.TABLE_ROW, row_map, parts=[" | ".join(cells)], header=header
                    )
            elif kind == "table_close":
                return i
            i += 1

    def _code(self, token: Token) -> None:
        assert token.map is not None
        content = token.content
        info = token.info.strip()
        if token.type == "fence" and looks_like_example(content):
            title = self._take_example_title()
            draft = self._new_clause(ClauseKind.EXAMPLE, token.map, parts=[content], info=info)
            if title is not None:
                draft.title_source, draft.start = title.parts[0], title.start
            return
        self._new_clause(ClauseKind.CODE, token.map, parts=[content], info=info)

    def _take_example_title(self) -> ClauseDraft | None:
        """Remove and return an ``**Example**: title`` paragraph just before an example fence."""
        section = self.sections[-1]
        if not section.clauses or section.clauses[-1] != len(self.clauses) - 1:
            return None
        previous = self.clauses[-1]
        parent = self.items[-1][0] if self.items else None
        if (
            previous.kind is not ClauseKind.PARAGRAPH
            or previous.parent != parent
            or example_title(previous.parts[0]) is None
        ):
            return None
        section.clauses.pop()
        return self.clauses.pop()

    def _html(self, token: Token) -> None:
        assert token.map is not None
        content = token.content
        if ANCHORS_ONLY.match(content) and (anchors := find_html_anchors(content)):
            self.pending_anchor = (anchors[0], token.map[1])
        if content.lstrip().startswith("<!--") and not drop_comments(content).strip():
            # Notes to tools and editors (<!-- example-tester: skip -->): no reader sees them.
            return
        self._new_clause(ClauseKind.HTML, token.map, parts=[content])

    # -- finishing ---------------------------------------------------------------------
    def _source(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end])

    def _warn(self, code: WarningCode, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(code, line, message))

    def finish(self, front_matter: tuple[tuple[str, str], ...]) -> Spec:
        texts = [clause_text(draft) for draft in self.clauses]
        readings = [
            read_clause(
                text,
                self.vocabulary,
                lead_in=draft.lead_in,
                header=draft.header if draft.kind is ClauseKind.TABLE_ROW else (),
            )
            if draft.kind in PROSE
            else ()
            for draft, text in zip(self.clauses, texts, strict=True)
        ]
        for index, (draft, text) in enumerate(zip(self.clauses, texts, strict=True)):
            if readings[index] and (_a_note(draft, text) or draft.quotation):
                # A note states no rule, but one it writes in RFC 2119 capitals; nor does
                # another author quoted ("As Gruber writes: > ... should be publishable").
                readings[index] = tuple(r for r in readings[index] if r.statement.keyword.isupper())
        for item in _rules_list_items(self.clauses, readings):
            readings[item] = (*readings[item], *read_declaratives(texts[item], self.vocabulary))
        # Lower-case "may" and "can" bind a party: the configured ones, or an actor this
        # spec itself gives rules to ("Wren must ...").
        parties = actors(reading for found in readings for reading in found) | party_keys(
            self.vocabulary.parties
        )
        clauses = tuple(
            finish_clause(
                index,
                draft,
                self.sections[draft.section].id,
                text,
                settle(found, parties) if found else (),
            )
            for index, (draft, text, found) in enumerate(
                zip(self.clauses, texts, readings, strict=True)
            )
        )
        return Spec(
            sections=finish_sections(self.sections, len(self.lines)),
            clauses=clauses,
            front_matter=front_matter,
            warnings=tuple(self.warnings),
            line_count=len(self.lines),
        )


def _rules_list_items(drafts: list[ClauseDraft], readings: list[tuple[Reading, ...]]) -> list[int]:
    """The items of numbered lists of rules (lists of at least three items, two thirds of
    which state an RFC 2119 rule: SemVer's specification is one), and the clauses nested
    in them. What their other sentences state without a modal holds as their MUSTs do
    (:func:`read_declaratives`)."""
    lists: dict[int, list[int]] = {}
    for index, draft in enumerate(drafts):
        if draft.kind is ClauseKind.LIST_ITEM and draft.number is not None and draft.list_number:
            lists.setdefault(draft.list_number, []).append(index)
    found: set[int] = set()
    for items in lists.values():
        ruled = sum(1 for i in items if any(r.statement.keyword.isupper() for r in readings[i]))
        if len(items) >= _RULES_LIST_ITEMS and 3 * ruled >= 2 * len(items):
            found.update(items)
    # What an item of such a list holds (a nested list of sub-rules, a paragraph of its
    # own) is in it too: a rule split into sub-items is read as before.
    for index, draft in enumerate(drafts):
        if draft.parent in found and draft.kind in PROSE:
            found.add(index)
    return sorted(found)


_RULES_LIST_ITEMS = 3


def _a_note(draft: ClauseDraft, text: str) -> bool:
    """A "Note:" paragraph: commentary, whose lower-case modals state no rule."""
    return draft.kind is ClauseKind.PARAGRAPH and opens_as_note(text)


def _attributed(body: str) -> bool:
    """A block quote whose last line names its source: a quotation of another author."""
    lines = [line for line in body.splitlines() if line.strip()]
    return len(lines) > 1 and bool(_ATTRIBUTION.match(lines[-1]))


def _skip_to_close(tokens: list[Token], i: int) -> int:
    """The index of the token that closes the one opened at ``i``."""
    depth = 0
    while True:
        nesting = tokens[i].nesting
        depth += nesting
        if depth == 0 and nesting <= 0:
            return i
        i += 1
