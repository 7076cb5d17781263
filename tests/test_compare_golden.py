"""Golden Markdown and JSON reports of the sample history, and the JSON contract.

Goldens live in ``tests/golden/compare``; ``SPECDIFF_UPDATE_GOLDENS=1`` rewrites them.
The JSON is checked against the shipped ``specdiff/render/schemas/compare.schema.json``
and against the structural checks of :mod:`contract`.
"""

from __future__ import annotations

import itertools
import json
import sys
from functools import cache
from pathlib import Path

import pytest
from contract import problems, schema_errors
from golden_files import check_golden

from specdiff.compare import compare_specs
from specdiff.config import Acceptance
from specdiff.history.settings import config_from_text
from specdiff.model.changes import Endpoint, Report
from specdiff.parse import parse_spec
from specdiff.render.json import render_json, report_data
from specdiff.render.markdown import render_markdown

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "history"
CONFIG = config_from_text(
    (HISTORY / "specdiff.toml").read_text(encoding="utf-8"), False, "history/specdiff.toml"
)
TITLE = "Wren Assistant Behaviour Spec"
GOLDEN_PAIRS = [("1.1.1", "2.0.0"), ("2.1.0", "3.0.0")]


@cache
def files() -> dict[str, str]:
    manifest = tomllib.loads((HISTORY / "manifest.toml").read_text(encoding="utf-8"))
    return {v["version"]: v["file"] for v in manifest["versions"]}


def all_pairs() -> list[tuple[str, str]]:
    versions = list(files())
    return list(itertools.pairwise(versions))


@cache
def report(base: str, head: str, config=CONFIG) -> Report:
    def load(version: str):
        return parse_spec(
            (HISTORY / files()[version]).read_text(encoding="utf-8"), config.vocabulary
        )

    return compare_specs(
        load(base),
        load(head),
        config,
        base=Endpoint(base, None, f"history/{files()[base]}"),
        head=Endpoint(head, None, f"history/{files()[head]}"),
    )


@pytest.mark.parametrize(("base", "head"), GOLDEN_PAIRS)
def test_markdown_report_matches_its_golden(base, head):
    check_golden(f"compare/{base}..{head}.md", render_markdown(report(base, head), title=TITLE))


@pytest.mark.parametrize(("base", "head"), GOLDEN_PAIRS)
def test_json_report_matches_its_golden(base, head):
    check_golden(f"compare/{base}..{head}.json", render_json(report(base, head)))


@pytest.mark.parametrize(("base", "head"), all_pairs())
def test_json_has_the_contract_structure(base, head):
    data = json.loads(render_json(report(base, head)))
    assert problems(data) == []
    assert data["base"] == {"label": base, "commit": None, "path": f"history/{files()[base]}"}


@pytest.mark.parametrize(("base", "head"), all_pairs())
def test_json_is_valid_against_the_shipped_schema(base, head):
    assert schema_errors(json.loads(render_json(report(base, head)))) == []


def test_an_empty_report_is_valid_json_too():
    data = json.loads(render_json(report("1.0.0", "1.0.0")))
    assert data["changes"] == [] and data["counts"] == {} and data["bump"] == "none"
    assert problems(data) == []
    assert schema_errors(data) == []


def test_accepted_changes_are_marked_and_stay_valid():
    first = report("1.1.1", "2.0.0").changes[0]
    accepting = config_from_text(
        (HISTORY / "specdiff.toml").read_text(encoding="utf-8")
        + f'\n[[accept]]\nid = "{first.id}"\nreason = "reviewed"\n',
        False,
        "test",
    )
    assert accepting.accept == (Acceptance(first.id, "reviewed"),)
    data = report_data(report("1.1.1", "2.0.0", accepting))
    accepted = [c for c in data["changes"] if "accepted" in c]
    assert [(c["id"], c["accepted"]) for c in accepted] == [(first.id, "reviewed")]
    assert problems(data) == []
    assert schema_errors(data) == []


def test_the_structural_check_catches_broken_documents():
    good = json.loads(render_json(report("1.1.1", "2.0.0")))
    assert problems(good) == []
    broken = json.loads(json.dumps(good))
    broken["bump"] = "minor"
    broken["changes"][0]["scope"] = "paragraph"
    del broken["changes"][1]["reason"]
    found = problems(broken)
    assert any("scope" in p for p in found)
    assert any("reason" in p for p in found)
    assert problems({"schema": "x"})[0].startswith("missing")
    counts_off = json.loads(json.dumps(good))
    counts_off["counts"]["clause.added"] = 99
    assert any("counts" in p for p in problems(counts_off))
    bump_off = json.loads(json.dumps(good))
    bump_off["bump"] = "patch"
    assert any("bump" in p for p in problems(bump_off))


def test_json_change_ids_are_stable_across_runs():
    a = report_data(report("2.1.0", "3.0.0"))
    report.cache_clear()
    b = report_data(report("2.1.0", "3.0.0"))
    assert [c["id"] for c in a["changes"]] == [c["id"] for c in b["changes"]]
