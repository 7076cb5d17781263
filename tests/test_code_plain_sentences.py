"""A fenced block of plain sentences (issue 10, "editorial means the same everywhere"): a
placeholder block such as "This is an example of a non-normative counter-example." holds
no code, so a word respelled in it ("counter-example" -> "counterexample") is spelling,
as it is in prose. Code, a test's input (a Markdown example) and a changed word stay
changes.
"""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

CONFIG = config_from_text("", False, "test")


def spec(block: str, info: str = "counter-example") -> str:
    return "\n".join(
        [
            "# Parcels",
            "",
            "## Conventions",
            "",
            "Blocks like the one below show what a depot must refuse.",
            "",
            f"```{info}",
            block,
            "```",
            "",
            "Notes are informative.",
            "",
        ]
    )


def block_change(before: str, after: str) -> tuple[str, tuple[str, ...]]:
    report = compare_specs(parse_spec(before), parse_spec(after), CONFIG)
    changes = [c for c in report.changes if str(c.scope) == "clause"]
    assert len(changes) == 1, [str(c) for c in changes]
    return str(changes[0].severity), tuple(changes[0].tags)


PLAIN = "This is a sample of a non-normative counter-example for a depot."
JOINED = "This is a sample of a non-normative counterexample for a depot."


@pytest.mark.parametrize(("before", "after"), [(PLAIN, JOINED), (JOINED, PLAIN)])
def test_a_word_respelled_in_a_block_of_plain_sentences_is_editorial(before, after):
    assert block_change(spec(before), spec(after)) == ("patch", ("editorial",))


def test_a_plain_block_respelled_the_british_way_is_editorial():
    before = spec("The parcel colour is recorded at the depot.", "")
    after = spec("The parcel color is recorded at the depot.", "")
    assert block_change(before, after) == ("patch", ("editorial",))


def test_a_word_changed_in_a_block_of_plain_sentences_is_a_change():
    """Control: another word, not another spelling of one."""
    changed = "This is a sample of a normative counter-example for a depot."
    severity, tags = block_change(spec(PLAIN), spec(changed))
    assert "editorial" not in tags and severity != "patch"


def test_a_name_joined_in_code_is_a_change():
    """Control: code is not plain sentences: `max-age` -> `maxage` renames what is typed."""
    before = spec("Cache-Control: max-age=60;", "http")
    after = spec("Cache-Control: maxage=60;", "http")
    severity, tags = block_change(before, after)
    assert "editorial" not in tags and severity != "patch"


def test_a_respelled_word_in_a_markdown_input_is_a_change():
    """Control: a Markdown example's text is the input it tests, however plain."""
    before = spec("A line about a counter-example.", "markdown")
    after = spec("A line about a counterexample.", "markdown")
    severity, tags = block_change(before, after)
    assert "editorial" not in tags and severity != "patch"
