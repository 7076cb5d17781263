"""A verb renamed throughout (issue 10): a new version that says "settling" where the old
one said "reconciling", in every rule and heading that named the process, keeps each rule:
terminology, not a changed requirement, even where the old verb stays in a sentence or
two in another sense the new version left untouched ("the result of reconciling a
total"). A verb swapped in one rule ("must reject" -> "must accept", "must reconcile the
ledger" -> "must reconcile the vault") is a changed rule, MAJOR.
"""

from __future__ import annotations

from specdiff.classify._terms import Terms
from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

CONFIG = config_from_text("", False, "test")

#: The old version's rules about the process; the new one says "settle" for "reconcile".
OLD = """# Ledgers

## Reconciling Ledgers

To reconcile a ledger, the clerk must have the day's receipts.

When reconciling a ledger serially, the clerk must consider each entry in order.

Each entry should be reconciled before the next one is reconciled.

A ledger reconciled twice must report the same total.

## Totals

The total is the result of reconciling the entries of the day.

## Storage

The clerk must reject a receipt without a date.
"""

NEW = (
    OLD.replace("Reconciling Ledgers", "Settling Ledgers")
    .replace("To reconcile", "To settle")
    .replace("When reconciling", "When settling")
    .replace("should be reconciled", "should be settled")
    .replace("one is reconciled", "one is settled")
    .replace("ledger reconciled", "ledger settled")
)


def _records(old: str, new: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    report = compare_specs(parse_spec(old), parse_spec(new), CONFIG)
    return [
        (
            c.kind.name.lower(),
            c.severity.name.lower(),
            c.tags,
            (c.new or c.old).text if (c.new or c.old) else "",
        )
        for c in report.changes
    ]


def _major(records: list[tuple[str, str, tuple[str, ...], str]]) -> list[str]:
    return [text for kind, severity, _, text in records if severity == "major"]


def test_a_verb_renamed_throughout_keeps_each_rule():
    # "The total is the result of reconciling ..." keeps the old verb in another sense:
    # the verb is still renamed throughout, and no rule is read as changed.
    records = _records(OLD, NEW)
    assert not _major(records), records
    assert not any("normative" in tag for _, _, tags, _ in records for tag in tags), records


def test_a_verb_renamed_throughout_is_renamed_both_ways():
    records = _records(NEW, OLD)
    assert not _major(records), records


def test_a_verb_swapped_in_one_rule_changes_it():
    # Control: "reject" -> "accept" in one rule, the old verb nowhere else: a changed
    # rule, MAJOR, whichever way round.
    new = OLD.replace("must reject a receipt", "must accept a receipt")
    for before, after in ((OLD, new), (new, OLD)):
        records = _records(before, after)
        assert any("receipt" in text for text in _major(records)), records


def test_a_verb_kept_with_another_object_changes_the_rule():
    # Control: the verb stays, what it acts on changes ("reconcile a ledger" -> "reconcile
    # a vault"): a changed requirement, MAJOR.
    new = OLD.replace("When reconciling a ledger serially", "When reconciling a vault serially")
    records = _records(OLD, new)
    assert any("vault" in text for text in _major(records)), records


def test_a_verb_renamed_in_rules_but_kept_elsewhere_is_no_rename():
    # Control: the new version says "settling" in the two rules, but keeps "reconcile"
    # in more texts than one use in four: the verb is not retired, so no rename.
    old = [
        "When reconciling a ledger, the clerk must count.",
        "Each entry should be reconciled first.",
        "Clerks reconcile ledgers daily.",
        "Clerks reconcile vaults weekly.",
        "A reconciled ledger is closed.",
    ]
    new = ["When settling a ledger, the clerk must count.", "Each entry should be settled first."]
    new += old[2:]
    assert not Terms(lambda: old, lambda: new).renamed("reconciling", "settling")
    assert not Terms(lambda: old, lambda: new).renamed("reconciled", "settled")


def test_the_verb_renamed_reads_every_form():
    old = [
        "When reconciling a ledger, the clerk must count.",
        "Each entry should be reconciled first.",
        "To reconcile a vault, the clerk must count.",
        "The total is the result of reconciling the entries.",
    ]
    new = [
        "When settling a ledger, the clerk must count.",
        "Each entry should be settled first.",
        "To settle a vault, the clerk must count.",
        old[3],
    ]
    terms = Terms(lambda: old, lambda: new)
    assert terms.renamed("reconciling", "settling")
    assert terms.renamed("reconciled", "settled")
    assert not Terms(lambda: old, lambda: old).renamed("reconciling", "settling")
