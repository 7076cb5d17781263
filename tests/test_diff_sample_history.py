"""The differ against the hand-written ground truth of the sample history.

``tests/fixtures/sample_history_expected.toml`` lists, for every consecutive pair of
versions in ``history/``, the changes that were made on purpose. The differ must find
each of them (recall) with the listed tags and severity, report nothing else beyond the
optional ``implied_by`` records (precision), reach the listed bump, and leave every
``[[pair.unchanged]]`` clause alone.
"""

from __future__ import annotations

import itertools
import re
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.model.changes import Endpoint
from specdiff.parse import fold, parse_spec

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from specdiff.config import Config
    from specdiff.model.changes import Change, Report

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "history"
EXPECTED_FILE = ROOT / "tests" / "fixtures" / "sample_history_expected.toml"


@cache
def expected() -> dict[str, Any]:
    return tomllib.loads(EXPECTED_FILE.read_text(encoding="utf-8"))


@cache
def vocabulary() -> frozenset[str]:
    """The tags the ground truth speaks about (from its header); others are not judged."""
    header = EXPECTED_FILE.read_text(encoding="utf-8").split("[[pair]]")[0]
    block = header.split("# Tag vocabulary:")[1].split("# Conventions:")[0]
    # Each line starts with "#   tag" or "#   tag | tag | ...", then two spaces and prose.
    tags = []
    for line in block.splitlines():
        body = line.lstrip("#").strip()
        if not body:
            continue
        first = re.split(r"\s{2,}", body)[0]
        tags.extend(t.strip() for t in first.split("|") if t.strip())
    return frozenset(tags)


@cache
def config() -> Config:
    path = HISTORY / "specdiff.toml"
    return config_from_text(path.read_text(encoding="utf-8"), False, str(path))


@cache
def history_files() -> dict[str, Path]:
    manifest = tomllib.loads((HISTORY / "manifest.toml").read_text(encoding="utf-8"))
    return {v["version"]: HISTORY / v["file"] for v in manifest["versions"]}


@cache
def report_for(base: str, head: str) -> Report:
    files = history_files()
    old = parse_spec(files[base].read_text(encoding="utf-8"), config().vocabulary)
    new = parse_spec(files[head].read_text(encoding="utf-8"), config().vocabulary)
    return compare_specs(old, new, config(), base=Endpoint(base), head=Endpoint(head))


def pairs() -> list[Any]:
    return [pytest.param(p, id=f"{p['base']}->{p['head']}") for p in expected()["pair"]]


def _snippet(text: str) -> str:
    return fold(text.removeprefix("- "))


def matches(record: dict[str, Any], change: Change) -> bool:
    """Whether ``change`` is the change ``record`` describes (tags and severity aside)."""
    if record["scope"] != str(change.scope) or record["kind"] != str(change.kind):
        return False
    if (record["section"] or None) != change.section:
        return False
    if (record["old_section"] or None) != change.old_section:
        return False
    snippet = _snippet(record["text"])
    if change.scope.value == "section":
        # The heading of either side: a merged section's record names the one that went.
        return any(snippet in fold(s.title) for s in (change.old, change.new) if s is not None)
    side = change.new or change.old
    assert side is not None
    return snippet in fold(side.text)


#: What the edit of a moved-and-modified clause was, when it changes nothing in severity:
#: the ground truth only asks for ``modified`` there, the differ says more.
EDIT_DETAIL = frozenset({"wording", "editorial"})


def judged_tags(change: Change) -> set[str]:
    return set(change.tags) & vocabulary()


def tags_as_intended(record: dict[str, Any], pair: dict[str, Any], change: Change) -> bool:
    got, want = judged_tags(change), set(record["tags"])
    if record["scope"] == "section" and record["kind"] in ("added", "removed"):
        # A section record carries what its clauses were (the ground truth puts that on
        # the implied clause records): exactly the tags of those, commentary aside.
        implied = [
            r
            for r in pair["change"]
            if r.get("implied_by") == f"section.{record['kind']}"
            and (r["section"] or r["old_section"]) == (record["section"] or record["old_section"])
        ]
        want |= {t for r in implied for t in r["tags"]} - {"commentary"}
    if "modified" in want:
        got -= EDIT_DETAIL
    return got == want


