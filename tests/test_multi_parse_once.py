"""History commands on a spec made of many files parse each distinct file text once per run.

A folder spec of four files goes through five versions in which most files stay as they
were, one is renamed without a change and one is added. Every command below runs in this
process with ``parse_spec`` wrapped to count its calls by text: each run parses every
file text it reads exactly once, whichever versions, paths and revisions hold it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest
from gitutil import commit
from historyutil import import_versions

import specdiff.parse
from specdiff.cli import run

if TYPE_CHECKING:
    from pathlib import Path


def chapter(title: str, anchor: str, *rules: str) -> str:
    body = "\n\n".join(rules)
    return f"# {title}\n\n## Rules {{#{anchor}-rules}}\n\n{body}\n"


A1 = chapter("Storage", "storage", "Records must be encrypted at rest.")
A2 = chapter("Storage", "storage", "Records must be encrypted at rest and in transit.")
B1 = chapter("Consent", "consent", "The service should ask for consent.")
B2 = chapter("Consent", "consent", "The service must ask for consent.")
C1 = chapter("Retention", "retention", "Records must be deleted after 30 days.")
D1 = chapter("Access", "access", "Only operators may read the audit log.")
E1 = chapter("Export", "export", "Users can export their records as JSON.")

#: Version folder → the files it holds (C1 is renamed unchanged in v4).
VERSIONS: dict[str, dict[str, str]] = {
    "v1": {"a.md": A1, "b.md": B1, "c.md": C1, "d.md": D1},
    "v2": {"a.md": A2, "b.md": B1, "c.md": C1, "d.md": D1},
    "v3": {"a.md": A2, "b.md": B2, "c.md": C1, "d.md": D1},
    "v4": {"a.md": A2, "b.md": B2, "retention.md": C1, "d.md": D1},
    "v5": {"a.md": A2, "b.md": B2, "retention.md": C1, "d.md": D1, "e.md": E1},
}
MANIFEST = 'title = "Folder spec"\nspec_path = "spec/"\n' + "".join(
    f'\n[[versions]]\nversion = "1.{n}.0"\ndate = 2025-0{n + 1}-10\nfolder = "{folder}"\n'
    f'message = "Version {folder}"\n'
    for n, folder in enumerate(VERSIONS)
)
#: Every file text the history holds: seven, across 21 (version, file) pairs.
DISTINCT = {text for files in VERSIONS.values() for text in files.values()}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return import_versions(tmp_path, monkeypatch, VERSIONS, MANIFEST)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """``parse_spec`` calls by text, for the whole process."""
    counts: Counter[str] = Counter()
    original = specdiff.parse.parse_spec

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        counts[text] += 1
        return original(text, *args, **kwargs)

    monkeypatch.setattr(specdiff.parse, "parse_spec", counting)
    return counts


def counted_run(parses: Counter[str], capsys: pytest.CaptureFixture[str], *args: str) -> str:
    parses.clear()
    capsys.readouterr()
    assert run(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "command",
    [("log",), ("history", "retention"), ("changelog",), ("compare", "1.0.0", "1.4.0")],
)
def test_each_file_text_is_parsed_once(
    repo: Path, parses: Counter[str], capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    output = counted_run(parses, capsys, *command)
    assert output
    assert parses, "the command parsed nothing through parse_spec"
    assert max(parses.values()) == 1, [t[:30] for t, n in parses.items() if n > 1]
    if command[0] != "compare":  # compare reads two versions, the others all five
        assert set(parses) == DISTINCT


def test_release_parses_each_file_text_once(
    repo: Path, parses: Counter[str], capsys: pytest.CaptureFixture[str]
) -> None:
    edited = E1.replace("as JSON", "as JSON or CSV")
    commit(repo, {"spec/e.md": edited}, "Export as CSV too")
    plan = counted_run(parses, capsys, "release", "--dry-run")
    # "as JSON" -> "as JSON or CSV": a format joined the list, a minor release.
    assert "## [1.5.0]" in plan, plan
    assert max(parses.values()) == 1
    assert {*VERSIONS["v5"].values(), edited} <= set(parses) <= DISTINCT | {edited}


def test_a_renamed_file_is_not_parsed_again(repo: Path, parses: Counter[str]) -> None:
    from specdiff.history.timeline import Timeline
    from specdiff.history.workspace import Workspace

    workspace = Workspace.discover(cwd=repo)
    Timeline(workspace).unreleased()
    assert set(parses) == DISTINCT and max(parses.values()) == 1
    assert workspace.cache.misses == len(DISTINCT)
