"""A restrictive relative with an impersonal keyword ("role names which are required for
the execution") tells which things, it states no rule; "in which case" opens the rule
after it, whose subject follows it. Controls beside each."""

from __future__ import annotations

from specdiff.parse import find_statements


def test_a_restrictive_relative_states_no_rule():
    (statement,) = find_statements(
        "For parcels sent abroad, the list MAY contain the names of stamps which are "
        "required for customs, but are not otherwise checked."
    )
    assert (statement.keyword, statement.party) == ("MAY", "list")
    assert find_statements("Couriers encode the characters that are not allowed here.") == ()


def test_an_impersonal_keyword_said_of_its_subject_stays_a_rule():
    (statement,) = find_statements("Sharing keys is not allowed.")
    assert statement.keyword == "is not allowed"
    # After a comma, "which" opens an aside that states the rule of its noun.
    readings = [
        s.keyword for s in find_statements("Clients, which are required to log in, MUST retry.")
    ]
    assert readings == ["are required", "MUST"]


def test_in_which_case_opens_the_rule_after_it():
    may, must = find_statements("A parcel MAY be split in which case each part MUST carry a label.")
    assert (may.party, may.action) == ("parcel", "be split")
    assert (must.party, must.action) == ("part", "carry a label")
    (relative,) = find_statements("Rules which MUST be kept are listed below.")
    assert relative.party == ""
