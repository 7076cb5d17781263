"""From an alignment to change records: what happened to each section and clause.

Severity and reason are left for :mod:`specdiff.policy`; this module only says what
changed and tags it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, TypedDict

from ..model.changes import DraftChange, Side, StatementChange, VerdictChange
from ..model.document import Clause, ClauseKind, IdSource, Section, Spec
from ..model.vocabulary import ChangeKind, Scope
from ..parse import plain_text
from ..parse.statements import exception_stated, singular, words_of
from . import Classification, classify_edit, content_tags, is_caption
from ._data import front_matter_details, row_presence, structured_details
from ._definitions import defined_terms
from ._headers import Table, column_details, header_tags, paired_tables, tables_of
from ._lead_ins import read_under_lead_in
from ._neighbours import read_neighbours
from ._placeholders import algorithm_renames, has_variables, renamed_in, with_variables
from ._restated import anchored_clauses, rules_at, stated_where_linked, without_restated
from ._said_twice import KeptRules, stated_elsewhere
from ._statements import in_capitals
from ._terms import Terms

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..align import Alignment
    from ..config import Config


#: The readings of an edited clause that say it states what it did.
_READS_AS_BEFORE = (("editorial",), ("wording",))

#: The attribute that says who may override a section's rules.
AUTHORITY = "authority"


def build_changes(old: Spec, new: Spec, alignment: Alignment, config: Config) -> list[DraftChange]:
    """Every section and clause change between ``old`` and ``new``, untriaged."""
    return _Differ(old, new, alignment, config).run()


def change_id(*parts: object) -> str:
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=5)
    return digest.hexdigest()


def clause_side(clause: Clause) -> Side:
    return Side(
        text=clause.text,
        lines=(clause.span.start, clause.span.end),
        type=str(clause.kind),
        title=clause.example.title if clause.example else "",
        footnotes=clause.footnotes,
        anchors=clause.links,
    )


def effective_attributes(spec: Spec, section_id: str) -> dict[str, str]:
    """A section's attributes, including those it inherits from its ancestors."""
    merged: dict[str, str] = {}
    for section in spec.path(section_id):
        merged.update(section.attributes)
    return merged


#: The fewest characters of a piece of text split off a clause that is read as such (see
#: :meth:`_Differ._without_split_off`).
_SPLIT_OFF_MIN = 20


