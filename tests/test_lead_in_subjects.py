"""Rules whose subject a lead-in gives ("For each rack of a gas kiln:" + "The rack must
..."), parties named as members of a whole, prohibitions said with "may not", and words
put between a count and what it counts (issue 10; fixtures in
tests/fixtures/diff/lead_in_subjects.txt)."""

from __future__ import annotations

import pytest

from specdiff.classify._lead_ins import read_under_lead_in
from specdiff.classify._statements import compare_statements
from specdiff.parse import parse_spec
from specdiff.parse.statements import find_statements, party_key


@pytest.mark.parametrize(
    ("subject", "party"),
    [
        # The member is bound, not what it belongs to: the head noun stays in the key.
        ("The racks of a gas kiln", "rack of gas kiln"),
        ("The fields of an Object type", "field of object type"),
        ("each rack of a gas kiln", "rack of gas kiln"),
        ("The doors in the north kiln hall", "door in north kiln hall"),
        # Short subjects keep their words as before.
        ("The burners", "burner"),
        ("A gas kiln", "gas kiln"),
    ],
)
def test_a_member_of_a_whole_keeps_its_head_noun(subject, party):
    assert party_key(subject) == party


KILNS = """\
# Kilns {#kilns}

Kilns fire the clay pieces of the studio.

1. For each rack of a gas kiln:
   1. The rack must carry a unique number within that gas kiln.
   2. The door must close by itself.
2. The burners must be lit by hand.

For each tray in the drying room:

- The tray must be dry before a firing.
"""


def _item(spec, opening):
    return next(c for c in spec.clauses if c.text.startswith(opening))


def test_an_item_under_a_for_each_lead_in_binds_what_the_lead_in_names():
    spec = parse_spec(KILNS)
    rack = read_under_lead_in(spec, _item(spec, "The rack must"))
    assert [s.party for s in rack.statements] == ["rack of gas kiln"]
    # The item's own text and keyword are what they were: only the party is read anew.
    assert rack.text == _item(spec, "The rack must").text
    assert rack.statements[0].keyword == "must"


def test_a_paragraph_lead_in_gives_the_subject_of_the_list_after_it():
    spec = parse_spec(KILNS)
    tray = read_under_lead_in(spec, _item(spec, "The tray must"))
    assert [s.party for s in tray.statements] == ["tray in drying room"]


def test_an_item_about_something_else_keeps_its_own_party():
    spec = parse_spec(KILNS)
    door = _item(spec, "The door must")
    assert read_under_lead_in(spec, door) is door
    burners = _item(spec, "The burners must")
    assert read_under_lead_in(spec, burners) is burners  # no lead-in of that kind


def _changes(old: str, new: str):
    return compare_statements(find_statements(old), find_statements(new), old, new)


def test_a_permission_denied_forbids_as_must_not_does():
    assert not any(
        c.tag.startswith("normative.") and c.tag in ("normative.strengthened", "normative.weakened")
        for c in _changes(
            "Visitors may not open a kiln while it is firing.",
            "Visitors must not open a kiln while it is firing.",
        )
    )
    (weakened,) = _changes(
        "Visitors may not open a kiln while it is firing.",
        "Visitors should not open a kiln while it is firing.",
    )
    assert (weakened.tag, weakened.old, weakened.new) == (
        "normative.weakened",
        "may not",
        "should not",
    )


def test_a_denial_respelled_is_no_force_changed():
    # "Niether" is no denial, "Neither" is: the keyword "may" is compared as written.
    assert (
        _changes("Niether form may be used for a kiln.", "Neither form may be used for a kiln.")
        == ()
    )


def test_a_word_between_a_count_and_what_it_counts_is_quoted_as_a_qualifier():
    (changed,) = _changes(
        "A gas kiln must hold one or more racks.", "A gas kiln must hold one or more steel racks."
    )
    assert (changed.tag, changed.old, changed.new) == (
        "normative.changed",
        "more racks",
        "more steel racks",
    )


def test_another_count_is_still_another_count():
    (changed,) = _changes(
        "A gas kiln must hold one or more racks.", "A gas kiln must hold two or more racks."
    )
    assert changed.tag == "normative.changed"
