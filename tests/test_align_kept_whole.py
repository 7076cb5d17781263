"""Entries reordered and each kept whole (issue 10, moves): a list whose entries are put
in another order and each given the same words ("- Stamp Weight" -> "- Stamp Weight
[unless franked]", the last entry now first) pairs each entry with its own old text, and
the entry that changed places is the one moved. The order-keeping pairing of the gap
read the first old entry as the new first one, the second as the new second, and left
the third as removed + added. Mere likeness does not reorder: a clause that only stands
inside a neighbour's new text stays apart when the neighbour's own old text is closer.
"""

from __future__ import annotations

from specdiff.align._clauses import _kept_whole, _reordered_in_gap
from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

CONFIG = config_from_text("", False, "test")
TAIL = " [unless Franked]"


def spec(items: list[str]) -> str:
    return "\n".join(
        [
            "# Postage",
            "",
            "## Parcel Rate",
            "",
            "ParcelRate ::",
            *(f"  - {item}" for item in items),
            "",
            "Weight :: Digit+ Unit",
            "",
        ]
    )


OLD_ITEMS = ["Zone Weight", "Zone Stamp", "Zone Weight Stamp"]
NEW_ITEMS = ["Zone Weight Stamp" + TAIL, "Zone Weight" + TAIL, "Zone Stamp" + TAIL]


def pairs(before: str, after: str) -> list[tuple[str | None, str | None, str]]:
    report = compare_specs(parse_spec(before), parse_spec(after), CONFIG)
    found = [
        (c.old.text if c.old else None, c.new.text if c.new else None, str(c.kind))
        for c in report.changes
        if str(c.scope) == "clause"
    ]
    return sorted(found, key=lambda p: (p[0] or "", p[1] or ""))


def test_entries_reordered_and_kept_whole_pair_with_their_own_text():
    found = pairs(spec(OLD_ITEMS), spec(NEW_ITEMS))
    assert [(old, new) for old, new, _ in found] == sorted(
        (old, old + TAIL) for old in OLD_ITEMS
    ), found
    # Only the entry that changed places moved; none is removed or added.
    kinds = {old: kind for old, _, kind in found}
    assert kinds["Zone Weight Stamp"] == "moved"
    assert kinds["Zone Weight"] == kinds["Zone Stamp"] == "modified"


def test_entries_reordered_and_cut_back_pair_with_their_own_text():
    """The other direction: each entry loses the same words and the first goes last."""
    found = pairs(spec(NEW_ITEMS), spec(OLD_ITEMS))
    assert [(old, new) for old, new, _ in found] == sorted(
        (new + TAIL, new) for new in OLD_ITEMS
    ), found
    assert not any(old is None or new is None for old, new, _ in found)


def test_a_clause_inside_a_neighbours_new_text_stays_apart():
    """Control: "Acme Post." stands whole inside the new "Rates © 2015-2018, Acme Post.",
    but that line's own old text ("Rates © 2015-present, Acme Post.") is closer: the
    order kept reads the gap, and the short line is removed, not paired across."""
    before = "# Notice\n\nRates © 2015-present, Acme Post.\n\nAcme Post.\n\nSee the tariff.\n"
    after = (
        "# Notice\n\nRates © 2015-2018, Acme Post.\n\n"
        "Rates © 2019-present, Postal contributors\n\nSee the tariff.\n"
    )
    found = pairs(before, after)
    assert (
        "Rates © 2015-present, Acme Post.",
        "Rates © 2015-2018, Acme Post.",
        "modified",
    ) in found, found
    assert ("Acme Post.", None, "removed") in found, found


def test_kept_whole_needs_two_words_in_a_row():
    assert _kept_whole("zone weight", "zone weight [unless franked]")
    assert _kept_whole("zone weight", "the zone weight applies")
    assert not _kept_whole("zone weight", "zone stamp weight")
    assert not _kept_whole("note", "note: zone weight")


def test_reordering_needs_more_pairs_each_kept_whole():
    # Rows: old entries; columns: new entries. The crossing pairing pairs three.
    similarity = [[0.51, 0.58, 0.0], [0.0, 0.0, 0.56], [0.68, 0.65, 0.0]]
    whole = [[True, True, False], [False, False, True], [False, True, False]]
    in_order = [(0, 0), (2, 1)]
    assert _reordered_in_gap(similarity, whole, in_order) is None  # (2, 0) not whole
    whole[2][0] = True
    assert _reordered_in_gap(similarity, whole, in_order) == [(0, 1), (1, 2), (2, 0)]
    # No more pairs than the order kept: the order kept reads the gap.
    similarity = [[0.9, 0.6], [0.6, 0.0]]
    whole = [[True, True], [True, False]]
    assert _reordered_in_gap(similarity, whole, [(0, 0)]) is None
