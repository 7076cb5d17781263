"""Fingerprints: equal for re-wrapped or re-spaced text, different for a changed word."""

from __future__ import annotations

from parseutil import fixture_text, parse_fixture

from specdiff.model.document import ClauseKind
from specdiff.parse import fingerprint, parse_spec


def test_fixtures_really_are_wrapped_differently():
    narrow = fixture_text("wrap60.md").split("\n")
    wide = fixture_text("wrap100.md").split("\n")
    assert len(narrow) > len(wide) + 5
    prose = [line for line in narrow if not line.startswith(("<", "|", "~~~", "Water"))]
    assert max(len(line) for line in prose) <= 60
    assert max(len(line) for line in wide) <= 100
    assert sum(1 for line in wide if len(line) > 60) >= 5


def test_rewrapping_keeps_every_fingerprint():
    narrow = parse_fixture("wrap60.md")
    wide = parse_fixture("wrap100.md")
    assert [c.kind for c in narrow.clauses] == [c.kind for c in wide.clauses]
    # Components come only from .mdx files (tests/test_multi_mdx.py).
    markdown_kinds = set(ClauseKind) - {ClauseKind.HTML, ClauseKind.CODE, ClauseKind.COMPONENT}
    assert markdown_kinds <= {c.kind for c in wide.clauses}
    assert [c.fingerprint for c in narrow.clauses] == [c.fingerprint for c in wide.clauses]
    assert [c.text for c in narrow.clauses] == [c.text for c in wide.clauses]
    assert [c.statements for c in narrow.clauses] == [c.statements for c in wide.clauses]
    # ... while the line spans follow the wrapping.
    assert narrow.clauses[-1].span.start > wide.clauses[-1].span.start


def test_a_changed_word_changes_only_its_clause_fingerprint():
    wide = parse_fixture("wrap100.md")
    changed = parse_fixture("wrap100_changed.md")
    differing = [
        (a.text, b.text)
        for a, b in zip(wide.clauses, changed.clauses, strict=True)
        if a.fingerprint != b.fingerprint
    ]
    assert len(differing) == 1
    old, new = differing[0]
    assert "nearest whole degree" in old
    assert "nearest half degree" in new


def test_whitespace_only_changes_keep_the_fingerprint():
    base = parse_spec("A rule  that\tMUST hold.\n\n- An item\n  that wraps.\n")
    respaced = parse_spec("A   rule that MUST\nhold.   \n\n-   An item that\n    wraps.\n")
    assert [c.fingerprint for c in base.clauses] == [c.fingerprint for c in respaced.clauses]


def test_code_keeps_its_line_structure():
    one = parse_spec("```\na = 1\nb = 2\n```\n").clauses[0]
    joined = parse_spec("```\na = 1 b = 2\n```\n").clauses[0]
    trailing = parse_spec("```\na = 1   \nb = 2\n\n```\n").clauses[0]
    assert one.fingerprint != joined.fingerprint
    assert one.fingerprint == trailing.fingerprint


def test_fingerprint_is_a_stable_short_hash():
    assert fingerprint("abc") == fingerprint("abc")
    assert fingerprint("abc") != fingerprint("abd")
    assert len(fingerprint("abc")) == 16
    int(fingerprint("abc"), 16)
    # Pinned: fingerprints are stored in caches and change records; they must not drift.
    assert fingerprint("The kettle must not boil dry.") == "2bbe48daf3e1c895"


def _code_fingerprint(info: str) -> str:
    spec = parse_spec(f"# Kettles\n\n```{info}\nboil kettle(id: 4)\n```\n")
    (code,) = [c for c in spec.clauses if c.kind is ClauseKind.CODE]
    return code.fingerprint


def test_code_shown_as_a_counter_example_is_another_clause():
    # spec-md marks code "example" or "counter-example"; its older notation is "!tea".
    shown_valid = {_code_fingerprint(i) for i in ("tea", "tea example", "example", "")}
    shown_invalid = {_code_fingerprint(i) for i in ("!tea", "tea counter-example")}
    assert len(shown_valid) == 1
    assert len(shown_invalid) == 1
    assert shown_valid != shown_invalid
