"""A table row's text read back into cells: the separator pattern is written pipe first,
for speed, and must split where the plain pattern does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from specdiff.parse._tables import _CELL_SEPARATOR, row_cells

# A pipe that stands at the start or after a space, and before a space or the end.
PLAIN_SEPARATOR = re.compile(r"(?:^|(?<= ))\|(?= |$)")

ROWS = st.lists(st.sampled_from([*"| a\\\n", "\\|", " | ", "||", "`a|b`"]), max_size=30).map(
    "".join
)


@settings(max_examples=1000, deadline=None)
@given(ROWS)
def test_the_fast_separator_splits_where_the_plain_one_does(text: str) -> None:
    assert _CELL_SEPARATOR.split(text) == PLAIN_SEPARATOR.split(text)


def test_cells_of_rows_as_the_parser_joins_them() -> None:
    assert row_cells("a | b | c") == ("a", "b", "c")
    assert row_cells("a | | c") == ("a", "", "c")
    assert row_cells("| x") == ("", "x")
    assert row_cells("x |") == ("x", "")
    assert row_cells(r"a\|b | c") == (r"a\|b", "c")
    assert row_cells("a|b | c") == ("a|b", "c")
