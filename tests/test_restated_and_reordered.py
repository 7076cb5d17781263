"""Unit tests of three readings (issue 10, fx-pair): the order siblings keep, a rule whose
"always" came or went with a rewording, and "could not" said as "cannot"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from specdiff.align._order import _out_of_order
from specdiff.classify._statements import _modal_tense_only, _said_plainly, in_one_tense
from specdiff.parse import parse_spec


def _rules(text: str):
    return parse_spec(f"# T\n\n{text}\n").clauses[-1].statements


def test_siblings_kept_in_order_stay_and_the_one_brought_forward_moved():
    assert _out_of_order([0, 1, 2, 3]) == []
    assert _out_of_order([4, 0, 1, 2, 3]) == [0]
    assert _out_of_order([1, 2, 3, 0]) == [3]


def test_two_siblings_swapped_are_both_reported():
    assert _out_of_order([1, 0]) == [0, 1]
    assert _out_of_order([0, 2, 1, 3]) == [1, 2]


@given(st.permutations(list(range(7))))
def test_the_siblings_read_as_moved_are_the_same_read_from_either_side(order):
    # Old position k went to new position order[k]; read the other way round, new
    # position p came from old position inverse[p].
    inverse = [0] * len(order)
    for k, p in enumerate(order):
        inverse[p] = k
    moved_forward = set(_out_of_order(order))
    moved_back = {inverse[p] for p in _out_of_order(inverse)}
    assert moved_forward == moved_back


def test_always_dropped_with_the_act_said_plainly_keeps_the_rule():
    (rule,) = _rules("If a parcel is late, it is always weighed again at the depot.")
    assert _said_plainly(rule, "When a parcel is late, it is weighed again at the depot.")


def test_always_dropped_with_the_act_negated_or_hedged_is_another_rule():
    (rule,) = _rules("If a parcel is late, it is always weighed again at the depot.")
    assert not _said_plainly(rule, "If a parcel is late, it is not weighed again at the depot.")
    assert not _said_plainly(rule, "If a parcel is late, it may be weighed again at the depot.")
    assert not _said_plainly(rule, "If a parcel is late, it is sent back to the sender.")


def test_could_not_said_as_cannot_is_the_one_statement():
    (rule,) = _rules("However, a crate cannot be stacked on a barrel:")
    assert _modal_tense_only(rule, "However a crate could not be stacked on a barrel.")
    assert not _modal_tense_only(rule, "However a crate could not be stacked on a cask.")


def test_in_one_tense_rewrites_could_only_where_the_rule_is_the_same():
    old, new = "However a crate could not be stacked.", "However, a crate cannot be stacked:"
    assert in_one_tense((), _rules(new), old, new) == ("However a crate cannot be stacked.", new)
    other = "A crate could be opened by the clerk."
    assert in_one_tense((), _rules(new), other, new) == (other, new)
