"""Rules of a case and of the other case (issue 10, fresh-text audit fx13-audit): "If X then
Y MUST ..." states its condition without a comma; "Otherwise, Y MAY ..." holds in the case
set against the condition before it, so it is no rewording of a rule stated for that
condition; a clause joined by "and" with a verb of being is no noun listed with the
subject. A one-word form of a term the edition renamed throughout is its terminology in a
rule's condition as in its prose. Fixtures of our own text; the field-row cases are in
``tests/fixtures/diff/conditional_marks.txt``."""

from __future__ import annotations

import pytest

from specdiff.classify._statement_pairing import pair_statements
from specdiff.classify._statement_words import _edition_swap
from specdiff.classify._terms import Terms
from specdiff.classify._wording import swapped_words
from specdiff.compare import compare_specs
from specdiff.config import DEFAULT_CONFIG
from specdiff.parse import parse_spec
from specdiff.parse.statements import read_clause


def _conditions(text: str) -> list[tuple[str, ...]]:
    return [reading.statement.conditions for reading in read_clause(text)]


@pytest.mark.parametrize(
    ("text", "conditions"),
    [
        # The condition of "If ... then", said without a comma.
        (
            "If the kettle is electric then the lid MUST be fitted.",
            [("if the kettle is electric",)],
        ),
        # ... and with its comma after the rule: the condition still governs the rule.
        (
            "If the kettle is electric then the lid MUST be fitted, or the spout closed.",
            [("if the kettle is electric",)],
        ),
        # "Otherwise, ...": the other case.
        ("Otherwise, the lid MAY be left off.", [("otherwise",)]),
        # Controls: a comma ends the condition as before; "otherwise" not set off by a
        # comma opens no condition; "then" inside a rule is no condition's end.
        (
            "If the kettle is electric, the lid MUST be fitted.",
            [("if the kettle is electric",)],
        ),
        ("Otherwise the lid MAY be left off.", [()]),
        ("The lid MUST be fitted and then sealed.", [()]),
    ],
)
def test_a_sentence_opening_condition_is_read(text, conditions):
    assert _conditions(text) == conditions


def test_a_clause_with_a_verb_of_being_is_no_listed_subject():
    (value,) = read_clause(
        "If the kettle is electric, this field is **required** and its value MUST be `true`."
    )
    assert value.statement.party == "value"
    # Control: a short noun phrase joined by "and" is listed with the subject.
    (both,) = read_clause("The lid and the spout MUST be fitted.")
    assert both.statement.party == "lid and spout"


def _statements(text: str):
    return tuple(s for reading in read_clause(text) for s in [reading.statement])


_CASE = "If the kettle is electric, the lid MUST be fitted."
_OTHER = "Otherwise, the lid MAY be fitted."


def test_a_rule_of_the_other_case_pairs_with_no_rule_of_a_case():
    old = _statements(_CASE)
    new = _statements(_OTHER)
    pairs, lone_old, lone_new = pair_statements(old, new)
    assert not pairs
    assert (lone_old, lone_new) == (list(old), list(new))


def test_a_rule_of_the_other_case_pairs_with_one_stated_for_no_case():
    # Control: "The lid MAY be fitted." -> "Otherwise, the lid MAY be fitted." is the
    # same permission, now said of the other case.
    old = _statements("The lid MAY be fitted.")
    new = _statements(_OTHER)
    pairs, _, _ = pair_statements(old, new)
    assert pairs


def _changes(old: str, new: str):
    return compare_specs(
        parse_spec(f"# Kettles\n\n{old}\n"), parse_spec(f"# Kettles\n\n{new}\n"), DEFAULT_CONFIG
    ).changes


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "If the kettle is electric then the lid MUST be fitted and the spout MUST be closed.",
            f"If the kettle is electric, the lid MUST be fitted and the spout MUST be closed. "
            f"{_OTHER}",
        ),
    ],
)
def test_the_other_case_stated_weakens_no_rule(old, new):
    for a, b in ((old, new), (new, old)):
        tags = {tag for change in _changes(a, b) for tag in change.tags}
        assert "normative.weakened" not in tags
        assert "normative.strengthened" not in tags


def test_a_changed_condition_of_a_then_rule_is_still_changed():
    # Control: the condition read from "If ... then" is compared as any other.
    (change,) = _changes(
        "If the kettle is electric then the lid MUST be fitted.",
        "If the kettle is copper then the lid MUST be fitted.",
    )
    assert "normative.changed" in change.tags


class _EditionTerms(Terms):
    """Terms whose edition renamed "throw" (any form) to "raise", word by word, and
    renamed nothing as written in the contexts asked about."""

    def renamed(self, gone: str, fresh: str, before: str = "", after: str = "") -> bool:
        return False

    def substituted(self, gone: str, fresh: str) -> bool:
        return False

    def edition_renamed(self, gone: str, fresh: str) -> bool:
        return (gone, fresh) in {("throw", "raise"), ("throws", "raises")}


def test_a_word_the_edition_renamed_throughout_is_its_terminology():
    (swap,) = swapped_words("if a step throws an error", "if a step raises an error")
    assert _edition_swap(swap, _EditionTerms())


def test_a_word_the_edition_did_not_rename_is_no_terminology():
    (swap,) = swapped_words("if a step throws an error", "if a step drops an error")
    assert not _edition_swap(swap, _EditionTerms())
