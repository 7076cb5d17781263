"""Naming a section of a spec made of many files whose files share ids: ``path#id``
everywhere a user names a section, and one clear error for an ambiguous bare id."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from contract import problems, schema_errors
from historyutil import import_versions

from specdiff.cli import run
from specdiff.compare import compare_specs
from specdiff.errors import InputError
from specdiff.model.section_names import SectionIndex, SectionName
from specdiff.parse import parse_spec
from specdiff.parse.documents import parse_documents

if TYPE_CHECKING:
    from pathlib import Path

GUIDE = """# Guide

## Overview

The guide must be read first.

## Usage {#usage}

Clients should call the service.
"""
AUTH = """# Auth

## Overview

Auth must use TLS.

## Tokens

Tokens must expire.
"""


def test_the_index_names_each_section_by_its_file() -> None:
    spec = parse_documents([("a.md", GUIDE), ("api/auth.md", AUTH)], parse_spec)
    index = SectionIndex(spec)
    # The combined spec qualifies the later of two clashing ids; the user never sees that.
    assert index.candidates("overview") == ("overview", "api/auth.md#overview")
    assert index.candidates("a.md#overview") == ("overview",)
    assert index.candidates("api/auth.md#overview") == ("api/auth.md#overview",)
    assert index.candidates("#tokens") == index.candidates("api/auth.md#tokens") == ("tokens",)
    assert index.candidates("a.md#tokens") == ()
    assert index.name_of("api/auth.md#overview") == SectionName("api/auth.md", "overview")
    assert index.qualified("tokens") == "api/auth.md#tokens"
    assert "tokens" in index.known() and "overview" not in index.known()


def test_one_file_is_named_by_id_alone() -> None:
    spec = parse_spec(AUTH)
    index = SectionIndex(spec)
    assert index.candidates("overview") == ("overview",)
    assert index.candidates("auth.md#overview") == ()
    assert index.qualified("overview") == "overview"


def test_compare_keeps_the_named_file_s_section() -> None:
    old = parse_documents([("a.md", GUIDE), ("api/auth.md", AUTH)], parse_spec)
    edited = AUTH.replace("must use TLS", "should use TLS")
    new = parse_documents(
        [("a.md", GUIDE.replace("read first", "read")), ("api/auth.md", edited)], parse_spec
    )
    auth = compare_specs(old, new, section="api/auth.md#overview")
    assert [(c.document, c.section) for c in auth.changes] == [("api/auth.md", "overview")]
    guide = compare_specs(old, new, section="a.md#overview")
    assert [(c.document, c.section) for c in guide.changes] == [("a.md", "overview")]
    with pytest.raises(InputError, match=r"a\.md#overview, api/auth\.md#overview"):
        compare_specs(old, new, section="overview")
    # Sections of two files that share an id and a title are told apart by their parents.
    both = compare_specs(old, new)
    assert [both.display_title(c.section, c.document) for c in both.changes] == [
        "Guide › Overview",
        "Auth › Overview",
    ]
    assert [list(both.path_of(c.section, c.document)) for c in both.changes] == [
        ["Guide", "Overview"],
        ["Auth", "Overview"],
    ]


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, guide, auth in (
        ("v1", GUIDE, AUTH),
        ("v2", GUIDE.replace("read first", "read"), AUTH.replace("must use", "should use")),
    ):
        (tmp_path / name / "api").mkdir(parents=True)
        (tmp_path / name / "a.md").write_text(guide, encoding="utf-8")
        (tmp_path / name / "api" / "auth.md").write_text(auth, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_and_show_take_path_and_id(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(
        capsys, "compare", "v1", "v2", "--section", "api/auth.md#overview", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and problems(data) == [] and schema_errors(data) == []
    assert [(c["document"], c["section"], c["path"]) for c in data["changes"]] == [
        ("api/auth.md", "overview", ["Auth", "Overview"])
    ]
    code, out, _ = cli(capsys, "compare", "v1", "v2")
    assert "§ Guide › Overview  #overview" in out and "§ Auth › Overview  #overview" in out
    code, out, _ = cli(capsys, "show", "v2", "--section", "api/auth.md#overview")
    assert (code, out) == (0, "## Overview\n\nAuth should use TLS.\n")
    code, out, _ = cli(capsys, "show", "v2", "--section", "tokens")
    assert (code, out) == (0, "## Tokens\n\nTokens must expire.\n")


@pytest.mark.parametrize(
    "command", [["compare", "v1", "v2", "--section"], ["show", "v2", "--section"]]
)
def test_an_id_two_files_have_is_refused_with_both_names(
    folders: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, out, err = cli(capsys, *command, "overview")
    assert (code, out) == (2, "")
    assert err == (
        "specdiff: error: section #overview is in 2 files: a.md#overview, "
        "api/auth.md#overview; name one of them as PATH#overview\n"
    )


def test_an_unknown_name_gets_a_hint_in_link_form(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "compare", "v1", "v2", "--section", "a.md#tokens")
    assert code == 2
    assert err == (
        "specdiff: error: --section a.md#tokens: no section a.md#tokens in v1 or v2; "
        "did you mean #tokens?\n"
    )
    code, _, err = cli(capsys, "show", "v2", "--section", "api/auth.md#overveiw")
    assert code == 2 and err.endswith("did you mean api/auth.md#overview?\n")


MANIFEST = """title = "Clashing ids"
spec_path = "spec/"

