"""``specdiff compare`` end to end, on real git repositories built in temporary folders.

The repository holds two released versions of the sample spec (``v1.0.0`` is history
1.1.1, ``v2.0.0`` is history 2.0.0) and the sample ``specdiff.toml``. Most runs go through
:func:`specdiff.cli.run` in-process; a few start ``python -m specdiff``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from contract import problems, schema_errors
from gitutil import commit, copy_repo, git, init_repo, isolate_git, tag

from specdiff.cli import run

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "history"
V1 = (HISTORY / "03-1.1.1.md").read_text(encoding="utf-8")
V2 = (HISTORY / "04-2.0.0.md").read_text(encoding="utf-8")
CONFIG = (HISTORY / "specdiff.toml").read_text(encoding="utf-8")
#: A patch-only edit of v2.0.0: a typo fixed in one paragraph.
V2_TYPO = V2.replace("Every rule in this document", "Every rule in this documnet", 1)
assert V2_TYPO != V2


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def data(self):
        return json.loads(self.out)

    def error_line(self) -> str:
        """The one line on stderr of a failed run."""
        lines = self.err.splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("specdiff: error: "), self.err
        assert "Traceback" not in self.err
        return lines[0]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("compare-template")
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate_git(monkeypatch, base)
        repo = init_repo(base / "spec-repo")
        commit(repo, {"spec.md": V1, "specdiff.toml": CONFIG}, "1.0.0", "2025-05-20T10:00:00+00:00")
        tag(repo, "v1.0.0", message="1.0.0")
        commit(repo, {"spec.md": V2}, "2.0.0", "2025-09-09T10:00:00+00:00")
        tag(repo, "v2.0.0", message="2.0.0")
    return repo


@pytest.fixture
def repo(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch, tmp_path)
    path = copy_repo(template, tmp_path / "repo")
    monkeypatch.chdir(path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return path


@pytest.fixture
def specdiff(capsys: pytest.CaptureFixture[str]):
    def invoke(*args: str) -> Result:
        capsys.readouterr()
        code = run(["compare", *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


# -- formats ------------------------------------------------------------------------------


def test_json_between_two_tags(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0", "--format", "json")
    assert result.code == 0, result.err
    data = result.data
    assert problems(data) == []
    assert schema_errors(data) == []
    assert data["bump"] == "major"
    commits = git(repo, "rev-parse", "v1.0.0^{commit}"), git(repo, "rev-parse", "v2.0.0^{commit}")
    assert (data["base"]["commit"], data["head"]["commit"]) == commits
    assert data["base"]["label"] == "v1.0.0"
    assert data["base"]["path"] == data["head"]["path"] == "spec.md"
    assert data["counts"]["section.reidentified"] == 2


def test_markdown_for_a_pull_request_comment(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0", "--format", "markdown")
    assert result.code == 0
    assert result.out.startswith(
        "### Wren Assistant Behaviour Spec: `v1.0.0` → `v2.0.0` · bump **MAJOR**"
    )
    assert "| Severity | Changes |" in result.out
    assert result.out.count("<details>") == result.out.count("</details>") > 5


def test_text_for_a_terminal(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0")
    assert result.code == 0
    assert result.out.splitlines()[0].startswith("v1.0.0 → v2.0.0: bump MAJOR")
    assert "§ Memory across conversations" in result.out
    assert "\x1b[" not in result.out


def test_html_is_one_self_contained_page(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0", "--format", "html")
    assert result.code == 0
    page = result.out
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "<script" not in page.lower()
    assert 'src="http' not in page and 'href="http' not in page.split("<body", 1)[0]
    assert "<del>" in page and "<ins>" in page


def test_github_annotations(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0", "--format", "github")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[-1].startswith("::notice title=specdiff::")
    annotations = lines[:-1]
    assert len(annotations) == 25
    assert all(
        line.startswith(("::error file=spec.md,", "::warning ", "::notice "))
        for line in annotations
    )
    assert any(line.startswith("::error file=spec.md,line=") for line in annotations)


# -- what is compared -----------------------------------------------------------------------


def test_rev_colon_path_and_versions_name_the_same_thing(repo, specdiff):
    by_tag = specdiff("v1.0.0", "v2.0.0", "--format", "json").data
    by_path = specdiff("v1.0.0:spec.md", "v2.0.0:spec.md", "--format", "json").data
    by_version = specdiff("1.0.0", "2.0.0", "--format", "json").data
    by_commit = specdiff("HEAD~1", "HEAD", "--format", "json").data
    for other in (by_path, by_version, by_commit):
        assert other["changes"] == by_tag["changes"]
    assert by_path["base"]["label"] == "v1.0.0:spec.md"


def test_file_against_file(repo, specdiff, tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(V1, encoding="utf-8")
    new.write_text(V2, encoding="utf-8")
    data = specdiff(str(old), str(new), "--format", "json").data
    assert data["base"] == {"label": str(old), "commit": None, "path": str(old)}
    assert data["changes"] == specdiff("v1.0.0", "v2.0.0", "--format", "json").data["changes"]


def test_file_against_file_outside_any_repository(tmp_path, monkeypatch, specdiff):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(V1, encoding="utf-8")
    (tmp_path / "b.md").write_text(V2_TYPO, encoding="utf-8")
    result = specdiff("a.md", "b.md", "--stat")
    assert result.code == 0, result.err
    assert "bump MAJOR" in result.out


def test_head_defaults_to_the_working_tree(repo, specdiff):
    assert specdiff("v2.0.0", "--format", "json").data["changes"] == []
    (repo / "spec.md").write_text(V2_TYPO, encoding="utf-8")
    data = specdiff("v2.0.0", "--format", "json").data
    assert data["head"]["label"] == "working tree"
    assert data["bump"] == "patch"
    assert [(c["kind"], c["tags"]) for c in data["changes"]] == [("modified", ["editorial"])]


# -- options ------------------------------------------------------------------------------


def test_fail_on_major_exits_1_when_the_bump_is_major(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0", "--fail-on", "major", "--stat")
    assert result.code == 1
    assert "MAJOR" in result.out
    assert "reaches --fail-on major" in result.err


def test_fail_on_major_exits_0_when_nothing_is_major(repo, specdiff):
    (repo / "spec.md").write_text(V2_TYPO, encoding="utf-8")
    assert specdiff("v2.0.0", "--fail-on", "major").code == 0
    assert specdiff("v2.0.0", "--fail-on", "patch").code == 1
    assert specdiff("v2.0.0", "v2.0.0", "--fail-on", "patch").code == 0


def test_accepted_changes_do_not_count_toward_fail_on(repo, specdiff):
    data = specdiff("v1.0.0", "v2.0.0", "--format", "json").data
    major = [c["id"] for c in data["changes"] if c["severity"] == "major"]
    accepts = "".join(f'\n[[accept]]\nid = "{i}"\nreason = "agreed in review"\n' for i in major)
    (repo / "specdiff.toml").write_text(CONFIG + accepts, encoding="utf-8")
    result = specdiff("v1.0.0", "v2.0.0", "--format", "json", "--fail-on", "major")
    assert result.code == 0, result.err
    after = result.data
    assert after["bump"] == "major"  # still shown, and still the release's bump
    assert after["blocking_bump"] == "minor"
    assert sorted(c["id"] for c in after["changes"] if c.get("accepted")) == sorted(major)
    assert specdiff("v1.0.0", "v2.0.0", "--fail-on", "minor").code == 1


def test_section_keeps_only_that_subtree(repo, specdiff):
    data = specdiff("v1.0.0", "v2.0.0", "--format", "json", "--section", "tool_safety").data
    everything = specdiff("v1.0.0", "v2.0.0", "--format", "json").data
    assert 0 < len(data["changes"]) < len(everything["changes"])
    inside = {"tool_safety", "tool_call_protocol", "confirm_actions", "stay_in_scope", "memory"}
    for change in data["changes"]:
        assert {change["section"], change["old_section"]} & inside, change
    assert any(c["section"] == "memory" for c in data["changes"])


def test_stat_gives_only_the_headline_and_counts(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0", "--stat")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("v1.0.0 → v2.0.0: bump MAJOR")
    assert any(line.split() == ["11", "clause.modified"] for line in lines)
    assert "§" not in result.out
    assert len(lines) < 15


def test_colour_only_on_a_terminal_and_never_with_no_color(repo, specdiff, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert "\x1b[" in specdiff("v1.0.0", "v2.0.0").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in specdiff("v1.0.0", "v2.0.0").out
    assert "\x1b[" in specdiff("v1.0.0", "v2.0.0", "--color").out
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" not in specdiff("v1.0.0", "v2.0.0", "--no-color").out


# -- bad input: exit 2 and one line --------------------------------------------------------


def test_unknown_revision(repo, specdiff):
    result = specdiff("v9.9.9", "v2.0.0")
    assert result.code == 2
    assert result.out == ""
    assert "v9.9.9" in result.error_line()


def test_not_a_git_repository(tmp_path, monkeypatch, specdiff):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "specdiff.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = specdiff("v1.0.0", "v2.0.0")
    assert result.code == 2
    line = result.error_line()
    assert "v1.0.0" in line and "not in a git repository" in line


def test_a_path_missing_at_that_revision(repo, specdiff):
    result = specdiff("v1.0.0:nothing-here.md", "v2.0.0")
    assert result.code == 2
    assert "nothing-here.md does not exist at v1.0.0" in result.error_line()


def test_a_spec_missing_at_an_older_revision(repo, specdiff):
    commit(repo, {"other.md": "# Other\n"}, "add other")
    tag(repo, "v2.1.0")
    result = specdiff("v1.0.0", "v2.1.0", "--spec", "other.md")
    assert result.code == 2
    assert "other.md" in result.error_line()


def test_a_binary_file(repo, specdiff):
    (repo / "logo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = specdiff("logo.md", "spec.md")
    assert result.code == 2
    assert "binary file" in result.error_line()


def test_a_binary_file_at_a_revision(repo, specdiff):
    commit(repo, {"spec.md": b"\x00\x01\x02 not text"}, "oops")
    tag(repo, "v3.0.0")
    result = specdiff("v2.0.0", "v3.0.0")
    assert result.code == 2
    assert "binary" in result.error_line()


def test_an_unknown_format_is_a_usage_error(repo, specdiff):
    result = specdiff("v1.0.0", "v2.0.0", "--format", "yaml")
    assert result.code == 2
    assert "--format" in result.error_line()


# -- a real process -----------------------------------------------------------------------


def python_m_specdiff(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "specdiff", "compare", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def test_python_m_specdiff_prints_json_and_fails_on_major(repo):
    done = python_m_specdiff(repo, "v1.0.0", "v2.0.0", "--format", "json", "--fail-on", "major")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["bump"] == "major"
    assert problems(data) == []
    assert done.stderr.strip() == "specdiff: bump major reaches --fail-on major"


def test_python_m_specdiff_bad_revision_is_one_line(repo):
    done = python_m_specdiff(repo, "no-such-tag", "--format", "json", NO_COLOR="1")
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("specdiff: error: ") and "no-such-tag" in done.stderr
