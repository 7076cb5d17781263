"""A rule whose verb is said again as "do so" ("may cache replies, but must not do so where
the client forbids it") requires what the same rule with the verb left out requires
("... but must not where the client forbids it"): supplying the pro-form is wording, in
both directions; replacing it with another verb still changes the rule (issue 10)."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.statements import read_clause

ELIDED = "Servers may cache replies, but must not where the client forbids it.\n"
PRO_FORM = "Servers may cache replies, but must not do so where the client forbids it.\n"
OTHER_VERB = "Servers may cache replies, but must not log them where the client forbids it.\n"


def _change(old: str, new: str) -> tuple[str, tuple[str, ...]]:
    (change,) = compare_specs(parse_spec(old), parse_spec(new)).changes
    return str(change.severity), change.tags


@pytest.mark.parametrize(("old", "new"), [(ELIDED, PRO_FORM), (PRO_FORM, ELIDED)])
def test_do_so_added_or_dropped_is_wording(old: str, new: str) -> None:
    severity, tags = _change(old, new)
    assert severity == "patch"
    assert not any(t.startswith("normative.") for t in tags)


def test_the_pro_form_names_no_action_of_its_own() -> None:
    actions = [r.statement.details.action for r in read_clause(PRO_FORM.strip())]
    assert actions == ["cache replies", "where the client forbids it"]


@pytest.mark.parametrize(("old", "new"), [(PRO_FORM, OTHER_VERB), (OTHER_VERB, PRO_FORM)])
def test_control_another_verb_in_its_place_changes_the_rule(old: str, new: str) -> None:
    severity, tags = _change(old, new)
    assert severity == "major"
    assert "normative.changed" in tags
