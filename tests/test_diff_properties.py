"""Invariants of the differ over generated specs (Hypothesis).

- compare(A, A) is empty and its bump is none;
- compare(B, A) mirrors compare(A, B): added and removed swap, modified and moved counts
  are equal, merged and split swap (for specs with unambiguous edits: where clauses with
  the same text repeat, or two clauses trade places, which one "moved" is a free choice
  and the two directions may choose differently);
- redlines rebuild both texts exactly, for clause texts and for arbitrary text;
- adding one more (independent) edit never lowers the bump;
- no document, however odd, makes the parser, the differ or a renderer crash.
"""

from __future__ import annotations

import itertools
import random

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from mutations import KINDS, mutate
from specgen import docs, markdown_specs

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.model.vocabulary import Level
from specdiff.parse import parse_spec
from specdiff.render.github import render_github
from specdiff.render.html import render_html
from specdiff.render.json import render_json
from specdiff.render.markdown import render_markdown
from specdiff.render.redline import MAX_TOKENS, Op, new_text, old_text, redline
from specdiff.render.text import render_text

CONFIG = config_from_text(
    '[attributes]\nauthority = ["root", "system", "developer", "user", "guideline"]\n',
    False,
    "test",
)

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CHEAP = settings(max_examples=150, deadline=None)


def compare_texts(a: str, b: str):
    return compare_specs(parse_spec(a, CONFIG.vocabulary), parse_spec(b, CONFIG.vocabulary), CONFIG)


edits = st.lists(st.sampled_from(KINDS), min_size=1, max_size=6)


# -- identity ---------------------------------------------------------------------------


@PROPERTY
@given(docs())
def test_a_spec_compared_with_itself_has_no_changes(doc):
    text = doc.render()
    report = compare_texts(text, text)
    assert report.changes == ()
    assert report.bump is Level.NONE


@PROPERTY
@given(markdown_specs())
@example("")
@example("# A {#a}\n\n# B {#a}\n\n## {#}\n")
@example("- a\n  - b\n    - c\n      - d\n" * 3)
def test_odd_markdown_compared_with_itself_has_no_changes(text):
    report = compare_texts(text, text)
    assert report.changes == ()
    assert report.bump is Level.NONE


# -- symmetry ---------------------------------------------------------------------------

SWAPPED = {
    "clause.added": "clause.removed",
    "clause.removed": "clause.added",
    "section.added": "section.removed",
    "section.removed": "section.added",
    "section.merged": "section.split",
    "section.split": "section.merged",
}


@PROPERTY
@given(docs(max_sections=8), edits, st.integers(0, 2**16))
def test_reversing_the_arguments_mirrors_the_report(doc, kinds, seed):
    changed, _ = mutate(doc, kinds, random.Random(seed))
    a, b = doc.render(), changed.render()
    forward = compare_texts(a, b).counts
    backward = compare_texts(b, a).counts
    mirrored = {SWAPPED.get(name, name): n for name, n in forward.items()}
    assert mirrored == backward


# -- redlines ---------------------------------------------------------------------------


def assert_rebuilds(a: str, b: str) -> None:
    segments = redline(a, b)
    assert old_text(segments) == a
    assert new_text(segments) == b
    assert all(s.text for s in segments)
    assert all(x.op is not y.op for x, y in itertools.pairwise(segments))


@CHEAP
@given(st.text(), st.text())
def test_redlines_rebuild_arbitrary_text(a, b):
    assert_rebuilds(a, b)


@CHEAP
@given(
    st.lists(st.sampled_from(["must", "should", " ", "\n", "not", ",", "Wren", "é", "\t", "**"])),
    st.lists(st.sampled_from(["must", "should", " ", "\n", "may", ".", "Wren", "é", "  ", "_"])),
)
def test_redlines_rebuild_word_soup(a, b):
    assert_rebuilds("".join(a), "".join(b))


@PROPERTY
@given(docs(max_sections=6), edits, st.integers(0, 2**16))
def test_redlines_rebuild_every_modified_clause(doc, kinds, seed):
    changed, _ = mutate(doc, kinds, random.Random(seed))
    for change in compare_texts(doc.render(), changed.render()).changes:
        if change.old is not None and change.new is not None:
            assert_rebuilds(change.old.text, change.new.text)


def test_redlines_of_very_long_texts_rebuild_too():
    a = "Start " + "word " * MAX_TOKENS + "old end."
    b = "Start " + "word " * (MAX_TOKENS + 3) + "new end."
    assert_rebuilds(a, b)
    assert [s.op for s in redline(a, b)] == [Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL]


def test_redline_marks_only_the_changed_word():
    segments = redline("Wren should stop here.", "Wren must stop here.")
    assert [(s.op.value, s.text) for s in segments] == [
        ("equal", "Wren "),
        ("delete", "should"),
        ("insert", "must"),
        ("equal", " stop here."),
    ]


# -- monotony ---------------------------------------------------------------------------


@PROPERTY
@given(docs(max_sections=7), edits.map(lambda kinds: kinds[:4]), st.integers(0, 2**16))
def test_one_more_edit_never_lowers_the_bump(doc, kinds, seed):
    # Section edits come first inside mutate(); sorting the same way makes every prefix
    # of the list apply the very same first edits (one random stream, consumed in order).
    kinds = sorted(kinds, key=lambda k: not k.startswith("section."))
    base = doc.render()
    bumps = []
    applied = []
    for k in range(len(kinds) + 1):
        changed, done = mutate(doc, kinds[:k], random.Random(seed))
        applied.append([e.kind for e in done])
        bumps.append(compare_texts(base, changed.render()).bump)
    for k in range(len(kinds)):
        assert applied[k + 1][: len(applied[k])] == applied[k]
    assume(len(applied[-1]) > 0)
    assert bumps == sorted(bumps), list(zip(applied, bumps, strict=False))


# -- robustness -------------------------------------------------------------------------


def render_all(report) -> None:
    render_json(report)
    render_markdown(report)
    render_text(report, color=True)
    render_text(report, stat=True)
    render_html(report)
    render_github(report)


@PROPERTY
@given(st.one_of(st.text(), markdown_specs()), st.one_of(st.text(), markdown_specs()))
@example("\x00\r\n# {#\n", "~~~\n<user>\n")
@example("# a\n" * 50, "#" * 7 + " x\n" + "> " * 60 + "deep\n")
def test_no_document_crashes_the_differ_or_the_renderers(a, b):
    render_all(compare_texts(a, b))


@PROPERTY
@given(docs(max_sections=6), st.text(max_size=200))
def test_a_spec_against_garbage_does_not_crash(doc, garbage):
    text = doc.render()
    render_all(compare_texts(text, garbage))
    render_all(compare_texts(garbage, text))
