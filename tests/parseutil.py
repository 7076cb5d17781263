"""Helpers for the parser, corpus and command-line tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from specdiff.parse import parse_spec

if TYPE_CHECKING:
    from specdiff.model.document import Clause, Spec

FIXTURES = Path(__file__).parent / "fixtures"
PARSE_FIXTURES = FIXTURES / "parse"


def corpus_root() -> Path:
    """``$SPECDIFF_CORPUS`` if set, else ``../shared/corpus`` beside the repository."""
    override = os.environ.get("SPECDIFF_CORPUS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "shared" / "corpus"


def fixture_text(name: str) -> str:
    return (PARSE_FIXTURES / name).read_text(encoding="utf-8")


def parse_fixture(name: str) -> Spec:
    return parse_spec(fixture_text(name))


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the one line of ``text`` that contains ``needle``."""
    found = [n for n, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}, expected exactly one"
    return found[0]


def clause_with(spec: Spec, needle: str) -> Clause:
    """The one clause whose text contains ``needle``."""
    found = [c for c in spec.clauses if needle in c.text]
    assert len(found) == 1, f"{needle!r} is in {len(found)} clauses, expected exactly one"
    return found[0]
