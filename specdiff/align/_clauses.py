"""Pairing clauses: exact fingerprints, then sequence alignment per section, then fuzzy."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz.distance import Indel

from ..model.document import ClauseKind
from ..parse import conformance_input, edition_date, names_fields, plain_text, row_cells
from ._context import Contexts
from ._sections import content_words
from ._similarity import (
    ShingleIndex,
    TextCache,
    anchor_words,
    compatible,
    family,
    input_likeness,
    same_field,
    same_output_elements,
    same_test,
    top_keys,
)
from ._steps import same_call, step_act

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterable, Mapping

    from ..model.document import Clause, Spec

#: Clauses in the same place of the same section pair up from this similarity on.
SEQUENCE_THRESHOLD = 0.5
#: The only clause on each side between unchanged neighbours, citing the same target,
#: pairs up from this similarity on (a rewrite of the same paragraph).
REWRITE_THRESHOLD = 0.3
#: An example kept at least this similar is the same example (a caption before it,
#: rewritten however much, is its caption).
SAME_EXAMPLE = 0.9
#: Clauses anywhere pair up from this similarity on.
FUZZY_THRESHOLD = 0.6
#: Leftovers of a section pair up when their closest sentences are this similar.
SENTENCE_THRESHOLD = 0.55
#: Gaps larger than this (old x new clauses) are left to the fuzzy layer.
MAX_GAP_CELLS = 3600
#: A clause kept whole inside another has at least this many words (one word, "Note",
#: stands in too many clauses to say which).
_KEPT_WHOLE_WORDS = 2

K = TypeVar("K")


class ClauseMatcher:
    """Accumulates clause pairs (old index -> (new index, method, similarity))."""

    def __init__(
        self, old: Spec, new: Spec, section_pairs: dict[str, tuple[str, str]], cache: TextCache
    ) -> None:
        self.old = old
        self.new = new
        self.cache = cache
        self.section_pairs = section_pairs
        self.old_to_new: dict[int, tuple[int, str, float]] = {}
        self.new_taken: set[int] = set()
        self._mark_cache: dict[tuple[bool, int], frozenset[str]] = {}
        self._contexts: Contexts | None = None
        self._folded_texts: dict[bool, dict[str, list[int]]] = {}
        self._sentence_index: dict[bool, dict[str, set[int]]] = {}

    def _pair(self, old_index: int, new_index: int, method: str, similarity: float) -> None:
        self.old_to_new[old_index] = (new_index, method, similarity)
        self.new_taken.add(new_index)

    def _pair_best_first(self, edges: list[tuple[float, int, int]], method: str) -> None:
        """Pair (similarity, old, new) candidates, most similar first, each clause once."""
        for score, old_index, new_index in sorted(edges, reverse=True):
            if old_index not in self.old_to_new and new_index not in self.new_taken:
                self._pair(old_index, new_index, method, score)

    def unmatched_old(self) -> tuple[int, ...]:
        return tuple(c.index for c in self.old.clauses if c.index not in self.old_to_new)

    def unmatched_new(self) -> tuple[int, ...]:
        return tuple(c.index for c in self.new.clauses if c.index not in self.new_taken)

    def _same_place(self, old: Clause, new: Clause) -> bool:
        """Whether the two clauses sit in sections paired with each other."""
        pair = self.section_pairs.get(old.section)
        return pair is not None and pair[0] == new.section

    # -- layer 1: identical text anywhere ----------------------------------------------
    def match_exact(self) -> None:
        """Identical clauses: first inside paired sections, then anywhere (moves). Text
        repeated in sibling sections moves only where the closest context holding a copy
        names one: the Header Object's "This object MAY be extended ..." is not the Tag
        Object's, and which copy went is read from the sections, not from the order."""
        # Lists in reverse document order, so that pop() takes the first one left. (A deque
        # per fingerprint costs ~750 bytes: over 100 MB for an 85,000-clause spec.)
        in_section: dict[tuple[str, str], list[int]] = defaultdict(list)
        for clause in reversed(self.new.clauses):
            in_section[(clause.fingerprint, clause.section)].append(clause.index)
        for clause in self.old.clauses:
            target = self.section_pairs.get(clause.section)
            if target is None:
                continue
            stack = in_section.get((clause.fingerprint, target[0]))
            if stack:
                self._pair(clause.index, stack.pop(), "exact", 1.0)
        old_left = {c.index for c in self.old.clauses if c.index not in self.old_to_new}
        new_left = {c.index for c in self.new.clauses if c.index not in self.new_taken}
        contexts = self.contexts()
        contexts.leave(old_left, new_left)
        for clause in self.old.clauses:
            if clause.index not in old_left:
                continue
            other = contexts.only_copy(clause)
            if other is not None and other.index not in self.new_taken:
                self._pair(clause.index, other.index, "exact", 1.0)

    def contexts(self) -> Contexts:
        """The sections both versions share, as paired so far."""
        if self._contexts is None or self._contexts.section_pairs is not self.section_pairs:
            self._contexts = Contexts(self.old, self.new, self.section_pairs)
        return self._contexts

    # -- layer 1b: the same anchor ------------------------------------------------------
    def match_anchors(self) -> None:
        """Clauses that define the same link target (``<a name="parameterExample">`` and
        ``<a name="parameter-example">``: the same words in another naming convention)
        are the same clause however much their text changed: an anchor names one thing
        in the whole document. Only anchors that one unpaired clause defines on each side
        count, and only between clauses that may become each other."""
        old_by_anchor = _by_sole_anchor(
            c for c in self.old.clauses if c.index not in self.old_to_new
        )
        new_by_anchor = _by_sole_anchor(
            c for c in self.new.clauses if c.index not in self.new_taken
        )
        self._pair_by_name(old_by_anchor, new_by_anchor, compatible, "anchor")

    # -- layer 1c: the same row of a table ----------------------------------------------
    def match_row_keys(self) -> None:
        """Table rows of paired sections that name the same entry in their leading cells
        are that entry, wherever it now stands in the table: ``simple | false`` is the row
        for style ``simple`` without ``explode``, moved below the ``form`` rows or not. A
        row is named by its first cell, or by its first two when the first repeats (one
        row per style and value of ``explode``), and only by a name no other row of its
        section has, on each side."""
        for old_id, (new_id, _) in self.section_pairs.items():
            old_rows = _rows(self.old, old_id)
            new_rows = _rows(self.new, new_id)
            if not old_rows or not new_rows:
                continue
            old_named, new_named = _leading_cells(old_rows), _leading_cells(new_rows)
            for width in (1, 2):
                self._pair_by_name(
                    _sole_names(old_named, width), _sole_names(new_named, width), _same_row, "row"
                )
            self._pair_reordered_rows(old_rows, new_rows)

    def _pair_reordered_rows(self, old_rows: list[Clause], new_rows: list[Clause]) -> None:
        """In a table whose named rows changed their order, a row's place says nothing of
        which row it was: the rows left over (their leading cells edited, or repeated)
        pair with the row of the other side whose leading cell, the row's name, is the
        most like theirs (then the most like them as a whole), wherever it stands, rather
        than with whatever row now fills their slot. A table that kept its order leaves
        them to the sequence layer, which reads them in place."""
        new_position = {row.index: k for k, row in enumerate(new_rows)}
        named = [
            (k, new_position[self.old_to_new[row.index][0]])
            for k, row in enumerate(old_rows)
            if row.index in self.old_to_new and self.old_to_new[row.index][0] in new_position
        ]
        if len(longest_increasing(named)) == len(named):
            return  # the named rows kept their order
        old_free = [row for row in old_rows if row.index not in self.old_to_new]
        new_free = [row for row in new_rows if row.index not in self.new_taken]
        edges = []
        for a in old_free:
            for b in new_free:
                name = Indel.normalized_similarity(_row_name(a), _row_name(b))
                if name >= FUZZY_THRESHOLD and _same_row(a, b):
                    edges.append((name, self.cache.similarity(a, b), a.index, b.index))
        for _, score, old_index, new_index in sorted(edges, reverse=True):
            if old_index not in self.old_to_new and new_index not in self.new_taken:
                self._pair(old_index, new_index, "row", score)

    def _pair_by_name(
        self,
        old_named: Mapping[K, Clause],
        new_named: Mapping[K, Clause],
        fits: Callable[[Clause, Clause], bool],
        how: str,
    ) -> None:
        """Pair the clauses both sides name alike (an anchor, a row's leading cells), each
        still free and fit to pair."""
        for name, old_clause in old_named.items():
            new_clause = new_named.get(name)
            if (
                new_clause is not None
                and old_clause.index not in self.old_to_new
                and new_clause.index not in self.new_taken
                and fits(old_clause, new_clause)
            ):
                score = self.cache.similarity(old_clause, new_clause)
                self._pair(old_clause.index, new_clause.index, how, score)

    # -- layer 1d: a conformance example by its input -----------------------------------
    def match_example_inputs(self) -> None:
        """Conformance examples of paired sections that feed the parser the same input,
        the only free examples with that input on each side, are one example whose
        expected output changed (``****foo****``, literal in one version, two strong
        spans in the next), wherever it now stands in its section: an example is known
        by what it tests, and the output is what it says of it."""
        for old_id, (new_id, _) in self.section_pairs.items():
            old_inputs = _sole_inputs(self.old, old_id, self.old_to_new)
            if old_inputs:
                new_inputs = _sole_inputs(self.new, new_id, self.new_taken)
                self._pair_by_name(old_inputs, new_inputs, compatible, "input")

    # -- layer 3b: a conformance example by what it tests ------------------------------
    def match_example_tests(self) -> None:
        """Conformance examples of paired sections, still free after the text layers,
        that test the same thing (``same_test``: the same marks with the same flanks and
        only filler words changed, "11*15*32" -> "5*6*78"; a trailing word dropped,
        "foo__bar__baz" -> "foo__bar__") and whose expected output shows the same
        elements: one example with other filler. Their texts share almost no word, so
        no shingle finds them; most alike inputs first, each example once."""
        for old_id, (new_id, _) in self.section_pairs.items():
            old_free = _free_examples(self.old, old_id, self.old_to_new)
            if not old_free:
                continue
            new_free = _free_examples(self.new, new_id, self.new_taken)
            if not new_free or len(old_free) * len(new_free) > MAX_GAP_CELLS:
                continue
            edges = [
                (input_likeness(a.text, b.text), a.index, b.index)
                for a in old_free
                for b in new_free
                if same_output_elements(a.text, b.text) and same_test(a.text, b.text)
            ]
            self._pair_best_first(edges, "input")

    # -- layer 2: the same place in a paired section -----------------------------------
    def match_sequences(self) -> None:
        """Between clauses that kept their order, pair what stands in the same gap."""
        for old_id, (new_id, _) in self.section_pairs.items():
            self._sequence(old_id, new_id)

    def match_folded(self, folds: Mapping[str, str], unfolds: Mapping[str, str]) -> None:
        """The clauses of old sections folded into a new one (merged into it, or a removed
        sub-section whose text stays in its parent's new body, see
        ``SectionMatcher.folds``), and of new sections unfolded from an old one (the same
        the other way round), paired as a paired section's are: by place between the
        clauses kept from them, then by a sentence kept. The text before such a section's
        first kept clause is read only where it stands between the same two neighbours
        on both sides (:meth:`_opening_gap`)."""
        pairs = [(o, n, True) for o, n in folds.items()]
        pairs += [(o, n, False) for n, o in unfolds.items()]
        for old_id, new_id, old_folded in pairs:
            self._sequence(old_id, new_id, folded=old_folded)
        for old_id, new_id, _ in pairs:
            self._shared_sentences(old_id, new_id)
        # A sentence pair can leave one clause on each side of a gap: read those again.
        for old_id, new_id, old_folded in pairs:
            self._sequence(old_id, new_id, folded=old_folded)

    def _sequence(self, old_id: str, new_id: str, *, folded: bool | None = None) -> None:
        """Pair the clauses left between kept clauses of two sections; ``folded`` says
        which side (old: True, new: False) is a section folded into the other, if any."""
        old_list = self.old.section(old_id).clauses
        new_list = self.new.section(new_id).clauses
        if not old_list or not new_list:
            return
        new_position = {index: position for position, index in enumerate(new_list)}
        anchors = [
            (i, new_position[self.old_to_new[index][0]])
            for i, index in enumerate(old_list)
            if index in self.old_to_new and self.old_to_new[index][0] in new_position
        ]
        kept = [anchors[k] for k in longest_increasing(anchors)]
        if folded is None:
            kept = [(-1, -1), *kept]
        elif kept:
            opening = self._opening_gap(old_list, new_list, kept[0], old_side=folded)
            kept = [*([opening] if opening is not None else []), *kept]
        else:
            return
        bounds = [*kept, (len(old_list), len(new_list))]
        for (old_start, new_start), (old_end, new_end) in itertools.pairwise(bounds):
            old_gap = [x for x in old_list[old_start + 1 : old_end] if x not in self.old_to_new]
            new_gap = [x for x in new_list[new_start + 1 : new_end] if x not in self.new_taken]
            # The kept clause that closes the gap, when it closes it on both sides.
            closing = (
                (old_list[old_end], new_list[new_end])
                if old_end < len(old_list) and new_end < len(new_list)
                else None
            )
            self._match_gap(old_gap, new_gap, closing)

    def _opening_gap(
        self,
        old_list: tuple[int, ...],
        new_list: tuple[int, ...],
        first_kept: tuple[int, int],
        *,
        old_side: bool,
    ) -> tuple[int, int] | None:
        """Where the gap before the first kept clause of a folded section (on the old side
        when ``old_side``) opens, as (old, new) positions: after the clause with a partner
        nearest before the section, when that partner is, on the other side, the last
        clause with a partner before the first kept one. Then the gap lies between the
        same two neighbours on both sides; otherwise (None) its text is not read there."""
        own, others = (old_list, new_list) if old_side else (new_list, old_list)
        kept_there = first_kept[1] if old_side else first_kept[0]
        if old_side:
            before = next((i for i in range(own[0] - 1, -1, -1) if i in self.old_to_new), None)
            partner = self.old_to_new[before][0] if before is not None else None
            taken_there: Container[int] = self.new_taken
        else:
            new_to_old = {n: o for o, (n, _, _) in self.old_to_new.items()}
            before = next((i for i in range(own[0] - 1, -1, -1) if i in new_to_old), None)
            partner = new_to_old[before] if before is not None else None
            taken_there = self.old_to_new
        if partner is None:
            return None
        for position in range(kept_there - 1, -1, -1):
            if others[position] in taken_there:
                if others[position] != partner:
                    return None
                return (-1, position) if old_side else (position, -1)
        return None

    def _match_gap(
        self, old_gap: list[int], new_gap: list[int], closing: tuple[int, int] | None = None
    ) -> None:
        """Pair the clauses left between the same two kept neighbours. Clauses that open
        with the same label ("Description:", "`Integer` -"), the only ones to do so in the
        gap on each side, are the same entry however much its text was rewritten: they
        are paired first and bound smaller gaps, as kept clauses do."""
        if not old_gap or not new_gap:
            return
        if len(old_gap) == 1 and len(new_gap) == 1:
            self._rewritten_in_place(old_gap[0], new_gap[0], closing)
            return
        slots = self._same_lead(old_gap, new_gap)
        if slots:
            for r, c in slots:
                self._pair(
                    old_gap[r], new_gap[c], "lead", self._similarity_at(r, c, old_gap, new_gap)
                )
            bounds = [(-1, -1), *slots, (len(old_gap), len(new_gap))]
            for (old_start, new_start), (old_end, new_end) in itertools.pairwise(bounds):
                self._match_gap(old_gap[old_start + 1 : old_end], new_gap[new_start + 1 : new_end])
        elif len(old_gap) * len(new_gap) <= MAX_GAP_CELLS:
            self._align_gap(old_gap, new_gap)

    def _similarity_at(self, r: int, c: int, old_gap: list[int], new_gap: list[int]) -> float:
        return self.cache.similarity(self.old.clauses[old_gap[r]], self.new.clauses[new_gap[c]])

    def _same_lead(self, old_gap: list[int], new_gap: list[int]) -> list[tuple[int, int]]:
        """Positions (old, new) of the clauses of two gaps that share a label no other
        clause of either gap opens with, in an order both sides keep."""
        old_leads = _sole_leads([self.old.clauses[i] for i in old_gap])
        new_leads = _sole_leads([self.new.clauses[i] for i in new_gap])
        found = []
        for lead, r in old_leads.items():
            c = new_leads.get(lead)
            if c is None:
                continue
            a, b = self.old.clauses[old_gap[r]], self.new.clauses[new_gap[c]]
            if self._may_be_one(a, b) and not self._kept_elsewhere(a, b):
                found.append((r, c))
        found.sort()
        return [found[k] for k in longest_increasing(found)]

    @staticmethod
    def _may_be_one(a: Clause, b: Clause) -> bool:
        """Whether two clauses of the same slot may be one entry: the same kind at the
        same depth (a top-level item does not become a nested one)."""
        return a.kind is b.kind and a.depth == b.depth and same_field(a, b, same_place=True)

    def _rewritten_in_place(
        self, old_index: int, new_index: int, closing: tuple[int, int] | None = None
    ) -> None:
        """The only clause left on each side between the same unchanged neighbours: the
        same clause edited when the texts are alike, or, rewritten beyond that, when both
        still point at the same place (a rule on serializing headers replaced by stricter
        rules that cite the same appendix), open with the same label ("Description:"),
        or are the paragraph that introduces the same unchanged example (``closing``, the
        kept clause after the gap: "Here is a definition with no use." rewritten as
        "Whether something is a definition is independent of its use. Thus the following
        document ..." before the same example; when both end with a colon, however little
        of the text is left: "This example shows the `allOf` usage ...:" -> "For
        example:").
        Character similarity alone is no evidence below the threshold: unrelated
        paragraphs of one spec reach 0.45."""
        a, b = self.old.clauses[old_index], self.new.clauses[new_index]
        if not compatible(a, b) or not same_field(a, b, same_place=True):
            return
        score = self.cache.similarity(a, b)
        cites_the_same = bool(set(a.links) & set(b.links)) and score >= REWRITE_THRESHOLD
        # A lead-in ending with a colon on both sides ("This example shows the `allOf`
        # usage ...:" -> "For example:") introduces the example after it, whatever it says,
        # when that example is the same (not one example put for another at that place).
        lead_ins = (
            _LEAD_IN.search(a.text) is not None
            and _LEAD_IN.search(b.text) is not None
            and closing is not None
            and closing[0] in self.old_to_new
            and self.old_to_new[closing[0]][2] >= SAME_EXAMPLE
        )
        captions_the_same = (score >= REWRITE_THRESHOLD or lead_ins) and self._introduce_the_same(
            a, b, closing
        )
        labelled_the_same = (
            self._may_be_one(a, b) and lead_of(a) is not None and (lead_of(a) == lead_of(b))
        )
        if (
            score >= SEQUENCE_THRESHOLD
            or cites_the_same
            or self._links_follow(a, b)
            or _one_call(a, b)
            or _same_matter_in_place(a, b)
            or _both_dated(a, b)
            or self._sole_paragraphs(a, b)
        ):
            self._pair(old_index, new_index, "sequence", score)
        elif labelled_the_same and not self._kept_elsewhere(a, b):
            self._pair(old_index, new_index, "lead", score)
        elif captions_the_same:
            self._pair(old_index, new_index, "caption", score)

    def _sole_paragraphs(self, a: Clause, b: Clause) -> bool:
        """Whether ``a`` and ``b`` are each the one paragraph of their section, the two
        sections paired and without sub-sections: a term's definition rewritten ("####
        Context" defined as "A set of consistent metadata attributes ..." -> "Context
        metadata will be encapsulated in the Context Attributes ..."). The section says
        what it is about, and its one paragraph is its text, however much it changed."""
        if a.kind is not ClauseKind.PARAGRAPH or b.kind is not ClauseKind.PARAGRAPH:
            return False
        pair = self.section_pairs.get(a.section)
        if pair is None or pair[0] != b.section:
            return False
        before, after = self.old.section(a.section), self.new.section(b.section)
        return (
            len(before.clauses) == 1
            and len(after.clauses) == 1
            and not before.children
            and not after.children
            and not self._said_elsewhere(a, b, new_side=True)
            and not self._said_elsewhere(b, a, new_side=False)
        )

    def _said_elsewhere(self, clause: Clause, partner: Clause, *, new_side: bool) -> bool:
        """Whether a sentence of ``clause`` stands, in the same words, in another clause
        of the other version than ``partner``: the paragraph went there ("An OpenAPI
        Document compatible with OAS 3.*.* contains a required `openapi` field" left the
        definition of "OpenAPI Document" for the Versions section), it was not rewritten
        in place."""
        index = self._sentence_index.get(new_side)
        if index is None:
            index = defaultdict(set)
            for other in (self.new if new_side else self.old).clauses:
                for sentence in self.cache.sentences(other):
                    index[sentence].add(other.index)
            self._sentence_index[new_side] = index
        return any(index.get(s, set()) - {partner.index} for s in self.cache.sentences(clause))

    def _kept_elsewhere(self, a: Clause, b: Clause) -> bool:
        """Whether old ``a`` (new ``b``) stands word for word, but for letter case,
        elsewhere in the other version: "NOTE: This does not violate the JSON spec ..."
        moved to a new section as "Note: This does not violate ...", while another note
        took its place. A label shared with the clause in its old place ("Note:") then
        says less than the text kept: the clause moved, it was not rewritten in place."""
        return any(
            index != other.index
            for clause, other, new_side in ((a, b, True), (b, a, False))
            for index in self._same_texts(new_side).get(clause.text.casefold(), ())
        )

    def _same_texts(self, new_side: bool) -> dict[str, list[int]]:
        """The clauses of one version by their text, case-folded (built on first use)."""
        found = self._folded_texts.get(new_side)
        if found is None:
            found = defaultdict(list)
            for clause in (self.new if new_side else self.old).clauses:
                found[clause.text.casefold()].append(clause.index)
            self._folded_texts[new_side] = found
        return found

    def _introduce_the_same(self, a: Clause, b: Clause, closing: tuple[int, int] | None) -> bool:
        """Whether paragraphs ``a`` and ``b`` each stand right before the kept example (or
        code block) ``closing`` pairs: the text that introduces it, in either version."""
        if closing is None or a.kind is not ClauseKind.PARAGRAPH or b.kind is not a.kind:
            return False
        old_next, new_next = self.old.clauses[closing[0]], self.new.clauses[closing[1]]
        shown = (ClauseKind.EXAMPLE, ClauseKind.CODE)
        return (
            old_next.kind in shown
            and new_next.kind in shown
            and old_next.index == a.index + 1
            and new_next.index == b.index + 1
        )

    def _align_gap(self, old_gap: list[int], new_gap: list[int]) -> None:
        """The order-keeping pairing of two runs with the greatest total similarity."""
        rows, cols = len(old_gap), len(new_gap)
        similarity = [[0.0] * cols for _ in range(rows)]
        whole = [[False] * cols for _ in range(rows)]
        for r, old_index in enumerate(old_gap):
            a = self.old.clauses[old_index]
            for c, new_index in enumerate(new_gap):
                b = self.new.clauses[new_index]
                if compatible(a, b) and same_field(a, b, same_place=True):
                    score = self.cache.similarity(a, b)
                    if score < SEQUENCE_THRESHOLD and (self._links_follow(a, b) or _one_call(a, b)):
                        score = SEQUENCE_THRESHOLD
                    if score >= SEQUENCE_THRESHOLD:
                        similarity[r][c] = score
                        before, after = self.cache.plain(a), self.cache.plain(b)
                        whole[r][c] = _kept_whole(before, after) or _kept_whole(after, before)
        in_order = longest_kept(similarity, set(), set())
        chosen = _reordered_in_gap(similarity, whole, in_order) or in_order
        for r, c in chosen:
            self._pair(old_gap[r], new_gap[c], "sequence", similarity[r][c])

    def _links_follow(self, a: Clause, b: Clause) -> bool:
        """Whether ``b`` is ``a`` with its links following renamed sections: each link
        points at the section its old target became, and the words outside the links are
        the same ("- [Data Attribute](#data-attribute)" in a table of contents becomes
        "- [Event Data](#event-data)" when the section is renamed)."""
        if not a.links or len(a.links) != len(b.links) or a.links == b.links:
            return False
        for old_target, new_target in zip(a.links, b.links, strict=True):
            pair = self.section_pairs.get(old_target)
            if old_target != new_target and (pair is None or pair[0] != new_target):
                return False
        return _outside_links(a.text) == _outside_links(b.text)

    # -- layer 2b: the rule an algorithm checks --------------------------------------
    def match_assertions(self) -> None:
        """The step that states what an algorithm checks ("{value} must be {true}"),
        rewritten as a test of something else ("AreTypesCompatible({argumentType},
        {variableType}) must be true" -> "{IsVariableUsageAllowed(definition, usage)}
        must be {true}"): when it is the only such step left unpaired on each side of a
        paired section, it is that section's rule restated, however many of its words
        changed, wherever the steps around it moved (a reader compares the two checks,
        not the slots they stand in)."""
        for old_id, (new_id, _) in self.section_pairs.items():
            old_left = self._assertions(self.old, old_id, self.old_to_new)
            if len(old_left) != 1:
                continue
            new_left = self._assertions(self.new, new_id, self.new_taken)
            if len(new_left) == 1:
                a, b = old_left[0], new_left[0]
                self._pair(a.index, b.index, "step", self.cache.similarity(a, b))

    @staticmethod
    def _assertions(spec: Spec, section_id: str, taken: Container[int]) -> list[Clause]:
        found = []
        for index in spec.section(section_id).clauses:
            clause = spec.clauses[index]
            if (
                index not in taken
                and clause.kind is ClauseKind.LIST_ITEM
                and step_act(clause.text) == "assert"
            ):
                found.append(clause)
                if len(found) > 1:
                    break
        return found

    # -- layer 3: similar text anywhere ------------------------------------------------
    def match_fuzzy(self) -> None:
        """Rewrites and moved-and-edited clauses, found through shared word shingles.

        A clause is paired in the closest context that holds a counterpart: in its own
        (paired) section first, then elsewhere under the same paired parent, and only
        then further away, however much more alike a twin in a sibling object looks
        (the Parameter Object's "For more complex scenarios, the `content` field ..."
        stays the Parameter Object's, though the Header Object's paragraph now reads
        closer to its new text)."""
        old_left = [c for c in self.old.clauses if c.index not in self.old_to_new]
        new_left = [c for c in self.new.clauses if c.index not in self.new_taken]
        if not old_left or not new_left:
            return
        index = ShingleIndex(new_left, self.cache)
        surviving_new = {new_id for new_id, _ in self.section_pairs.values()}
        contexts = self.contexts()
        contexts.leave({c.index for c in old_left}, {c.index for c in new_left})
        homes = _Homes(self, old_left, new_left)
        edges = []
        for clause in old_left:
            for other in index.candidates(clause):
                same_place = self._same_place(clause, other)
                if not same_place and (_says_little(clause) or _says_little(other)):
                    continue
                if not (
                    compatible(clause, other)
                    and same_field(clause, other, same_place=same_place)
                    and (
                        same_place
                        or (
                            contexts.told_apart(clause, other)
                            and not self._shown_apart(clause, other, surviving_new)
                            and not self._stays_apart(clause, other, surviving_new)
                        )
                    )
                ):
                    continue
                score = self.cache.similarity(clause, other)
                if score >= FUZZY_THRESHOLD and (same_place or not homes.keeps(clause, other)):
                    edges.append(
                        (contexts.closeness(clause, other), score, clause.index, other.index)
                    )
        for _, score, old_index, new_index in sorted(edges, reverse=True):
            if old_index not in self.old_to_new and new_index not in self.new_taken:
                self._pair(old_index, new_index, "fuzzy", score)

    def _shown_apart(self, a: Clause, b: Clause, surviving_new: set[str]) -> bool:
        """Whether ``a`` and ``b`` are code or examples in two sections that are both still
        there: an example shows the section it stands in, so one that left a section and
        a different one that appeared in another are two examples, not one moved (the
        `ETag` header example and a request body example share most of their JSON). Only
        identical text (the exact layer) moves between surviving sections."""
        return a.kind in _SHOWN and a.section in self.section_pairs and b.section in surviving_new

    def _stays_apart(self, a: Clause, b: Clause, surviving_new: set[str]) -> bool:
        """Whether ``a`` and ``b``, in sections not paired with each other, are two clauses
        that merely share a template ("If present, MUST adhere to [RFC 3986]" and "...
        [RFC 2045]"): what tells such clauses apart (the links they cite, the names in
        code they mention) is there on both sides and has nothing in common, while one
        of their sections is still there to hold its own. A clause moved and edited keeps
        what it is about."""
        if a.section not in self.section_pairs and b.section not in surviving_new:
            return False  # neither section survives: a section rewritten under a new name
        # Two data examples whose trees start from other keys (an `ETag` header's example
        # and a request body's) are two examples of one shape, not one example moved.
        old_keys, new_keys = top_keys(a), top_keys(b)
        if old_keys and new_keys and not old_keys & new_keys:
            return True
        old_marks, new_marks = self._marks(a, old=True), self._marks(b, old=False)
        return (
            bool(old_marks)
            and bool(new_marks)
            and not any(_same_mark(x, y) for x in old_marks for y in new_marks)
        )

    def _marks(self, clause: Clause, *, old: bool) -> frozenset[str]:
        """What a clause is about beyond its wording: the places its links lead (a link
        into a renamed section counts as leading to its new id) and its code spans."""
        key = (old, clause.index)
        found = self._mark_cache.get(key)
        if found is None:
            found = self._mark_cache[key] = self._find_marks(clause, old=old)
        return found

    def _find_marks(self, clause: Clause, *, old: bool) -> frozenset[str]:
        marks = set()
        for written in _DESTINATION.findall(clause.text):
            pair = self.section_pairs.get(written[1:]) if old and written.startswith("#") else None
            target = "#" + pair[0] if pair is not None else written
            marks.add(_SCHEME.sub("", target).rstrip("/").casefold())
        code = _LINK.sub(" ", clause.text)
        marks.update("`" + span.strip().casefold() for span in _CODE_SPAN.findall(code))
        return frozenset(marks)

    # -- layer 3b: the same statement restated by a link -----------------------------
    def match_restated(self) -> None:
        """A field row that went and a sentence that came under the same object (or the
        other way round), each the only free clause there to cite a link target, sharing
        a word: the same statement restated in another form. A table row of a
        sub-section "allowing extensions ... see [Extensions](#extensions)" whose
        sub-heading went, and the sentence "This object MAY be extended with
        [Extensions](#extensions)." after the object's other table say one thing, however
        few of their words are shared: both send the reader to the one place the rule is
        stated. The object is the section above the clause's own (a removed
        sub-section's parent, which is paired), a heading below the document's title; the
        other clause stands in its partner's own text or in one of its sub-sections."""
        old_free = [c for c in self.old.clauses if c.index not in self.old_to_new and c.links]
        new_free = [c for c in self.new.clauses if c.index not in self.new_taken and c.links]
        if not old_free or not new_free:
            return
        old_citing = _citing(self.old, old_free)
        new_citing = _citing(self.new, new_free)
        for a in old_free:
            if a.kind not in _RESTATED:
                continue
            scope = self.old.section(a.section).parent
            if not scope or self.old.section(scope).level < _OBJECT_LEVEL:
                continue
            pair = self.section_pairs.get(scope)
            if pair is None:
                continue
            for target in dict.fromkeys(a.links):
                olds = old_citing.get((scope, target), ())
                news = new_citing.get((pair[0], target), ())
                if len(olds) != 1 or len(news) != 1:
                    continue
                b = news[0]
                if (
                    b.index not in self.new_taken
                    and pair[0] in (b.section, self.new.section(b.section).parent)
                    and b.kind in _RESTATED
                    and _row_and_words(a, b)
                    and content_words(plain_text(a.text)) & content_words(plain_text(b.text))
                ):
                    self._pair(a.index, b.index, "restated", self.cache.similarity(a, b))
                    break

    # -- layer 3c: the same entry of a list, by the name it opens with ----------------
    def match_named_items(self) -> None:
        """List items that open with the same name ("- pattern" and "- pattern (This
        string SHOULD be ...)", "- items" and "- items - Value MUST be an object ..."),
        the only free item of that name on each side under the same paired section (its
        own text or a sub-section not paired, a list moved under a new heading): one
        entry of a list of names, whatever it now says of it. A list of fields or
        keywords names each entry by its first word, as a table row by its first cell."""
        old_named = self._named_items(self.old, self.old_to_new, self.section_pairs)
        if not old_named:
            return
        taken = {new_id for new_id, _ in self.section_pairs.values()}
        new_named = self._named_items(self.new, self.new_taken, taken)
        for (home, name), olds in old_named.items():
            pair = self.section_pairs.get(home)
            news = new_named.get((pair[0], name), []) if pair is not None else []
            if len(olds) == 1 and len(news) == 1 and olds[0].depth == news[0].depth:
                a, b = olds[0], news[0]
                self._pair(a.index, b.index, "lead", self.cache.similarity(a, b))

    @staticmethod
    def _named_items(
        spec: Spec, paired_clauses: Container[int], paired_sections: Container[str]
    ) -> dict[tuple[str, str], list[Clause]]:
        """The free list items that open with a name, by (the nearest paired section
        they stand in or under, the name)."""
        found: dict[tuple[str, str], list[Clause]] = defaultdict(list)
        homes: dict[str, str | None] = {}
        for clause in spec.clauses:
            if clause.kind is not ClauseKind.LIST_ITEM or clause.index in paired_clauses:
                continue
            match = _ITEM_NAME.match(clause.text)
            if match is None:
                continue
            if clause.section not in homes:
                homes[clause.section] = next(
                    (s.id for s in reversed(spec.path(clause.section)) if s.id in paired_sections),
                    None,
                )
            home = homes[clause.section]
            if home:
                found[(home, match.group(1).casefold())].append(clause)
        return found

    # -- layer 4: a sentence kept in the same section ---------------------------------
    def match_shared_sentences(self) -> None:
        """Leftovers of one section that keep a sentence nearly intact: a paragraph that was
        merged with another or split, where the whole texts no longer look alike. Only
        clauses of one family may pair (prose with prose, code with code), so each family
        is weighed against the size limit on its own: a section rewritten with many new
        examples still has its paragraphs read."""
        for old_id, (new_id, _) in self.section_pairs.items():
            self._shared_sentences(old_id, new_id)

    def _shared_sentences(self, old_id: str, new_id: str) -> None:
        old_left = [
            self.old.clauses[i]
            for i in self.old.section(old_id).clauses
            if i not in self.old_to_new
        ]
        new_left = [
            self.new.clauses[i] for i in self.new.section(new_id).clauses if i not in self.new_taken
        ]
        if not old_left or not new_left:
            return
        new_by_family: dict[str, list[Clause]] = defaultdict(list)
        for b in new_left:
            new_by_family[family(b)].append(b)
        old_by_family: dict[str, list[Clause]] = defaultdict(list)
        for a in old_left:
            old_by_family[family(a)].append(a)
        edges = []
        for name, olds in old_by_family.items():
            news = new_by_family.get(name, [])
            if len(olds) * len(news) > MAX_GAP_CELLS:
                continue
            for a in olds:
                for b in news:
                    if same_field(a, b, same_place=True) and compatible(a, b):
                        score = self.cache.sentence_similarity(a, b)
                        if score >= SENTENCE_THRESHOLD:
                            edges.append((score, a.index, b.index))
        # A paragraph split in two keeps both halves' sentences intact: it stays the
        # first of them (a lead-in keeps its place), the rest are new.
        for score, old_index, new_index in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
            if old_index not in self.old_to_new and new_index not in self.new_taken:
                self._pair(old_index, new_index, "sentence", score)

    def resequence(self, section_pairs: dict[str, tuple[str, str]]) -> None:
        """Run the in-section layers again for sections paired since they last ran."""
        self.section_pairs = section_pairs
        self.match_sequences()
        self.match_shared_sentences()

    # -- order -------------------------------------------------------------------------
    def reordered(self) -> frozenset[int]:
        """Old indices of clauses that stayed in their (paired) section but changed places."""
        moved: set[int] = set()
        for old_id, (new_id, _) in self.section_pairs.items():
            new_position = {index: p for p, index in enumerate(self.new.section(new_id).clauses)}
            pairs = [
                (old_index, new_position[self.old_to_new[old_index][0]])
                for old_index in self.old.section(old_id).clauses
                if old_index in self.old_to_new and self.old_to_new[old_index][0] in new_position
            ]
            kept = set(longest_increasing([(i, p) for i, (_, p) in enumerate(pairs)]))
            moved.update(pairs[k][0] for k in range(len(pairs)) if k not in kept)
        return frozenset(moved)