[[versions]]
version = "1.0.0"
date = 2025-01-10
folder = "v1"
message = "First"

[[versions]]
version = "1.1.0"
date = 2025-02-10
folder = "v2"
message = "Loosen TLS"

[[versions]]
version = "2.0.0"
date = 2025-03-10
folder = "v3"
message = "Rename the guide"
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    loose = AUTH.replace("must use", "should use")
    return import_versions(
        tmp_path,
        monkeypatch,
        {
            "v1": {"a.md": GUIDE, "api/auth.md": AUTH},
            "v2": {"a.md": GUIDE, "api/auth.md": loose},
            "v3": {"guide.md": GUIDE, "api/auth.md": loose},
        },
        MANIFEST,
    )


def test_history_follows_the_named_file_s_section(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "history", "overview")
    assert (code, out) == (2, "")
    assert "section #overview is in 2 files: api/auth.md#overview, guide.md#overview" in err
    code, out, _ = cli(capsys, "history", "api/auth.md#overview", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["section"] == "api/auth.md#overview"
    assert [(v["version"], v["event"], v["document"]) for v in data["versions"]] == [
        ("1.0.0", "introduced", "api/auth.md"),
        ("1.1.0", "changed", "api/auth.md"),
        ("2.0.0", "unchanged", "api/auth.md"),
    ]
    assert {c["document"] for v in data["versions"] for c in v["changes"]} == {"api/auth.md"}
    # The guide's Overview never changed, but its file was renamed (links to it break):
    # the history follows it into the new file and says so.
    code, out, _ = cli(capsys, "history", "a.md#overview")
    assert code == 0
    assert out == (
        "History of a.md#overview\n\n"
        "1.0.0: introduced a.md#overview “Overview”\n\n"
        "1.1.0: unchanged a.md#overview “Overview”\n\n"
        "2.0.0: changed guide.md#overview “Overview”\n"
        "  MAJOR document renamed: Renamed document `a.md` → `guide.md`\n"
    )


def test_ignore_sections_names_them_as_users_do() -> None:
    from specdiff.config import config_from_mapping

    old = parse_documents([("a.md", GUIDE), ("api/auth.md", AUTH)], parse_spec)
    new = parse_documents(
        [
            ("a.md", GUIDE.replace("read first", "read")),
            ("api/auth.md", AUTH.replace("must use TLS", "should use TLS")),
        ],
        parse_spec,
    )

    def kept(*ignored: str) -> list[tuple[str | None, str | None]]:
        config = config_from_mapping({"ignore": {"sections": list(ignored)}}, "test")
        return [(c.document, c.section) for c in compare_specs(old, new, config).changes]

    both = [("a.md", "overview"), ("api/auth.md", "overview")]
    assert kept() == both
    assert kept("api/auth.md#overview") == [("a.md", "overview")]
    assert kept("a.md#overview") == [("api/auth.md", "overview")]
    # A bare id in the config is every file's section of that id (no command to refuse).
    assert kept("overview") == []
