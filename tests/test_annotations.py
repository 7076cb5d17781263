"""GitHub workflow commands: one writer, escaped as the runner reads them back.

``parse_command`` below follows the runner's own parser (``ActionCommand.TryParse`` in
actions/runner): the command ends at the first ``::``, properties are split at ``,`` and
at the first ``=``, then ``%25 %0D %0A %3A %2C`` are decoded (the data only knows the first
three). A writer that forgets to escape a ``,`` or ``:`` in a file name splits it there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from specdiff.compare import compare_specs
from specdiff.model.changes import Endpoint
from specdiff.parse import parse_spec
from specdiff.render.github import annotation, render_github

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

_DATA = (("%0D", "\r"), ("%0A", "\n"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","))


def _unescape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for escaped, char in table:
        text = text.replace(escaped, char)
    return text.replace("%25", "%")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    assert line.startswith("::")
    head, separator, data = line[2:].partition("::")
    assert separator, line
    command, _, properties = head.partition(" ")
    parsed: dict[str, str] = {}
    for item in filter(None, properties.split(",")):
        name, equals, value = item.partition("=")
        assert equals, f"property without a value in {line!r}"
        parsed[name] = _unescape(value, _PROPERTY)
    return command, parsed, _unescape(data, _DATA)


def test_annotation_escapes_properties_and_data() -> None:
    line = annotation("error", "50% done:\r\nnext, please", file="a,b:c.md", line=3, title="t:1,2%")
    assert (
        line == "::error file=a%2Cb%3Ac.md,line=3,title=t%3A1%2C2%25::50%25 done:%0D%0Anext, please"
    )
    assert parse_command(line) == (
        "error",
        {"file": "a,b:c.md", "line": "3", "title": "t:1,2%"},
        "50% done:\r\nnext, please",
    )


def test_annotation_without_properties() -> None:
    assert annotation("notice", "all good") == "::notice::all good"
    assert annotation("warning", "x", title="specdiff") == "::warning title=specdiff::x"


@given(
    file=st.text(min_size=1),
    title=st.text(),
    message=st.text(),
    line=st.integers(min_value=1, max_value=10**6),
)
def test_annotation_reads_back_as_written(file: str, title: str, message: str, line: int) -> None:
    command, properties, data = parse_command(
        annotation("warning", message, file=file, line=line, end_line=line + 1, title=title)
    )
    assert command == "warning"
    assert properties == {
        "file": file,
        "line": str(line),
        "endLine": str(line + 1),
        "title": title,
    }
    assert data == message


def test_check_with_a_comma_in_the_file_name_writes_valid_annotations(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a,b.md").write_text(
        "# Kettle {#kettle}\n\nSee [the spout](#spout).\n", encoding="utf-8"
    )
    result = cli("check", "a,b.md", "--format", "github")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("::error file=a%2Cb.md,line=3,title=broken-anchor::")
    command, properties, message = parse_command(lines[0])
    assert (command, properties) == (
        "error",
        {"file": "a,b.md", "line": "3", "title": "broken-anchor"},
    )
    assert message == "link to #spout, which no heading or anchor defines"


def test_compare_annotations_name_the_file_whole() -> None:
    old = parse_spec("# Rules {#rules}\n\nThe assistant should cite sources.\n")
    new = parse_spec("# Rules {#rules}\n\nThe assistant must cite sources.\n")
    report = compare_specs(old, new, base=Endpoint("1.0"), head=Endpoint("2.0"))
    lines = render_github(report, path="specs/a,b: rules.md").splitlines()
    command, properties, message = parse_command(lines[0])
    assert command == "error"
    assert properties["file"] == "specs/a,b: rules.md"
    assert properties["title"] == "specdiff major: modified"
    assert "normative.strengthened" in message
    assert parse_command(lines[-1]) == ("notice", {"title": "specdiff"}, "1.0 → 2.0: bump major")