class _Differ:
    def __init__(self, old: Spec, new: Spec, alignment: Alignment, config: Config) -> None:
        self.old = old
        self.new = new
        self.alignment = alignment
        self.config = config
        self.section_map = alignment.section_map()
        self.changes: list[DraftChange] = []
        self.removed = set(alignment.removed_sections)
        self.added = set(alignment.added_sections)
        self._old_unpaired = set(alignment.removed_clauses)
        self._new_unpaired = set(alignment.added_clauses)
        self.old_anchors = old.anchors
        self.new_anchors = new.anchors
        self._labels: dict[bool, dict[str, str]] = {}
        self.terms = Terms(
            lambda: _uses(old), lambda: _uses(new), lambda: _listed(old), lambda: _listed(new)
        )
        self._algorithm_renames: dict[tuple[str, str], dict[str, str]] = {}
        self._rules_at: dict[tuple[str, bool], list[str]] = {}
        self._anchored: dict[bool, dict[str, list[int]]] = {}

    def _label(self, section_id: str, *, new: bool) -> str:
        """How a reason names a section: its title, qualified by its parent's if shared."""
        if new not in self._labels:
            self._labels[new] = qualified_titles(self.new if new else self.old)
        spec = self.new if new else self.old
        section = spec.get_section(section_id)
        if section is None or not section.level:
            return "the top of the document"
        return plain_text(self._labels[new].get(section_id, section.title))

    def run(self) -> list[DraftChange]:
        self._paired_sections()
        self._lost_and_found_sections()
        self._front_matter()
        self._clauses()
        return self.changes

    # -- front matter ------------------------------------------------------------------
    def _front_matter(self) -> None:
        """The YAML front matter, compared path by path: metadata, not rules."""
        before, after = self.old.front_matter_source, self.new.front_matter_source
        if before == after:
            return
        details = front_matter_details(before, after)
        if before and after and not details:
            tags: tuple[str, ...] = ("editorial",)
        else:
            tags = ("wording",)
        kind = ChangeKind.MODIFIED
        if not before or not after:
            kind = ChangeKind.ADDED if after else ChangeKind.REMOVED
        old_side = _front_matter_side(before) if before else None
        new_side = _front_matter_side(after) if after else None
        self._emit(
            DraftChange(
                id=change_id("front_matter", kind, before, after),
                scope=Scope.CLAUSE,
                kind=kind,
                section="" if new_side else None,
                old_section="" if old_side else None,
                tags=tags,
                old=old_side,
                new=new_side,
                details=details,
            )
        )

    def _emit(self, change: DraftChange) -> None:
        self.changes.append(change)

    # -- sections ----------------------------------------------------------------------
    def _paired_sections(self) -> None:
        for pair in self.alignment.sections:
            if not pair.old:
                continue
            before, after = self.old.section(pair.old), self.new.section(pair.new)
            if before.title.strip() != after.title.strip():
                if names_a_thing(before.title) and names_a_thing(after.title):
                    tags: tuple[str, ...] = ("identifier.renamed",)
                elif _same_words(before.title, after.title):
                    tags = ("editorial",)
                else:
                    tags = ()
                self._section_facet(ChangeKind.RENAMED, before, after, tags)
            if before.id != after.id and not (
                _derived_ids(before, after) and not _same_words(before.title, after.title)
            ):
                self._section_facet(ChangeKind.REIDENTIFIED, before, after)
            if self._parent_changed(before, after):
                self._section_facet(ChangeKind.MOVED, before, after)
            elif self._carried_by_parent(before, after):
                self._section_facet(ChangeKind.MOVED, before, after, ("moved.with_parent",))
            elif pair.old in self.alignment.reordered:
                self._section_facet(ChangeKind.MOVED, before, after, ("moved.among_siblings",))
            attributes = _attribute_changes(before, after)
            if attributes:
                tags = self._attribute_tags(attributes)
                self._section_facet(ChangeKind.ATTRIBUTES, before, after, tags, attributes)

    def _section_facet(
        self,
        kind: ChangeKind,
        before: Section,
        after: Section,
        tags: tuple[str, ...] = (),
        attributes: tuple[tuple[str, str | None, str | None], ...] = (),
    ) -> None:
        """One facet (title, id, parent, attributes) of a section found on both sides."""
        self._emit(
            DraftChange(
                id=change_id("section", kind, before.id, after.id, attributes),
                scope=Scope.SECTION,
                kind=kind,
                section=after.id,
                old_section=before.id,
                tags=tags,
                old=_heading_side(before),
                new=_heading_side(after),
                attributes=attributes,
            )
        )

    def _parent_changed(self, before: Section, after: Section) -> bool:
        if before.parent is None or after.parent is None:
            return False
        return self.section_map.get(before.parent) != after.parent

    def _carried_by_parent(self, before: Section, after: Section) -> bool:
        """Whether the section kept its parent but the parent moved: its path in the
        outline changed ("Specification › Schema › Info Object" → "Objects and Fields ›
        Info Object"), so readers find it elsewhere. Only the sections directly under a
        moved one are reported: deeper ones follow their reported parents."""
        if not before.parent or not after.parent:
            return False
        return self._parent_changed(self.old.section(before.parent), self.new.section(after.parent))

    def _attribute_tags(
        self, attributes: tuple[tuple[str, str | None, str | None], ...]
    ) -> tuple[str, ...]:
        tags = []
        for name, old_value, new_value in attributes:
            rule = self.config.attribute_rule(name)
            old_rank = rule.rank(old_value) if rule and old_value else None
            new_rank = rule.rank(new_value) if rule and new_value else None
            if old_rank is None or new_rank is None:
                # Authority says who may override a rule: moving it between levels is
                # a change of meaning even where no order of levels is configured.
                both = old_value is not None and new_value is not None
                authority = name == AUTHORITY and both
                tags.append("attribute.authority_changed" if authority else "attribute.changed")
            else:
                tags.append("attribute.raised" if new_rank > old_rank else "attribute.lowered")
        return tuple(dict.fromkeys(tags))

    def _lost_and_found_sections(self) -> None:
        for section_id in self.alignment.removed_sections:
            section = self.old.section(section_id)
            gone = [c for c in self.old.clauses_of(section_id) if c.index in self._old_unpaired]
            below = self._gone_with(self.old, section, self.removed)
            inner = [
                c for s in below for c in self.old.clauses_of(s.id) if c.index in self._old_unpaired
            ]
            self._section_record(
                ChangeKind.REMOVED, section, gone, removed=True, inner=(inner, len(below))
            )
        for section_id in self.alignment.added_sections:
            section = self.new.section(section_id)
            fresh = [c for c in self.new.clauses_of(section_id) if c.index in self._new_unpaired]
            below = self._gone_with(self.new, section, self.added)
            inner = [
                c for s in below for c in self.new.clauses_of(s.id) if c.index in self._new_unpaired
            ]
            self._section_record(
                ChangeKind.ADDED, section, fresh, removed=False, inner=(inner, len(below))
            )
        for old_id, new_id in self.alignment.merged:
            self._structure_record(
                ChangeKind.MERGED,
                self.old.section(old_id),
                self.new.section(new_id),
                self._merged_anchor(self.old.section(old_id)),
            )
        for new_id, old_id in self.alignment.split:
            self._structure_record(
                ChangeKind.SPLIT, self.old.section(old_id), self.new.section(new_id)
            )

    @staticmethod
    def _gone_with(spec: Spec, section: Section, unpaired: set[str]) -> list[Section]:
        """The descendants of ``section`` that went (came) with it: those unpaired
        themselves and reached only through unpaired sections. A sub-section that moved
        elsewhere is paired, and neither it nor what lies under it counts."""
        found: list[Section] = []
        stack = [c for c in reversed(section.children) if c in unpaired]
        while stack:
            child = spec.section(stack.pop())
            found.append(child)
            stack.extend(c for c in reversed(child.children) if c in unpaired)
        return found

    def _section_record(
        self,
        kind: ChangeKind,
        section: Section,
        clauses: list[Clause],
        *,
        removed: bool,
        inner: tuple[list[Clause], int] = ([], 0),
    ) -> None:
        """The record of a section removed (added) as a whole. Its own clauses make its
        text; its tags also cover the clauses of the sub-sections that went (came) with
        it, so that a chapter whose rules sit in its sub-sections is not read as holding
        none (each sub-section keeps its own record too)."""
        below, subsections = inner
        read = [self._content_tags(c, removed) for c in [*clauses, *below]]
        tags = tuple(dict.fromkeys(t for found in read for t in found))
        if any(found != ("restated",) for found in read):
            # Other text went (came) with it: that, not the rules said elsewhere, is the news.
            tags = tuple(t for t in tags if t != "restated")
        tags = tuple(t for t in tags if t != "commentary")
        # A table's header row goes with it: the text says every line that went or came.
        headers = {
            t.rows[0]: t.text for t in (self._new_tables if not removed else self._old_tables)
        }
        texts = [f"{headers[c.index]}\n{c.text}" if c.index in headers else c.text for c in clauses]
        body = "\n\n".join([plain_heading(section), *texts])
        side = Side(body, (section.span.start, section.span.end), "section", title=section.title)
        self._emit(
            DraftChange(
                id=change_id("section", kind, section.id, *(c.fingerprint for c in clauses)),
                scope=Scope.SECTION,
                kind=kind,
                tags=tags,
                subsections=subsections,
                **_one_side(section.id, side, added=not removed),
            )
        )

    def _content_tags(self, clause: Clause, removed: bool) -> tuple[str, ...]:
        """:func:`content_tags`, but a clause gone whose rules the new version states
        where it linked to removes none, and a clause come whose rules the old version
        stated where it links to adds none (see :mod:`._restated`)."""
        if stated_where_linked(clause, self._rules_linked, new=removed):
            return ("restated",)
        return content_tags(clause, added=not removed)

    def _merged_anchor(self, before: Section) -> tuple[str, ...]:
        """What becomes of the anchor of a section merged into another. Links to an anchor
        the author chose (``{#id}``, ``<a name>``) break, which the kind's default says; an
        anchor derived from a title in words goes with the title, as when a title is
        renamed (a link the new text still makes to it is reported on that link); an
        anchor the new version still defines breaks nothing."""
        if before.id in self.new_anchors:
            return ("anchor.kept",)
        if before.id_source is IdSource.SLUG and not names_a_thing(before.title):
            # A title that names a field readers write ("payload") makes its anchor the
            # field's address, which renaming it breaks too: that one stays a break.
            return ("anchor.from_title",)
        return ()

    def _structure_record(
        self, kind: ChangeKind, before: Section, after: Section, tags: tuple[str, ...] = ()
    ) -> None:
        self._emit(
            DraftChange(
                id=change_id("section", kind, before.id, after.id),
                scope=Scope.SECTION,
                kind=kind,
                section=after.id,
                old_section=before.id,
                tags=tags,
                old=_heading_side(before),
                new=_heading_side(after),
            )
        )

    # -- clauses -----------------------------------------------------------------------
    def _clauses(self) -> None:
        self.neighbours = read_neighbours(self.old, self.new, self.alignment, self.terms)
        recorded: set[int] = set()
        for pair in self.alignment.clauses:
            before, after = self.old.clauses[pair.old], self.new.clauses[pair.new]
            change = self._paired_clause(before, after, pair.old in self.alignment.moved_in_place)
            if change is not None:
                self._emit(change)
                recorded.add(after.index)
        for index in self.alignment.removed_clauses:
            clause = self.old.clauses[index]
            if clause.section not in self.removed:
                self._emit(self._lone_clause(clause, added=False))
        for index in self.alignment.added_clauses:
            clause = self.new.clauses[index]
            if clause.section not in self.added:
                self._emit(self._lone_clause(clause, added=True))
                recorded.add(index)
        self._table_headers()
        self._newly_broken_links(recorded)

    def _paired_clause(self, before: Clause, after: Clause, reordered: bool) -> DraftChange | None:
        across = self.section_map.get(before.section) != after.section
        edited = before.fingerprint != after.fingerprint
        if not (across or reordered or edited):
            return None
        tags: list[str] = []
        statements: tuple[StatementChange, ...] = ()
        verdicts: tuple[VerdictChange, ...] = ()
        found = None
        if across:
            tags.append("moved.across_sections")
            if effective_attributes(self.old, before.section) != effective_attributes(
                self.new, after.section
            ):
                tags.append("moved.attributes_differ")
        elif reordered:
            tags.append("moved.within_section")
        if edited:
            found = self._edit(before, after)
            statements, verdicts = found.statements, found.verdicts
            if across or reordered:
                tags.append("modified")
            tags.extend(found.tags)
        kind = ChangeKind.MOVED if (across or reordered) else ChangeKind.MODIFIED
        details = structured_details(before, after) if edited else ()
        if found is not None and found.details:
            details = (*details, *found.details)
        return DraftChange(
            id=change_id(
                "clause", kind, before.section, after.section, before.fingerprint, after.fingerprint
            ),
            scope=Scope.CLAUSE,
            kind=kind,
            section=after.section,
            old_section=before.section,
            tags=tuple(dict.fromkeys(tags)),
            old=clause_side(before),
            new=clause_side(after),
            statements=statements,
            verdicts=verdicts,
            details=details,
        )

    def _topic(self, before: Clause, after: Clause) -> frozenset[str]:
        """The words of the headings a clause stands under, on either side: its section's
        title and its parent's."""
        titles = [
            section.title
            for spec, clause in ((self.old, before), (self.new, after))
            if clause.section
            for section in spec.path(clause.section)[-2:]
        ]
        return frozenset(words_of(" ".join(titles)).split())

    def _edit(self, before: Clause, after: Clause) -> Classification:
        """What the edit of a paired clause amounts to, its rules read together with its
        neighbours' where they moved between clauses. A step that uses variables its
        algorithm renamed is read with the new names (see :mod:`._placeholders`). A rule
        restated (said where the new text links to, a field row's leave said in words) is
        no change to it (see :mod:`._restated`)."""
        found = without_restated(self._read_edit(before, after), before, after, self._rules_linked)
        if found.tags in _READS_AS_BEFORE:
            return found
        renamed = self._variables_renamed(before, after)
        if not renamed:
            return found
        followed = replace(before, text=with_variables(before.text, dict(renamed)))
        shown = "; ".join(f"“{{{a}}}” → “{{{b}}}”" for a, b in renamed)
        detail = f"{shown}, the algorithm's variable renamed where it is bound"
        if followed.text == after.text:
            return Classification(("wording",), details=(detail,))
        with_names = self._read_edit(followed, after)
        if with_names.tags in _READS_AS_BEFORE:
            # The rename is no editor's change of form; the step computes what it did.
            return Classification(("wording",), details=(*with_names.details, detail))
        return found

    def _rules_linked(self, target: str, new: bool) -> list[str]:
        """The rule sentences stated where a link leads, in the new version (or the old)."""
        found = self._rules_at.get((target, new))
        if found is None:
            spec = self.new if new else self.old
            if new not in self._anchored:
                self._anchored[new] = anchored_clauses(spec)
            found = self._rules_at[(target, new)] = rules_at(spec, target, self._anchored[new])
        return found

    def _variables_renamed(self, before: Clause, after: Clause) -> list[tuple[str, str]]:
        """The variables of ``before``'s algorithm (the steps of its section pair) that the
        new version renamed and ``before`` uses, as (old, new) names."""
        if before.kind is not ClauseKind.LIST_ITEM or after.kind is not ClauseKind.LIST_ITEM:
            return []
        if not has_variables(before.text):
            return []
        key = (before.section, after.section)
        renames = self._algorithm_renames.get(key)
        if renames is None:
            pairs = [
                (self.old.clauses[o], self.new.clauses[n]) for o, n in self._step_pairs.get(key, ())
            ]

            def alike(index: int, followed: str) -> bool:
                # A binding step that, the variable renamed, reads as before: its other
                # words renamed by the edition ("the top level Selection Set" -> "the
                # _root selection set_"), it binds the new name to what it bound.
                old_step, new_step = pairs[index]
                edit = self._read_edit(replace(old_step, text=followed), new_step)
                return edit.tags in _READS_AS_BEFORE

            steps = [(o.text, n.text) for o, n in pairs]
            renames = self._algorithm_renames[key] = algorithm_renames(steps, alike)
        return renamed_in(before.text, renames)

    @cached_property
    def _step_pairs(self) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """The paired list items that use variables, by the sections (old, new) they
        stand in."""
        found: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for pair in self.alignment.clauses:
            a, b = self.old.clauses[pair.old], self.new.clauses[pair.new]
            if a.kind is ClauseKind.LIST_ITEM and b.kind is ClauseKind.LIST_ITEM and "{" in a.text:
                found.setdefault((a.section, b.section), []).append((pair.old, pair.new))
        return found

    def _read_edit(self, before: Clause, after: Clause) -> Classification:
        if self._caption_shortened(before, after):
            return Classification(("editorial",))
        before = read_under_lead_in(self.old, before)
        after = read_under_lead_in(self.new, after)
        terms = self.terms.under(self._topic(before, after))
        shows = self._shows_kept_example(before, after)
        statements = self.neighbours.statements(before, after)
        if statements is None:
            return classify_edit(before, after, terms, shows_example=shows)
        if not statements and self.neighbours.restructured(before, after):
            return Classification(("restructured",))
        before, after = self._without_split_off(before, after)
        return classify_edit(before, after, terms, statements, shows_example=shows)

    def _without_split_off(self, before: Clause, after: Clause) -> tuple[Clause, Clause]:
        """Both clauses less the text a neighbour took from (or gave to) them whole, that
        neighbour regrouped (``restructured``): a paragraph split in two, "A. B. C. D." ->
        "A. B." (added, regrouped) and "C'. D'.", is read as "C. D." -> "C'. D'.", the
        sentences that went to the new paragraph being no words the edit lost."""
        return (
            self._less_neighbours(before, after, self.old, self.new, new_side=True),
            self._less_neighbours(after, before, self.new, self.old, new_side=False),
        )

    def _less_neighbours(
        self, clause: Clause, partner: Clause, spec: Spec, other: Spec, *, new_side: bool
    ) -> Clause:
        """``clause`` without the text of each unpaired, regrouped clause next to its
        partner (in ``other``) that it holds whole and the partner does not."""
        unpaired = self._new_unpaired if new_side else self._old_unpaired
        regrouped = (
            self.neighbours.new_restructured if new_side else self.neighbours.old_restructured
        )
        text = " ".join(clause.text.split())
        cut = False
        for index in (partner.index - 1, partner.index + 1):
            if not 0 <= index < len(other.clauses) or index not in unpaired:
                continue
            if index not in regrouped:
                continue
            neighbour = other.clauses[index]
            if neighbour.section != partner.section or neighbour.kind is not clause.kind:
                continue
            piece = " ".join(neighbour.text.split())
            if len(piece) < _SPLIT_OFF_MIN or piece not in text:
                continue
            if piece in " ".join(partner.text.split()):
                continue
            text = " ".join(text.replace(piece, " ", 1).split())
            cut = True
        if not cut or not text:
            return clause
        kept = tuple(s for s in clause.statements if " ".join(s.sentence.split()) in text)
        return replace(clause, text=text, statements=kept)

    def _caption_shortened(self, before: Clause, after: Clause) -> bool:
        """Whether a bold line set off as a heading lost (or gained) only words its
        section's title says: "**Non-Null type validation**" under "Non-Null" becoming
        "**Type Validation**" names the same thing, an editor's change."""
        if not all(
            c.kind is ClauseKind.PARAGRAPH and _EMPHASISED.fullmatch(c.text)
            for c in (before, after)
        ):
            return False
        old_words = words_of(plain_text(before.text)).split()
        new_words = words_of(plain_text(after.text)).split()
        if old_words == new_words:
            return False
        return _title_in_home(
            new_words, before.text, self.new.section(after.section).title
        ) or _title_in_home(old_words, after.text, self.old.section(before.section).title)

    # -- captions ------------------------------------------------------------------------
    @cached_property
    def _old_of(self) -> dict[int, int]:
        """Old clause index of each paired new clause."""
        return {p.new: p.old for p in self.alignment.clauses}

    def _examples_after(self, clause: Clause, *, new: bool) -> list[Clause]:
        """The worked examples a paragraph introduces: the code and example blocks right
        after it in its section, up to the next other clause."""
        spec = self.new if new else self.old
        if clause.kind is not ClauseKind.PARAGRAPH:
            return []
        run = []
        clauses = spec.clauses
        # By index, not over a slice: a slice would copy the rest of the document for
        # each paragraph asked about (quadratic in a 16 MB spec).
        for index in range(clause.index + 1, len(clauses)):
            example = clauses[index]
            if example.section != clause.section or example.kind not in _EXAMPLE_KINDS:
                break
            run.append(example)
        return run

    def _shown_alike(self, old_example: Clause, new_example: Clause) -> bool:
        """Whether two examples are one example shown alike: paired, with the same text or
        edited only as an editor would (layout, typography; data of the same tree)."""
        if self._new_of.get(old_example.index) != new_example.index:
            return False
        if old_example.fingerprint == new_example.fingerprint:
            return True
        return classify_edit(old_example, new_example).tags == ("editorial",)

    def _all_shown_alike(self, examples: list[Clause], among: list[Clause], *, new: bool) -> bool:
        """Whether each of ``examples`` (of the new version when ``new``) is shown alike in
        the other version, among ``among`` when given (any clause when None)."""
        if not examples:
            return False
        mates = self._old_of if new else self._new_of
        other_spec = self.old if new else self.new
        allowed = {c.index for c in among}
        for example in examples:
            other = mates.get(example.index)
            if other is None or (among and other not in allowed):
                return False
            pair = (
                (other_spec.clauses[other], example)
                if new
                else (example, other_spec.clauses[other])
            )
            if not self._shown_alike(*pair):
                return False
        return True

    def _shows_kept_example(self, before: Clause, after: Clause) -> bool:
        """Whether an edited paragraph introduces examples that the new version still shows
        alike after it (it may show more): then what it says of them, they show (see
        classify_edit)."""
        new_run = self._examples_after(after, new=True)
        if new_run:
            return self._all_shown_alike(
                self._examples_after(before, new=False), new_run, new=False
            )
        # "In this example `experimentalField` will only be queried if ...": a paragraph
        # that says it speaks of the example it follows.
        new_run = self._examples_before(after, new=True)
        return bool(new_run) and self._all_shown_alike(
            self._examples_before(before, new=False), new_run, new=False
        )

    def _examples_before(self, clause: Clause, *, new: bool) -> list[Clause]:
        """The worked examples right before a paragraph that opens by pointing back at
        them ("In this example ...", "In the example above ..."), in its section."""
        if clause.kind is not ClauseKind.PARAGRAPH or not _BACK_TO_EXAMPLE.match(clause.text):
            return []
        spec = self.new if new else self.old
        run = []
        for example in reversed(spec.clauses[: clause.index]):
            if example.section != clause.section or example.kind not in _EXAMPLE_KINDS:
                break
            run.append(example)
        return run[::-1]

    def _captions_kept_example(self, clause: Clause, *, added: bool) -> bool:
        """Whether an added (removed) paragraph is the caption of examples that both
        versions show alike, stating in lower case the rules they show: "Both the title and
        the destination may be omitted:" dropped from above ``[link]()``, which stays. Rules
        in RFC 2119 capitals are rules wherever they stand."""
        if not (is_caption(clause) and clause.statements):
            return False
        if any(in_capitals(s.keyword) for s in clause.statements):
            return False
        return self._all_shown_alike(self._examples_after(clause, new=added), [], new=added)

    def _lone_tags(
        self, clause: Clause, *, added: bool
    ) -> tuple[tuple[str, ...], tuple[StatementChange, ...]]:
        """The tags of an added or removed clause, and the changes to its rules: a clause
        whose rules a neighbour states, as before, adds or removes none."""
        excepted = self._exception_to_rule_before(clause, added=added)
        if excepted is not None:
            return (excepted.tag,), (excepted,)
        if not added and (gone := self._definition_gone(clause)):
            return ("normative.removed",), (gone,)
        if self._title_kept(clause, added=added):
            return ("title.kept",), ()
        if self._captions_kept_example(clause, added=added):
            return ("caption.example_kept",), ()
        before, after = (None, clause) if added else (clause, None)
        statements = self.neighbours.statements(before, after)
        if self._said_twice(clause, statements, added=added):
            return ("restated",), ()
        if statements is None:
            return self._content_tags(clause, removed=not added), ()
        if statements:
            return tuple(dict.fromkeys(c.tag for c in statements)), statements
        if self.neighbours.restructured(before, after):
            return ("restructured",), ()
        if clause.statements:
            return ("restructured", "wording.substantive"), ()
        return content_tags(clause, added=added), ()

    def _said_twice(
        self,
        clause: Clause,
        statements: tuple[StatementChange, ...] | None,
        *,
        added: bool,
    ) -> bool:
        """Whether every rule of a removed (added) clause, none read otherwise with its
        neighbours, is said by a rule of a clause both versions hold (see
        :mod:`._said_twice`): one saying of a rule said twice dropped (or a second one
        written), no requirement gone (or new)."""
        tag = "normative.added" if added else "normative.removed"
        if statements == () or not clause.statements:
            return False  # read with its neighbours as regrouped text: nothing to say
        if any(c.tag != tag for c in statements or ()):
            return False
        kept = self._kept_old_rules if added else self._kept_new_rules
        return all(stated_elsewhere(s, kept) for s in clause.statements)

    @cached_property
    def _kept_new_rules(self) -> KeptRules:
        """The conditional rules of the new version's clauses that the old one holds too."""
        return KeptRules(self.new, self._new_unpaired)

    @cached_property
    def _kept_old_rules(self) -> KeptRules:
        """The conditional rules of the old version's clauses that the new one holds too."""
        return KeptRules(self.old, self._old_unpaired)

    def _title_kept(self, clause: Clause, *, added: bool) -> bool:
        """Whether an added paragraph says only the title of a section merged into its
        section ("### Built-in Scalars" folded into "Scalars" as "**Built-in Scalars**"),
        or, the other way round, a removed one only the title of a section split out of
        its section: the heading's words kept as text, not new text. Only a paragraph set
        off as a heading is, wholly emphasised: a list item "properties" names a field, not
        the "Properties" heading."""
        if clause.kind is not ClauseKind.PARAGRAPH or not _EMPHASISED.fullmatch(clause.text):
            return False
        line = words_of(plain_text(clause.text)).split()
        if not line:
            return False
        if added:
            titles = [
                self.old.section(old_id).title
                for old_id, new_id in self.alignment.merged
                if new_id == clause.section
            ]
        else:
            titles = [
                self.new.section(new_id).title
                for new_id, old_id in self.alignment.split
                if old_id == clause.section
            ]
        home = (self.new if added else self.old).section(clause.section).title
        return any(_title_in_home(line, t, home) for t in titles)

    def _exception_to_rule_before(self, clause: Clause, *, added: bool) -> StatementChange | None:
        """A paragraph opening with an exception ("An exception is if the path item is
        empty, ...") added after (or dropped from after) a paragraph or item stating a rule
        that both versions hold, in the same section: that rule gained (lost) an exception,
        as when the sentence stands in the rule's own paragraph."""
        listed = self._listed_exception(clause, added=added)
        if listed is not None:
            return listed
        if clause.kind is not ClauseKind.PARAGRAPH or not clause.index:
            return None
        spec = self.new if added else self.old
        rule = spec.clauses[clause.index - 1]
        if (
            rule.section != clause.section
            or rule.index in (self._new_unpaired if added else self._old_unpaired)
            or rule.kind not in (ClauseKind.PARAGRAPH, ClauseKind.LIST_ITEM)
            or not rule.statements
        ):
            return None
        exception = exception_stated(clause.text)
        if exception is None:
            return None
        sentence = rule.statements[-1].sentence
        if added:
            return StatementChange("normative.exception_added", None, exception, sentence)
        return StatementChange("normative.exception_removed", exception, None, sentence)

    def _definition_gone(self, clause: Clause) -> StatementChange | None:
        """A removed clause that defines a term (``[HTML block tag](@html-block-tag) is an
        [open tag] ... whose tag name is one of the following: ...``) the new version
        defines nowhere: what the language admitted under that term, and the rules that
        use it, no longer hold as written. A definition moved or reworded is paired, not
        removed; a term renamed is defined under its new name, reported where it stands."""
        terms = defined_terms(clause)
        if not terms or terms & self._new_defined:
            return None
        named = _MARKED_TERM.search(clause.text)
        shown = f"the definition of “{named[1]}”" if named else "a definition"
        return StatementChange("normative.removed", shown, None, clause.text)

    @cached_property
    def _new_defined(self) -> frozenset[str]:
        """The terms the new version defines (``[term](@id)``), by their ids."""
        return frozenset(term for clause in self.new.clauses for term in defined_terms(clause))

    def _listed_exception(self, clause: Clause, *, added: bool) -> StatementChange | None:
        """An item added to (dropped from) the list of exceptions that an item both
        versions hold announces ("1. **Basic case.** ... Exceptions:" over "1. When the
        first list item ... interrupts a paragraph, ..."): the rule that item states gained
        (lost) an exception, whether or not a modal states it."""
        if clause.kind is not ClauseKind.LIST_ITEM or clause.parent is None:
            return None
        spec = self.new if added else self.old
        rule = spec.clauses[clause.parent]
        if rule.index in (self._new_unpaired if added else self._old_unpaired):
            return None
        if not _ANNOUNCES_EXCEPTIONS.search(plain_text(rule.text)):
            return None
        words = plain_text(clause.text).split()
        exception = " ".join(words[:_EXCEPTION_WORDS]) + (
            " …" if len(words) > _EXCEPTION_WORDS else ""
        )
        if added:
            return StatementChange("normative.exception_added", None, exception, rule.text)
        return StatementChange("normative.exception_removed", exception, None, rule.text)

    def _lone_clause(self, clause: Clause, *, added: bool) -> DraftChange:
        kind = ChangeKind.ADDED if added else ChangeKind.REMOVED
        side = clause_side(clause)
        tags, statements = self._lone_tags(clause, added=added)
        details: tuple[str, ...] = ()
        if clause.kind is ClauseKind.TABLE_ROW:
            where = self._label(clause.section, new=added)
            details = (row_presence(clause, where, added=added),)
        return DraftChange(
            id=change_id("clause", kind, clause.section, clause.fingerprint),
            scope=Scope.CLAUSE,
            kind=kind,
            tags=tags,
            statements=statements,
            details=details,
            **_one_side(clause.section, side, added=added),
        )

    # -- table headers -------------------------------------------------------------------
    @cached_property
    def _old_tables(self) -> tuple[Table, ...]:
        return tables_of(self.old)

    @cached_property
    def _new_tables(self) -> tuple[Table, ...]:
        return tables_of(self.new)

    def _table_headers(self) -> None:
        """A table's header row, which no clause holds: renamed, added or removed columns,
        and the header of a whole table that appeared or went in a surviving section."""
        old_tables, new_tables = self._old_tables, self._new_tables
        if not (old_tables or new_tables):
            return
        pairs = paired_tables(
            old_tables, new_tables, ((p.old, p.new) for p in self.alignment.clauses)
        )
        for o, n in pairs:
            before, after = old_tables[o], new_tables[n]
            if before.header != after.header:
                self._emit(self._changed_header(before, after))
        kept_old, kept_new = {o for o, _ in pairs}, {n for _, n in pairs}
        for k, table in enumerate(old_tables):
            if k not in kept_old and table.section not in self.removed:
                self._emit(self._lone_header(table, added=False))
        for k, table in enumerate(new_tables):
            if k not in kept_new and table.section not in self.added:
                self._emit(self._lone_header(table, added=True))

    @cached_property
    def _new_of(self) -> dict[int, int]:
        """New clause index of each paired old clause."""
        return {p.old: p.new for p in self.alignment.clauses}

    def _changed_header(self, before: Table, after: Table) -> DraftChange:
        new_of = self._new_of
        paired = [
            (self.old.clauses[r], self.new.clauses[new_of[r]])
            for r in before.rows
            if new_of.get(r) in after.rows
        ]
        tags = list(header_tags(before, after, (a for a, _ in paired), (b for _, b in paired)))
        kind = ChangeKind.MODIFIED
        if self.section_map.get(before.section) != after.section:
            kind = ChangeKind.MOVED
            tags[:0] = ["moved.across_sections", "modified"]
        return DraftChange(
            id=change_id("header", kind, before.section, after.section, before.text, after.text),
            scope=Scope.CLAUSE,
            kind=kind,
            section=after.section,
            old_section=before.section,
            tags=tuple(tags),
            old=_header_side(before),
            new=_header_side(after),
            details=column_details(before.header, after.header),
        )

    def _lone_header(self, table: Table, *, added: bool) -> DraftChange:
        kind = ChangeKind.ADDED if added else ChangeKind.REMOVED
        side = _header_side(table)
        where = self._label(table.section, new=added)
        verb = "added to" if added else "removed from"
        return DraftChange(
            id=change_id("header", kind, table.section, table.text),
            scope=Scope.CLAUSE,
            kind=kind,
            tags=(),
            details=(f"table with columns {_columns_list(table)} {verb} {where}",),
            **_one_side(table.section, side, added=added),
        )

    def _newly_broken_links(self, recorded: set[int]) -> None:
        """Links that pointed somewhere in the old version and point nowhere now."""
        broken_targets = {t for t in self.old_anchors if t not in self.new_anchors}
        if not broken_targets:
            return
        by_new = {
            c.new.lines: i for i, c in enumerate(self.changes) if c.scope is Scope.CLAUSE and c.new
        }
        new_to_old = {p.new: p.old for p in self.alignment.clauses}
        for clause in self.new.clauses:
            if clause.kind is ClauseKind.CODE or not any(t in broken_targets for t in clause.links):
                continue
            position = by_new.get((clause.span.start, clause.span.end))
            if position is not None:
                existing = self.changes[position]
                self.changes[position] = _with_tag(existing, "reference.broken")
                continue
            old_index = new_to_old.get(clause.index)
            before = self.old.clauses[old_index] if old_index is not None else clause
            self._emit(
                DraftChange(
                    id=change_id("clause", "reference", clause.section, clause.fingerprint),
                    scope=Scope.CLAUSE,
                    kind=ChangeKind.MODIFIED,
                    section=clause.section,
                    old_section=before.section,
                    tags=("reference.broken",),
                    old=clause_side(before),
                    new=clause_side(clause),
                )
            )