#: A clause of fewer words than this names nothing of its own ("Examples:", "Note"):
#: edited, it is found again only in its own section's partner, never moved elsewhere.
_FEW_WORDS = 3


#: The kinds of clause that may restate each other's statement (prose and table rows).
_RESTATED = frozenset(
    {ClauseKind.PARAGRAPH, ClauseKind.LIST_ITEM, ClauseKind.BLOCKQUOTE, ClauseKind.TABLE_ROW}
)
#: A list item that names an entry: a bare name ("items", "`$ref`"), or a name followed by
#: a dash or a parenthesis ("items - Value MUST ...", "pattern (This string ...)").
_ITEM_NAME = re.compile(r"`?([A-Za-z_$][\w$.\-]*)`?(?:\s*$|\s+[-\u2013\u2014]\s|\s*\()")
#: The least heading level of an object a restated clause stays under (below the title).
_OBJECT_LEVEL = 2


def _one_call(a: Clause, b: Clause) -> bool:
    """Whether two steps of an algorithm in the same place make one call rewritten (see
    :func:`._steps.same_call`): the same step, however few of its words are left."""
    return (
        a.kind is ClauseKind.LIST_ITEM
        and b.kind is ClauseKind.LIST_ITEM
        and same_call(a.text, b.text)
    )


