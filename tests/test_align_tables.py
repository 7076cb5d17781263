"""Rows of reordered tables and sections that grew a table (issue 10, lane fx6-tables).

A row is named by its leading cell: once a table's rows change their order, a row whose
name was edited is the row of the other side with the most alike name, never the row
that now fills its slot. A section renamed a little ("Herbs" -> "Herb") whose text lives
on inside one new section that also gained a table is that section renamed.
"""

from __future__ import annotations

from specdiff.align import align
from specdiff.parse import parse_spec

HEADER = "# Orchard\n\n## Picking\n\nTree | Age | Crates\n---- | --- | ------\n"


def table(*rows: str) -> str:
    return HEADER + "".join(f"{row}\n" for row in rows)


def row_pairs(old_text: str, new_text: str) -> set[tuple[str, str]]:
    """(old row's leading cell, new row's leading cell) of each pair of table rows."""
    old, new = parse_spec(old_text), parse_spec(new_text)

    def lead(text: str) -> str:
        return text.split("|", 1)[0].strip()

    return {
        (lead(old.clauses[pair.old].text), lead(new.clauses[pair.new].text))
        for pair in align(old, new).clauses
        if "|" in old.clauses[pair.old].text
    }


def test_a_row_of_a_reordered_table_whose_name_was_edited_finds_its_own_row():
    old = table(
        "Cox apple | 5 years | 4 crates",
        "Bramley apple | 8 years | 6 crates",
        "Conference pear | 3 years | 2 crates",
        "Damson plum | 4 years | 3 crates",
    )
    # Reversed; "Damson plum" renamed and moved to the top, "Damask plum" added in its slot.
    new = table(
        "Damson plums | 4 years | 3 crates",
        "Conference pear | 3 years | 2 crates",
        "Bramley apple | 8 years | 6 crates",
        "Cox apple | 5 years | 4 crates",
        "Damask plum | 4 years | 2 crates",
    )
    assert ("Damson plum", "Damson plums") in row_pairs(old, new)
    assert not any(lead == "Damask plum" for _, lead in row_pairs(old, new))
    # The other way round the same rows pair, and the damask plum is the one left over.
    assert ("Damson plums", "Damson plum") in row_pairs(new, old)


def test_rows_sharing_a_name_pair_by_the_rest_of_their_cells():
    old = table(
        "Cox apple | 5 years | 4 crates",
        "Bramley apple | 8 years | 6 crates",
        "Conference pear | 3 years | 2 crates",
        "Victoria plum | 4 years | 3 crates",
        "Morello cherry | 6 years | 5 crates",
        "Morello cherry | 9 years | 7 crates",
    )
    new = table(
        "Victoria plum | 4 years | 3 crates",
        "Morello cherries | 9 years | 7 crates",
        "Conference pear | 3 years | 2 crates",
        "Cox apple | 5 years | 4 crates",
        "Quince | 2 years | 1 crate",
        "Morello cherries | 6 years | 5 crates",
        "Bramley apples | 8 years | 6 crates",
    )
    old_spec, new_spec = parse_spec(old), parse_spec(new)
    texts = {
        old_spec.clauses[p.old].text: new_spec.clauses[p.new].text
        for p in align(old_spec, new_spec).clauses
    }
    assert texts["Morello cherry | 6 years | 5 crates"] == "Morello cherries | 6 years | 5 crates"
    assert texts["Morello cherry | 9 years | 7 crates"] == "Morello cherries | 9 years | 7 crates"


def test_a_renamed_section_that_grew_a_table_is_renamed_not_replaced():
    kept = (
        "Herbs grow in the raised bed beside the kitchen door.\n\n"
        "**Watering**\n\nWater the herbs every morning before the sun reaches the wall.\n\n"
        "**Harvest**\n\nCut the leaves from the top so the stems branch again.\n\n"
        "Leave a third of every plant standing for the bees.\n\n"
    )
    old = (
        "# Garden\n\n## Beds\n\n### Herbs\n\n" + kept + "The old pots are kept for seedlings.\n\n"
        "## Tools\n\nEvery tool hangs on its own hook in the shed.\n"
    )
    rows = "".join(f"Herb{k} | June | {k} cm\n" for k in range(12))
    new = (
        "# Garden\n\n## Beds\n\nBeds are edged with brick.\n\n## Herb\n\n"
        + kept
        + "Herb | Month | Height\n---- | ----- | ------\n"
        + rows
        + "\n"
        "## Tools\n\nEvery tool hangs on its own hook in the shed.\n"
    )
    forward = {(p.old, p.new) for p in align(parse_spec(old), parse_spec(new)).sections}
    backward = {(p.old, p.new) for p in align(parse_spec(new), parse_spec(old)).sections}
    assert ("herbs", "herb") in forward
    assert ("herb", "herbs") in backward
