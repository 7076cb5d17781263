"""Runs of neighbouring clauses (classify/_neighbours.py): which changed clauses are read
together, so that a rule that moved between clauses pairs with itself, and how far that
reading reaches (a few places inside one section pair, never the whole document)."""

from __future__ import annotations

from specdiff.classify._neighbours import (
    MAX_RUN,
    RULE_REACH,
    WINDOW,
    _Member,
    _moved,
    _runs,
    _worth_reading,
)
from specdiff.classify._statements import stemmed_words


def seed(position: float, index: int, *, new_side: bool = True) -> _Member:
    return _Member(position, new_side, index, True, gains=new_side, loses=not new_side)


def edited(position: float, index: int, *, new_side: bool = True) -> _Member:
    return _Member(position, new_side, index, False)


def indices(runs: list[list[_Member]]) -> list[list[tuple[bool, int]]]:
    return [sorted((m.new_side, m.index) for m in run) for run in runs]


def test_seeds_at_most_a_window_apart_form_one_run():
    members = [seed(0, 0), seed(WINDOW, 1), seed(2 * WINDOW, 2), seed(3 * WINDOW + 1, 3)]
    assert indices(_runs(members)) == [
        [(True, 0), (True, 1), (True, 2)],
        [(True, 3)],
    ]


def test_a_rule_lost_and_a_rule_gained_a_little_further_apart_form_one_run():
    # "... so they may be checked during delivery." moved from the paragraph after an
    # example into the paragraph before it: one clause gains a rule, one place further
    # than WINDOW from the clause that lost it.
    gainer = _Member(0, True, 20, True, gains=True)
    loser = _Member(RULE_REACH, False, 11, True, loses=True)
    assert RULE_REACH > WINDOW
    assert indices(_runs([gainer, loser])) == [[(False, 11), (True, 20)]]
    # Both ways: the rule may move down as well as up.
    loser_first = _Member(0, False, 10, True, loses=True)
    gainer_after = _Member(RULE_REACH, True, 21, True, gains=True)
    assert indices(_runs([loser_first, gainer_after])) == [[(False, 10), (True, 21)]]


def test_seeds_that_move_no_rule_reach_no_further_than_the_window():
    # Control: two clauses that each lost (or each gained) a rule, or plain seeds, as far
    # apart stay two runs.
    assert len(_runs([seed(0, 0), seed(RULE_REACH, 1)])) == 2
    losers = [
        _Member(0, False, 10, True, loses=True),
        _Member(RULE_REACH, False, 11, True, loses=True),
    ]
    assert len(_runs(losers)) == 2
    far = [
        _Member(0, True, 20, True, gains=True),
        _Member(RULE_REACH + 1, False, 11, True, loses=True),
    ]
    assert len(_runs(far)) == 2


def test_an_edited_clause_joins_a_nearby_run_but_carries_it_no_further():
    # Every item of a list edited in place ("backwards" -> "backward") must not chain the
    # whole list into one run: only a seed starts or extends one.
    members = [seed(0, 0), edited(WINDOW, 1), edited(2 * WINDOW, 2), seed(3 * WINDOW, 3)]
    assert indices(_runs(members)) == [
        [(True, 0), (True, 1)],
        [(True, 2), (True, 3)],
    ]


def test_a_run_is_read_when_a_clause_was_added_beside_an_edited_one():
    old_paragraph = edited(0, 10, new_side=False)
    new_paragraph = edited(0, 20)
    added_item = seed(1, 21)
    assert _worth_reading([old_paragraph, new_paragraph, added_item], {10: 20})


def test_a_pair_that_kept_its_rules_to_itself_is_not_read_again():
    before = _Member(0, False, 10, True, loses=True)
    after = _Member(0, True, 20, True, gains=True)
    assert not _worth_reading([before, after], {10: 20})


def test_a_rule_that_left_one_pair_and_joined_another_is_read_across_them():
    left = _Member(0, False, 10, True, loses=True)
    left_new = _Member(0, True, 20, False)
    joined_old = _Member(1, False, 11, False)
    joined = _Member(1, True, 21, True, gains=True)
    assert _worth_reading([left, left_new, joined_old, joined], {10: 20, 11: 21})


def test_a_run_longer_than_the_limit_is_left_to_the_clause_reading():
    old_side = [edited(k, k, new_side=False) for k in range(MAX_RUN + 1)]
    new_side = [seed(k, 100 + k) for k in range(MAX_RUN + 1)]
    assert not _worth_reading(old_side + new_side, {})


# -- what a piece of text moved is --------------------------------------------------------
# A clause added or removed counts as regrouped only when it is a piece of text of some
# size made of words its neighbours let go of. Words that only join a piece to its
# sentence ("if", "otherwise") give it no size: a new step "If the token is stale:" is a
# step added, though its neighbours say "if", "token" and "stale" somewhere.

_OLD_RUN = "The client checks the token. If it is stale, the client refreshes it."
_LET_GO = "If it is stale, the client refreshes the token."


def test_a_new_conditional_step_is_no_text_moved_for_its_if():
    step = stemmed_words("If the token is stale:")
    assert not _moved(step, stemmed_words(_LET_GO), stemmed_words(_OLD_RUN))


def test_a_removed_branch_is_no_text_moved_for_its_otherwise_if():
    # The other direction: an old step gone, its words still said by the new run.
    step = stemmed_words("Otherwise if the token is stale:")
    new_run = "Otherwise the client checks the token; if it is stale it is refreshed."
    assert not _moved(step, stemmed_words(new_run), stemmed_words(new_run))


def test_a_piece_of_three_words_of_its_own_still_moved_with_its_if():
    # Control: the same step with three words of what it is about is a piece regrouped.
    step = stemmed_words("If the token is stale, refresh:")
    assert _moved(step, stemmed_words(_LET_GO), stemmed_words(_OLD_RUN))
