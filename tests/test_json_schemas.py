"""Every versioned JSON document specdiff writes has a JSON Schema in the package, and
what the commands print is valid against it (on the sample history, a real repository)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from gitutil import commit, isolate_git
from historyutil import sample_repo, specdiff

from specdiff.render.schemas import DOCUMENTS, json_schema

if TYPE_CHECKING:
    from collections.abc import Callable

PACKAGE = Path(__file__).resolve().parents[1] / "specdiff"
DOCUMENT_NAME = re.compile(r"specdiff\.([a-z_]+)/1")
FLAWED = """# Kettle {#kettle authority=root}

See [the spout](#spout), 100% hot.

## Lid {#lid}

## Lid again {#lid}
"""


def _names_in_the_code() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.update(DOCUMENT_NAME.findall(node.value))
    return names


def test_every_document_the_code_writes_has_a_shipped_schema() -> None:
    assert _names_in_the_code() <= set(DOCUMENTS)
    for name in DOCUMENTS:
        schema = json_schema(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] == f"specdiff.{name}/1"
        assert schema["properties"]["schema"] == {"const": f"specdiff.{name}/1"}


def test_an_unknown_schema_is_refused() -> None:
    with pytest.raises(ValueError, match="no JSON Schema 'report'"):
        json_schema("report")


def _valid(name: str, out: str) -> dict[str, object]:
    data = json.loads(out)
    assert data["schema"] == f"specdiff.{name}/1"
    jsonschema.validate(data, json_schema(name))
    return data


def test_check_and_outline_documents(
    cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec.md").write_text(FLAWED, encoding="utf-8")
    check = cli("check", "spec.md", "--format", "json")
    data = _valid("check", check.out)
    assert data["errors"] == 2
    outline = cli("outline", "spec.md", "--format", "json")
    _valid("outline", outline.out)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("compare", ("compare", "1.0.0", "3.0.0", "--format", "json")),
        ("log", ("log", "--format", "json")),
        ("history", ("history", "honest_feedback", "--format", "json")),
        ("changelog", ("changelog", "--format", "json")),
    ],
)
def test_history_documents(
    name: str,
    args: tuple[str, ...],
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    isolate_git(monkeypatch, tmp_path)
    repo = sample_repo(tmp_path_factory, tmp_path / "repo")
    spec = (repo / "spec.md").read_text(encoding="utf-8")
    commit(repo, {"spec.md": spec + "\nAn unreleased paragraph.\n"}, "Not released yet")
    monkeypatch.chdir(repo)
    code, out, err = specdiff(capsys, *args)
    assert code == 0, err
    data = _valid(name, out)
    if name == "log":
        assert len(data["unreleased"]) == 1  # type: ignore[arg-type]
