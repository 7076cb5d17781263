"""Examples between lines of a lone "." (the CommonMark spec's own convention before 0.25)."""

from __future__ import annotations

from specdiff.model.document import ClauseKind
from specdiff.parse import parse_spec
from specdiff.parse._dot_examples import fence_dot_examples

DOTTED = """\
# Lantern markup

## Beacons

A beacon line starts with `!`:
.
! Harbour light
.
<beacon>Harbour light</beacon>
.

An example may hold what looks like the spec's own structure:

.
# Piers
- north

```
.
<h1>Piers</h1>
<ul><li>north</li></ul>
<pre><code></code></pre>
.

## Signals

A signal is a line between two `~` characters.
"""

FENCED = """\
# Lantern markup

## Beacons

A beacon line starts with `!`:
```` example
! Harbour light
.
<beacon>Harbour light</beacon>
````

An example may hold what looks like the spec's own structure:

```` example
# Piers
- north

```
.
<h1>Piers</h1>
<ul><li>north</li></ul>
<pre><code></code></pre>
````

## Signals

A signal is a line between two `~` characters.
"""


def test_each_dotted_example_is_one_code_clause_of_its_section():
    spec = parse_spec(DOTTED)
    assert [s.title for s in spec.sections if s.level] == ["Lantern markup", "Beacons", "Signals"]
    kinds = [(c.kind, c.section) for c in spec.clauses]
    assert kinds == [
        (ClauseKind.PARAGRAPH, "beacons"),
        (ClauseKind.CODE, "beacons"),
        (ClauseKind.PARAGRAPH, "beacons"),
        (ClauseKind.CODE, "beacons"),
        (ClauseKind.PARAGRAPH, "signals"),
    ]
    first, second = (c for c in spec.clauses if c.kind is ClauseKind.CODE)
    assert first.info == second.info == "example"
    # The example's span is its own lines, the "." lines included.
    assert (first.span.start, first.span.end) == (6, 10)
    assert (second.span.start, second.span.end) == (14, 23)


def test_a_dotted_example_reads_as_the_fenced_example_of_a_later_version():
    dotted, fenced = parse_spec(DOTTED), parse_spec(FENCED)
    assert [(c.kind, c.text, c.info) for c in dotted.clauses] == [
        (c.kind, c.text, c.info) for c in fenced.clauses
    ]


def test_a_document_with_a_stray_dot_is_read_as_plain_markdown():
    stray = DOTTED.replace("A signal is a line", ".\n\nA signal is a line")
    assert fence_dot_examples(stray.split("\n")) == stray.split("\n")
    assert any(c.text == "." for c in parse_spec(stray).clauses)


def test_a_closing_dot_must_end_its_block():
    lines = ["Intro", ".", "a", ".", "b", ".", "c", "", ".", "d", ".", "e", "."]
    assert fence_dot_examples(lines) == lines


def test_one_dotted_block_is_not_yet_the_convention():
    lines = ["Intro", "", ".", "a", ".", "b", ".", ""]
    assert fence_dot_examples(lines) == lines


def test_dots_inside_fenced_code_are_not_examples():
    lines = ["```", ".", "a", ".", "b", ".", "```", "", ".", "c", ".", "d", ".", ""]
    assert fence_dot_examples(lines) == lines  # one block outside the fence: not enough
    twice = [*lines, ".", "e", ".", "f", "."]
    assert fence_dot_examples(twice)[:8] == lines[:8]
    assert fence_dot_examples(twice)[8] == "``` example"


def test_the_fence_is_longer_than_any_backtick_run_inside():
    lines = [".", "`````", ".", "x", ".", "", ".", "y", ".", "z", "."]
    fenced = fence_dot_examples(lines)
    assert fenced[0] == "`````` example" and fenced[4] == "``````"
    assert fenced[6] == "``` example" and fenced[10] == "```"
    assert len(fenced) == len(lines)
