"""The two small writers every command shares: a file replaced in one step, and a TOML
string that reads back as the text it was given."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest
from gitutil import commit, init_repo, isolate_git
from hypothesis import given
from hypothesis import strategies as st

from specdiff.action.scaffold import config as scaffold_config
from specdiff.cli import run
from specdiff.config import toml_string
from specdiff.errors import ExitCode, ReleaseError, WriteError
from specdiff.history.files import write_atomically

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path


# -- write_atomically -------------------------------------------------------------------------


def test_writes_the_text_exactly_and_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "CHANGELOG.md"
    write_atomically(target, "line one\r\nline two\n")
    assert target.read_bytes() == b"line one\r\nline two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["CHANGELOG.md"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "CHANGELOG.md"
    target.write_text("old\n", encoding="utf-8")
    write_atomically(target, "new ✓\n")
    assert target.read_text(encoding="utf-8") == "new ✓\n"


def test_a_failure_is_a_neutral_one_line_error_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "specdiff.toml"
    target.write_bytes(b"kept\n")

    def refuse(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteError) as caught:
        write_atomically(target, "lost\n")
    error = caught.value
    assert str(error) == f"cannot write {target}: Permission denied"
    # Not a release failure: init and changelog --write use it too.
    assert not isinstance(error, ReleaseError)
    assert error.exit_code is ExitCode.ERROR
    assert target.read_bytes() == b"kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["specdiff.toml"]  # no temporary left


def test_an_interrupt_removes_the_temporary_file_and_propagates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "CHANGELOG.md"

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "text\n")
    assert list(tmp_path.iterdir()) == []


# -- toml_string ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("spec.md", '"spec.md"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("C:\\specs\\a.md", '"C:\\\\specs\\\\a.md"'),
        ("two\nlines\ttab", '"two\\nlines\\ttab"'),
        ("bell\x07 and del\x7f", '"bell\\u0007 and del\\u007F"'),
        ("Spécification ✓", '"Spécification ✓"'),
    ],
)
def test_toml_string_escapes_what_toml_forbids(text: str, written: str) -> None:
    assert toml_string(text) == written
    assert tomllib.loads(f"key = {written}")["key"] == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_toml_string_reads_back_as_the_same_text(text: str) -> None:
    assert tomllib.loads(f"key = {toml_string(text)}")["key"] == text


def test_toml_string_refuses_text_that_is_not_unicode() -> None:
    with pytest.raises(ValueError, match="not valid Unicode"):
        toml_string("broken \udcff")


def test_init_config_reads_back_with_awkward_names() -> None:
    spec = 'specs\\the "model" spec.md'
    title = "Line one\nline two \x01"
    data = tomllib.loads(scaffold_config(spec, title))
    assert data["spec"] == spec
    assert data["site"]["title"] == title


def test_import_config_reads_back_with_awkward_names() -> None:
    from specdiff.history.importer import _generated_config

    data = tomllib.loads(
        _generated_config("a\\b.md", "semver", 'v"', "Title\x7f with\ttab").decode("utf-8")
    )
    assert data == {
        "spec": "a\\b.md",
        "version_scheme": "semver",
        "tag_prefix": 'v"',
        "site": {"title": "Title\x7f with\ttab"},
    }


def test_init_that_cannot_write_says_so_in_one_line_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    repo = init_repo(tmp_path / "spec-repo")
    commit(repo, {"spec.md": "# A spec\n\nThe model must be kind.\n"}, "Spec")
    monkeypatch.chdir(repo)

    def refuse(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    code = run(["init", "--action", "acme/specdiff@0123456789abcdef"])
    err = capsys.readouterr().err
    assert code == 2
    assert (
        err == f"specdiff: error: cannot write {repo / 'specdiff.toml'}: No space left on device\n"
    )
    assert sorted(p.name for p in repo.iterdir()) == [".git", "spec.md"]
