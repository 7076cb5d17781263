"""The lookup of a rule said twice (classify/_said_twice.py): a kept rule is read only
when its sentence holds the asker's verb, party and case words, so the lookup must find
every kept rule that a full read would match, whatever markup stands inside its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from specdiff.classify._said_twice import KeptRules, _key, _same_party, _searchable
from specdiff.classify._statement_pairing import _same_case
from specdiff.parse import parse_spec

HISTORY = Path(__file__).resolve().parent.parent / "history"


def test_searchable_text_drops_the_markup_that_can_stand_inside_a_word() -> None:
    assert _searchable("2<sup>31</sup> **Serv**ers, [entrie]s and `max_len`") == (
        "231 servers, entries and maxlen"
    )
    assert _searchable("a < b and c > d") == "a  b and c  d"


_KEPT = """\
# Jobs

If a job fails twice, the **schedul**er must not retry it.

If a job fails twice, the <em>scheduler</em> must not retry it again.

If a job fails twice, the gateway must not retry it.

If the queue is full, the scheduler must not retry it.

The scheduler must not retry a job.
"""


def test_a_lookup_finds_kept_rules_whatever_markup_splits_their_words() -> None:
    asking = parse_spec("If a job fails twice, the schedulers must not retry it.").clauses[0]
    [rule] = asking.statements
    kept = KeptRules(parse_spec(_KEPT), unpaired=())
    found = [s.sentence for s in kept.like(rule)]
    # Both sayings for the scheduler in the same case, with markup inside the party words;
    # the gateway may be found (a later check tells the parties apart); never the rule for
    # another case or the unconditional rule.
    assert found[:1] == ["If a job fails twice, the **schedul**er must not retry it."]
    assert "If a job fails twice, the <em>scheduler</em> must not retry it again." in found
    assert not any("queue" in s or s.startswith("The scheduler") for s in found)


def test_a_lookup_for_a_rule_without_conditions_finds_nothing() -> None:
    [rule] = parse_spec("The scheduler must not retry a job.").clauses[0].statements
    assert KeptRules(parse_spec(_KEPT), unpaired=()).like(rule) == []


@pytest.mark.parametrize("version", sorted(p.name for p in HISTORY.glob("[0-9]*.md")))
def test_a_lookup_misses_no_rule_a_full_read_would_match(version: str) -> None:
    # Every conditional rule of the sample history asks; what a full read of every kept
    # rule would match (same polarity, verb, party and case) must all be found.
    spec = parse_spec((HISTORY / version).read_text(encoding="utf-8"))
    rules = [s for clause in spec.clauses for s in clause.statements]
    kept = KeptRules(spec, unpaired=())
    asked = 0
    for rule in rules:
        if _key(rule) is None:
            continue
        matching = [
            other
            for other in rules
            if _key(other) == _key(rule)
            and _same_party(rule.party, other.party)
            and _same_case(rule, other)
        ]
        found = kept.like(rule)
        assert all(any(other is f for f in found) for other in matching)
        asked += bool(matching)
    assert asked
