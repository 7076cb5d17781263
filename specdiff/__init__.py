"""specdiff: clause-level semantic changelogs and semver bumps for Markdown specifications.

The public API is the pure core: parse a spec, compare two, render the result.
"""

from __future__ import annotations

from .model import (
    Clause,
    ClauseKind,
    Level,
    NormativeStatement,
    Reference,
    Section,
    SourceSpan,
    Spec,
)
from .parse import parse_spec

__all__ = [
    "Clause",
    "ClauseKind",
    "Level",
    "NormativeStatement",
    "Reference",
    "Section",
    "SourceSpan",
    "Spec",
    "parse_spec",
]
