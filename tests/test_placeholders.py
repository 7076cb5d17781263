"""Variables of an algorithm renamed through it (specdiff.classify._placeholders)."""

from __future__ import annotations

from specdiff.classify._placeholders import (
    algorithm_renames,
    bound_variable,
    has_variables,
    renamed_in,
    with_variables,
)


def test_a_step_binds_the_variable_it_lets_sets_or_loops_over():
    assert bound_variable("Let {shelf} be an empty list.") == "shelf"
    assert bound_variable("Otherwise, let {value} be {argumentValue}.") == "value"
    assert bound_variable("Initialize {count} to zero.") == "count"
    assert bound_variable("For each {crate} in {crates}:") == "crate"
    assert bound_variable("Append {crate} to {shelf}.") is None
    assert bound_variable("Let the clerk count the crates.") is None


def test_variables_are_names_alone_in_braces():
    assert has_variables("Return {shelf}.")
    assert not has_variables("Return {IsInputType(type)}.")
    assert not has_variables("Return the shelf.")


def test_renames_are_applied_all_at_once():
    renames = {"value": "argumentValue", "variableValue": "value"}
    assert with_variables("Add {variableValue} or {value}.", renames) == (
        "Add {value} or {argumentValue}."
    )
    assert renamed_in("Add {variableValue} or {other}.", renames) == [("variableValue", "value")]


def test_a_binding_step_that_binds_another_name_to_the_same_thing_renames_it():
    steps = [
        ("For each {crate} in {crates}:", "For each {loadedCrate} in {crates}:"),
        ("Let {weight} be the weight of {crate}.", "Let {weight} be the weight of {loadedCrate}."),
    ]
    assert algorithm_renames(steps) == {"crate": "loadedCrate"}


def test_renames_that_depend_on_each_other_are_read_together():
    steps = [
        ("Let {value} be the value of {field}.", "Let {argumentValue} be the value of {field}."),
        (
            "Let {variableValue} be the value named by {value}.",
            "Let {value} be the value named by {argumentValue}.",
        ),
    ]
    assert algorithm_renames(steps) == {"value": "argumentValue", "variableValue": "value"}


def test_a_binding_step_that_binds_another_thing_renames_nothing():
    steps = [("Let {weight} be the weight of {crate}.", "Let {size} be the size of {crate}.")]
    assert algorithm_renames(steps) == {}


def test_two_names_renamed_to_one_or_one_to_two_are_no_renames():
    into_one = [
        ("Let {a} be the first crate.", "Let {c} be the first crate."),
        ("Let {b} be the first crate.", "Let {c} be the first crate."),
    ]
    assert algorithm_renames(into_one) == {}
    into_two = [
        ("Let {a} be the first crate.", "Let {b} be the first crate."),
        ("Let {a} be the first crate.", "Let {c} be the first crate."),
    ]
    assert algorithm_renames(into_two) == {}
