"""An HTML block that holds only an anchor (and perhaps a note to editors), added to keep
old links landing (``<a name="sec-Old"><!-- Legacy link ... --></a>``), is markup no
reader sees: patch (issue 10: editorial means the same everywhere). Removed, it is left
as it was read (links to it break); a block a reader sees stays what it was."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

BEFORE = "# Title\n\nText one.\n\nText two.\n"
ANCHOR = '<a name="old-title">\n  <!-- Legacy link, this section was titled "Old" -->\n</a>\n'


def _with(block: str) -> str:
    return BEFORE.replace("Text two.", block + "\nText two.")


def _changes(old: str, new: str) -> list[tuple[str, str, tuple[str, ...]]]:
    changes = compare_specs(parse_spec(old), parse_spec(new)).changes
    return [(c.kind.value, str(c.severity), c.tags) for c in changes]


@pytest.mark.parametrize("block", [ANCHOR, '<a name="old-title"></a>\n', '<a id="x">\n</a>\n'])
def test_an_anchor_added_is_patch(block: str) -> None:
    assert _changes(BEFORE, _with(block)) == [("added", "patch", ("anchor.added",))]


def test_the_other_direction_an_anchor_removed_is_read_as_before() -> None:
    assert _changes(_with(ANCHOR), BEFORE) == [("removed", "minor", ())]


@pytest.mark.parametrize(
    "block", ['<a name="old-title">Old title</a>\n', "<div>\nSee the old title.\n</div>\n"]
)
def test_control_a_block_a_reader_sees_is_not_an_anchor(block: str) -> None:
    ((kind, _severity, tags),) = _changes(BEFORE, _with(block))
    assert kind == "added" and "anchor.added" not in tags