#: Clauses that show a worked example.
_EXAMPLE_KINDS = (ClauseKind.CODE, ClauseKind.EXAMPLE)
#: A paragraph that opens by pointing at the example it follows.
_BACK_TO_EXAMPLE = re.compile(
    r"[*_]*(?:in|from)\s+(?:this|these|the\s+(?:above\s+)?examples?(?:\s+above)?)\b",
    re.IGNORECASE,
)


_MARKED_TERM = re.compile(r"\[([^\[\]]+)\]\(@")
#: A rule that ends announcing its exceptions, listed under it: "Exceptions:", "with
#: the following exceptions:".
_ANNOUNCES_EXCEPTIONS = re.compile(r"\bexceptions?\s*:\s*$", re.IGNORECASE)
#: Words of an exception item a reason quotes.
_EXCEPTION_WORDS = 12


def _uses(spec: Spec) -> Iterator[str]:
    """The texts in which a spec uses its terms: headings and clauses."""
    yield from (section.title for section in spec.sections)
    yield from (clause.text for clause in spec.clauses)


def _listed(spec: Spec) -> Iterator[tuple[bool, str]]:
    """A spec's clauses in order, each with whether it is a list item (a grammar lists a
    production's alternatives as items under its head)."""
    yield from ((clause.kind is ClauseKind.LIST_ITEM, clause.text) for clause in spec.clauses)


