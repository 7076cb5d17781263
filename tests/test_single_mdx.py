"""A spec that is one ``.mdx`` file is read as the same file is read inside a folder spec.

Components are containers of Markdown clauses, imports and exports are not content; the
CLI reads a file named on the command line that way, and the history commands read the
configured file that way at every tag of a real git repository.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from contract import problems, schema_errors
from gitutil import commit, git, isolate_git
from test_multi_documents import FIXTURES

from specdiff.cli import run
from specdiff.parse import parse_spec
from specdiff.parse.documents import parse_documents, parse_single

if TYPE_CHECKING:
    from pathlib import Path

BEFORE = (FIXTURES / "mdx_components" / "before" / "retries.mdx").read_text(encoding="utf-8")
AFTER = (FIXTURES / "mdx_components" / "after" / "retries.mdx").read_text(encoding="utf-8")


def specdiff(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    code = run(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def changes(data: dict[str, object]) -> set[tuple[str, str, tuple[str, ...], str]]:
    found = set()
    for change in data["changes"]:  # type: ignore[attr-defined]
        side = change["new"] or change["old"]
        found.add((change["kind"], change["scope"], tuple(change["tags"]), side["text"]))
    return found


def write(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.mdx", tmp_path / "new.mdx"
    old.write_text(BEFORE, encoding="utf-8")
    new.write_text(AFTER, encoding="utf-8")
    return old, new


@pytest.mark.parametrize("text", [BEFORE, AFTER])
def test_one_mdx_file_gives_the_clauses_it_gives_inside_a_folder(text: str) -> None:
    alone, _ = parse_single("retries.mdx", text, parse_spec)
    inside = parse_documents([("retries.mdx", text)], parse_spec)
    assert [(c.kind, c.text, c.parent, c.span) for c in alone.clauses] == [
        (c.kind, c.text, c.parent, c.span) for c in inside.clauses
    ]


def test_a_markdown_file_is_parsed_as_it_is() -> None:
    spec, text = parse_single("retries.md", AFTER, parse_spec)
    assert text is AFTER and spec == parse_spec(AFTER)
    assert "import { Note, Warning }" in {c.text.split(" from")[0] for c in spec.clauses}


def test_compare_two_mdx_files_both_ways(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = write(tmp_path)
    forward = json.loads(specdiff(capsys, "compare", str(old), str(new), "--format", "json"))
    assert problems(forward) == [] and schema_errors(forward) == []
    assert changes(forward) == {
        (
            "modified",
            "clause",
            ("wording.substantive",),
            "Retries reuse the request id of the first attempt, so servers can tell them apart.",
        ),
        (
            "modified",
            "clause",
            ("normative.strengthened",),
            "Clients must wait at least one second before retrying.",
        ),
        ("removed", "clause", (), "Tip"),
        ("removed", "clause", (), "A dashboard shows the retries of the last hour."),
        ("added", "clause", (), 'Warning title="Quotas"'),
        ("added", "clause", ("normative.added",), "Clients must not retry more than five times."),
    }
    assert forward["bump"] == "major"
    backward = json.loads(specdiff(capsys, "compare", str(new), str(old), "--format", "json"))
    assert changes(backward) == {
        (
            "modified",
            "clause",
            ("wording.substantive",),
            "Retries use the same request id, so servers can tell them apart.",
        ),
        (
            "modified",
            "clause",
            ("normative.weakened",),
            "Clients should wait at least one second before retrying.",
        ),
        ("added", "clause", (), "Tip"),
        ("added", "clause", (), "A dashboard shows the retries of the last hour."),
        ("removed", "clause", (), 'Warning title="Quotas"'),
        (
            "removed",
            "clause",
            ("normative.removed",),
            "Clients must not retry more than five times.",
        ),
    }


def test_outline_and_check_read_components_not_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = write(tmp_path)
    outline = specdiff(capsys, "outline", str(new))
    assert "before the first heading" not in outline  # the imports were a paragraph there
    assert "html" not in outline
    assert "Retries  #retries  (3 paragraph, 1 list item, 2 component; 2 normative)" in outline
    assert "no problems found" in specdiff(capsys, "check", str(new))


def test_history_of_a_spec_that_is_one_mdx_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet")
    commit(repo, {"specdiff.toml": 'spec = "guide.mdx"\n', "guide.mdx": BEFORE}, "first")
    git(repo, "tag", "v1.0.0")
    commit(repo, {"guide.mdx": AFTER}, "second", date="2025-02-01T12:00:00+00:00")
    git(repo, "tag", "v2.0.0")
    monkeypatch.chdir(repo)
    data = json.loads(specdiff(capsys, "compare", "v1.0.0", "v2.0.0", "--format", "json"))
    assert problems(data) == [] and schema_errors(data) == []
    assert ("added", "clause", (), 'Warning title="Quotas"') in changes(data)
    assert (
        "modified",
        "clause",
        ("normative.strengthened",),
        "Clients must wait at least one second before retrying.",
    ) in changes(data)
    assert not any("import" in text for *_, text in changes(data))
    log = specdiff(capsys, "log").splitlines()
    line = next(line for line in log if line.startswith("2.0.0"))
    assert "major" in line and "2 clauses added, 2 clauses modified, 2 clauses removed" in line
