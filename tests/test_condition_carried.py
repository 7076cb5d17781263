"""A condition carried by the sentence a rule's party points back to (issue 10, lane
fx13-fm): "If the scale returned no weight, the resulting fault must be logged." merged
into the paragraph before it as "If the scale returned no weight ..., then a fault is
raised. The fault must be logged." states the same rule: "the fault" exists only in the
case the sentence before names. Either way round, no condition is dropped or added.
Controls (both ways): a party said before as definite ("the clerk") points back to no
case, and a condition the text before does not say is still a change."""

from __future__ import annotations

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

_DOC = """\
# Weighing

## Faults

{first}

{second}

A clerk must record every weighing.
"""

_SPLIT = (
    "If the scale returned no weight (because it was switched off or because the crate"
    " slipped), then a fault is raised.",
    "If the scale returned no weight, the resulting fault must be logged.",
)
_MERGED = (
    "If the scale returned no weight (because it was switched off or because the crate"
    " slipped), then a fault is raised. The fault must be logged.",
    "",
)


def _majors(old: tuple[str, str], new: tuple[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    result = compare_specs(
        parse_spec(_DOC.format(first=old[0], second=old[1])),
        parse_spec(_DOC.format(first=new[0], second=new[1])),
    )
    return [(str(c.severity), c.tags) for c in result.changes if str(c.severity) == "major"]


def test_a_condition_carried_by_the_antecedent_is_kept_either_way() -> None:
    assert _majors(_SPLIT, _MERGED) == []
    assert _majors(_MERGED, _SPLIT) == []


def _one_paragraph(old: str, new: str) -> list[tuple[str, tuple[str, ...]]]:
    return _majors((old, ""), (new, ""))


def test_within_one_paragraph_too_either_way() -> None:
    said = "If the scale returned no weight, then a fault is raised. "
    old = said + "If the scale returned no weight, the fault must be logged."
    new = said + "The fault must be logged."
    assert _one_paragraph(old, new) == []
    assert _one_paragraph(new, old) == []


def test_a_definite_party_said_before_carries_no_condition() -> None:
    # Control: "the clerk" is no clerk brought in by the case before: the rule that held
    # only when the scale returned no weight now holds always (and the reverse).
    said = "If the scale returned no weight, the clerk writes it down. "
    old = said + "If the scale returned no weight, the clerk must call the foreman."
    new = said + "The clerk must call the foreman."
    for one, other in ((old, new), (new, old)):
        majors = _one_paragraph(one, other)
        assert any("normative.changed" in tags for _, tags in majors), majors


def test_a_condition_the_text_before_does_not_say_is_still_a_change() -> None:
    # Control: the case "the scale returned no weight" is said nowhere before "The fault".
    said = "If the crate is sealed, then a fault is raised. "
    old = said + "If the scale returned no weight, the fault must be logged."
    new = said + "The fault must be logged."
    for one, other in ((old, new), (new, old)):
        majors = _one_paragraph(one, other)
        assert any("normative.changed" in tags for _, tags in majors), majors
