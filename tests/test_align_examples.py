"""Conformance examples (an input, a line holding only ".", the output expected) are known
by their input: one whose delimiters changed is another example, one whose filler words
changed or whose expected output changed is the same example edited (issue 10)."""

from __future__ import annotations

from specdiff.align import align
from specdiff.align._similarity import TextCache, same_test
from specdiff.model.document import ClauseKind
from specdiff.parse import parse_spec


def _example(given: str, output: str) -> str:
    return f"```example\n{given}\n.\n{output}\n```\n"


def _spec(*blocks: str) -> str:
    body = "\n".join(blocks)
    return f"# Strike-through {{#strike}}\n\nA tilde opens and closes a struck span.\n\n{body}"


def _pairs(old: str, new: str) -> set[tuple[str, str]]:
    before, after = parse_spec(old), parse_spec(new)
    alignment = align(before, after)
    return {
        (before.clauses[p.old].text.split("\n")[0], after.clauses[p.new].text.split("\n")[0])
        for p in alignment.clauses
        if before.clauses[p.old].kind is ClauseKind.CODE
    }


CAPTION = "Simple struck spans:\n"
PLAIN = _example("~lamp post~", "<p><s>lamp post</s></p>")
NESTED = _example("~~lamp~ post~", "<p><s><s>lamp</s> post</s></p>")
TRIPLE = _example("~~~lamp~~ post~", "<p><s><s><s>lamp</s></s> post</s></p>")


def test_an_example_whose_delimiters_changed_is_another_example() -> None:
    old = _spec(CAPTION, PLAIN, "Nested spans:\n", NESTED)
    new = _spec(CAPTION, PLAIN, "Nested spans:\n", TRIPLE)
    assert ("~~lamp~ post~", "~~~lamp~~ post~") not in _pairs(old, new)
    assert ("~~~lamp~~ post~", "~~lamp~ post~") not in _pairs(new, old)


def test_an_example_whose_filler_words_changed_is_the_same_example() -> None:
    old = _spec(CAPTION, PLAIN, _example("and ~ lamp post~", "<p>and ~ lamp post~</p>"))
    new = _spec(CAPTION, PLAIN, _example("a ~ harbour light~", "<p>a ~ harbour light~</p>"))
    assert ("and ~ lamp post~", "a ~ harbour light~") in _pairs(old, new)
    assert ("a ~ harbour light~", "and ~ lamp post~") in _pairs(new, old)


def test_an_example_whose_output_changed_is_found_by_its_input_where_it_moved() -> None:
    flipped = _example("~~~~lamp~~~~", '<div class="struck"><del><del>lamp</del></del></div>')
    literal = _example("~~~~lamp~~~~", "<p>~~~~lamp~~~~</p>")
    other = _example("~lamp~ ~post~", "<p><s>lamp</s> <s>post</s></p>")
    old = _spec(CAPTION, PLAIN, literal, "Two spans:\n", other)
    new = _spec(CAPTION, PLAIN, "Two spans:\n", other, "Runs of four:\n", flipped)
    assert ("~~~~lamp~~~~", "~~~~lamp~~~~") in _pairs(old, new)
    assert ("~~~~lamp~~~~", "~~~~lamp~~~~") in _pairs(new, old)


def test_code_that_is_no_conformance_example_still_pairs_by_its_text() -> None:
    # Control: a sample of code (no input and output) edited in place is one block.
    old = _spec("Set the lamp:\n", "```\nlamp.colour = green\nlamp.height = 4\n```\n")
    new = _spec("Set the lamp:\n", "```\nlamp.colour = green\nlamp.height = 5\n```\n")
    assert ("lamp.colour = green", "lamp.colour = green") in _pairs(old, new)


def test_same_test_reads_inputs() -> None:
    def example(given: str, output: str = "<p>x</p>") -> str:
        return f"{given}\n.\n{output}"

    # The marks kept, the words between them changed.
    assert same_test(example("11~15~32"), example("5~6~78"))
    # A case added to a line of cases, with the same elements in the output.
    assert same_test(
        example("&#35; &#992; &#1234; &#98765;"), example("&#35; &#992; &#1234; &#98765; &#0;")
    )
    # A case added on a line of its own.
    assert same_test(example("<a><b>"), example("<a><b>\n<c d=e>"))
    # Another delimiter run, or a delimiter dropped that changes the output.
    assert not same_test(example("~~~lamp~"), example("~~~~lamp~"))
    assert not same_test(
        example("~lamp ~post~ light~", "<p><s>lamp <s>post</s> light</s></p>"),
        example("~lamp ~post light~", "<p>~lamp <s>post light</s></p>"),
    )
    # A no-break space is a mark, not a space between words.
    assert not same_test(example("`a\u00a0\u00a0b`"), example("`\u00a0b\u00a0`"))
    # A conformance example is not a sample of code; two samples are always comparable.
    assert not same_test(example("~lamp~"), "~lamp~")
    assert same_test("lamp = 1", "post = 2")


