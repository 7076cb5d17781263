"""Formulas read by value and Type cells read as sets of types (issue 10, data lane)."""

from __future__ import annotations

import pytest

from specdiff.classify._notation import canonical_math, canonical_tokens
from specdiff.classify._types import TypeChange, parse_type, type_change
from specdiff.classify._wording import is_editorial


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (r"4/3 * \pi * r^3", r"\frac{4}{3}\pi r^3"),
        (r"\frac{4}{3} \pi (1)^3", r"4/3 \cdot \pi \cdot 1^{3}"),
        (r"\frac{a+b}{2}", r"(a+b)/2"),
        (r"x \, y", r"x y"),
        (r"\left( a + b \right)^2", r"(a+b)^2"),
    ],
)
def test_the_same_formula_written_two_ways_has_one_form(one: str, other: str) -> None:
    assert canonical_tokens(one) == canonical_tokens(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (r"4/3 \pi r^3", r"4/3 \pi r^2"),  # a number
        (r"\frac{4}{3}\pi r^3", r"\frac{3}{4}\pi r^3"),  # the quotient turned over
        (r"2 * 3", r"23"),  # an explicit product between numbers stays
        (r"{a+b}^2", r"(a+b)^2"),  # braces group invisibly, brackets are written
        (r"(-1)^2", r"-1^2"),  # a bracket around more than one token matters
        (r"\alpha", r"\aleph"),
    ],
)
def test_a_different_formula_keeps_a_different_form(one: str, other: str) -> None:
    assert canonical_tokens(one) != canonical_tokens(other)


def test_formulas_are_found_between_their_delimiters_and_nowhere_else() -> None:
    assert canonical_math(r"is \\( 4/3 * \pi \\) m") == r"is `math: 4 / 3 \pi` m"
    assert canonical_math(r"is \( 4/3 \) or $$x*y$$ or $x$") == (
        "is `math: 4 / 3` or `math: x y` or `math: x`"
    )
    # Prices and shell variables are not formulas; code spans are left as written.
    assert canonical_math("costs $5 and $10") == "costs $5 and $10"
    assert canonical_math("set $PATH and $HOME") == "set $PATH and $HOME"
    assert canonical_math(r"run `echo \(1\)` now") == r"run `echo \(1\)` now"


def test_notation_is_editorial_and_a_changed_symbol_is_not() -> None:
    assert is_editorial(r"Volume: \\( 4/3 * \pi * r^3 \\).", r"Volume: \\( \frac{4}{3}\pi r^3 \\).")
    assert not is_editorial(r"Volume: \\( 4/3 \pi r^3 \\).", r"Volume: \\( 4/3 \pi r^2 \\).")
    assert not is_editorial(r"Angle $\alpha$ here.", r"Angle $\aleph$ here.")


def test_type_cells_are_unions_of_terms() -> None:
    both = parse_type(r"[Schema Object](#schema-object) \| [Reference Object](#reference-object)")
    assert {term.name for term in both} == {"schema object", "reference object"}
    (mapping,) = parse_type(r"Map[`string`, [Path Item Object](#path-item-object)]")
    assert mapping.name == "map" and len(mapping.arguments) == 2
    (listed,) = parse_type("[[Tag Object](#tag-object)]")
    assert listed.name == "[]"
    assert {t.name for t in parse_type("`primitive`, `array`, `object`")} == {
        "primitive",
        "array",
        "object",
    }


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("`string`", r"`string` \| `null`", TypeChange.WIDENED),
        (r"`string` \| `null`", "`string`", TypeChange.NARROWED),
        ("[Schema Object](#schemaObject)", "[Schema Object](#schema-object)", TypeChange.SAME),
        (r"`a` \| `b`", r"`b` \| `a`", TypeChange.SAME),
        ("`string`", "`integer`", TypeChange.CHANGED),
        (
            r"Map[`string`, [A](#a) \| [B](#b)]",
            "Map[`string`, [A](#a)]",
            TypeChange.NARROWED,
        ),
        ("Map[`string`, [A](#a)] ]", "Map[`string`, [A](#a)]", TypeChange.SAME),  # stray ]
        ("Any", "`string`", TypeChange.NARROWED),
        ("[`string`]", "`string`", TypeChange.CHANGED),  # a list is not its item
    ],
)
def test_type_changes_read_as_sets(old: str, new: str, expected: TypeChange) -> None:
    assert type_change(old, new) is expected


def test_a_long_cell_edited_late_is_quoted_where_it_changed() -> None:
    from specdiff.compare import compare_specs
    from specdiff.config import DEFAULT_CONFIG
    from specdiff.parse import parse_spec

    table = (
        "# Parameter Object {{#parameter-object}}\n\n"
        "| Field Name | Type | Description |\n| --- | --- | --- |\n"
        '| <a name="p-empty"></a>allowEmptyValue | `boolean` | If `true`, clients MAY pass a '
        "zero-length string value in place of parameters that would otherwise be omitted. "
        "{marker}Use of this field is NOT RECOMMENDED. |\n"
    )
    old, new = table.format(marker=""), table.format(marker="**Deprecated:** ")
    report = compare_specs(parse_spec(old), parse_spec(new), DEFAULT_CONFIG)
    (change,) = report.changes
    assert change.tags == ("deprecation.added",)
    (detail,) = change.details
    was, now = detail.split(": ", 1)[1].split(" → ")
    assert was != now and "**Deprecated:**" in now and was.startswith("“…")
