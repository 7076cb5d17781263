"""Unit tests of a reading (issue 10, fx12-reword): a prohibition of a thing's absence
restated as an obligation of its presence is the same rule, not a reversed one."""

from __future__ import annotations

from specdiff.classify._statement_changes import _presence_restated
from specdiff.parse.statements import find_statements


def _rule(text: str):
    (rule,) = find_statements(text)
    return rule


def test_absence_denied_is_presence_required_in_both_directions():
    for old, new in (
        ("{crate} must not be {null}.", "{crate} must exist."),
        ("The seal must not be absent.", "The seal must be present."),
        ("The seal must not be missing on delivery.", "The seal must be supplied on delivery."),
    ):
        assert _presence_restated(_rule(old), _rule(new))
        assert _presence_restated(_rule(new), _rule(old))


def test_another_state_party_force_or_word_is_another_rule():
    denied = _rule("The seal must not be absent.")
    assert not _presence_restated(denied, _rule("The seal must be absent."))
    assert not _presence_restated(denied, _rule("The seal must be broken."))
    assert not _presence_restated(denied, _rule("The stamp must be present."))
    assert not _presence_restated(denied, _rule("The seal should be present."))
    assert not _presence_restated(
        _rule("The seal must not be missing on delivery."),
        _rule("The seal must be present on collection."),
    )