def describe(change: Change) -> str:
    side = change.new or change.old
    text = side.text[:80] if side else ""
    return f"{change.kind_name} {change.old_section}->{change.section} {list(change.tags)} {change.severity}: {text!r}"


def test_vocabulary_is_read_from_the_header():
    assert {
        "editorial",
        "normative.reversed",
        "example.verdict_flipped",
        "modified",
    } <= vocabulary()
    assert "reference.broken" in vocabulary()
    assert "moved.within_section" not in vocabulary()


@pytest.mark.parametrize("pair", pairs())
def test_every_intended_change_is_found(pair):
    report = report_for(pair["base"], pair["head"])
    changes = list(report.changes)
    missing = []
    for record in pair["change"]:
        if record.get("implied_by"):
            continue
        found = [c for c in changes if matches(record, c)]
        if len(found) != 1:
            missing.append(f"{len(found)} records for: {record['note']}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("pair", pairs())
def test_tags_and_severities_are_as_intended(pair):
    report = report_for(pair["base"], pair["head"])
    wrong = []
    for record in pair["change"]:
        for change in (c for c in report.changes if matches(record, c)):
            if not tags_as_intended(record, pair, change):
                wrong.append(
                    f"tags {record['tags']} expected, got {list(change.tags)}: {record['note']}"
                )
            if str(change.severity) != record["severity"]:
                wrong.append(
                    f"severity {record['severity']} expected, got {change.severity}: {record['note']}"
                )
            if record["kind"] == "attributes":
                assert change.attributes == (
                    (record["attribute"], record["old_value"], record["new_value"]),
                )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("pair", pairs())
def test_nothing_else_is_reported(pair):
    report = report_for(pair["base"], pair["head"])
    extra = [c for c in report.changes if not any(matches(r, c) for r in pair["change"])]
    assert not extra, "\n".join(describe(c) for c in extra)


@pytest.mark.parametrize("pair", pairs())
def test_bump_is_as_intended(pair):
    assert str(report_for(pair["base"], pair["head"]).bump) == pair["bump"]


@pytest.mark.parametrize("pair", [p for p in pairs() if p.values[0].get("unchanged")])
def test_rewrapped_clauses_are_untouched(pair):
    report = report_for(pair["base"], pair["head"])
    for record in pair["unchanged"]:
        snippet = _snippet(record["text"])
        touching = [
            c
            for c in report.changes
            if any(snippet in fold(s.text) for s in (c.old, c.new) if s is not None)
            and c.scope.value == "clause"
        ]
        assert not touching, "\n".join(describe(c) for c in touching)


def test_recall_and_precision_over_the_whole_history():
    """The summary the quick evaluation printed, as numbers (shown with ``-rA``)."""
    intended = found = reported = 0
    for pair in expected()["pair"]:
        report = report_for(pair["base"], pair["head"])
        required = [r for r in pair["change"] if not r.get("implied_by")]
        optional = [r for r in pair["change"] if r.get("implied_by")]
        intended += len(required)
        used: set[int] = set()
        for record in required:
            hit = next(
                (i for i, c in enumerate(report.changes) if i not in used and matches(record, c)),
                None,
            )
            if hit is not None and tags_as_intended(record, pair, report.changes[hit]):
                used.add(hit)
        found += len(used)
        reported += len(used) + sum(
            1
            for i, c in enumerate(report.changes)
            if i not in used and not any(matches(r, c) for r in optional)
        )
    recall, precision = found / intended, found / reported
    print(
        f"sample history: recall {recall:.3f}, precision {precision:.3f} ({found}/{intended} intended, {reported} reported)"
    )
    assert recall == 1.0
    assert precision == 1.0


def test_every_listed_pair_is_consecutive():
    versions = list(history_files())
    listed = [(p["base"], p["head"]) for p in expected()["pair"]]
    assert listed == list(itertools.pairwise(versions))
