"""Pairing sections: by explicit id, by title path, by title, then by the clauses they hold."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.document import ClauseKind, IdSource
from ..parse import plain_text
from ._similarity import compatible

if TYPE_CHECKING:
    from collections.abc import Callable, Container

    from ..model.document import Clause, Section, Spec
    from ._similarity import TextCache

#: A section is found again by content when at least this share of its clauses survive.
SURVIVAL = 0.5
#: Sibling sections whose titles are at least this similar are the same section renamed.
TITLE_SIMILARITY = 0.8
#: A section renamed in place is found when its clauses keep sentences this similar.
PLACE_SENTENCE = 0.8
#: Sections larger than this (old x new clauses) are left to the other layers.
MAX_PLACE_CELLS = 400
#: A section renamed in place and rewritten is found when, besides a title word, this
#: share of the content words of both sides (Dice) is common to them.
PLACE_VOCABULARY = 0.6
_WORD = re.compile(r"[^\W\d_]{3,}")
#: Words that say nothing about what a title or a text is about.
_FUNCTION_WORDS = frozenset(
    """the and for with from that this these those are was were has have had not but its
    into onto than then such also any all each per via may must shall should will can
    which who whom whose what when where how""".split()  # noqa: SIM905 - a word list
)
#: The weakest evidence that two sections sharing a title are one: the same derived id.
_SAME_SLUG = 2


class SectionMatcher:
    """Accumulates section pairs, one layer at a time; each layer sees only the leftovers."""

    def __init__(self, old: Spec, new: Spec) -> None:
        self.old = old
        self.new = new
        self.pairs: dict[str, tuple[str, str]] = {"": ("", "root")}
        self.taken: set[str] = {""}

    # -- bookkeeping -------------------------------------------------------------------
    def _pair(self, old_id: str, new_id: str, method: str) -> None:
        self.pairs[old_id] = (new_id, method)
        self.taken.add(new_id)

    def _free_old(self) -> list[Section]:
        return [s for s in self.old.sections if s.level and s.id not in self.pairs]

    def _free_new(self) -> list[Section]:
        return [s for s in self.new.sections if s.level and s.id not in self.taken]

    def unmatched_old(self) -> tuple[str, ...]:
        return tuple(s.id for s in self._free_old())

    def unmatched_new(self) -> tuple[str, ...]:
        return tuple(s.id for s in self._free_new())

    # -- layers ------------------------------------------------------------------------
    def match_by_identity(self) -> None:
        """Explicit ids, then the path of titles from the top, then unique titles."""
        new_by_id = {s.id: s for s in self.new.sections if s.level}
        for section in self._free_old():
            other = new_by_id.get(section.id)
            if (
                other is not None
                and _is_chosen(section)
                and _is_chosen(other)
                and other.id not in self.taken
            ):
                self._pair(section.id, other.id, "id")
        self._pair_by_key(_title_path, "path", unique_only=True)
        self._pair_unique_titles()
        self._pair_shared_titles_by_place()
        self._pair_renumbered()

    def _pair_unique_titles(self) -> None:
        """Sections whose title is unique among the free sections of each side. Where the
        two stand under parents that are not partners (a move), the title is weighed
        against the text: a free section under the partner of the old parent that keeps
        more of the old section's clauses word for word is the old section renamed in
        place ("Descriptions" of one chapter became "Type System Descriptions", and a new
        "Descriptions" in another chapter took the title), so the title does not pair
        them and the later layers judge that slot by its content."""
        olds: dict[str, list[Section]] = defaultdict(list)
        news: dict[str, list[Section]] = defaultdict(list)
        for section in self._free_old():
            olds[_title(section)].append(section)
        for section in self._free_new():
            news[_title(section)].append(section)
        for title, old_sections in olds.items():
            new_sections = news.get(title, [])
            if len(old_sections) != 1 or len(new_sections) != 1:
                continue
            before, after = old_sections[0], new_sections[0]
            if not self._stayed_renamed(before, after):
                self._pair(before.id, after.id, "title")

    def _stayed_renamed(self, before: Section, after: Section) -> bool:
        """Whether ``before`` and ``after``, one title under parents that are not
        partners, are rather each a section renamed in its own place: a free section
        under the partner of one's parent keeps more of its clauses word for word than
        the other does (see :meth:`_pair_unique_titles`). Both ways round, so that the
        comparison read backwards pairs the same sections."""
        parent = self.pairs.get(before.parent or "")
        if parent is None or parent[0] == after.parent:
            return False
        elsewhere = self._shared_clauses(before, after)
        if any(
            self._shared_clauses(before, self.new.section(child)) > elsewhere
            for child in self.new.section(parent[0]).children
            if child not in self.taken and child != after.id
        ):
            return True
        old_parent = next(
            (o for o, (n, _) in self.pairs.items() if n == (after.parent or "")), None
        )
        return old_parent is not None and any(
            self._shared_clauses(self.old.section(child), after) > elsewhere
            for child in self.old.section(old_parent).children
            if child not in self.pairs and child != before.id
        )

    def _pair_renumbered(self) -> None:
        """Sections whose titles differ only in their section numbers ("4.3 Data Types"
        and "Data Types", or "5.1 Data Types" once a chapter was inserted before it): the
        number says where a section stands, the rest of the title what it is. Paired by
        the path of titles without numbers, then by such a title alone, only where it is
        unique among the free sections of each side and at least one of the two is
        numbered (unnumbered titles had their turn above)."""
        for key_of in (_bare_title_path, lambda spec, s: (_bare_title(s),)):
            olds: dict[tuple[str, ...], list[Section]] = defaultdict(list)
            news: dict[tuple[str, ...], list[Section]] = defaultdict(list)
            for section in self._free_old():
                olds[key_of(self.old, section)].append(section)
            for section in self._free_new():
                news[key_of(self.new, section)].append(section)
            for key, old_sections in olds.items():
                new_sections = news.get(key, [])
                if len(old_sections) != 1 or len(new_sections) != 1:
                    continue
                before, after = old_sections[0], new_sections[0]
                if _title(before) != _bare_title(before) or _title(after) != _bare_title(after):
                    self._pair(before.id, after.id, "title")

    def _pair_shared_titles_by_place(self) -> None:
        """Sections whose title another section shares, told apart by where they stand.

        A derived id says little: a heading added earlier with the same title ("Source"
        in a glossary before the attribute "source") takes the slug, and the section that
        had it becomes ``source-1``. So a candidate under the partner of the old parent
        comes first (directly under it, then deeper: an attribute moved into a new
        sub-group): the same section unchanged (same id, same clauses) first, then the one
        keeping more of its clauses word for word, then in document order; an equal slug with an equal title only after that (a parent
        renamed, say, so that its partner is not known yet)."""
        candidates: dict[str, list[Section]] = defaultdict(list)
        for section in self._free_new():
            candidates[_title(section)].append(section)
        old_of = {new_id: old_id for old_id, (new_id, _) in self.pairs.items()}
        new_order = {s.id: k for k, s in enumerate(self.new.sections)}
        edges = []
        for k, section in enumerate(self.old.sections):
            if not section.level or section.id in self.pairs:
                continue
            for other in candidates.get(_title(section), ()):
                rank = self._place_rank(section, other, old_of)
                if rank == _SAME_SLUG and self._stayed_renamed(section, other):
                    continue  # only the slug says so, and the text says otherwise
                if rank is not None:
                    changed = not self._is_same_section(section, other)
                    kept = self._shared_clauses(section, other)
                    edges.append(
                        (rank, changed, -kept, k, new_order[other.id], section.id, other.id)
                    )
        for rank, _, _, _, _, old_id, new_id in sorted(edges):
            if old_id not in self.pairs and new_id not in self.taken:
                self._pair(old_id, new_id, "id" if rank == _SAME_SLUG else "path")

    def _is_same_section(self, before: Section, after: Section) -> bool:
        """Whether ``after`` is ``before`` unchanged: the same id and the same clauses word
        for word, in order. Among candidates standing equally well, such a section is
        paired first, so that a spec compared with itself pairs every section with itself
        even where sibling headings share a title and their texts overlap."""
        return before.id == after.id and [
            self.old.clauses[i].fingerprint for i in before.clauses
        ] == [self.new.clauses[i].fingerprint for i in after.clauses]

    def _shared_clauses(self, before: Section, after: Section) -> int:
        """How many of the two sections' own clauses are word for word the same: of two
        "Note" sections under one parent, the one whose text survives is the one kept.
        Clauses are matched one to one (a clause repeated twice on one side and once on
        the other counts once), so the count is the same both ways round and a section
        holding a sibling's text twice over does not outbid that sibling's own partner."""
        olds = Counter(self.old.clauses[i].fingerprint for i in before.clauses)
        news = Counter(self.new.clauses[i].fingerprint for i in after.clauses)
        return sum((olds & news).values())

    def _place_rank(self, before: Section, after: Section, old_of: dict[str, str]) -> int | None:
        """How surely ``after`` stands where ``before`` stood: 0 under the partner of its
        parent, 1 somewhere below that partner (or ``before`` below the partner of
        ``after``'s parent: the same seen the other way round), ``_SAME_SLUG`` for only
        the same derived id, None for neither."""
        parent = self.pairs.get(before.parent or "")
        if parent is not None and parent[0] == after.parent:
            return 0
        new_ancestors = {s.id for s in self.new.path(after.id)[:-1]}
        old_ancestors = {s.id for s in self.old.path(before.id)[:-1]}
        below_parent = parent is not None and parent[0] in new_ancestors and parent[0] != ""
        old_parent = old_of.get(after.parent or "")
        if below_parent or (old_parent and old_parent in old_ancestors):
            return 1
        return _SAME_SLUG if before.id == after.id else None

    def _pair_by_key(self, key_of: object, method: str, *, unique_only: bool = False) -> None:
        assert callable(key_of)
        olds: dict[tuple[str, ...], list[str]] = defaultdict(list)
        news: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for section in self._free_old():
            olds[key_of(self.old, section)].append(section.id)
        for section in self._free_new():
            news[key_of(self.new, section)].append(section.id)
        for key, old_ids in olds.items():
            new_ids = news.get(key, [])
            if unique_only and (len(old_ids) != 1 or len(new_ids) != 1):
                continue
            for old_id, new_id in zip(old_ids, new_ids, strict=False):
                self._pair(old_id, new_id, method)

    def match_by_similar_titles(self) -> None:
        """Siblings whose titles barely differ ("Version 1.0" and "Version 1.0.1")."""
        edges = []
        free_new = self._free_new()
        for section in self._free_old():
            parent = self.pairs.get(section.parent or "")
            for other in free_new:
                if other.level != section.level or parent is None or other.parent != parent[0]:
                    continue
                score = Indel.normalized_similarity(_title(section), _title(other))
                if score >= TITLE_SIMILARITY and not _other_name(_title(section), _title(other)):
                    edges.append((score, section.id, other.id))
        for _, old_id, new_id in sorted(edges, reverse=True):
            if old_id not in self.pairs and new_id not in self.taken:
                self._pair(old_id, new_id, "title")

    def _common_fingerprints(self, candidates: set[str]) -> set[str]:
        """Those of ``candidates`` that stand in more than one section on either side
        ("Constraints:", "- OPTIONAL", "This object MAY be extended ..."): boilerplate
        that says nothing about which section is which."""
        common: set[str] = set()
        for spec in (self.old, self.new):
            seen: dict[str, str] = {}
            for clause in spec.clauses:
                if clause.fingerprint in candidates:
                    first = seen.setdefault(clause.fingerprint, clause.section)
                    if first != clause.section:
                        common.add(clause.fingerprint)
        return common

    def match_by_fingerprints(self) -> None:
        """Sections whose distinctive clauses mostly reappear, word for word, in one new
        section. Boilerplate shared by many sections is no evidence either way: it is
        left out of the votes and of the sizes they are weighed against."""
        free_old, free_new = self._free_old(), {s.id for s in self._free_new()}
        if not free_old or not free_new:
            return
        olds = {c.fingerprint for s in free_old for c in self.old.clauses_of(s.id)}
        news = {c.fingerprint for c in self.new.clauses if c.section in free_new}
        common = self._common_fingerprints(olds | news)
        where: dict[str, set[str]] = defaultdict(set)
        for clause in self.new.clauses:
            if clause.section in free_new and clause.fingerprint not in common:
                where[clause.fingerprint].add(clause.section)
        votes = {
            section.id: Counter(
                target
                for clause in self.old.clauses_of(section.id)
                for target in where.get(clause.fingerprint, ())
            )
            for section in free_old
        }

        def distinctive(spec: Spec, section_id: str) -> int:
            return sum(1 for c in spec.clauses_of(section_id) if c.fingerprint not in common)

        self._pair_by_votes(votes, "content", distinctive)
        self._pair_empty_parents()

    def match_in_place(self, cache: TextCache) -> None:
        """A section renamed in place whose text was also edited: the only free section on
        each side between the same two paired siblings, at the same level, whose clauses
        mostly keep a sentence (a one-paragraph section that gained two sentences)."""
        for old_parent, (new_parent, _) in list(self.pairs.items()):
            old_children = self.old.section(old_parent).children
            new_children = self.new.section(new_parent).children
            if all(c in self.pairs for c in old_children) or all(
                c in self.taken for c in new_children
            ):
                continue  # no free section on one side: nothing to pair here
            new_position = {section_id: k for k, section_id in enumerate(new_children)}
            # Paired siblings, in order on both sides, bound the gaps.
            bounds = [(-1, -1)]
            for k, child in enumerate(old_children):
                pair = self.pairs.get(child)
                if (
                    pair is not None
                    and pair[0] in new_position
                    and new_position[pair[0]] > bounds[-1][1]
                ):
                    bounds.append((k, new_position[pair[0]]))
            bounds.append((len(old_children), len(new_children)))
            for (old_start, new_start), (old_end, new_end) in itertools.pairwise(bounds):
                old_gap = [s for s in old_children[old_start + 1 : old_end] if s not in self.pairs]
                new_gap = [s for s in new_children[new_start + 1 : new_end] if s not in self.taken]
                if len(old_gap) == 1 and len(new_gap) == 1:
                    before, after = self.old.section(old_gap[0]), self.new.section(new_gap[0])
                    if before.level == after.level and (
                        self._kept_sentences(before, after, cache)
                        or self._same_topic(before, after)
                        or self._children_kept(before, after)
                    ):
                        self._pair(before.id, after.id, "place")
                elif old_gap and new_gap and (len(old_gap) == 1 or len(new_gap) == 1):
                    self._renamed_beside_others(old_gap, new_gap, cache)

    def _renamed_beside_others(
        self, old_gap: list[str], new_gap: list[str], cache: TextCache
    ) -> None:
        """One section renamed in place while a sibling was added beside it (or removed
        from beside it) in the same slot: "Tab expansion" became "Tabs", rewritten, and a
        new "Insecure characters" follows it. The renamed one is the only section of the
        crowded side at the same level whose title shares a content word with the lone
        section's and whose text says much the same (as ``match_in_place`` asks of a lone
        pair); when none or several do, nothing is paired here."""
        fits = []
        for old_id in old_gap:
            before = self.old.section(old_id)
            for new_id in new_gap:
                after = self.new.section(new_id)
                if (
                    before.level == after.level
                    and content_words(_title(before)) & content_words(_title(after))
                    and (
                        self._kept_sentences(before, after, cache)
                        or self._same_topic(before, after)
                        or self._children_kept(before, after)
                    )
                ):
                    fits.append((old_id, new_id))
        if len(fits) == 1:
            self._pair(*fits[0], "place")

    def _same_topic(self, before: Section, after: Section) -> bool:
        """Whether the only free sections of one slot are one section renamed and
        rewritten ("Attribute Naming Convention" whose rules paragraph became a lead-in
        and a list, under "Naming Conventions"): too few sentences survive for
        ``_kept_sentences``, but the titles share a content word (plural folded) and
        most of the content words of the text stand on both sides. A section replaced
        by an unrelated one in that slot shares neither."""
        if not before.clauses or not after.clauses:
            return False
        if not content_words(_title(before)) & content_words(_title(after)):
            return False
        old_words = content_words(
            " ".join(
                plain_text(c.text) for c in self._free_subtree_clauses(self.old, before, self.pairs)
            )
        )
        new_words = content_words(
            " ".join(
                plain_text(c.text) for c in self._free_subtree_clauses(self.new, after, self.taken)
            )
        )
        shared = len(old_words & new_words)
        return 2 * shared >= PLACE_VOCABULARY * (len(old_words) + len(new_words))

    def _children_kept(self, before: Section, after: Section) -> bool:
        """Whether the only free sections of one slot hold sub-sections paired with each
        other's, and their titles share a word: the root object renamed ("Swagger Object"
        -> "OpenAPI Object") whose "Fixed Fields" sub-section stayed, though its one-line
        description was rewritten. A sub-section is the part of its parent; kept under
        the other side's section, it says which section that is."""
        if not content_words(_title(before)) & content_words(_title(after)):
            return False
        children = set(after.children)
        return any(self.pairs.get(child, ("",))[0] in children for child in before.children)

    def _kept_sentences(self, before: Section, after: Section, cache: TextCache) -> bool:
        """Whether at least half the clauses on each side are kept on the other, word for
        word or by a sentence. A sub-section folded into its parent ("### data" into a
        renamed "## Event Data") counts with it: the clauses of sub-sections not found
        elsewhere are compared too."""
        if not before.clauses or not after.clauses:
            # A heading with no text of its own is known only through its sub-sections.
            return False
        old_clauses = self._free_subtree_clauses(self.old, before, self.pairs)
        new_clauses = self._free_subtree_clauses(self.new, after, self.taken)
        if len(old_clauses) * len(new_clauses) > MAX_PLACE_CELLS:
            return False
        old_kept: set[int] = set()
        new_kept: set[int] = set()
        for a in old_clauses:
            for b in new_clauses:
                if compatible(a, b) and (
                    a.fingerprint == b.fingerprint
                    or cache.sentence_similarity(a, b) >= PLACE_SENTENCE
                ):
                    old_kept.add(a.index)
                    new_kept.add(b.index)
        return 2 * len(old_kept) >= len(old_clauses) and 2 * len(new_kept) >= len(new_clauses)

    @staticmethod
    def _free_subtree_clauses(spec: Spec, section: Section, paired: Container[str]) -> list[Clause]:
        """The section's own clauses and those of its descendants not paired yet."""
        found: list[Clause] = []
        for part in spec.subtree(section.id):
            if part.id == section.id or part.id not in paired:
                found.extend(spec.clauses_of(part.id))
        return found

    def match_by_clause_pairs(self, old_to_new: dict[int, tuple[int, str, float]]) -> None:
        """The same, counting clauses that were found again after edits too."""
        free_new = {s.id for s in self._free_new()}
        votes: dict[str, Counter[str]] = {}
        for section in self._free_old():
            counter: Counter[str] = Counter()
            for index in section.clauses:
                paired = old_to_new.get(index)
                if paired is not None:
                    target = self.new.clauses[paired[0]].section
                    if target in free_new:
                        counter[target] += 1
            votes[section.id] = counter
        self._pair_by_votes(votes, "content")
        self._pair_renamed_and_grown(votes)
        self._pair_empty_parents()

    def _pair_renamed_and_grown(self, votes: dict[str, Counter[str]]) -> None:
        """A section whose title barely changed ("Lists" -> "List") and whose clauses
        went, for the most part, to that one new section, which also gained text (a table
        of examples): the smaller side lives on inside the larger, so the two are one
        section renamed, wherever it now stands. Counted against the smaller side, so that
        comparing the other way round (the section shrinking) pairs the same two."""
        free_new = {s.id for s in self._free_new()}
        edges = []
        for old_id, counter in votes.items():
            if old_id in self.pairs:
                continue
            before = self.old.section(old_id)
            for new_id, count in counter.items():
                if new_id not in free_new:
                    continue
                after = self.new.section(new_id)
                smaller = min(len(before.clauses), len(after.clauses))
                if not smaller or count < SURVIVAL * smaller:
                    continue
                score = Indel.normalized_similarity(_title(before), _title(after))
                if score >= TITLE_SIMILARITY:
                    edges.append((score, count, old_id, new_id))
        for _, _, old_id, new_id in sorted(edges, key=lambda e: (-e[0], -e[1], e[2], e[3])):
            if old_id not in self.pairs and new_id not in self.taken:
                self._pair(old_id, new_id, "content")

    def _pair_by_votes(
        self,
        votes: dict[str, Counter[str]],
        method: str,
        size_of: Callable[[Spec, str], int] | None = None,
    ) -> None:
        """Pair sections that share at least ``SURVIVAL`` of their clauses, counted on both
        sides (``2 * shared / (old + new)``), so that comparing the other way round pairs
        the same sections: a section that kept its two clauses and gained three is found
        again in both directions, one that lost most of its clauses in neither."""
        if size_of is None:

            def size_of(spec: Spec, section_id: str) -> int:
                return len(spec.section(section_id).clauses)

        edges = []
        for old_id, counter in votes.items():
            size = size_of(self.old, old_id)
            for new_id, count in counter.items():
                share = 2 * count / (size + size_of(self.new, new_id))
                if size and share >= SURVIVAL:
                    edges.append((share, count, old_id, new_id))
        # Ties are broken by document order, never by the order the votes were counted in
        # (which follows sets of section ids, so hash order).
        old_order = {s.id: k for k, s in enumerate(self.old.sections)}
        new_order = {s.id: k for k, s in enumerate(self.new.sections)}
        edges.sort(key=lambda e: (-e[0], -e[1], old_order[e[2]], new_order[e[3]]))
        for _, _, old_id, new_id in edges:
            if old_id not in self.pairs and new_id not in self.taken:
                self._pair(old_id, new_id, method)

    def _pair_empty_parents(self) -> None:
        """A heading without clauses of its own is found through its sub-sections."""
        for section in self._free_old():
            if section.clauses or not section.children:
                continue
            parents = Counter(
                self.new.section(self.pairs[child][0]).parent
                for child in section.children
                if child in self.pairs
            )
            if not parents:
                continue
            parent, count = parents.most_common(1)[0]
            if parent and parent not in self.taken and count >= SURVIVAL * len(section.children):
                self._pair(section.id, parent, "content")
        # The same seen from the new side, so that comparing the other way round agrees:
        # a new heading without clauses is the old parent of the sub-sections it took.
        old_of = {new_id: old_id for old_id, (new_id, _) in self.pairs.items()}
        for section in self._free_new():
            if section.clauses or not section.children:
                continue
            parents = Counter(
                self.old.section(old_of[child]).parent
                for child in section.children
                if child in old_of
            )
            if not parents:
                continue
            parent, count = parents.most_common(1)[0]
            if parent and parent not in self.pairs and count >= SURVIVAL * len(section.children):
                self._pair(parent, section.id, "content")

    def merges_and_splits(
        self, old_to_new: dict[int, tuple[int, str, float]]
    ) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
        """Removed sections whose clauses mostly went to one surviving section (merged),
        and added sections whose clauses mostly came from one surviving section (split)."""
        merged = []
        for section in self._free_old():
            targets = Counter(
                self.new.clauses[old_to_new[i][0]].section
                for i in section.clauses
                if i in old_to_new
            )
            if targets:
                target, count = targets.most_common(1)[0]
                if target in self.taken and target and count >= SURVIVAL * len(section.clauses):
                    merged.append((section.id, target))
        new_to_old = {n: o for o, (n, _, _) in old_to_new.items()}
        surviving = set(self.pairs)
        split = []
        for section in self._free_new():
            origins = Counter(
                self.old.clauses[new_to_old[i]].section for i in section.clauses if i in new_to_old
            )
            if origins:
                origin, count = origins.most_common(1)[0]
                if origin in surviving and origin and count >= SURVIVAL * len(section.clauses):
                    split.append((section.id, origin))
        return tuple(merged), tuple(split)

    def folds(
        self,
        merged: tuple[tuple[str, str], ...],
        split: tuple[tuple[str, str], ...],
        old_to_new: dict[int, tuple[int, str, float]],
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Sections left unpaired whose text stands in one section of the other version:
        (old section -> the new one its text went into, new section -> the old one its
        text came from). Each section merged into another (split from another), and each
        sub-section removed (added) under a paired parent whose text stays with the text
        before it: a sub-section folded into its parent's new body, as the Discriminator
        Object's "Conditions for Using ..." rewritten into paragraphs after its Fixed
        Fields table. The text before it is the nearest clause before its own that has a
        partner; that partner must stand in the parent's partner or below it, and so must
        the partner of one of the section's own clauses (some of its text is known to
        have gone there)."""
        new_to_old = {n: (o, m, x) for o, (n, m, x) in old_to_new.items()}
        folded = self._folded(self.old, self.new, self._free_old(), old_to_new, dict(merged))
        parents = {new_id: old_id for old_id, (new_id, _) in self.pairs.items()}
        unfolded = self._folded(
            self.new, self.old, self._free_new(), new_to_old, dict(split), parents
        )
        return folded, unfolded

    def _folded(
        self,
        spec: Spec,
        other: Spec,
        free: list[Section],
        partners: dict[int, tuple[int, str, float]],
        found: dict[str, str],
        parents: dict[str, str] | None = None,
    ) -> dict[str, str]:
        """:meth:`folds` for the free sections of one side (``spec``), ``partners`` giving
        each paired clause's partner in ``other``; ``parents`` pairs a section of ``spec``
        with its partner (by default ``self.pairs``, old to new)."""
        candidates = [s for s in free if s.id not in found and s.clauses and s.parent]
        if not candidates:
            return found
        run_in = _run_in_titles(other)
        # The nearest clause with a partner before each clause, in one pass.
        before: list[int | None] = []
        last = None
        for clause in spec.clauses:
            before.append(last)
            if clause.index in partners:
                last = clause.index
        for section in candidates:
            parent = (
                parents.get(section.parent or "")
                if parents is not None
                else self.pairs.get(section.parent or "", ("", ""))[0]
            )
            # Its heading now a bold run-in title ("#### Object" -> "**Object**") in its
            # parent's partner or below it (a parent folded in the same way counts: its
            # body went there too): the section's text went under that title.
            body = parent or found.get(section.parent or "", "")
            titled = [
                home
                for home in run_in.get(_title(section), ())
                if body and any(s.id == body for s in other.path(home))
            ]
            if len(titled) == 1:
                found[section.id] = titled[0]
                continue
            kept = before[section.clauses[0]]
            if not parent or kept is None:
                continue
            home = other.clauses[partners[kept][0]].section
            if not home or not any(s.id == parent for s in other.path(home)):
                continue
            # Some of its own text is there already: the section went into that body.
            if any(
                i in partners and other.clauses[partners[i][0]].section == home
                for i in section.clauses
            ):
                found[section.id] = home
        return found


#: A paragraph that is only a bold title, a heading written as a run-in title:
#: "**Object**", "__Scalar__:".
_RUN_IN_TITLE = re.compile(r"^(\*\*|__)(?P<title>[^*_]+?)\1:?$")


def _run_in_titles(spec: Spec) -> dict[str, list[str]]:
    """The sections of ``spec`` by the bold run-in titles their paragraphs are (title,
    casefolded -> the sections it stands in, in document order, each once)."""
    found: dict[str, list[str]] = defaultdict(list)
    for clause in spec.clauses:
        if clause.kind is not ClauseKind.PARAGRAPH or not clause.section:
            continue
        match = _RUN_IN_TITLE.match(clause.text.strip())
        if match is None:
            continue
        title = plain_text(match["title"]).strip().casefold()
        if clause.section not in found[title]:
            found[title].append(clause.section)
    return found


def _other_name(before: str, after: str) -> bool:
    """Whether two titles that look alike name other things: a word of one, not in the
    other, is replaced by an unlike word ("Scopes Object" and "Components Object" share
    their letters mostly through the word every sibling ends with). Numbers may change
    ("Version 1.0" and "Version 1.0.1" name one section's versions), and so may a word's
    form ("Lists" and "List")."""
    old_words, new_words = set(before.split()), set(after.split())
    gone, came = old_words - new_words, new_words - old_words
    if not gone or not came or not all(w.isalpha() for w in gone | came):
        return False
    return all(Indel.normalized_similarity(a, b) < TITLE_SIMILARITY for a in gone for b in came)


def _is_chosen(section: Section) -> bool:
    """Whether the author chose this id (rather than it being derived from the title)."""
    return section.id_source in (IdSource.EXPLICIT, IdSource.HTML)


def _title(section: Section) -> str:
    return plain_text(section.title).casefold()


def content_words(text: str) -> frozenset[str]:
    """The content words of ``text``, casefolded, a plural "s" folded into the singular
    ("conventions" and "convention" are one word)."""
    words = (w.casefold() for w in _WORD.findall(text))
    return frozenset(
        w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w
        for w in words
        if w not in _FUNCTION_WORDS
    )


def _title_path(spec: Spec, section: Section) -> tuple[str, ...]:
    return tuple(_title(s) for s in spec.path(section.id))


#: A section number before a title: "4", "4.", "4.3.1", "A.1" (an appendix), followed by
#: a space and a title that has a letter in it.
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Z](?:\.\d+)+\.?)\s+(?=\S*[^\W\d_])")


def _bare_title(section: Section) -> str:
    """The title without its section number, casefolded ("4.3 Data Types" -> "data
    types"); the title itself when it has none."""
    return _NUMBERING.sub("", plain_text(section.title).strip(), count=1).casefold()


def _bare_title_path(spec: Spec, section: Section) -> tuple[str, ...]:
    return tuple(_bare_title(s) for s in spec.path(section.id))
