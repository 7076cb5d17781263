"""The outline of one spec: its section tree with attributes, clause and statement counts."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..model.document import Clause, ClauseKind, Section, Spec

_KIND_ORDER = tuple(ClauseKind)


def outline_data(spec: Spec, path: str | None = None) -> dict[str, Any]:
    """The outline as plain data (the ``--format json`` document)."""
    return {
        "schema": "specdiff.outline/1",
        "path": path,
        "lines": spec.line_count,
        "front_matter": dict(spec.front_matter),
        "sections": [_section_data(spec, s) for s in spec.sections if s.level or s.clauses],
        "warnings": [
            {"code": str(w.code), "line": w.line, "message": w.message} for w in spec.warnings
        ],
    }


def _section_data(spec: Spec, section: Section) -> dict[str, Any]:
    clauses = spec.clauses_of(section.id)
    return {
        "id": section.id,
        "title": section.title,
        "level": section.level,
        "parent": section.parent,
        "id_source": str(section.id_source),
        "attributes": dict(section.attributes),
        "classes": list(section.classes),
        "lines": section.span.as_list(),
        "clauses": _kind_counts(clauses),
        "normative": sum(len(c.statements) for c in clauses),
        "examples": [_example_data(c) for c in clauses if c.example is not None],
    }


def _example_data(clause: Clause) -> dict[str, Any]:
    assert clause.example is not None
    return {
        "title": clause.example.title,
        "lines": clause.span.as_list(),
        "answers": [
            {"role": m.role, "verdict": str(m.verdict), "reason": m.reason}
            for m in clause.example.answers
        ],
    }


def _kind_counts(clauses: tuple[Clause, ...]) -> dict[str, int]:
    counts = Counter(c.kind for c in clauses)
    return {str(kind): counts[kind] for kind in _KIND_ORDER if counts[kind]}


def render_outline_json(spec: Spec, path: str | None = None) -> str:
    return json.dumps(outline_data(spec, path), indent=2, ensure_ascii=False) + "\n"


def render_outline_text(spec: Spec) -> str:
    """An indented tree, one line per section, examples listed under their section."""
    lines: list[str] = []
    for section in spec.sections:
        clauses = spec.clauses_of(section.id)
        if not section.level and not clauses:
            continue
        indent = "  " * max(section.level - 1, 0)
        head = f"{indent}{section.title or '(before the first heading)'}"
        if section.level:
            head += f"  #{section.id}"
        attributes = " ".join(f"{k}={v}" for k, v in section.attributes)
        if attributes:
            head += f"  [{attributes}]"
        counts = ", ".join(
            f"{n} {kind.replace('_', ' ')}" for kind, n in _kind_counts(clauses).items()
        )
        normative = sum(len(c.statements) for c in clauses)
        detail = counts or "no clauses"
        if normative:
            detail += f"; {normative} normative"
        lines.append(f"{head}  ({detail})")
        for clause in clauses:
            if clause.example is not None:
                verdicts = ", ".join(str(m.verdict) for m in clause.example.answers) or "unlabelled"
                title = clause.example.title or "untitled example"
                lines.append(f"{indent}    example L{clause.span.start}: {title} [{verdicts}]")
    total_statements = sum(len(c.statements) for c in spec.clauses)
    sections = sum(1 for s in spec.sections if s.level)
    lines.append("")
    lines.append(
        f"{sections} sections, {len(spec.clauses)} clauses, {total_statements} normative statements"
    )
    lines.extend(f"warning: line {w.line}: {w.message}" for w in spec.warnings)
    return "\n".join(lines) + "\n"
