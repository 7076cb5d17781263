"""``specdiff outline`` and ``specdiff init`` on a spec made of many files: an outline per
document, and a config proposing the folder's glob instead of one file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import jsonschema
import pytest
import yaml
from gitutil import commit, init_repo, isolate_git

from specdiff.cli import run
from specdiff.render.schemas import json_schema

if TYPE_CHECKING:
    from pathlib import Path

ACTION_REF = "octo/specdiff@0123456789abcdef0123456789abcdef01234567"
GUIDE = """# Guide

Read this first.

## Overview

The guide must be read first.

**Example**: greeting

```
user: hi
assistant: hello
```
"""
AUTH = """# Auth

## Overview {#overview}

Auth must use TLS.

## Tokens {#tokens}

Tokens should expire.

## Renewal {#tokens}

Tokens may be renewed.
"""


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    spec = tmp_path / "spec"
    (spec / "api").mkdir(parents=True)
    (spec / "a.md").write_text(GUIDE, encoding="utf-8")
    (spec / "api" / "auth.md").write_text(AUTH, encoding="utf-8")
    return spec


def test_outline_of_a_folder_is_a_tree_per_document(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "outline", str(folder))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "▤ a.md  “Guide”, 14 lines",
        "Guide  #guide  (1 paragraph)",
        "  Overview  #overview  (2 paragraph, 1 code; 1 normative)",
        "",
        "▤ api/auth.md  “Auth”, 13 lines",
        "Auth  #auth  (no clauses)",
        "  Overview  #overview  (1 paragraph; 1 normative)",
        "  Tokens  #tokens  (1 paragraph; 1 normative)",
        "  Renewal  #tokens-1  (1 paragraph; 1 normative)",
        "",
        "2 documents, 6 sections, 7 clauses, 4 normative statements",
        "warning: api/auth.md line 11: duplicate section id 'tokens'; this one is 'tokens-1'",
    ]


def test_outline_json_of_a_folder_names_each_section_s_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "outline", str(folder), "--format", "json")
    data = json.loads(out)
    assert code == 0
    jsonschema.validate(data, json_schema("outline"))
    assert [(d["path"], d["title"], d["lines"]) for d in data["documents"]] == [
        ("a.md", "Guide", 14),
        ("api/auth.md", "Auth", 13),
    ]
    # Ids, parents and lines as each file has them (the combined spec qualifies the
    # second "overview" and numbers lines across files).
    assert [(s["document"], s["id"], s["parent"], s["lines"]) for s in data["sections"]] == [
        ("a.md", "guide", "", [1, 4]),
        ("a.md", "overview", "guide", [5, 14]),
        ("api/auth.md", "auth", "", [1, 2]),
        ("api/auth.md", "overview", "auth", [3, 6]),
        ("api/auth.md", "tokens", "auth", [7, 10]),
        ("api/auth.md", "tokens-1", "auth", [11, 13]),
    ]
    assert [(w["document"], w["line"]) for w in data["warnings"]] == [("api/auth.md", 11)]


def test_outline_without_a_file_reads_the_configured_spec(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = folder.parent
    (root / "specdiff.toml").write_text('spec = ["spec/**/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(root)
    code, out, _ = cli(capsys, "outline")
    assert code == 0 and out.startswith("▤ a.md  “Guide”, 14 lines\n")
    assert "▤ api/auth.md  “Auth”, 13 lines" in out


def test_outline_of_one_file_is_unchanged(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "outline", str(folder / "a.md"))
    assert (code, out) == (
        0,
        "Guide  #guide  (1 paragraph)\n"
        "  Overview  #overview  (2 paragraph, 1 code; 1 normative)\n"
        "\n"
        "2 sections, 4 clauses, 1 normative statements\n",
    )


def _repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Path:
    isolate_git(monkeypatch, tmp_path)
    repo = init_repo(tmp_path / "spec-repo")
    commit(repo, files, "Spec")
    monkeypatch.chdir(repo)
    return repo


def test_init_proposes_the_folder_s_glob(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(
        tmp_path,
        monkeypatch,
        {"README.md": "hi\n", "spec/a.md": GUIDE, "spec/api/auth.md": AUTH, "src/x.py": ""},
    )
    code, _, err = cli(capsys, "init", "--action", ACTION_REF)
    assert code == 0, err
    config = (repo / "specdiff.toml").read_text(encoding="utf-8")
    assert 'spec = ["spec/**/*.md"]' in config and 'title = "Guide"' in config
    workflow = yaml.safe_load(
        (repo / ".github" / "workflows" / "specdiff.yml").read_text(encoding="utf-8")
    )
    # A pull request adding a file to the folder touches the spec.
    assert workflow[True]["pull_request"]["paths"][0] == "spec/**"
    assert "open a pull request that edits a file in spec/ to see the report" in err
    # The config it wrote works: the spec is the folder's two files.
    code, out, _ = cli(capsys, "outline")
    assert code == 0 and "2 documents, 6 sections" in out


def test_init_writes_the_folder_when_its_files_mix_suffixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(
        tmp_path,
        monkeypatch,
        {
            "docs/intro.mdx": "# Intro\n\nText.\n",
            "docs/rules.md": AUTH,
            "notes.md": "x\n",
            "b.md": "y\n",
        },
    )
    code, _, err = cli(capsys, "init", "--action", ACTION_REF)
    # Two Markdown files at the root: neither is the spec, the folder is.
    assert code == 0, err
    assert 'spec = ["docs/"]' in (repo / "specdiff.toml").read_text(encoding="utf-8")
    code, _, err = cli(capsys, "init", "--action", ACTION_REF, "--force", "--spec", "docs")
    assert code == 0 and 'spec = ["docs/"]' in (repo / "specdiff.toml").read_text(encoding="utf-8")


def test_init_asks_which_folder_when_several_could_be_the_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _repo(
        tmp_path,
        monkeypatch,
        {"docs/a.md": "# A\n", "docs/b.md": "# B\n", "rfc/c.md": "# C\n", "rfc/d.md": "# D\n"},
    )
    code, out, err = cli(capsys, "init", "--action", ACTION_REF)
    assert (code, out) == (2, "")
    assert err == (
        "specdiff: error: which folder is the spec? pass --spec FOLDER "
        "(found Markdown files in docs/, rfc/)\n"
    )
    code, _, _ = cli(capsys, "init", "--action", ACTION_REF, "--spec", "rfc")
    assert code == 0


def test_init_keeps_one_file_when_one_file_is_the_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(
        tmp_path, monkeypatch, {"model-spec.md": GUIDE, "docs/a.md": "# A\n", "docs/b.md": "# B\n"}
    )
    code, _, err = cli(capsys, "init", "--action", ACTION_REF)
    assert code == 0, err
    assert 'spec = "model-spec.md"' in (repo / "specdiff.toml").read_text(encoding="utf-8")