def _row_and_words(a: Clause, b: Clause) -> bool:
    """Whether one clause is a row of a table of fields and the other says it in words."""
    a_row, b_row = a.kind is ClauseKind.TABLE_ROW, b.kind is ClauseKind.TABLE_ROW
    if a_row == b_row:
        return False
    return names_fields((a if a_row else b).header)


def _citing(spec: Spec, clauses: Iterable[Clause]) -> dict[tuple[str, str], list[Clause]]:
    """The clauses citing each link target under each section (their own or above)."""
    found: dict[tuple[str, str], list[Clause]] = defaultdict(list)
    for clause in clauses:
        targets = dict.fromkeys(clause.links)
        for section in spec.path(clause.section):
            for target in targets:
                found[(section.id, target)].append(clause)
    return found


def _says_little(clause: Clause) -> bool:
    """Whether a clause is a caption of a word or two ("Examples:", "Notes"): the same
    caption in another section is that section's own, not this one moved."""
    if len(clause.text) > _CAPTION_LENGTH or clause.kind is ClauseKind.CODE:
        return False  # the common case, decided without reading the words
    return len(_CAPTION_WORDS.findall(clause.text)) < _FEW_WORDS


#: A longer text says something of its own, whatever its words (checked first, to keep the
#: fuzzy layer's inner loop cheap).
_CAPTION_LENGTH = 40


