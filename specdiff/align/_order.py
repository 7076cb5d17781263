"""Sections that kept their parent but changed places among their siblings.

A reader who finds "Nullability" now before "Error handling", both still under
"Evaluating a grouped field set", says the section moved. Which siblings moved is read
from the order the paired siblings keep: a sibling in every longest run kept in order
stayed where it was ("A B C D E" → "E A B C D": only E moved); a sibling that some
longest run leaves out changed places with another, and no reading can say which of the
two the author picked up, so each is reported ("A B" → "B A": both). The reading is the
same both ways round, since a run kept in order is kept in order read from either side.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model.document import Spec


def reordered_sections(old: Spec, new: Spec, section_map: Mapping[str, str]) -> frozenset[str]:
    """Old ids of paired sections that kept their parent but changed places among the
    siblings also found on both sides (added and removed siblings change no order).

    The sections directly under the root of a spec made of many files are left out: their
    order is the order of the files, not one an author chose inside a text."""
    many_files = bool(old.documents or new.documents)
    moved: set[str] = set()
    for before in old.sections:
        after_id = section_map.get(before.id)
        if after_id is None or len(before.children) < 2 or (many_files and not before.level):
            continue
        new_place = {child: k for k, child in enumerate(new.section(after_id).children)}
        kept = [
            (child, new_place[section_map[child]])
            for child in before.children
            if section_map.get(child) in new_place
        ]
        places = [place for _, place in kept]
        moved.update(kept[k][0] for k in _out_of_order(places))
    return frozenset(moved)


def _out_of_order(values: list[int]) -> list[int]:
    """Positions of ``values`` (distinct) not in every longest increasing run."""
    if len(values) < 2:
        return []
    ending = _run_lengths(values)
    starting = _run_lengths([-v for v in reversed(values)])[::-1]
    longest = max(ending)
    on_a_run = [k for k in range(len(values)) if ending[k] + starting[k] - 1 == longest]
    # A run takes one value of each length; a length that two values share is a choice.
    shared = Counter(ending[k] for k in on_a_run)
    fixed = {k for k in on_a_run if shared[ending[k]] == 1}
    return [k for k in range(len(values)) if k not in fixed]


def _run_lengths(values: list[int]) -> list[int]:
    """For each position, the length of the longest increasing run ending there."""
    tails: list[int] = []
    lengths = []
    for value in values:
        slot = bisect.bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
        else:
            tails[slot] = value
        lengths.append(slot + 1)
    return lengths
