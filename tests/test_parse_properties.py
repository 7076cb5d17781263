"""Properties that hold for any input: the parser never raises and its output is consistent."""

from __future__ import annotations

import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from specdiff.parse import parse_spec

# Markdown-ish alphabet: the characters that drive block and inline structure.
MARKDOWN = st.lists(
    st.sampled_from(
        [*"abc XYZ\n\n\t#>-*+1.)|`~[]()!<>{}=\"':^@_\\", "MUST ", "\r\n", "```", "!!! ", "<a "]
    ),
    max_size=200,
).map("".join)
WORDS = st.lists(
    st.sampled_from(["kettle", "water", "MUST", "never", "boil", "the", "[link](#a)", "**bold**"]),
    min_size=1,
    max_size=60,
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(MARKDOWN)
def test_any_text_parses_into_a_consistent_spec(text):
    spec = parse_spec(text)
    total = spec.line_count
    assert spec.root.level == 0
    ids = [s.id for s in spec.sections]
    assert len(ids) == len(set(ids))
    assert [c.index for c in spec.clauses] == list(range(len(spec.clauses)))
    owned = sorted(i for s in spec.sections for i in s.clauses)
    assert owned == list(range(len(spec.clauses)))
    for section in spec.sections:
        assert 1 <= section.span.start <= section.span.end <= max(total, 1)
        for child in section.children:
            assert spec.section(child).parent == section.id
    for clause in spec.clauses:
        assert 1 <= clause.span.start <= clause.span.end <= max(total, 1)
        assert spec.section(clause.section).span.start <= clause.span.start
        assert clause.parent is None or clause.parent < clause.index
        for ref in clause.references:
            assert clause.span.start <= ref.line <= clause.span.end


@SETTINGS
@given(WORDS, st.integers(min_value=20, max_value=120))
def test_rewrapping_a_paragraph_keeps_its_fingerprint(words, width):
    text = " ".join(words)
    wrapped = "\n".join(textwrap.wrap(text, width=width, break_long_words=False))
    one = parse_spec(text + "\n").clauses
    two = parse_spec(wrapped + "\n").clauses
    assert [c.fingerprint for c in one] == [c.fingerprint for c in two]
    assert [c.statements for c in one] == [c.statements for c in two]
