"""A section renamed in place while another chapter gains a section under its old title
(issue 10): the title alone does not pair the old section with the new one elsewhere when
a section in the old one's place keeps more of its text word for word. Both directions,
and a control where the section really moved."""

from __future__ import annotations

from specdiff.align import align
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

BEFORE = """# Language

## Tokens

A token is a word of the language.

# Schema

## Extensions

A schema may be extended.

## Notes

Note : Text

Every schema element can carry a note written beside it.

Tools should show the note of every element they list.

As an example, this element carries a note:

```
"A note" field: Int
```

## Objects

An object has fields.
"""

AFTER = """# Language

## Tokens

A token is a word of the language.

## Notes

Note : Text

Notes may be written on requests as well as on schema elements.

Notes in requests must not change what the request does.

# Schema

## Extensions

A schema may be extended.

## Schema Notes

Every schema element can carry a note, written right beside it.

Tools should show the note of every element they list.

As an example, this element carries a note:

```
"A note" field: Int
```

## Objects

An object has fields.
"""


def _sections(before: str, after: str) -> dict[str, str]:
    return align(parse_spec(before), parse_spec(after)).section_map()


def test_the_old_section_stays_in_its_place_renamed() -> None:
    pairs = _sections(BEFORE, AFTER)
    assert pairs["notes"] == "schema-notes"
    changes = compare_specs(parse_spec(BEFORE), parse_spec(AFTER)).changes
    added = [c for c in changes if c.scope.value == "section" and c.kind.value == "added"]
    assert [c.section for c in added] == ["notes"]


def test_read_backwards_the_same_sections_pair() -> None:
    pairs = _sections(AFTER, BEFORE)
    assert pairs["schema-notes"] == "notes"
    assert "notes" not in pairs or pairs["notes"] != "notes"


def test_control_a_section_moved_whole_keeps_its_title_pairing() -> None:
    moved = AFTER.replace(
        "## Schema Notes\n\nEvery schema element can carry a note, written right beside it.\n\n"
        "Tools should show the note of every element they list.\n\n"
        'As an example, this element carries a note:\n\n```\n"A note" field: Int\n```\n\n',
        "",
    ).replace(
        "Notes in requests must not change what the request does.\n",
        "Notes in requests must not change what the request does.\n\n"
        "Tools should show the note of every element they list.\n",
    )
    assert _sections(BEFORE, moved)["notes"] == "notes"
    assert _sections(moved, BEFORE)["notes"] == "notes"