_CAPTION_WORDS = re.compile(r"[^\W_]+")
#: Clauses that show rather than say: they belong to the section they illustrate.
_SHOWN = frozenset({ClauseKind.CODE, ClauseKind.EXAMPLE})
#: A section with more clauses left than this is not searched for a clause's counterpart.
HOME_LIMIT = 60


class _Homes:
    """The clauses left in each paired section, to tell whether a clause's own section
    still holds its text: "Unless specified otherwise, all fields that are URLs MAY be
    relative references" merged into the next paragraph of its section stays there,
    though a new section opens with "... all properties that are URIs MAY be ..."."""

    def __init__(
        self, matcher: ClauseMatcher, old_left: list[Clause], new_left: list[Clause]
    ) -> None:
        self.matcher = matcher
        self.cache = matcher.cache
        self.old_left: dict[str, list[Clause]] = defaultdict(list)
        self.new_left: dict[str, list[Clause]] = defaultdict(list)
        for clause in old_left:
            self.old_left[clause.section].append(clause)
        for clause in new_left:
            self.new_left[clause.section].append(clause)
        self.old_of = {new_id: old_id for old_id, (new_id, _) in matcher.section_pairs.items()}
        self._best: dict[tuple[bool, int], float] = {}

    def keeps(self, a: Clause, b: Clause) -> bool:
        """Whether ``a`` (old) or ``b`` (new), paired across sections, has a clause left in
        its own section's partner that keeps its sentences at least as well as the other
        one does: then its text stayed home, and the shared-sentence layer pairs it."""
        return self._home(a, old=True) >= max(
            self.cache.coverage(a, b), SENTENCE_THRESHOLD
        ) or self._home(b, old=False) >= max(self.cache.coverage(b, a), SENTENCE_THRESHOLD)

    def _home(self, clause: Clause, *, old: bool) -> float:
        """How well the best clause left in the partner of ``clause``'s section keeps its
        sentences (0 when the section has no partner or too many clauses left)."""
        key = (old, clause.index)
        found = self._best.get(key)
        if found is None:
            if old:
                pair = self.matcher.section_pairs.get(clause.section)
                home = self.new_left.get(pair[0], []) if pair is not None else []
            else:
                partner = self.old_of.get(clause.section)
                home = self.old_left.get(partner, []) if partner is not None else []
            found = 0.0
            if len(home) <= HOME_LIMIT:
                found = max(
                    (
                        self.cache.coverage(clause, other)
                        for other in home
                        if compatible(clause, other) and same_field(clause, other, same_place=True)
                    ),
                    default=0.0,
                )
            self._best[key] = found
        return found


