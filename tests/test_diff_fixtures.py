"""Hand-written spec pairs from ``tests/fixtures/diff/*.txt`` (format: see the files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "diff"
CONFIG = config_from_text(
    '[attributes]\nauthority = ["root", "system", "developer", "user", "guideline"]\n',
    False,
    "test",
)
SWAPPED = {
    "clause.added": "clause.removed",
    "clause.removed": "clause.added",
    "section.added": "section.removed",
    "section.removed": "section.added",
    "section.merged": "section.split",
    "section.split": "section.merged",
}


@dataclass(frozen=True)
class Case:
    title: str
    old: str
    new: str
    expected: tuple[str, ...]
    where: str


def read_cases(path: Path) -> list[Case]:
    """Cases are a title line followed by three blocks, each ended by a lone ``.``.

    Text before the first title (up to the first blank line after a paragraph) is the
    file's description. Inside a block, a line ``\\.`` stands for a lone ``.``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases = []
    i = lines.index("") + 1  # skip the description paragraph
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, start = lines[i], i + 1
        assert lines[start] == ".", f"{path.name}:{start + 1}: expected '.' after the title"
        blocks, i = [], start + 1
        for _ in range(3):
            end = lines.index(".", i)
            blocks.append("\n".join("." if line == "\\." else line for line in lines[i:end]))
            i = end + 1
        old, new, expected = blocks
        cases.append(
            Case(
                title,
                old + "\n",
                new + "\n",
                tuple(sorted(filter(None, expected.split("\n")))),
                f"{path.name}:{start}",
            )
        )
    return cases


def all_cases() -> list[object]:
    return [
        pytest.param(case, id=case.title)
        for path in sorted(FIXTURES.glob("*.txt"))
        for case in read_cases(path)
    ]


def records(old: str, new: str) -> tuple[str, ...]:
    report = compare_specs(
        parse_spec(old, CONFIG.vocabulary), parse_spec(new, CONFIG.vocabulary), CONFIG
    )
    return tuple(
        sorted(
            f"{c.kind_name} {','.join(sorted(c.tags)) or '-'} {c.severity}" for c in report.changes
        )
    )


@pytest.mark.parametrize("case", all_cases())
def test_case(case: Case):
    assert records(case.old, case.new) == case.expected, case.where


@pytest.mark.parametrize("case", all_cases())
def test_case_the_other_way_round_mirrors_it(case: Case):
    def counts(old: str, new: str) -> dict[str, int]:
        report = compare_specs(parse_spec(old), parse_spec(new), CONFIG)
        return report.counts

    forward = {SWAPPED.get(k, k): n for k, n in counts(case.old, case.new).items()}
    assert forward == counts(case.new, case.old), case.where


def test_the_fixture_files_hold_cases():
    assert len(all_cases()) >= 10
