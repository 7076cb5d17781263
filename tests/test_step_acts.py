"""What a step of an algorithm does, and which steps may be one step rewritten
(specdiff.align._steps), and a check delegated to an algorithm (specdiff.classify._steps)."""

from __future__ import annotations

from specdiff.align._steps import may_be_one_step, same_call, signature_act, step_act
from specdiff.classify._steps import delegated_check
from specdiff.parse import parse_spec


def test_a_step_is_read_by_the_verb_it_opens_with():
    assert step_act("Let {weight} be the weight of {crate}.") == "bind"
    assert step_act("Otherwise, let {value} be {argumentValue}.") == "bind"
    assert step_act("For each {crate} in {crates}:") == "loop"
    assert step_act("Return {manifest}.") == "return"
    assert step_act("Add an entry to {manifest} named {name}.") == "add"
    assert step_act("Otherwise, continue to the next crate.") == "continue"
    assert step_act("Otherwise:") == "otherwise"


def test_a_test_is_read_with_what_it_does_when_it_holds():
    assert step_act("If {crate} is fragile:") == "test:block"
    assert step_act("Otherwise, if {crate} is fragile, throw an error.") == "test:throw"
    assert step_act("If {crate} is fragile, return {false}.") == "test:return"
    # A condition in prose names no variable: no step.
    assert step_act("If the clerk is away, the crate waits.") is None


def test_a_check_is_a_step_that_says_what_must_hold_of_a_variable_or_a_call():
    assert step_act("{weight} must be at most {capacity}.") == "assert"
    assert step_act("AreLoadable({crate}, {barge}) must be true") == "assert"
    assert step_act("The clerk must weigh every crate.") is None


def test_an_algorithm_heading_is_its_signature():
    assert step_act("AreLoadable(crate, barge):") == "signature"
    assert signature_act("AreLoadable(crate, barge):") == "signature"
    assert signature_act("A clerk loads the barge:") is None


def test_steps_that_do_different_things_are_not_one_step():
    assert not may_be_one_step(
        "Otherwise, continue to the next crate.", "Otherwise, let {weight} be zero."
    )
    assert not may_be_one_step("If {crate} is fragile:", "If {crate} is fragile, throw an error.")
    assert not may_be_one_step(
        "AreLoadable({crate}, {barge}) must be true",
        "AreLoadable(crate, barge):",
        b_step=False,
    )


def test_tests_are_one_test_when_they_share_a_variable_or_read_much_alike():
    assert may_be_one_step(
        "Otherwise, if {label} exists:", "If {weight} is zero and {label} exists:"
    )
    assert may_be_one_step("If {value} is a Variable:", "If {argumentValue} is a {Variable}:")
    assert not may_be_one_step(
        "If {label} is missing from {barge}:", "If {weight} is missing or zero:"
    )


def test_prose_list_items_pair_as_before():
    assert may_be_one_step("The clerk weighs the crates.", "Let {weight} be zero.")
    assert may_be_one_step("Clerks sort parcels.", "Clerks stack parcels.")


def _item(text: str):
    spec = parse_spec(f"# Loading\n\n  * {text}\n")
    return next(c for c in spec.clauses if c.text == text)


def test_a_check_made_by_a_called_algorithm_names_it():
    old = _item("{weight} must be at most {capacity}.")
    new = _item("{IsLoadable(crate, barge)} must be {true}.")
    assert delegated_check(old, new) == "IsLoadable"
    assert delegated_check(new, old) == "IsLoadable"


def test_a_check_turned_the_other_way_is_no_check_delegated():
    old = _item("{weight} must be at most {capacity}.")
    assert delegated_check(old, _item("{IsLoadable(crate, barge)} must not be {true}.")) == ""
    assert delegated_check(old, _item("{weight} must be at least {capacity}.")) == ""


def test_a_test_that_does_not_say_what_it_does_may_be_any_test():
    assert may_be_one_step("If {typeA} or {typeB} is List.", "If {typeA} or {typeB} is List:")
    assert may_be_one_step(
        "If {operation} was not found, produce a query error.",
        "If {operation} was not found, raise a request error.",
    )


def test_a_bound_call_returned_instead_is_one_step():
    bound = "Let {weight} be the result of running {WeighCrate(crate, shelf, ledger)} *carefully*."
    returned = 'Return {WeighEachCrate(ledger, shelf, crate, "careful")}.'
    assert same_call(bound, returned)
    assert may_be_one_step(bound, returned)
    assert may_be_one_step(returned, bound)


def test_a_call_of_another_algorithm_or_of_other_arguments_is_another_step():
    bound = "Let {weight} be the result of running {WeighCrate(crate, shelf, ledger)}."
    assert not same_call(bound, 'Return {StampLabel(label, clerk, "careful")}.')
    assert not same_call(bound, "Return {WeighCrate(label, clerk, ledger)}.")
    assert not may_be_one_step(bound, "Return {StampLabel(crate, shelf, ledger)}.")
    assert not may_be_one_step(bound, "Return {weight}.")


def test_a_flag_bound_to_a_condition_and_a_test_of_it_are_one_step():
    flag = "Let {hasEntry} be {true} if {ledger} holds an entry for the label {label}."
    test = "If {ledger} holds an entry for the label {label}:"
    assert may_be_one_step(flag, test)
    assert may_be_one_step(test, flag)
    assert may_be_one_step(flag, "Otherwise if {ledger} holds an entry for the label {label}.")


def test_a_flag_and_a_test_of_another_condition_are_two_steps():
    flag = "Let {hasEntry} be {true} if {ledger} holds an entry for the label {label}."
    assert not may_be_one_step(flag, "If {parcel} is sealed with wax:")
    assert not may_be_one_step(flag, "If {ledger} holds an entry for the label {name}:")
    assert not may_be_one_step("Let {weight} be {true}.", "If {ledger} holds an entry:")