_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
#: A paragraph that leads into what follows it: it ends with a colon.
_LEAD_IN = re.compile(r":\s*$")
_DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]+)")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`([^`]+)`")
#: A label opening an entry: a code span or bold term, or a few words, then a colon or a
#: spaced dash, then the entry's text ("`Integer` - A whole number", "Description: ...").
_LEAD = re.compile(
    r"(`[^`\n]+`|\*\*[^*\n]+\*\*|[^\s`*:][^:\n]{0,40}?)\s*(?::|\s[-\u2013\u2014]\s)\s*\S"
)
#: A label longer than this many words is a sentence that happens to hold a colon.
_LEAD_WORDS = 4
_LEAD_KINDS = frozenset({ClauseKind.PARAGRAPH, ClauseKind.LIST_ITEM})


def lead_of(clause: Clause) -> str | None:
    """The label a paragraph or list item opens with, case-folded, or None."""
    if clause.kind not in _LEAD_KINDS:
        return None
    match = _LEAD.match(clause.text)
    if match is None or len(match.group(1).split()) > _LEAD_WORDS:
        return None
    return match.group(1).casefold()


def _sole_leads(clauses: list[Clause]) -> dict[str, int]:
    """Each label that exactly one of ``clauses`` opens with, and that clause's position."""
    positions: dict[str, list[int]] = defaultdict(list)
    for position, clause in enumerate(clauses):
        lead = lead_of(clause)
        if lead is not None:
            positions[lead].append(position)
    return {lead: found[0] for lead, found in positions.items() if len(found) == 1}


