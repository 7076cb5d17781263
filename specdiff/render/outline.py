"""The outline of one spec: its section tree with attributes, clause and statement counts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from ..model.document import Clause, ClauseKind, DocumentPart, Section, Spec
from ..model.section_names import SectionIndex

if TYPE_CHECKING:
    from collections.abc import Callable

_KIND_ORDER = tuple(ClauseKind)


def outline_data(spec: Spec, path: str | None = None) -> dict[str, Any]:
    """The outline as plain data (the ``--format json`` document).

    For a spec made of many files, sections carry their ``document`` and read as that
    file has them (ids, parents, lines), and ``documents`` lists the files in reading
    order."""
    if spec.documents:
        return _documents_data(spec, path)
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


def _section_data(
    spec: Spec, section: Section, clauses: tuple[Clause, ...] | None = None
) -> dict[str, Any]:
    if clauses is None:
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
    """An indented tree, one line per section, examples listed under their section; for
    a spec made of many files, a tree per document, in reading order."""
    if spec.documents:
        return _documents_text(spec)
    lines: list[str] = []
    for section in spec.sections:
        clauses = spec.clauses_of(section.id)
        if not section.level and not clauses:
            continue
        lines.extend(_section_lines(section, clauses))
    total_statements = sum(len(c.statements) for c in spec.clauses)
    sections = sum(1 for s in spec.sections if s.level)
    lines.append("")
    lines.append(
        f"{sections} sections, {len(spec.clauses)} clauses, {total_statements} normative statements"
    )
    lines.extend(f"warning: line {w.line}: {w.message}" for w in spec.warnings)
    return "\n".join(lines) + "\n"


def _section_lines(
    section: Section,
    clauses: tuple[Clause, ...],
    own_line: Callable[[int], int] | None = None,
    shown_id: str | None = None,
) -> list[str]:
    """One section's line and its examples' (lines as ``own_line`` gives them, a file's own
    in a spec made of many files; the id shown is ``shown_id``, the file's own, when given)."""
    indent = "  " * max(section.level - 1, 0)
    head = f"{indent}{section.title or '(before the first heading)'}"
    if section.level:
        head += f"  #{shown_id if shown_id is not None else section.id}"
    attributes = " ".join(f"{k}={v}" for k, v in section.attributes)
    if attributes:
        head += f"  [{attributes}]"
    counts = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in _kind_counts(clauses).items())
    normative = sum(len(c.statements) for c in clauses)
    detail = counts or "no clauses"
    if normative:
        detail += f"; {normative} normative"
    lines = [f"{head}  ({detail})"]
    for clause in clauses:
        if clause.example is not None:
            verdicts = ", ".join(str(m.verdict) for m in clause.example.answers) or "unlabelled"
            title = clause.example.title or "untitled example"
            line = own_line(clause.span.start) if own_line else clause.span.start
            lines.append(f"{indent}    example L{line}: {title} [{verdicts}]")
    return lines


def _own_line(spec: Spec, line: int) -> int:
    """A line of a combined spec as its own file's line."""
    part = spec.document_at(line)
    return part.local(line) if part is not None else line


@dataclass(frozen=True, slots=True)
class _DocumentOutline:
    """One file of a spec made of many files: its sections (the file's own preface
    first, as a section of level 0) with their clauses."""

    part: DocumentPart
    sections: tuple[tuple[Section, tuple[Clause, ...]], ...]


def _by_document(spec: Spec) -> list[_DocumentOutline]:
    """The sections and clauses of each document, in reading order."""
    sections: dict[str, list[tuple[Section, tuple[Clause, ...]]]] = {
        d.path: [] for d in spec.documents
    }
    preface: dict[str, list[Clause]] = {d.path: [] for d in spec.documents}
    for clause in spec.clauses_of(""):
        part = spec.document_at(clause.span.start)
        if part is not None:
            preface[part.path].append(clause)
    for section in spec.sections:
        part = spec.document_at(section.span.start) if section.level else None
        if part is not None:
            sections[part.path].append((section, spec.clauses_of(section.id)))
    result = []
    for part in spec.documents:
        lead: list[tuple[Section, tuple[Clause, ...]]] = []
        if preface[part.path]:
            lead.append((spec.root, tuple(preface[part.path])))
        result.append(_DocumentOutline(part, (*lead, *sections[part.path])))
    return result


def _documents_text(spec: Spec) -> str:
    index = SectionIndex(spec)
    lines: list[str] = []
    for document in _by_document(spec):
        part = document.part
        if lines:
            lines.append("")
        lines.append(f"▤ {part.path}  “{part.title}”, {part.line_count} lines")
        for section, clauses in document.sections:
            local = index.name_of(section.id).local_id if section.level else None
            lines.extend(_section_lines(section, clauses, partial(_own_line, spec), local))
    total_statements = sum(len(c.statements) for c in spec.clauses)
    sections = sum(1 for s in spec.sections if s.level)
    lines.append("")
    lines.append(
        f"{len(spec.documents)} documents, {sections} sections, {len(spec.clauses)} clauses, "
        f"{total_statements} normative statements"
    )
    for warning in spec.warnings:
        holder = spec.document_at(warning.line)
        if holder is None:
            lines.append(f"warning: line {warning.line}: {warning.message}")
            continue
        message = warning.message.removeprefix(f"{holder.path}: ")
        lines.append(f"warning: {holder.path} line {holder.local(warning.line)}: {message}")
    return "\n".join(lines) + "\n"


def _documents_data(spec: Spec, path: str | None) -> dict[str, Any]:
    index = SectionIndex(spec)
    sections = []
    for document in _by_document(spec):
        part = document.part
        for section, clauses in document.sections:
            data = _section_data(spec, section, clauses)
            data["document"] = part.path
            data["lines"] = list(part.local_span(section.span.start, section.span.end))
            if section.level:
                data["id"] = index.name_of(section.id).local_id
                data["lines"][1] = min(data["lines"][1], part.line_count)
                parent = section.parent or ""
                data["parent"] = _parent_name(index, parent, part.path)
            else:  # the file's text before its first heading
                data["lines"] = [
                    1,
                    max(1, min(part.line_count, part.local(clauses[-1].span.end))),
                ]
            for example in data["examples"]:
                example["lines"] = [_own_line(spec, line) for line in example["lines"]]
            sections.append(data)
    warnings = []
    for warning in spec.warnings:
        holder = spec.document_at(warning.line)
        where = holder.path if holder else None
        warnings.append(
            {
                "code": str(warning.code),
                "line": holder.local(warning.line) if holder else warning.line,
                "message": warning.message.removeprefix(f"{where}: "),
                "document": where,
            }
        )
    return {
        "schema": "specdiff.outline/1",
        "path": path,
        "lines": spec.line_count,
        "front_matter": dict(spec.front_matter),
        "documents": [
            {
                "path": d.path,
                "title": d.title,
                "lines": d.line_count,
                "included_by": d.included_by,
            }
            for d in spec.documents
        ],
        "sections": sections,
        "warnings": warnings,
    }


def _parent_name(index: SectionIndex, parent: str, here: str) -> str:
    """The parent as the file names it: its id in the same file, ``path#id`` when an
    include heading of another file holds this one, '' at the top."""
    if not parent:
        return ""
    name = index.name_of(parent)
    return name.local_id if name.document in (None, here) else str(name)