class _OneSide(TypedDict):
    section: str | None
    old_section: str | None
    old: Side | None
    new: Side | None


def _one_side(section: str, side: Side, *, added: bool) -> _OneSide:
    """Where and what a record of something added (removed) says: only the new (old) side."""
    if added:
        return _OneSide(section=section, old_section=None, old=None, new=side)
    return _OneSide(section=None, old_section=section, old=side, new=None)


def _header_side(table: Table) -> Side:
    return Side(table.text, (table.line, table.line), "table_header")


def _columns_list(table: Table) -> str:
    names = [f"“{plain_text(cell)}”" for cell in table.header]
    return ", ".join(names) if names else "(none)"


def _front_matter_side(source: str) -> Side:
    return Side(source, (2, 1 + max(1, source.count("\n") + 1)), "front_matter")


#: A paragraph wholly in bold or italics ("**Built-in Scalars**", "_Notes_"): a line
#: set off as a heading.
def _title_in_home(line: list[str], title: str, home: str) -> bool:
    """Whether a bold line's words are a section's title, whole or without the words that
    name the section it now stands in: "#### Object type validation" folded into "Objects"
    as "**Type Validation**" keeps its title, the parent's heading saying "Object". Only
    words at the title's start or end may go, and only words of the home title (a plural
    "Objects" names an "Object"): "**Validation**" under "Lamps" is not "Type validation"."""
    words = words_of(plain_text(title)).split()
    if line == words:
        return True
    cut = len(words) - len(line)
    if cut <= 0:
        return False
    named = {singular(w) for w in words_of(plain_text(home)).split()}
    for start in (0, cut):
        dropped = words[:start] + words[start + len(line) :]
        if words[start : start + len(line)] == line and all(singular(w) in named for w in dropped):
            return True
    return False