def _sole_inputs(spec: Spec, section_id: str, taken: Container[int]) -> dict[str, Clause]:
    """The free conformance examples of a section by their input (lines without trailing
    spaces), for inputs only one of them has."""
    found: dict[str, list[Clause]] = defaultdict(list)
    for index in spec.section(section_id).clauses:
        clause = spec.clauses[index]
        if clause.kind is ClauseKind.CODE and index not in taken:
            given = conformance_input(clause.text)
            if given is not None:
                found["\n".join(line.rstrip() for line in given.split("\n"))].append(clause)
    return {given: only[0] for given, only in found.items() if len(only) == 1}


def _free_examples(spec: Spec, section_id: str, taken: Container[int]) -> list[Clause]:
    """The conformance examples of a section not paired yet."""
    return [
        spec.clauses[index]
        for index in spec.section(section_id).clauses
        if index not in taken
        and spec.clauses[index].kind is ClauseKind.CODE
        and conformance_input(spec.clauses[index].text) is not None
    ]


def _rows(spec: Spec, section_id: str) -> list[Clause]:
    return [
        spec.clauses[i]
        for i in spec.section(section_id).clauses
        if spec.clauses[i].kind is ClauseKind.TABLE_ROW
    ]


def _same_row(old: Clause, new: Clause) -> bool:
    """Rows of paired sections that may be one row edited (see ``same_field``)."""
    return same_field(old, new, same_place=True)


