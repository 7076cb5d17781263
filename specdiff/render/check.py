"""What ``specdiff check`` prints: the ``specdiff.check/1`` document, text lines, or
GitHub annotations, from the lint findings of each file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..parse.lint import Severity
from ._common import counted
from .github import annotation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..parse.lint import Finding

SCHEMA = "specdiff.check/1"


def error_count(results: Sequence[tuple[str, Sequence[Finding]]]) -> int:
    return sum(1 for _, findings in results for f in findings if f.severity is Severity.ERROR)


def check_data(results: Sequence[tuple[str, Sequence[Finding]]]) -> dict[str, Any]:
    """The ``--format json`` document."""
    return {
        "schema": SCHEMA,
        "errors": error_count(results),
        "findings": [
            {
                "path": path,
                "line": f.line,
                "severity": str(f.severity),
                "code": f.code,
                "message": f.message,
            }
            for path, findings in results
            for f in findings
        ],
    }


def render_check_json(results: Sequence[tuple[str, Sequence[Finding]]]) -> str:
    return json.dumps(check_data(results), indent=2)


def render_check_text(results: Sequence[tuple[str, Sequence[Finding]]]) -> str:
    """``path:line: severity: message [code]`` lines and a count."""
    lines = [
        f"{path}:{f.line}: {f.severity}: {f.message} [{f.code}]"
        for path, findings in results
        for f in findings
    ]
    total = sum(len(findings) for _, findings in results)
    errors = error_count(results)
    if total:
        lines.append(
            f"{counted(errors, 'error')}, {counted(total - errors, 'warning')} "
            f"in {counted(len(results), 'file')}"
        )
    else:
        lines.append(f"no problems found in {counted(len(results), 'file')}")
    return "\n".join(lines)


def render_check_github(results: Sequence[tuple[str, Sequence[Finding]]]) -> str:
    """One workflow annotation per finding, on its line."""
    return "\n".join(
        annotation(str(f.severity), f.message, file=path, line=f.line, title=f.code)
        for path, findings in results
        for f in findings
    )