_EMPHASISED = re.compile(r"\s*(?:\*\*[^*\n]+\*\*|__[^_\n]+__|\*[^*\n]+\*|_[^_\n]+_)\s*")


def qualified_titles(spec: Spec) -> dict[str, str]:
    """For each section whose title another section shares (every object of an API spec
    has its "Fixed Fields"): the title preceded by its parent's, "Operation Object ›
    Fixed Fields"."""
    counts = Counter(s.title for s in spec.sections if s.level)
    labels = {}
    for section in spec.sections:
        if section.level and counts[section.title] > 1 and section.parent:
            parent = spec.section(section.parent)
            labels[section.id] = f"{parent.title} › {section.title}"
    return labels


def _with_tag(change: DraftChange, tag: str) -> DraftChange:
    from dataclasses import replace

    return replace(change, tags=(*change.tags, tag))


def plain_heading(section: Section) -> str:
    return f"{'#' * section.level} {section.title}"


def _heading_side(section: Section) -> Side:
    attributes = " ".join(f"{k}={v}" for k, v in section.attributes)
    block = f" {{#{section.id}{' ' + attributes if attributes else ''}}}"
    return Side(
        plain_heading(section) + block,
        (section.span.start, section.span.start),
        "section",
        title=section.title,
    )


def _derived_ids(before: Section, after: Section) -> bool:
    """Both ids are slugs of the titles. When the title changed, the anchor changed
    because it did, which the rename record already says; when the title kept its words,
    the slug changed because another heading took it (``source`` became ``source-1``
    after a "Source" added above): old links now land elsewhere, said by its own record."""
    return before.id_source is IdSource.SLUG and after.id_source is IdSource.SLUG


#: A title that is one name as code writes it: ``schemaurl``, ``dataContentType``,
#: ``x-logo``, ``$ref``, or anything in backticks. Capitalised words ("Overview") are prose.
_NAME = re.compile(r"`[^`\s]+`|[a-z_$@][A-Za-z0-9_.$@-]*")


def names_a_thing(title: str) -> bool:
    """Whether a heading is the name of what it defines (an attribute or field readers
    write on the wire), so that renaming it renames that thing, not just the heading."""
    return _NAME.fullmatch(title.strip()) is not None


def _same_words(a: str, b: str) -> bool:
    return plain_text(a).casefold() == plain_text(b).casefold()


def _attribute_changes(
    before: Section, after: Section
) -> tuple[tuple[str, str | None, str | None], ...]:
    old_attributes, new_attributes = dict(before.attributes), dict(after.attributes)
    names = list(dict.fromkeys([*old_attributes, *new_attributes]))
    return tuple(
        (name, old_attributes.get(name), new_attributes.get(name))
        for name in names
        if old_attributes.get(name) != new_attributes.get(name)
    )