def _row_name(row: Clause) -> str:
    """The row's leading cell, as read."""
    cells = row_cells(row.text)
    return " ".join(plain_text(cells[0]).casefold().split()) if cells else ""


def _leading_cells(rows: list[Clause]) -> list[tuple[Clause, tuple[str, ...]]]:
    """Each row with its first two cells as read (fewer if it has fewer): read once for
    both widths of :func:`_sole_names`."""
    return [
        (row, tuple(" ".join(plain_text(c).casefold().split()) for c in row_cells(row.text)[:2]))
        for row in rows
    ]


def _sole_names(
    rows: list[tuple[Clause, tuple[str, ...]]], width: int
) -> dict[tuple[str, ...], Clause]:
    """Each name (the first ``width`` cells, as read) that exactly one row has."""
    found: dict[tuple[str, ...], list[Clause]] = defaultdict(list)
    for row, cells in rows:
        if len(cells) < width:
            continue
        name = cells[:width]
        if all(name):
            found[name].append(row)
    return {name: only[0] for name, only in found.items() if len(only) == 1}


def _same_mark(a: str, b: str) -> bool:
    """Whether two marks may name the same thing: one holds the other, punctuation aside
    (`Cat` and `#/components/schemas/Cat`, #list-item and #list-items)."""
    x, y = anchor_words(a), anchor_words(b)
    if x and y:
        return x in y or y in x
    return a == b


