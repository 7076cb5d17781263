"""The differ on real spec histories from ``../shared/corpus`` (or ``$SPECDIFF_CORPUS``).

Skipped as a whole when the corpus is not there. Each file is parsed once per session.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from specdiff.align import align
from specdiff.compare import compare_specs
from specdiff.model.vocabulary import Level
from specdiff.parse import fingerprint, fold, parse_spec

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from specdiff.model.changes import Change, Report
    from specdiff.model.document import Spec

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SPECDIFF_CORPUS") or ROOT.parent / "shared" / "corpus")

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS} (set SPECDIFF_CORPUS)"),
]


@cache
def versions(project: str) -> dict[str, Path]:
    manifest = tomllib.loads((CORPUS / project / "manifest.toml").read_text(encoding="utf-8"))
    return {v["version"]: CORPUS / project / v["file"] for v in manifest["versions"]}


@cache
def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@cache
def spec_of(path: Path) -> Spec:
    return parse_spec(text_of(path))


@cache
def report(project: str, base: str, head: str) -> Report:
    files = versions(project)
    return compare_specs(spec_of(files[base]), spec_of(files[head]))


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.glob("*/*.md"))


def texts(change: Change) -> list[str]:
    return [s.text for s in (change.old, change.new) if s is not None]


def describe(change: Change) -> str:
    side = change.new or change.old
    return f"{change.kind_name} {change.old_section}->{change.section} {list(change.tags)}: {side.text[:90] if side else ''!r}"


def assert_no_remove_and_readd(project: str, base: str, head: str) -> None:
    """No clause is reported removed and added again with the same text."""
    result = report(project, base, head)
    removed = {
        fingerprint(c.old.text): c
        for c in result.changes
        if c.scope.value == "clause" and c.kind.value == "removed" and c.old
    }
    again = [
        describe(c)
        for c in result.changes
        if c.scope.value == "clause"
        and c.kind.value == "added"
        and c.new
        and fingerprint(c.new.text) in removed
    ]
    assert not again, "\n".join(again)
    # The same one level down, including clauses folded into section records.
    files = versions(project)
    old, new = spec_of(files[base]), spec_of(files[head])
    alignment = align(old, new)
    gone = {old.clauses[i].fingerprint for i in alignment.removed_clauses}
    came = {new.clauses[i].fingerprint for i in alignment.added_clauses}
    assert not gone & came


def assert_rewrapping_is_not_a_change(project: str, base: str, head: str) -> int:
    """No prose record whose two texts differ only in whitespace, and no record at all
    touching a clause that was only re-wrapped. Returns how many clauses were re-wrapped."""
    result = report(project, base, head)
    folded_equal = [
        describe(c)
        for c in result.changes
        if c.old
        and c.new
        and c.old.type != "code"
        and c.new.type != "code"
        and c.old.text != c.new.text
        and fold(c.old.text) == fold(c.new.text)
    ]
    assert not folded_equal, "\n".join(folded_equal)
    files = versions(project)
    old, new = spec_of(files[base]), spec_of(files[head])
    old_lines, new_lines = text_of(files[base]).split("\n"), text_of(files[head]).split("\n")
    first_by_text = {}
    for clause in new.clauses:
        first_by_text.setdefault(clause.text, clause)
    rewrapped = []
    for clause in old.clauses:
        twin = first_by_text.get(clause.text)
        if twin is None or clause.kind.value == "code":
            continue
        before = [line.strip() for line in old_lines[clause.span.start - 1 : clause.span.end]]
        after = [line.strip() for line in new_lines[twin.span.start - 1 : twin.span.end]]
        if before != after and clause.section == twin.section:
            rewrapped.append(clause.text)
    touching = [
        describe(c)
        for c in result.changes
        if c.scope.value == "clause"
        and c.kind.value == "modified"
        and any(t in texts(c) for t in rewrapped)
    ]
    assert not touching, "\n".join(touching)
    return len(rewrapped)


# -- model spec ---------------------------------------------------------------------------

MODEL = ("openai-model-spec", "2025-02-12", "2025-04-11")
OVER_THE_LINE = "a white lie that's over the line"


def test_model_spec_reports_the_white_lie_example_as_moved():
    changes = [c for c in report(*MODEL).changes if any(OVER_THE_LINE in t for t in texts(c))]
    assert [c.kind_name for c in changes] == ["clause.moved"], [describe(c) for c in changes]
    (change,) = changes
    assert change.old is not None and change.new is not None
    assert change.old.type == change.new.type == "example"
    assert "moved.within_section" in change.tags


def test_model_spec_reports_the_narrower_white_lies_exception_as_normative():
    (change,) = [
        c
        for c in report(*MODEL).changes
        if c.old and 'First, "white lies" that are necessary' in c.old.text
    ]
    assert change.new is not None and 'even "white lies" that humans may use' in change.new.text
    assert change.kind.value in ("moved", "modified")
    assert "normative.reversed" in change.tags
    reversal = next(s for s in change.statements if s.tag == "normative.reversed")
    assert (reversal.old, reversal.new) == ("are allowed", "are not allowed")
    assert change.severity is Level.MAJOR
    assert report(*MODEL).bump is Level.MAJOR


def test_model_spec_has_no_remove_and_readd():
    assert_no_remove_and_readd(*MODEL)


# -- OpenAPI ------------------------------------------------------------------------------


@pytest.mark.parametrize(("base", "head"), [("3.0.3", "3.0.4"), ("3.1.0", "3.1.1")])
def test_openapi_patch_releases(base, head):
    """Large clarifying rewrites: normative sentences were dropped or rewritten (e.g. the
    promise that each minor version accepts documents of earlier ones), so major."""
    result = report("openapi-specification", base, head)
    assert result.bump is Level.MAJOR
    assert result.counts.get("clause.modified", 0) > 100
    assert any("normative.removed" in c.tags for c in result.changes)
    assert_no_remove_and_readd("openapi-specification", base, head)
    assert assert_rewrapping_is_not_a_change("openapi-specification", base, head) > 0


# -- SemVer -------------------------------------------------------------------------------


def test_semver_1_to_2():
    result = report("semver", "1.0.0", "2.0.0")
    assert result.bump is Level.MAJOR
    kinds = {(c.kind_name, c.old_section or c.section) for c in result.changes}
    assert ("section.removed", "tagging-specification-semvertag") in kinds
    build = [c for c in result.changes if c.new and c.new.text.startswith("Build metadata MAY")]
    assert [c.kind_name for c in build] == ["clause.added"]
    assert "normative.added" in build[0].tags
    assert_no_remove_and_readd("semver", "1.0.0", "2.0.0")


# -- CloudEvents --------------------------------------------------------------------------


def test_cloudevents_1_0_to_1_0_1():
    result = report("cloudevents-spec", "1.0", "1.0.1")
    assert result.bump is Level.MINOR
    added = [c for c in result.changes if c.kind_name == "clause.added"]
    assert len(added) == 1 and added[0].new is not None
    assert added[0].new.text.startswith("Protocol bindings MAY choose")
    assert_rewrapping_is_not_a_change("cloudevents-spec", "1.0", "1.0.1")
    assert_no_remove_and_readd("cloudevents-spec", "1.0", "1.0.1")


@pytest.mark.parametrize(("base", "head"), [("0.2", "0.3"), ("1.0-rc1", "1.0")])
def test_cloudevents_rewrapped_paragraphs_are_not_changes(base, head):
    """1.0 -> 1.0.1 re-wraps nothing; these releases re-wrap dozens of paragraphs."""
    assert assert_rewrapping_is_not_a_change("cloudevents-spec", base, head) >= 5


# -- every file ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_corpus_file_compared_with_itself_is_empty(path):
    result = compare_specs(spec_of(path), spec_of(path))
    assert result.changes == ()
    assert result.bump is Level.NONE


def test_two_separate_parses_of_a_file_compare_empty():
    path = versions("openai-model-spec")["2025-04-11"]
    result = compare_specs(parse_spec(text_of(path)), spec_of(path))
    assert result.changes == ()
