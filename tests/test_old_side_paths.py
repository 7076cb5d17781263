"""A record of something gone is named as the old document had it: section ids such as
``fixed-fields-1`` are positional, so an old id may name another section on the new side
(issue 10, "Sections with generic titles")."""

from __future__ import annotations

from datetime import date

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.render.changelog import Entry, render_entry
from specdiff.render.json import report_data

OLD = """# Kennel API

## Pet Object

A pet that the kennel boards.

### Fixed Fields

Field Name | Type | Description
---|---|---
name | `string` | The pet's name. It MUST be unique within the kennel.

## Tag Object

A tag worn on a pet's collar.

### Fixed Fields

Field Name | Type | Description
---|---|---
label | `string` | The text engraved on the tag.
colour | `string` | The tag's colour.
"""
# The Pet Object loses its table: the Tag Object's "Fixed Fields" takes the id
# "fixed-fields" that the Pet Object's had.
NEW = """# Kennel API

## Pet Object

A pet that the kennel boards, named by its owner.

## Tag Object

A tag worn on a pet's collar.

### Fixed Fields

Field Name | Type | Description
---|---|---
label | `string` | The text engraved on the tag.
"""


def records(old: str, new: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    data = report_data(compare_specs(parse_spec(old), parse_spec(new)))
    return [
        (f"{c['scope']}.{c['kind']}", c["section"], c["old_section"], c["path"])
        for c in data["changes"]
    ]


def changelog(old: str, new: str) -> str:
    report = compare_specs(parse_spec(old), parse_spec(new))
    return render_entry(Entry("2.0.0", date(2025, 1, 1), report, detail="full"))


def test_a_removed_section_has_its_old_path_though_a_new_section_took_its_id():
    assert records(OLD, NEW) == [
        ("clause.modified", "pet-object", "pet-object", ["Kennel API", "Pet Object"]),
        (
            "section.removed",
            None,
            "fixed-fields",
            ["Kennel API", "Pet Object", "Fixed Fields"],
        ),
        (
            "section.reidentified",
            "fixed-fields",
            "fixed-fields-1",
            ["Kennel API", "Tag Object", "Fixed Fields"],
        ),
        # Control: a row gone from a section that is still there keeps that section's path.
        ("clause.removed", None, "fixed-fields-1", ["Kennel API", "Tag Object", "Fixed Fields"]),
    ]


def test_the_changelog_lists_the_removed_section_under_its_old_parent():
    text = changelog(OLD, NEW)
    assert "- **Pet Object › Fixed Fields** (`#fixed-fields`): section removed" in text
    assert "- **Tag Object › Fixed Fields** (`#fixed-fields`): rule removed" in text
    assert "Tag Object › Fixed Fields** (`#fixed-fields`): section removed" not in text


def test_the_other_way_round_an_added_section_has_its_new_path():
    # The Pet Object's table comes (back) under the id the Tag Object's had.
    found = records(NEW, OLD)
    assert (
        "section.added",
        "fixed-fields",
        None,
        ["Kennel API", "Pet Object", "Fixed Fields"],
    ) in found
    assert (
        "section.reidentified",
        "fixed-fields-1",
        "fixed-fields",
        ["Kennel API", "Tag Object", "Fixed Fields"],
    ) in found
    text = changelog(NEW, OLD)
    assert "- **Pet Object › Fixed Fields** (`#fixed-fields`): new section" in text


def test_ids_that_name_the_same_section_on_both_sides_keep_one_group():
    # Control: nothing positional moves, so the old side adds no names of its own.
    old = OLD
    new = OLD.replace("colour | `string` | The tag's colour.\n", "")
    report = compare_specs(parse_spec(old), parse_spec(new))
    assert report.old_titles == report.old_paths == report.old_labels == ()
    text = render_entry(Entry("2.0.0", date(2025, 1, 1), report, detail="full"))
    assert text.count("Tag Object › Fixed Fields") == 1


def test_a_row_removed_from_a_renamed_section_is_shown_under_its_new_title():
    # Control: the section is still there (renamed, its id with it): a reader finds the
    # row's section under the title it has now.
    old = OLD.replace("colour | `string` | The tag's colour.\n", "")
    new = old.replace("## Pet Object", "## Animal Object").replace(
        "name | `string` | The pet's name. It MUST be unique within the kennel.\n", ""
    )
    found = records(old, new)
    assert (
        "section.renamed",
        "animal-object",
        "pet-object",
        ["Kennel API", "Animal Object"],
    ) in found
    removed = [r for r in found if r[0] == "clause.removed"]
    assert removed
    assert all(r[3] == ["Kennel API", "Animal Object", "Fixed Fields"] for r in removed)
