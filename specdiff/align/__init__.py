"""Pairing the sections and clauses of two versions of a spec, in layers.

Sections: explicit id, then title path, then title, then a barely changed title,
then place (the one free section of a slot, by surviving sentences or shared words),
then content. Clauses: exact
fingerprint anywhere (that finds moves), then sequence alignment inside matched
sections, then fuzzy similarity for what is left, found through a shingle index so
that no step compares all clauses with all clauses. Across sections a clause pairs in
the closest context that holds a counterpart, and text repeated in several sections only
where one copy stands (``_context``): twins in sibling objects stay in their object.
Last, the leftovers of sections folded into a section of the other version (merged into
it, or a sub-section rewritten into its parent's body) are read against it by place and
by a sentence kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._clauses import ClauseMatcher
from ._order import reordered_sections
from ._sections import SectionMatcher
from ._similarity import TextCache

if TYPE_CHECKING:
    from ..model.document import Spec


@dataclass(frozen=True, slots=True)
class SectionPair:
    old: str
    new: str
    method: str
    """``id``, ``path``, ``title``, ``content`` or ``place``: the layer that found the pair."""


@dataclass(frozen=True, slots=True)
class ClausePair:
    old: int
    new: int
    method: str
    """``exact``, ``anchor``, ``row``, ``input``, ``sequence``, ``lead``, ``fuzzy``,
    ``sentence`` ...: the layer that found the pair."""
    similarity: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """Which parts of the old spec became which parts of the new one."""

    sections: tuple[SectionPair, ...]
    clauses: tuple[ClausePair, ...]
    removed_sections: tuple[str, ...]
    added_sections: tuple[str, ...]
    removed_clauses: tuple[int, ...]
    added_clauses: tuple[int, ...]
    merged: tuple[tuple[str, str], ...]
    """(old section, new section it was merged into)."""
    split: tuple[tuple[str, str], ...]
    """(new section, old section it was split from)."""
    moved_in_place: frozenset[int]
    """Old indices of clauses that stayed in their section but changed order."""
    folded: tuple[tuple[str, str], ...] = ()
    """(old section, new section its text went into): merged, or a sub-section rewritten
    into its parent's new body."""
    unfolded: tuple[tuple[str, str], ...] = ()
    """(new section, old section its text came from): the same the other way round."""
    reordered: frozenset[str] = frozenset()
    """Old ids of sections that kept their parent but changed places among their siblings."""

    def section_map(self) -> dict[str, str]:
        return {pair.old: pair.new for pair in self.sections}


def align(old: Spec, new: Spec) -> Alignment:
    """Pair the sections and clauses of ``old`` and ``new``."""
    cache = TextCache()
    sections = SectionMatcher(old, new)
    sections.match_by_identity()
    sections.match_by_similar_titles()
    # A heading renamed where it stands is found by its place first, so that a sub-section
    # it took in (whose clauses it now holds) is not taken for it; then again once the
    # content layer has paired more siblings.
    sections.match_in_place(cache)
    sections.match_by_fingerprints()
    sections.match_in_place(cache)
    clauses = ClauseMatcher(old, new, sections.pairs, cache)
    clauses.match_exact()
    clauses.match_anchors()
    clauses.match_row_keys()
    clauses.match_example_inputs()
    clauses.match_sequences()
    clauses.match_fuzzy()
    clauses.match_example_tests()
    clauses.match_assertions()
    clauses.match_shared_sentences()
    clauses.match_restated()
    clauses.match_named_items()
    sections.match_by_clause_pairs(clauses.old_to_new)
    clauses.resequence(sections.pairs)
    merged, split = sections.merges_and_splits(clauses.old_to_new)
    # Sub-sections folded into another section (merged, or rewritten into the parent's
    # body) have their leftovers read against the text they went into.
    folds, unfolds = sections.folds(merged, split, clauses.old_to_new)
    if folds or unfolds:
        clauses.match_folded(folds, unfolds)
        merged, split = sections.merges_and_splits(clauses.old_to_new)
    merged_ids = {old_id for old_id, _ in merged}
    split_ids = {new_id for new_id, _ in split}
    section_map = {old_id: new_id for old_id, (new_id, _) in sections.pairs.items()}
    return Alignment(
        sections=tuple(SectionPair(o, n, m) for o, (n, m) in sections.pairs.items()),
        clauses=tuple(
            ClausePair(o, n, method, similarity)
            for o, (n, method, similarity) in sorted(clauses.old_to_new.items())
        ),
        removed_sections=tuple(s for s in sections.unmatched_old() if s not in merged_ids),
        added_sections=tuple(s for s in sections.unmatched_new() if s not in split_ids),
        removed_clauses=clauses.unmatched_old(),
        added_clauses=clauses.unmatched_new(),
        merged=merged,
        split=split,
        moved_in_place=clauses.reordered(),
        folded=tuple(sorted({**folds, **dict(merged)}.items())),
        unfolded=tuple(sorted({**unfolds, **dict(split)}.items())),
        reordered=reordered_sections(old, new, section_map),
    )
