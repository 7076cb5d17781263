"""The mutation suite: known edits of every kind, and how many the differ gets right.

Each trial takes a spec of about twenty sections (generated with a fixed seed, or the
sample history's 3.0.0), applies several edits of random kinds with
:func:`mutations.mutate`, compares the two versions and scores the report against the
edits' ground truth. An edit counts as found when its record is there with the right
kind, sections, tags and severity; a record that is wrong (or extra) counts against the
edit it touches. Recall and precision must reach 0.97 for every kind; the measured
table is printed (see it with ``pytest -rA`` or ``-s``).
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from mutations import GENERATED_ONLY, KINDS, Edit, Expect, Tally, mutate, score
from specgen import Doc, ListBlock, Para, Sec, Words, _is_rule, from_markdown, random_doc

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

if TYPE_CHECKING:
    from specdiff.model.changes import Report

ROOT = Path(__file__).resolve().parents[1]
CONFIG = config_from_text(
    (ROOT / "history" / "specdiff.toml").read_text(encoding="utf-8"), False, "history"
)
THRESHOLD = 0.97
#: Trials on generated specs, and edits per trial: about 50 edits of each kind.
TRIALS, EDITS = 240, 10
FIXTURE_TRIALS = 45


def compare_docs(old: Doc, new: Doc) -> Report:
    return compare_specs(
        parse_spec(old.render(), CONFIG.vocabulary),
        parse_spec(new.render(), CONFIG.vocabulary),
        CONFIG,
    )


def check(tally: Tally, title: str) -> None:
    print(f"\n{title}\n{tally.table()}")
    low = [
        kind
        for kind in KINDS
        if tally.edits[kind]
        and (tally.recall(kind) < THRESHOLD or tally.precision(kind) < THRESHOLD)
    ]
    details = "\n".join(tally.misses[:40])
    assert not low, f"below {THRESHOLD} for {low}\n{tally.table()}\n{details}"
    total = sum(tally.found.values()) + sum(tally.wrong.values()) + tally.unexplained
    assert tally.unexplained <= (1 - THRESHOLD) * total, details


@cache
def generated_tally() -> Tally:
    tally = Tally()
    for trial in range(TRIALS):
        rng = random.Random(trial)
        words = Words(rng)
        doc = random_doc(rng, sections=20, words=words)
        changed, edits = mutate(doc, rng.choices(KINDS, k=EDITS), rng, words)
        score(compare_docs(doc, changed), edits, tally, f"trial {trial}")
    return tally


@cache
def fixture_doc() -> Doc:
    text = (ROOT / "history" / "06-3.0.0.md").read_text(encoding="utf-8")
    return from_markdown(text, parse_spec(text, CONFIG.vocabulary))


def test_every_kind_of_edit_on_generated_specs():
    tally = generated_tally()
    for kind in KINDS:
        assert tally.edits[kind] >= 30, f"too few {kind} edits to measure"
    check(tally, f"generated specs: {TRIALS} trials of {EDITS} edits on 20 sections")


def test_every_kind_of_edit_on_the_sample_spec():
    """The same edits on a spec written by hand: lists, tables, links, long examples."""
    base = fixture_doc()
    tally = Tally()
    for trial in range(FIXTURE_TRIALS):
        rng = random.Random(10_000 + trial)
        kinds = rng.sample([k for k in KINDS if k not in GENERATED_ONLY], EDITS)
        changed, edits = mutate(base, kinds, rng)
        score(compare_docs(base, changed), edits, tally, f"fixture trial {trial}")
    for kind in KINDS:
        if kind not in GENERATED_ONLY:
            assert tally.edits[kind] >= 10, f"too few {kind} edits to measure"
    check(tally, f"history/06-3.0.0.md: {FIXTURE_TRIALS} trials of {EDITS} edits")


# -- the generator itself -----------------------------------------------------------------


def test_generated_specs_parse_into_the_intended_sections_and_clauses():
    from specgen import clause_count

    for seed in range(15):
        doc = random_doc(random.Random(seed), sections=20)
        spec = parse_spec(doc.render(), CONFIG.vocabulary)
        assert [s.id for s in spec.sections[1:]] == [s.id for s in doc.sections]
        for parsed, section in zip(spec.sections[1:], doc.sections, strict=False):
            assert len(parsed.clauses) == sum(clause_count(b) for b in section.blocks)
            assert parsed.attribute("authority") == section.authority
        assert len(doc.sections) == 20


def test_obligation_words_appear_only_where_intended():
    doc = random_doc(random.Random(7), sections=20)
    spec = parse_spec(doc.render(), CONFIG.vocabulary)
    # Paragraphs, and the lead-ins of lists ("Wren must not pursue any of these goals:").
    paragraphs = [
        (b.normative, b.text) if isinstance(b, Para) else (_is_rule(b.lead), b.lead)
        for s in doc.sections
        for b in s.blocks
        if isinstance(b, Para) or (isinstance(b, ListBlock) and b.lead)
    ]
    parsed = [c for c in spec.clauses if c.kind.value == "paragraph"]
    assert len(paragraphs) == len(parsed)
    for (normative, _text), clause in zip(paragraphs, parsed, strict=False):
        assert normative == clause.is_normative, clause.text


def test_the_sample_spec_round_trips_through_the_model():
    base = fixture_doc()
    text = (ROOT / "history" / "06-3.0.0.md").read_text(encoding="utf-8")
    report = compare_specs(
        parse_spec(text, CONFIG.vocabulary), parse_spec(base.render(), CONFIG.vocabulary), CONFIG
    )
    assert report.changes == ()


def test_each_kind_is_applied_and_recorded():
    rng = random.Random(3)
    doc = random_doc(rng, sections=20)
    for kind in KINDS:
        changed, edits = mutate(doc, [kind], random.Random(kind))
        assert [e.kind for e in edits] == [kind], kind
        assert changed.render() != doc.render(), kind
        assert all(isinstance(e, Edit) for e in edits)


def test_mutate_is_deterministic():
    doc = random_doc(random.Random(5), sections=20)
    first = mutate(doc, list(KINDS), random.Random(9))[0].render()
    assert mutate(doc, list(KINDS), random.Random(9))[0].render() == first


def test_the_scorer_notices_a_differ_that_finds_nothing():
    doc = random_doc(random.Random(11), sections=20)
    _changed, edits = mutate(
        doc, ["clause.removed", "section.renamed", "rewrapped"], random.Random(1)
    )
    tally = Tally()
    score(compare_docs(doc, doc), edits, tally)
    assert tally.recall("clause.removed") == 0.0
    assert tally.recall("section.renamed") == 0.0
    assert tally.recall("rewrapped") == 1.0


def test_the_scorer_blames_a_wrong_record_on_its_edit():
    doc = random_doc(random.Random(12), sections=20)
    changed, edits = mutate(doc, ["normative.strengthened"], random.Random(2))
    (edit,) = edits
    (expect,) = edit.expected
    # Pretend the truth were a weakening: the real record is then wrong, and blamed.
    edit.expected = [Expect(**{**expect.__dict__, "tags": frozenset({"normative.weakened"})})]
    tally = Tally()
    score(compare_docs(doc, changed), [edit], tally)
    assert tally.recall("normative.strengthened") == 0.0
    assert tally.wrong["normative.strengthened"] == 1
    assert tally.unexplained == 0


@pytest.mark.parametrize("explicit", [True, False])
def test_a_renamed_heading_without_an_id_is_one_rename(explicit):
    words = Words(random.Random(4))
    section = Sec(
        "a_b" if explicit else "keep-the-ledger",
        "Keep the ledger",
        2,
        "user",
        tuple(Para((words.sentence(), words.sentence())) for _ in range(3)),
        explicit,
    )
    doc = Doc((Sec("top", "Top", 1), section))
    changed, edits = mutate(doc, ["section.renamed"], random.Random(0), words)
    report = compare_docs(doc, changed)
    assert [c.kind_name for c in report.changes] == ["section.renamed"]
    (expect,) = edits[0].expected
    assert expect.matches(report.changes[0]) and expect.exact(report.changes[0])
