"""A spec compared with itself pairs every section with itself, even where sibling
headings share a title and their texts overlap (issue 10: compare(A, A) has no changes).

Of sibling sections sharing a title, the alignment prefers the candidate keeping more of
its clauses word for word; counted naively, a section holding its sibling's text twice
over outbid that sibling's own partner, and a spec compared with itself reported its
sections reidentified."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from specdiff.align import align
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

SAME_TITLES = {
    "one holds the other's item twice": "# Spec\n- root item\n# Spec\n- root item\n- root item\n",
    "equal contents": "# Spec\n\nThe server keeps a log.\n\n# Spec\n\nThe server keeps a log.\n",
    "unequal contents": (
        "# Spec\n\nThe server keeps a log.\n\n"
        "# Spec\n\nThe client sends a token.\n\nThe server keeps a log.\n"
    ),
    "nested, under parents sharing a title": (
        "# Part\n\n## Note\n\nA note.\n\n## Note\n\nA note.\n\nA note.\n\n"
        "# Part\n\n## Note\n\nA note.\n\nA note.\n\n## Note\n\nA note.\n"
    ),
    "a subset and its superset": (
        "## Note\n\nKeep the log.\n\n## Note\n\nKeep the log.\n\nRotate the log weekly.\n\n"
        "## Note\n\nRotate the log weekly.\n"
    ),
}


@pytest.mark.parametrize("text", SAME_TITLES.values(), ids=SAME_TITLES.keys())
def test_a_spec_with_repeated_sibling_headings_compared_with_itself_has_no_changes(
    text: str,
) -> None:
    assert compare_specs(parse_spec(text), parse_spec(text)).changes == ()
    spec = parse_spec(text)
    assert compare_specs(spec, spec).changes == ()


@pytest.mark.parametrize("text", SAME_TITLES.values(), ids=SAME_TITLES.keys())
def test_each_section_is_paired_with_itself(text: str) -> None:
    alignment = align(parse_spec(text), parse_spec(text))
    sections = [s.id for s in parse_spec(text).sections]
    assert alignment.section_map() == {s: s for s in sections}
    assert alignment.removed_sections == alignment.added_sections == ()


# Few titles and few lines, so that headings repeat among siblings and texts overlap.
HEADING = st.tuples(st.integers(1, 3), st.sampled_from(["Spec", "Note", "Part"])).map(
    lambda h: "#" * h[0] + " " + h[1]
)
BODY = st.lists(
    st.sampled_from(["- root item", "The server keeps a log.", "Rotate the log weekly."]),
    max_size=3,
)
SECTIONS = st.lists(st.tuples(HEADING, BODY), min_size=2, max_size=8)


def render(sections: list[tuple[str, list[str]]]) -> str:
    return "".join(
        heading + "\n\n" + "".join(line + "\n\n" for line in body) for heading, body in sections
    )


@settings(max_examples=150, deadline=None)
@given(SECTIONS)
@example([("# Spec", ["- root item"]), ("# Spec", ["- root item", "- root item"])])
def test_generated_specs_with_repeated_headings_compared_with_themselves_have_no_changes(
    sections: list[tuple[str, list[str]]],
) -> None:
    text = render(sections)
    assert compare_specs(parse_spec(text), parse_spec(text)).changes == ()