def _outside_links(text: str) -> str:
    return " ".join(_LINK.sub(" ", text).split())


def _by_sole_anchor(clauses: Iterable[Clause]) -> dict[str, Clause]:
    """Clauses by the words of each anchor they define, for anchors defined once."""
    found: dict[str, Clause] = {}
    clashing: set[str] = set()
    for clause in clauses:
        for anchor in clause.anchors:
            key = anchor_words(anchor)
            if key in found and found[key] is not clause:
                clashing.add(key)
            found[key] = clause
    return {key: clause for key, clause in found.items() if key not in clashing}


#: A paragraph rewritten in its slot keeps at least this share of the content words of
#: the shorter version (and at least ``IN_PLACE_WORDS`` of them).
IN_PLACE_VOCABULARY = 0.6
IN_PLACE_WORDS = 4


def _same_matter_in_place(a: Clause, b: Clause) -> bool:
    """Whether two paragraphs, each the only clause left between the same kept neighbours,
    speak of the same things: most content words of the shorter one, and several, are in
    the longer one ("The `@skip` directive has precedence over the `@include` directive
    should both be provided in the same context." -> "Note: Neither `@skip` nor
    `@include` has precedence over the other. In the case that both ... are provided
    ..."). A reader sees that paragraph rewritten, not one removed and another added;
    the rewrite may still change its rules, which the classifier reads."""
    if a.kind is not ClauseKind.PARAGRAPH or b.kind is not ClauseKind.PARAGRAPH:
        return False
    old_words, new_words = content_words(a.text), content_words(b.text)
    shared = len(old_words & new_words)
    shorter = min(len(old_words), len(new_words))
    return shared >= IN_PLACE_WORDS and shared >= IN_PLACE_VOCABULARY * shorter


def _both_dated(a: Clause, b: Clause) -> bool:
    """Whether two paragraphs alone in one slot each only date the document ("*Working
    Draft - October 2016*" -> "*June 2018 Edition*"): the one line naming the release,
    whose words change with the release (read as such by the classifier)."""
    return (
        a.kind is ClauseKind.PARAGRAPH
        and b.kind is ClauseKind.PARAGRAPH
        and edition_date(a.text) is not None
        and edition_date(b.text) is not None
    )


def _kept_whole(shorter: str, longer: str) -> bool:
    """Whether the words of ``shorter`` (two at least) stand together, in order, in
    ``longer``: a clause kept whole, with words added before or after it."""
    words, within = shorter.split(), longer.split()
    if len(words) < _KEPT_WHOLE_WORDS or len(words) > len(within):
        return False
    first = words[0]
    return any(
        within[k : k + len(words)] == words
        for k in range(len(within) - len(words) + 1)
        if within[k] == first
    )


def _reordered_in_gap(
    similarity: list[list[float]],
    whole: list[list[bool]],
    in_order: list[tuple[int, int]],
) -> list[tuple[int, int]] | None:
    """The pairing of a gap whose entries changed order, each kept whole: entries of a
    list put in another order and each given the same words (three grammar alternatives
    each given the same trailing condition, the last one now first) are each their own
    old entry, not their neighbour's, and the entry that changed places moved. Read most
    similar first, each clause once; taken when it pairs more of the gap than the
    order-keeping pairing (``in_order``) and each of its pairs that pairing lacks keeps
    one clause whole in the other (``whole``). Otherwise None: a rewrite in place is not
    a shuffle, and mere likeness says too little to read one."""
    edges = sorted(
        (-score, r, c) for r, row in enumerate(similarity) for c, score in enumerate(row) if score
    )
    rows_taken: set[int] = set()
    cols_taken: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for _, r, c in edges:
        if r not in rows_taken and c not in cols_taken:
            rows_taken.add(r)
            cols_taken.add(c)
            chosen.append((r, c))
    if len(chosen) <= len(in_order):
        return None
    kept = set(in_order)
    if any(not whole[r][c] for r, c in chosen if (r, c) not in kept):
        return None
    return sorted(chosen)


def longest_kept(
    similarity: list[list[float]], rows_taken: set[int], cols_taken: set[int]
) -> list[tuple[int, int]]:
    """The order-keeping pairing of greatest total similarity, leaving out taken rows and
    columns."""
    rows, cols = len(similarity), len(similarity[0]) if similarity else 0
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(cols - 1, -1, -1):
            score = 0.0 if r in rows_taken or c in cols_taken else similarity[r][c]
            take = score + best[r + 1][c + 1] if score else 0.0
            best[r][c] = max(take, best[r + 1][c], best[r][c + 1])
    found: list[tuple[int, int]] = []
    r = c = 0
    while r < rows and c < cols:
        score = 0.0 if r in rows_taken or c in cols_taken else similarity[r][c]
        if score and best[r][c] == score + best[r + 1][c + 1]:
            found.append((r, c))
            r, c = r + 1, c + 1
        elif best[r][c] == best[r + 1][c]:
            r += 1
        else:
            c += 1
    return found


def longest_increasing(pairs: list[tuple[int, int]]) -> list[int]:
    """Positions in ``pairs`` (sorted by first item) of a longest run increasing in the second."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(pairs)
    for k, (_, value) in enumerate(pairs):
        slot = bisect.bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[slot] = value
            tail_at[slot] = k
        previous[k] = tail_at[slot - 1] if slot else -1
    run = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        run.append(k)
        k = previous[k]
    return run[::-1]
