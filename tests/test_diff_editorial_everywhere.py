"""Editorial means the same everywhere (issue 10, Deliver 3): edits a reader sees as
form, not content, are PATCH wherever they stand; a real change beside them is not."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.config import DEFAULT_CONFIG
from specdiff.parse import parse_spec


def compare(old: str, new: str):
    return compare_specs(parse_spec(old), parse_spec(new), DEFAULT_CONFIG)


RESULT = (
    "# Lengths\n\nThe lantern keeps its wick trimmed.\n\n```graphql example\n"
    '{{ wick(unit: MM) }}\n```\n\n{caption}\n\n```json example\n{{ "wick": 4 }}\n```\n'
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("May yield the result:", "May return the result:"),
        ("May return the result:", "May yield the result:"),
    ],
)
def test_a_caption_opening_with_may_is_no_rule(before, after):
    (change,) = compare(RESULT.format(caption=before), RESULT.format(caption=after)).changes
    assert str(change.severity) == "patch"
    assert not any(t.startswith("normative.") for t in change.tags)


def test_a_caption_with_a_subject_still_reads_its_rule():
    old = RESULT.format(caption="The lamplighter may yield the result.")
    new = RESULT.format(caption="The lamplighter may return the result.")
    (change,) = compare(old, new).changes
    assert "normative.changed" in change.tags


FENCED = "# Lanterns\n\nThe keeper lights each lantern at dusk.\n\n```{info}\n{code}\n```\n"


@pytest.mark.parametrize("info", ["graphql", "graphql example", "!graphql", "gql"])
@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "input Wick { length: Int, colour: String }",
            "input Wick {\n  length: Int\n  colour: String\n}",
        ),
        ("{\n  lantern {\n    wick\n  },\n  oil\n}", "{\n  lantern {\n    wick\n  }\n  oil\n}"),
        ("{\n  lantern {\n    wick\n  }\n  oil\n}", "{\n  lantern {\n    wick\n  },\n  oil\n}"),
        ("lantern(id: ID!) : Lantern", "lantern(id: ID!): Lantern"),
    ],
)
def test_commas_and_spaces_in_graphql_are_layout(info, before, after):
    old, new = FENCED.format(info=info, code=before), FENCED.format(info=info, code=after)
    (change,) = compare(old, new).changes
    assert str(change.severity) == "patch"
    assert "editorial" in change.tags


@pytest.mark.parametrize(
    ("info", "before", "after"),
    [
        # A field renamed or a value changed in GraphQL is no layout.
        (
            "graphql",
            "input Wick { length: Int, colour: String }",
            "input Wick { length: Int, color: String }",
        ),
        ("graphql", "{ lantern(id: 4) { wick } }", "{ lantern(id: 5) { wick } }"),
        # A comma in a string is content; in a language that is not freely spaced, a
        # comma dropped is not layout.
        ("graphql", '{ lantern(name: "a, b") }', '{ lantern(name: "a b") }'),
        ("python", "wick(4, 5)", "wick(4 5)"),
    ],
)
def test_a_real_change_in_graphql_stays_a_change(info, before, after):
    old, new = FENCED.format(info=info, code=before), FENCED.format(info=info, code=after)
    (change,) = compare(old, new).changes
    assert "editorial" not in change.tags
    assert str(change.severity) != "patch"


TITLED = "# Wicks\n\n{title}\n\nA wick is trimmed before the lantern is lit.\n\nThe keeper logs each wick.\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("**Trimming**", "**Lamp Trimming**"),
        ("**Lamp Trimming**", "**Trimming**"),
        ("__Checks:__", "__Static Checks:__"),
    ],
)
def test_a_run_in_title_retitled_is_a_patch(before, after):
    (change,) = compare(TITLED.format(title=before), TITLED.format(title=after)).changes
    assert str(change.severity) == "patch"
    assert change.tags == ("wording",)
    assert "run-in title" in change.reason.casefold()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A paragraph of text in bold, or a bold rule, is no title.
        (
            "**The keeper trims every wick at dusk and logs the length she cut off it.**",
            "**The keeper trims every wick at dawn and logs the length she cut off it.**",
        ),
        ("**Keepers must trim wicks.**", "**Keepers must not trim wicks.**"),
    ],
)
def test_bold_text_that_is_no_title_is_read_as_text(before, after):
    (change,) = compare(TITLED.format(title=before), TITLED.format(title=after)).changes
    assert str(change.severity) != "patch"


RULED = "# Lamps\n\nThe keeper lights every lamp in order.\n\n{rule}\n\n- Light the first lamp.\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The lamplighter must, in order:", "Therefore the lamplighter must, in order:"),
        ("Therefore the lamplighter must, in order:", "The lamplighter must, in order:"),
        ("The lamplighter must trim each wick.", "However, the lamplighter must trim each wick."),
    ],
)
def test_a_connective_before_a_rule_is_wording(before, after):
    (change,) = compare(RULED.format(rule=before), RULED.format(rule=after)).changes
    assert str(change.severity) == "patch"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The lamplighter must trim each wick.", "Therefore the lamplighter must trim each lamp."),
        (
            "The lamplighter must trim each wick.",
            "Therefore the lamplighter must not trim each wick.",
        ),
    ],
)
def test_a_connective_beside_a_real_change_keeps_it(before, after):
    changes = compare(RULED.format(rule=before), RULED.format(rule=after)).changes
    assert changes
    assert all(str(c.severity) != "patch" for c in changes)
