"""Unit tests of a reading (issue 10, fx6-algo): an obligation restated as a step of an
algorithm that checks the same subject and fails when it does not hold is the same rule."""

from __future__ import annotations

from specdiff.classify._statements import _checked_by_step
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
