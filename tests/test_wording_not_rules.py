"""Wording that reads as a rule but is none (issue 10, lane fx7-words): a lower-case "may"
in a sentence that opens "For example", "may continue to evolve" said of a thing, "may
still" said after the verb of a relative clause; and, in the comparison, "at least" with no
number, a word one version always gives a noun, a "should" said as what holds. The pairs
of texts are in tests/fixtures/diff/wording_not_rules.txt."""

from __future__ import annotations

import pytest

from specdiff.classify import _caption_reworded, is_editorial
from specdiff.classify._statements import _bare_minimum
from specdiff.classify._terms import Terms
from specdiff.classify._wording import alternatives_changed
from specdiff.parse import find_statements


@pytest.mark.parametrize(
    "text",
    [
        "For example, an interface may describe a required field.",
        "For instance, a badge type may implement an interface to guarantee the field exists.",
        "E.g. a crate can hold two barrels.",
        "The harbour language has evolved and may continue to evolve in future editions.",
        "A pilot must call the tower. However crates which do not hold cargo may still be weighed.",
    ],
)
def test_no_permission_is_read(text):
    assert all(s.keyword.casefold() not in ("may", "can") for s in find_statements(text))


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        # A prohibition in an example still forbids; a "may" outside one allows.
        ("A clerk must count crates. For example, a clerk cannot open a sealed crate.", "cannot"),
        ("A badge type may implement an interface.", "may"),
        # "continue" is an act a party the spec binds may be allowed.
        ("A pilot must call the tower. The pilot may continue the call.", "may"),
        # Capitals are always rules, in an example too.
        ("For example, a badge type MAY implement an interface.", "MAY"),
    ],
)
def test_the_rule_is_still_read(text, keyword):
    assert keyword in [s.keyword for s in find_statements(text)]


@pytest.mark.parametrize(
    ("span", "after", "minimum"),
    [
        (["at", "least"], ["support"], True),
        (["at", "a", "minimum"], ["list"], True),
        (["at", "least"], ["4"], False),
        (["at", "least"], ["two"], False),
        (["only"], ["support"], False),
    ],
)
def test_at_least_without_a_number_is_a_minimum(span, after, minimum):
    assert _bare_minimum(span, after) is minimum


OLD_TALLY = [
    "A harbour tally sheet lists the crates. A tally sheet is signed.",
    "Tally sheets are filed. A tally sheet is kept for a year. A tally sheet is paper.",
    "If a tally sheet lists one crate, it may be unnamed. If a harbour tally sheet lists two, "
    "each must be named.",
]
NEW_TALLY = [text.replace("harbour tally", "tally") for text in OLD_TALLY]


def test_a_word_one_version_always_gives_a_noun_is_terminology():
    terms = Terms(lambda: OLD_TALLY, lambda: NEW_TALLY).within(OLD_TALLY[2], NEW_TALLY[2])
    assert terms.qualifier_retired("harbour", "tally", in_new=False)


def test_not_where_the_clause_never_says_the_bare_noun():
    old = [*OLD_TALLY, "The clerk stamps each harbour tally sheet."]
    new = [text.replace("harbour tally", "tally") for text in old]
    terms = Terms(lambda: old, lambda: new).within(old[3], new[3])
    assert not terms.qualifier_retired("harbour", "tally", in_new=False)


def test_not_while_the_other_version_still_says_it():
    new = [*NEW_TALLY, "A harbour tally sheet is blue.", "A harbour tally sheet is thin."]
    terms = Terms(lambda: OLD_TALLY, lambda: new).within(OLD_TALLY[2], NEW_TALLY[2])
    assert not terms.qualifier_retired("harbour", "tally", in_new=False)


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        ("BerthType : one of dock moor", "BerthType : one of dock moor anchor", True),
        ("BerthType : one of `dock` `moor`", "BerthType : one of `dock`", True),
        ("BerthType : one of dock moor", "BerthType : one of moor dock", False),
        ("BerthType : one of `dock` `moor`", "BerthType : one of dock moor", False),
        # Not a production: another name, or prose.
        ("BerthType : one of dock moor", "SlipType : one of dock moor anchor", False),
        ("The ship takes one of the berths.", "The ship takes one of the free berths.", False),
    ],
)
def test_alternatives_after_one_of(old, new, changed):
    assert alternatives_changed(old, new) is changed


@pytest.mark.parametrize(
    ("old", "new", "kept"),
    [
        (
            "In this example `spareCrate` is loaded only if `$late` is given a `false` value.",
            "In this example `spareCrate` is only loaded if `$late` has the value `false`.",
            True,
        ),
        # Another name of the example, a word that narrows, a reason added.
        (
            "In this example `spareCrate` is loaded only if `$late` is given a `false` value.",
            "In this example `spareCrate` is only loaded if `$late` has the value `true`.",
            False,
        ),
        ("Is valid when the ship is in port.", "Is only valid when the ship is in port.", False),
        (
            "The following crates are invalid.",
            "The following crates are invalid because they hold no cargo and no seal.",
            False,
        ),
    ],
)
def test_a_caption_reworded_around_the_same_names(old, new, kept):
    assert _caption_reworded(old, new, 0.7) is kept


@pytest.mark.parametrize(
    ("old", "new", "editorial"),
    [
        # A punctuator joins (or leaves) a production's alternatives: a symbol the language
        # now has, however the words compare (issue 10, lane fx10-gql).
        ("Sign :: one of ! $ ( ) [ ] { }", "Sign :: one of ! $ ( ) [ ] { | }", False),
        ("Sign :: one of ! $ ( ) [ ] { | }", "Sign :: one of ! $ ( ) [ ] { }", False),
        # Control: the same symbols, only in other markup, are the same alternatives.
        ("Sign :: one of `!` `$`", "Sign :: one of ! $", True),
    ],
)
def test_a_punctuator_added_to_a_production_is_no_punctuation_edit(old, new, editorial):
    assert is_editorial(old, new) is editorial
