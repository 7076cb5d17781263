"""Input the command line must survive: bad input exits 2 with one line, odd input parses."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from specdiff.model.document import ClauseKind, Verdict, WarningCode
from specdiff.parse import parse_spec


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("specdiff: error: ")
    assert "Traceback" not in err
    return lines[0]


# -- bad input: exit 2 and exactly one line on stderr ----------------------------------


def make_bad_inputs(tmp_path):
    missing = tmp_path / "missing.md"
    folder = tmp_path / "folder.md"
    folder.mkdir()
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes(b"# Caf\xe9\n\nText.\n")
    return {"missing": missing, "folder": folder, "binary": binary, "latin1": latin1}


@pytest.mark.parametrize("command", ["outline", "check"])
@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing", "missing.md: no such file"),
        ("folder", "folder.md: is a directory"),
        ("binary", "image.md: binary file (NUL byte at offset 8)"),
        ("latin1", "latin1.md: not valid UTF-8: byte 0xe9 at offset 5 (line 1)"),
    ],
)
def test_bad_input_in_process(cli, tmp_path, command, case, expected):
    path = make_bad_inputs(tmp_path)[case]
    if case == "folder":
        # check and outline read a folder as a spec made of many files; this one has none.
        expected = "folder.md: no Markdown files in this folder"
    result = cli(command, path)
    assert result.code == 2
    assert result.out == ""
    assert expected in one_error_line(result.err)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing", "no such file"),
        ("binary", "binary file"),
        ("latin1", "byte 0xe9 at offset 5"),
    ],
)
def test_bad_input_in_a_real_process_shows_no_traceback(tmp_path, case, expected):
    path = make_bad_inputs(tmp_path)[case]
    done = subprocess.run(
        [sys.executable, "-m", "specdiff", "outline", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert expected in one_error_line(done.stderr)


def test_invalid_utf8_deep_in_a_file_names_offset_and_line(cli, tmp_path):
    path = tmp_path / "late.md"
    good = "# Title\n\n" + "A line of text.\n" * 1000
    path.write_bytes(good.encode() + b"bad \xc3\x28 sequence\n")
    result = cli("check", path)
    assert result.code == 2
    offset = len(good.encode()) + 4
    assert f"byte 0xc3 at offset {offset} (line 1003)" in one_error_line(result.err)


def test_usage_errors_are_one_line_too(cli, tmp_path):
    for args in (("history",), ("nonsense",), ("outline", "--format", "xml", tmp_path)):
        result = cli(*args)
        assert result.code == 2
        one_error_line(result.err)


# -- odd but valid input: exit 0 -------------------------------------------------------


def outline(cli, path):
    result = cli("outline", path, "--format", "json")
    assert (result.code, result.err) == (0, "")
    return json.loads(result.out)


def test_empty_file(cli, tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    data = outline(cli, path)
    assert data["sections"] == []
    assert data["lines"] == 0
    assert cli("check", path).code == 0


def test_byte_order_mark(cli, tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# Title {#t}\n\nText.\n")
    data = outline(cli, path)
    assert [(s["id"], s["title"]) for s in data["sections"]] == [("t", "Title")]


def test_crlf_line_endings(cli, tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"# Title {#t}\r\n\r\nThe kettle MUST\r\nboil.\r\n\r\n## Next\r\n")
    data = outline(cli, path)
    assert [(s["id"], s["lines"]) for s in data["sections"]] == [("t", [1, 5]), ("next", [6, 6])]
    assert data["sections"][0]["normative"] == 1
    spec = parse_spec(path.read_bytes().decode())
    assert spec.clauses[0].text == "The kettle MUST boil."
    assert "\r" not in spec.sections[1].title


def test_a_hundred_thousand_lines(cli, tmp_path):
    path = tmp_path / "long.md"
    body = "".join(f"The kettle obeys line {n} of this rule.\n" for n in range(96))
    chunk = "## Rule {n}\n\nEvery kettle MUST obey rule {n}.\n" + body + "\n"  # 100 lines
    path.write_text("".join(chunk.format(n=n) for n in range(1000)), encoding="utf-8")
    data = outline(cli, path)
    assert data["lines"] == 100_000
    assert len(data["sections"]) == 1000
    assert data["sections"][-1]["id"] == "rule-999"
    assert data["sections"][-1]["lines"] == [99_901, 100_000]
    assert sum(s["normative"] for s in data["sections"]) == 1000


@pytest.mark.parametrize("marker", ["> ", "- ", "1. ", "> - "])
def test_nesting_five_thousand_deep(cli, tmp_path, marker):
    path = tmp_path / "deep.md"
    path.write_text("# Deep\n\n" + marker * 5000 + "bottom\n", encoding="utf-8")
    data = outline(cli, path)
    assert [s["id"] for s in data["sections"]] == ["deep"]
    assert sum(data["sections"][0]["clauses"].values()) >= 1
    spec = parse_spec(path.read_text(encoding="utf-8"))
    assert spec.clauses[-1].text.endswith("bottom")


def test_nesting_five_thousand_deep_over_several_lines(cli, tmp_path):
    quote = "".join("> " * 5000 + f"line {n}\n" for n in range(5))
    item = "- " * 5000 + "first line\n" + " " * 10_000 + "continued\n"
    for name, text in (("quote.md", quote), ("item.md", item)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert outline(cli, path)["lines"] == text.count("\n")
    spec = parse_spec(quote)
    assert spec.clauses[-1].kind is ClauseKind.BLOCKQUOTE
    assert spec.clauses[-1].text.endswith("line 4")
    spec = parse_spec(item)
    assert any(w.code is WarningCode.NESTING_TOO_DEEP for w in spec.warnings)
    assert spec.clauses[-1].text.endswith("continued")


def test_a_one_megabyte_single_line(cli, tmp_path):
    path = tmp_path / "wide.md"
    sentence = "The kettle MUST boil water when asked, and never boil dry. "
    line = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    path.write_text("# Wide\n\n" + line, encoding="utf-8")  # no final newline either
    data = outline(cli, path)
    assert data["lines"] == 3
    assert data["sections"][0]["clauses"] == {"paragraph": 1}
    assert data["sections"][0]["normative"] >= 2 * (1_000_000 // len(sentence))


PATHOLOGICAL = {
    "unclosed brackets": "[",
    "unclosed footnotes": "[^",
    "unclosed definitions": "[a](@",
    "links": "[a](#b) ",
    "unclosed anchors": "<a ",
    "unclosed anchor names": '<a name="x"',
    "unclosed comments": "<!--",
    "keywords": "must ",
    "imperatives": "x do not ",
}


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
@pytest.mark.parametrize("prefix", ["", "# ", "| a |\n|---|\n| "])
def test_long_lines_of_repeated_openers_stay_linear(unit, prefix):
    """Regexes that rescan to the end of the line from every opener take minutes here.

    Not a benchmark: linear code needs well under a second, quadratic code hours.
    """
    line = unit * (200_000 // len(unit))
    started = time.perf_counter()
    spec = parse_spec(prefix + line + "\n")
    assert time.perf_counter() - started < 20
    assert spec.line_count == prefix.count("\n") + 1


def test_unclosed_labels_in_a_long_example_line():
    line = "<assistant> " + "<!-- GOOD " * 20_000 + "<!-- BAD: at last --> answer"
    started = time.perf_counter()
    spec = parse_spec("```\n<user>hi</user>\n" + line + "\n```\n")
    assert time.perf_counter() - started < 20
    (clause,) = spec.clauses
    assert clause.kind is ClauseKind.EXAMPLE
    assert clause.example is not None
    assert [(m.verdict, m.reason) for m in clause.example.answers] == [(Verdict.BAD, "at last")]
