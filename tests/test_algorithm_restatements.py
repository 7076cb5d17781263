"""Unit tests of a reading (issue 10, fx6-algo): an obligation restated as a step of an
algorithm that checks the same subject and fails when it does not hold is the same rule."""

from __future__ import annotations

from specdiff.classify._statements import _checked_by_step, _contraposed
from specdiff.parse import parse_spec


def _rule(text: str):
    (rule,) = parse_spec(f"# T\n\n{text}\n").clauses[-1].statements
    return rule


def test_an_obligation_is_kept_by_a_check_that_fails_on_its_subject():
    rule = _rule("{crateA} and {crateB} must both be sealed.")
    assert _checked_by_step(rule, "If {crateA} or {crateB} is not sealed, return false.")
    assert _checked_by_step(rule, "If {crateA} or {crateB} is open, raise a packing error.")
    assert _checked_by_step(
        rule, "If {crateA} and {crateB} are sealed return true, otherwise return false."
    )


def test_a_call_that_must_be_true_is_kept_by_a_check_on_its_result():
    rule = _rule("{FitsShelf(crateA, shelf)} must be true.")
    assert _checked_by_step(rule, "If {FitsShelf(crateA, shelf)} is false, return false.")


def test_a_step_that_does_not_fail_or_checks_another_subject_keeps_no_rule():
    rule = _rule("{crateA} and {crateB} must both be sealed.")
    assert not _checked_by_step(rule, "Let {crateA} be the sealed part of {crateA}.")
    assert not _checked_by_step(rule, "If {crateA} or {crateB} is not sealed, return true.")
    assert not _checked_by_step(rule, "If {barrel} is not sealed, return false.")


def test_advice_is_no_obligation_a_check_restates():
    rule = _rule("{crateA} and {crateB} should both be sealed.")
    assert not _checked_by_step(rule, "If {crateA} or {crateB} is not sealed, return false.")


def _pair(old: str, new: str):
    return _rule(old), _rule(new)


def test_a_prohibition_for_what_is_not_so_is_a_rule_for_what_is_so_only():
    old, new = _pair(
        "Loading should not begin for unsealed crates.",
        "Loading should only begin for sealed crates.",
    )
    assert _contraposed(old, new) == ("unsealed", "sealed")
    assert _contraposed(new, old) == ("unsealed", "sealed")


def test_only_with_the_same_word_or_another_force_is_no_restatement():
    assert not _contraposed(
        *_pair(
            "Loading should not begin for unsealed crates.",
            "Loading should only begin for unsealed crates.",
        )
    )
    assert not _contraposed(
        *_pair(
            "Loading should not begin for unsealed crates.",
            "Loading must only begin for sealed crates.",
        )
    )
    assert not _contraposed(
        *_pair(
            "Loading should not begin for unsealed crates.",
            "Loading should begin for sealed crates.",
        )
    )
    assert not _contraposed(
        *_pair(
            "Loading should not begin for unsealed crates.",
            "Unloading should only begin for sealed crates.",
        )
    )
