"""specdiff: clause-level semantic changelogs and semver bumps for Markdown specifications.

The public API is the pure core: parse a spec, compare two, render the result. Names are
imported on first use, so that the command line starts as fast as Python itself.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .compare import compare_specs
    from .model.changes import Change, Report
    from .model.document import (
        Clause,
        ClauseKind,
        NormativeStatement,
        Reference,
        Section,
        SourceSpan,
        Spec,
    )
    from .model.vocabulary import Level
    from .parse import parse_spec
    from .render.summary import summarize

_EXPORTS = {
    "Change": "model.changes",
    "Clause": "model.document",
    "ClauseKind": "model.document",
    "Level": "model.vocabulary",
    "NormativeStatement": "model.document",
    "Reference": "model.document",
    "Report": "model.changes",
    "Section": "model.document",
    "SourceSpan": "model.document",
    "Spec": "model.document",
    "compare_specs": "compare",
    "parse_spec": "parse",
    "summarize": "render.summary",
}

__all__ = [
    "Change",
    "Clause",
    "ClauseKind",
    "Level",
    "NormativeStatement",
    "Reference",
    "Report",
    "Section",
    "SourceSpan",
    "Spec",
    "compare_specs",
    "parse_spec",
    "summarize",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'specdiff' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
