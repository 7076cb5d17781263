"""Rules restated rather than changed (issue 10, fx8-oas): an object's extension row, in a
sub-section of its own, said again as a sentence under the object that links where the
row's rule is stated; and such a row gone where the rule stays stated at its link."""

from __future__ import annotations

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

NOTES = """## Notes {#notes}

Notes can be added to a catalogue at certain points.

| Field Pattern | Type | Description |
| --- | --- | --- |
| ^note- | Any | Allows notes on the catalogue. The field name MUST begin with `note-`. |
"""

ROW = (
    '| <a name="{name}Notes"></a>^note- | Any | Allows notes on the {name}. The field name'
    " MUST begin with `note-`. See [Notes](#notes) for details. |"
)


def _object(name: str, tail: str) -> str:
    return f"""## {name.title()} Object

A {name} is one part of a machine.

### Fixed Fields

| Field Name | Type | Description |
| --- | --- | --- |
| <a name="{name}Weight"></a>weight | `number` | The weight of the {name} in grams. |

{tail}
"""


def _row_section(name: str) -> str:
    return f"""### Patterned Fields

| Field Pattern | Type | Description |
| --- | --- | --- |
{ROW.format(name=name)}
"""


SENTENCE = "This object MAY carry [Notes](#notes)."

OLD = "\n".join(
    ["# Catalogue", "", _object("widget", _row_section("widget")), _object("gadget", ""), NOTES]
)
NEW = "\n".join(["# Catalogue", "", _object("widget", SENTENCE), _object("gadget", ""), NOTES])


def _changes(old: str, new: str):
    return compare_specs(parse_spec(old), parse_spec(new)).changes


def _about(changes, words: str):
    return [
        c for c in changes if any(words in side.text for side in (c.old, c.new) if side is not None)
    ]


def test_an_extension_row_said_again_as_a_sentence_under_its_object_is_restated():
    changes = _changes(OLD, NEW)
    [row] = _about([c for c in changes if str(c.scope) == "clause"], "Allows notes on the widget")
    assert row.new is not None and "MAY carry" in row.new.text
    assert "restated" in row.tags
    assert not [t for t in row.tags if t.startswith("normative.")]
    assert str(row.severity) == "patch"
    # The sub-heading went into the object's other sub-section: merged, not a rule removed.
    [heading] = [c for c in changes if str(c.scope) == "section"]
    assert str(heading.kind) == "merged"
    assert str(heading.severity) != "major"


def test_the_other_way_round_the_sentence_becomes_the_row_again():
    changes = _changes(NEW, OLD)
    [row] = _about([c for c in changes if str(c.scope) == "clause"], "Allows notes on the widget")
    assert row.old is not None and "MAY carry" in row.old.text
    assert "restated" in row.tags
    assert str(row.severity) == "patch"


def test_an_extension_row_gone_whose_rule_stays_stated_at_its_link_removes_no_rule():
    old = OLD.replace(_object("gadget", ""), _object("gadget", _row_section("gadget")))
    changes = _changes(old, OLD)
    [gone] = [c for c in changes if str(c.scope) == "section"]
    assert str(gone.kind) == "removed"
    assert gone.tags == ("restated",)
    assert str(gone.severity) == "patch"


def test_control_a_section_gone_with_other_text_beside_a_restated_row_is_no_restatement():
    old = OLD.replace(
        _object("gadget", ""),
        _object("gadget", _row_section("gadget") + "\nGadget notes are read aloud.\n"),
    )
    changes = _changes(old, OLD)
    [gone] = [c for c in changes if str(c.scope) == "section"]
    assert gone.tags == ()
    assert str(gone.severity) == "minor"


def test_control_a_row_gone_whose_rule_its_link_does_not_state_removes_the_rule():
    other = ROW.replace("MUST begin with `note-`", "MUST be unique in the catalogue")
    old = OLD.replace(
        _object("gadget", ""),
        _object("gadget", _row_section("gadget").replace(ROW.format(name="gadget"), other)),
    ).replace("{name}", "gadget")
    changes = _changes(old, OLD)
    [gone] = [c for c in changes if str(c.scope) == "section"]
    assert "normative.removed" in gone.tags
    assert str(gone.severity) == "major"


def test_control_a_sentence_that_says_a_new_rule_is_no_restatement():
    new = NEW.replace(SENTENCE, "Each widget SHOULD carry [Notes](#notes).")
    changes = _changes(OLD, new)
    [row] = _about([c for c in changes if str(c.scope) == "clause"], "Allows notes on the widget")
    assert "restated" not in row.tags
    assert "normative.added" in row.tags


def test_control_two_sentences_citing_the_place_leave_the_row_unpaired():
    new = NEW.replace(SENTENCE, f"{SENTENCE}\n\nSee [Notes](#notes) for how notes are kept.")
    changes = _changes(OLD, new)
    assert not _about([c for c in changes if str(c.scope) == "clause"], "Allows notes")
    [gone] = [c for c in changes if str(c.scope) == "section"]
    assert str(gone.kind) == "removed"
