"""Permissions said of an example (issue 10, lane fx13-fm): a sentence that opens "As an
example," or speaks of the example beside it ("In the example above, ...", "In the
following example, ...") illustrates what the rules allow, as "For example, ..." does;
its lower-case "may", "can", "is allowed" gives no leave, so rewording it changes no rule.
Controls: an obligation or a prohibition in such a sentence still binds, capitals are
always rules, and the same permission said outside an example still allows."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.statements import find_statements


def _keywords(text: str) -> list[str]:
    return [s.keyword for s in find_statements(text)]


@pytest.mark.parametrize(
    "text",
    [
        "As an example, a harbour broker may publish a tally when a crate lands.",
        "In the example above, an empty crate is allowed to be weighed on the quay.",
        "In the example below, a pilot can skip the second buoy.",
        "In the following example, a crate is permitted to carry two seals.",
        "In this example, the seal is optional because the crate is empty.",
    ],
)
def test_a_permission_said_of_an_example_is_no_rule(text: str) -> None:
    assert _keywords(text) == []


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        # An obligation or a prohibition in an example still binds.
        ("In the example above, the clerk must stamp the crate.", "must"),
        ("A clerk must count crates. As an example, a clerk cannot open a sealed crate.", "cannot"),
        ("In the example below, an empty crate is not allowed on the quay.", "is not allowed"),
        # Capitals are always rules.
        ("In the example above, a crate MAY carry two seals.", "MAY"),
        # Not an example's sentence: "the example" is no opening here.
        ("The example crate may be weighed on the quay.", "may"),
        ("An empty crate is allowed to be weighed on the quay.", "is allowed"),
    ],
)
def test_the_rule_is_still_read(text: str, keyword: str) -> None:
    assert keyword in _keywords(text)


_DOC = """\
# Crates

## Weighing

{paragraph}

```
crate(empty: true)
```

A clerk must record every weighing.
"""


def _edit(old: str, new: str) -> tuple[str, tuple[str, ...]]:
    [change] = [
        c
        for c in compare_specs(
            parse_spec(_DOC.format(paragraph=old)), parse_spec(_DOC.format(paragraph=new))
        ).changes
        if str(c.scope) == "clause"
    ]
    return str(change.severity), change.tags


_SAID = "In the example above, an empty crate is allowed to be weighed on a scale."
_NARROWED = (
    "In the example above, an empty crate is allowed to be weighed on a scale"
    " because it holds no cargo in the manifest."
)


def test_an_example_explained_in_more_words_changes_no_rule_either_way() -> None:
    for old, new in ((_SAID, _NARROWED), (_NARROWED, _SAID)):
        severity, tags = _edit(old, new)
        assert severity != "major"
        assert not any(t.startswith("normative.") for t in tags)


def test_the_same_permission_outside_an_example_still_changes() -> None:
    # Control: the leave itself, said as a rule, narrowed or widened is a major change.
    rule = "An empty crate is allowed to be weighed on a scale."
    narrowed = "An empty crate is allowed to be weighed on a scale in the harbour office."
    for old, new in ((rule, narrowed), (narrowed, rule)):
        severity, tags = _edit(old, new)
        assert severity == "major", tags