def test_code_is_compared_with_its_markup() -> None:
    before = parse_spec(_spec(_example("_lamp __post___", "<p>x</p>")))
    after = parse_spec(_spec(_example("*lamp post *", "<p>x</p>")))
    a = next(c for c in before.clauses if c.kind is ClauseKind.CODE)
    b = next(c for c in after.clauses if c.kind is ClauseKind.CODE)
    assert TextCache().similarity(a, b) < 0.9
    # Control: prose still reads without its emphasis marks.
    prose_a, prose_b = before.clauses[0], after.clauses[0]
    assert TextCache().similarity(prose_a, prose_b) == 1.0


def test_a_sample_in_one_data_format_does_not_become_one_in_another() -> None:
    json_sample = (
        '```json\n{\n  "lamp": {\n    "colour": "green",\n    "height": null\n  }\n}\n```\n'
    )
    xml_sample = '```xml\n<lamp colour="green">\n  <height></height>\n</lamp>\n```\n'
    old = _spec("Where the lamp would be:\n", json_sample)
    new = _spec("Where the lamp would be:\n", xml_sample)
    assert not any(a.startswith("{") for a, _ in _pairs(old, new))
    assert not any(a.startswith("<") for a, _ in _pairs(new, old))
    # Control: a fence that gains its language is the same block.
    unnamed = json_sample.replace("```json", "```")
    assert ("{", "{") in _pairs(_spec("Where the lamp would be:\n", unnamed), old)


def test_same_test_reads_what_flanks_each_mark() -> None:
    def example(given: str) -> str:
        return f"{given}\n.\n<p>x</p>"

    # The same marks, but the inner one now closes between two words, not before a space:
    # another test, both ways.
    assert not same_test(example("~~lamp post~ pier~~"), example("~~lamp~post~~"))
    assert not same_test(example("~~lamp~post~~"), example("~~lamp post~ pier~~"))
    # A run that stood between words now opens the input: another test.
    assert not same_test(example("lamp~~post~~pier"), example("~~lamp~~post"))
    # Control: a line's start flanks as a space does, and a trailing word may go.
    assert same_test(example("~+~"), example("lamp ~+~"))
    assert same_test(example("lamp~post~pier"), example("lamp~post~"))


DIGITS = _example("11~15~32", "<p>11<s>15</s>32</p>")
OTHER_DIGITS = _example("5~6~78", "<p>5<s>6</s>78</p>")


def test_an_example_with_only_other_filler_is_found_though_no_word_is_shared() -> None:
    # The examples are regrouped under new captions: no word of the two texts is shared,
    # the example is known by what it tests.
    old = _spec(CAPTION, PLAIN, "Between digits:\n", TRIPLE, DIGITS, NESTED)
    new = _spec("Rule 1:\n", NESTED, PLAIN, "Rule 2:\n", OTHER_DIGITS, TRIPLE)
    assert ("11~15~32", "5~6~78") in _pairs(old, new)
    assert ("5~6~78", "11~15~32") in _pairs(new, old)


def test_an_example_whose_marks_are_flanked_otherwise_stays_apart() -> None:
    # Control: the same marks, but the inner delimiter now stands between two words.
    spaced = _example("~~lamp post~ pier~~", "<p><s><s>lamp post</s> pier</s>~</p>")
    joined = _example("~~lamp~post~~", "<p><s><s>lamp</s>post</s>~</p>")
    old = _spec(CAPTION, PLAIN, "Overlaps:\n", spaced)
    new = _spec("Rule 1:\n", PLAIN, "Rule 2:\n", joined)
    assert not any(a.startswith("~~lamp") for a, _ in _pairs(old, new))
    assert not any(a.startswith("~~lamp") for a, _ in _pairs(new, old))
