"""Where two clauses stand relative to each other, for pairing text across sections.

Specs repeat text in sibling objects: the Parameter Object and the Header Object of an API
spec both say "This object MAY be extended with Specification Extensions." and describe
`style`, `explode` and `schema` in near-identical words. When one copy goes or changes,
the text alone cannot tell which copy became which: the sections they stand in can. A
clause stays in the closest context that still holds a counterpart, and a copy of
repeated text is not identified by its words beyond the sections that hold one copy.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Container

    from ..model.document import Clause, Spec


class Outline:
    """Section ancestry of one side, and where its repeated texts stand."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._chains: dict[str, tuple[str, ...]] = {}
        self._by_fingerprint: dict[str, list[Clause]] | None = None

    def chain(self, section_id: str) -> tuple[str, ...]:
        """The section's id and its ancestors', deepest first, ending with the root ("")."""
        found = self._chains.get(section_id)
        if found is None:
            found = (*(s.id for s in reversed(self.spec.path(section_id))), "")
            self._chains[section_id] = found
        return found

    def depth(self, section_id: str) -> int:
        """0 for the document itself, 1 for a top-level section, and so on."""
        return len(self.chain(section_id)) - 1

    def copies(self, fingerprint: str) -> list[Clause]:
        """The clauses holding this exact text, in document order."""
        if self._by_fingerprint is None:
            by_fingerprint: dict[str, list[Clause]] = defaultdict(list)
            for clause in self.spec.clauses:
                by_fingerprint[clause.fingerprint].append(clause)
            self._by_fingerprint = by_fingerprint
        return self._by_fingerprint.get(fingerprint, [])

    def copies_under(
        self, fingerprint: str, among: Container[int] | None
    ) -> dict[str, tuple[int, Clause]]:
        """For each section: how many clauses holding this text stand in it or below it
        (only those of ``among``, when given), and the first of them."""
        found: dict[str, tuple[int, Clause]] = {}
        for clause in self.copies(fingerprint):
            if among is None or clause.index in among:
                for section_id in self.chain(clause.section):
                    count, first = found.get(section_id, (0, clause))
                    found[section_id] = (count + 1, first)
        return found


def _count(counts: dict[str, tuple[int, Clause]], section_id: str) -> int:
    found = counts.get(section_id)
    return found[0] if found is not None else 0


class Contexts:
    """The sections two versions share, as seen from a clause on each side."""

    def __init__(self, old: Spec, new: Spec, section_pairs: dict[str, tuple[str, str]]) -> None:
        self.old = Outline(old)
        self.new = Outline(new)
        self.section_pairs = section_pairs
        self._paired_new: tuple[int, frozenset[str]] = (-1, frozenset())
        self._left: tuple[Container[int], Container[int]] = (frozenset(), frozenset())
        self._counts: dict[tuple[bool, bool, str], dict[str, tuple[int, Clause]]] = {}

    def leave(self, old_left: Container[int], new_left: Container[int]) -> None:
        """The clauses still unpaired on each side, as a pairing layer starts."""
        self._left = (old_left, new_left)
        self._counts = {key: found for key, found in self._counts.items() if not key[1]}

    def _copies_under(
        self, *, old: bool, left: bool, fingerprint: str
    ) -> dict[str, tuple[int, Clause]]:
        key = (old, left, fingerprint)
        found = self._counts.get(key)
        if found is None:
            outline = self.old if old else self.new
            among = (self._left[0] if old else self._left[1]) if left else None
            found = self._counts[key] = outline.copies_under(fingerprint, among)
        return found

    def images(self, old_section: str) -> list[tuple[str, str]]:
        """(old id, new id) of the section and its ancestors that have a partner,
        deepest first: the contexts an old clause can be found in on the new side."""
        return [
            (section_id, pair[0])
            for section_id in self.old.chain(old_section)
            if (pair := self.section_pairs.get(section_id)) is not None
        ]

    def shared(self, a: Clause, b: Clause) -> tuple[str, str]:
        """The deepest pair of sections (old id, new id) holding ``a`` and ``b``: the
        section of ``a`` or an ancestor, paired with that of ``b`` or an ancestor."""
        new_chain = set(self.new.chain(b.section))
        for old_id, new_id in self.images(a.section):
            if new_id in new_chain:
                return old_id, new_id
        return "", ""

    def closeness(self, a: Clause, b: Clause) -> int:
        """How deep the context ``a`` and ``b`` share lies (0: only the document)."""
        return self.new.depth(self.shared(a, b)[1])

    def told_apart(self, a: Clause, b: Clause) -> bool:
        """Whether the context ``a`` and ``b`` share holds no other copy of either's text,
        so that the words say which clause became which: "This object MAY be extended
        ..." in the Header Object is not the same sentence as in the Tag Object.

        Within the closest surviving context of either clause (the section it stands in,
        or the one its dissolved sub-section stood in) only the copies still unpaired
        (see :meth:`leave`) count: a copy kept in its own section is accounted for there.
        Further out every copy counts."""
        old_id, new_id = self.shared(a, b)
        near = old_id == self._old_home(a) or new_id == self._new_home(b)
        old_counts = self._copies_under(old=True, left=near, fingerprint=a.fingerprint)
        new_counts = self._copies_under(old=False, left=near, fingerprint=b.fingerprint)
        return _count(old_counts, old_id) == 1 and _count(new_counts, new_id) == 1

    def only_copy(self, a: Clause) -> Clause | None:
        """The new clause with ``a``'s exact text, still unpaired, that :meth:`told_apart`
        allows, if any. Walking up from ``a``'s section, the first paired context whose
        new side holds an unpaired copy decides: one copy is the only candidate (any other
        stands further out, where this one makes two), more are ambiguous."""
        left = self._copies_under(old=False, left=True, fingerprint=a.fingerprint)
        for _, new_id in self.images(a.section):
            count, clause = left.get(new_id, (0, a))
            if count == 1:
                return clause if self.told_apart(a, clause) else None
            if count > 1:
                return None
        return None

    def _old_home(self, clause: Clause) -> str:
        """The clause's section, or its closest ancestor that has a partner."""
        images = self.images(clause.section)
        return images[0][0] if images else ""

    def _new_home(self, clause: Clause) -> str:
        if self._paired_new[0] != len(self.section_pairs):
            paired = frozenset(new_id for new_id, _ in self.section_pairs.values())
            self._paired_new = (len(self.section_pairs), paired)
        paired_new = self._paired_new[1]
        return next((s for s in self.new.chain(clause.section) if s in paired_new), "")
