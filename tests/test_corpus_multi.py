"""Real specs made of many files: ``../shared/corpus-multi`` (each version a folder).

Every version parses, every consecutive pair compares into a record that satisfies the
JSON contract, the files the manifest lists as renamed come out as ``document`` renames
(not as a removal and an addition), and each version compared with itself is empty.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from contract import problems, schema_errors

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.documents import parse_documents
from specdiff.render.json import render_json

if TYPE_CHECKING:
    from specdiff.model.document import Spec

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = (
    Path(os.environ["SPECDIFF_CORPUS_MULTI"])
    if os.environ.get("SPECDIFF_CORPUS_MULTI")
    else Path(__file__).resolve().parents[2] / "shared" / "corpus-multi"
)
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not ROOT.is_dir(), reason=f"no multi-file corpus at {ROOT}"),
]


def _specs() -> list[Path]:
    return sorted(p.parent for p in ROOT.glob("*/manifest.toml")) if ROOT.is_dir() else []


def _manifest(folder: Path) -> dict[str, object]:
    return tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))


def _versions(folder: Path) -> list[dict[str, object]]:
    versions = _manifest(folder)["versions"]
    assert isinstance(versions, list)
    return versions


_cache: dict[Path, Spec] = {}


def _load(folder: Path) -> Spec:
    if folder not in _cache:
        files = sorted(
            (p.relative_to(folder).as_posix(), p.read_text(encoding="utf-8"))
            for p in folder.rglob("*.md")
        )
        _cache[folder] = parse_documents(files, parse_spec)
    return _cache[folder]


def _pairs() -> list[tuple[Path, dict[str, object], dict[str, object]]]:
    found = []
    for folder in _specs():
        versions = _versions(folder)
        found.extend((folder, a, b) for a, b in itertools.pairwise(versions))
    return found


@pytest.mark.parametrize(
    "folder", _specs(), ids=lambda p: p.name if isinstance(p, Path) else str(p)
)
def test_every_version_parses_with_every_file(folder: Path) -> None:
    for version in _versions(folder):
        spec = _load(folder / str(version["folder"]))
        assert len(spec.documents) == version["files"]
        assert spec.clauses and all(d.line_count for d in spec.documents)
        assert compare_specs(spec, spec).changes == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("folder", "old", "new"),
    _pairs(),
    ids=lambda v: str(v["version"]) if isinstance(v, dict) else v.name,
)
def test_consecutive_versions_compare(
    folder: Path, old: dict[str, object], new: dict[str, object]
) -> None:
    report = compare_specs(_load(folder / str(old["folder"])), _load(folder / str(new["folder"])))
    data = json.loads(render_json(report))
    assert problems(data) == []
    assert schema_errors(data) == []
    assert report.changes
    assert all(c.document or c.old_document for c in report.changes)
    renamed = {
        tuple(entry.split(" (")[0].split(" -> "))
        for entry in new.get("renamed", [])  # type: ignore[attr-defined]
    }
    found = {
        (c.old_document, c.document) for c in report.changes if c.kind_name == "document.renamed"
    }
    assert renamed <= found
    added = {c.document for c in report.changes if c.kind_name == "document.added"}
    removed = {c.old_document for c in report.changes if c.kind_name == "document.removed"}
    for old_path, new_path in renamed:
        assert new_path not in added and old_path not in removed
