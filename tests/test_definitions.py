"""Rules stated as definitions, and rewordings that keep the meaning (issue 10, lane
fx8-defs). The whole-spec cases are in tests/fixtures/diff/definitions_and_labels.txt."""

from __future__ import annotations

import pytest

from specdiff.classify import _exception_edit, caption_label, doubled_word_fixed
from specdiff.classify._definitions import defining_sentences, definition_change, subject_term
from specdiff.classify._notation import canonical_bounds
from specdiff.parse import parse_spec


def _clause(text: str):
    return parse_spec(f"# T\n\n{text}\n").clauses[0]


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        (
            "A [crate marker](@) is a sequence of one or more digits.",
            "A [crate marker](@) is a sequence of 1--4 digits.",
            True,
        ),
        (
            "A [run](@) is a sequence of `#` not followed by a `#`.",
            "A [run](@) is a sequence of `#` not followed by a non-escaped `#`.",
            True,
        ),
        # Glosses and labels in parentheses, and words said in full, change nothing admitted.
        (
            "A crate is [open](@) iff it is shut.",
            "A crate is [open](@) iff (if and only if) it is shut.",
            False,
        ),
        ("A [run](@) is (a) short and (b) wide.", "A [run](@) is (1) short and (2) wide.", False),
        (
            "A [list](@) ends at the document.",
            "A [list](@) ends at the document or other block.",
            False,
        ),
        # No term defined: described, not read as a rule here.
        ("A crate marker is one or more digits.", "A crate marker is 1--4 digits.", False),
        # Another term defined: not the same definition.
        ("A [marker](@) is one or more digits.", "A [label](@) is 1--4 digits.", False),
    ],
)
def test_a_definition_changed(old, new, changed):
    assert (definition_change(_clause(old), _clause(new)) is not None) is changed


def test_only_the_defining_sentence_is_read():
    text = "A [tab](@) is `U+0009`. It has 4 columns. Then [space](@) is `U+0020`."
    assert defining_sentences(text) == "A [tab](@) is `U+0009`. Then [space](@) is `U+0020`."


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("followed by 0 < *N* < 5 spaces", "followed by 1 ≤ *N* ≤ 4 spaces"),
        ("followed by 1 <= N <= 4 spaces", "followed by 1 ≤ N ≤ 4 spaces"),
        ("followed by 0 < N ≤ 4 digits", "followed by 1 ≤ N ≤ 4 digits"),
        # Nothing counted after it: a quantity that may be fractional stays as written.
        ("where 0 < x < 5.", "where 0 < x < 5."),
    ],
)
def test_a_count_between_bounds_is_written_inclusively(text, read):
    assert canonical_bounds(text) == read


@pytest.mark.parametrize(
    ("old", "new", "numbered_only", "named"),
    [
        ("A comment:", "A comment (type 2):", True, True),
        ("CDATA (type 5):", "CDATA:", True, True),
        ("A comment:", "A comment (in titles):", True, False),
        ("A comment:", "A comment (in titles):", False, True),
        ("Raw text:", "Raw text (unless quoted):", False, False),
        ("Raw text:", "Raw HTML (type 7):", True, False),
        ("Raw text:", "Raw text:", False, False),
    ],
)
def test_a_caption_gains_a_name(old, new, numbered_only, named):
    assert bool(caption_label(old, new, numbered_only=numbered_only)) is named


@pytest.mark.parametrize(
    ("old", "new", "fixed"),
    [
        ("Both right and right-flanking:", "Both left and right-flanking:", True),
        ("Neither right nor right-flanking:", "Neither left nor right-flanking:", True),
        ("Both left and right-flanking:", "Both right and right-flanking:", False),
        ("Both right and right-flanking:", "Both left and right-flanking, or none:", False),
        ("Both right and left-flanking:", "Both left and left-flanking:", False),
    ],
)
def test_a_word_paired_with_itself_corrected(old, new, fixed):
    assert bool(doubled_word_fixed(old, new)) is fixed


_DEFINED = frozenset({("html", "block"), ("character",)})


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("An HTML block of types 1--6 can interrupt a paragraph.", ("html", "block")),
        ("HTML blocks end at a blank line.", ("html", "blocks")),
        ("The characters can be indented.", ("characters",)),
        ("A paragraph can be interrupted by an HTML block.", None),
    ],
)
def test_the_defined_term_a_sentence_opens_with(sentence, term):
    assert subject_term(sentence, _DEFINED) == term


@pytest.mark.parametrize(
    ("old", "new", "tag"),
    [
        (
            "Lines are kept verbatim, unless two are blank.",
            "Lines are kept verbatim.",
            "normative.exception_removed",
        ),
        (
            "A line is a marker and a name.",
            "A line is a marker and a name. Exceptions:",
            "normative.exception_added",
        ),
        ("Unless noted otherwise, names are case sensitive.", "Names are case sensitive.", None),
        ("Lines are kept, unless two are blank.", "Lines are kept. Blank lines end it.", None),
    ],
)
def test_an_exception_put_in_or_taken_out(old, new, tag):
    found = _exception_edit(_clause(old), _clause(new))
    assert (found.tags[0] if found else None) == tag
