"""Lint rules for a single spec: things an author wants to fix before publishing."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from ..model.document import IdSource, ReferenceKind, Spec, WarningCode

if TYPE_CHECKING:
    from ..config import Config


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a spec."""

    severity: Severity
    code: str
    line: int
    message: str


def lint(spec: Spec, config: Config) -> tuple[Finding, ...]:
    """Every finding for ``spec``, in line order."""
    findings: list[Finding] = []
    findings.extend(_parse_warnings(spec))
    findings.extend(_broken_anchors(spec))
    findings.extend(_attribute_values(spec, config))
    return tuple(sorted(findings, key=lambda f: (f.line, f.code)))


def _parse_warnings(spec: Spec) -> list[Finding]:
    severity = {
        WarningCode.DUPLICATE_ID: Severity.ERROR,
        WarningCode.MALFORMED_ATTRIBUTES: Severity.ERROR,
        WarningCode.NESTING_TOO_DEEP: Severity.WARNING,
    }
    return [Finding(severity[w.code], str(w.code), w.line, w.message) for w in spec.warnings]


def _broken_anchors(spec: Spec) -> list[Finding]:
    anchors = spec.anchors
    return [
        Finding(
            Severity.ERROR,
            "broken-anchor",
            ref.line,
            _broken_message(ref.target, ref.line, spec),
        )
        for clause in spec.clauses
        for ref in clause.references
        if ref.kind is ReferenceKind.ANCHOR and ref.target not in anchors
    ]


def _broken_message(target: str, line: int, spec: Spec) -> str:
    if spec.documents and ("#" in target or target.lower().endswith((".md", ".mdx", ".markdown"))):
        # A link to another file of a spec made of many files: "other.md#anchor", its
        # path resolved from the spec root; shown as the linking file writes it.
        path, _, anchor = target.partition("#")
        here = spec.document_at(line)
        written = posixpath.relpath(path, posixpath.dirname(here.path) or ".") if here else path
        shown = f"{written}#{anchor}" if anchor else written
        if path not in {d.path for d in spec.documents}:
            return f"link to {shown}: the spec has no file {path}"
        return f"link to {shown}: {path} has no heading or anchor #{anchor}"
    return f"link to #{target}, which no heading or anchor defines"


def _attribute_values(spec: Spec, config: Config) -> list[Finding]:
    findings = []
    for section in spec.sections:
        if section.id_source is IdSource.ROOT:
            continue
        for name, value in section.attributes:
            rule = config.attribute_rule(name)
            if rule is not None and value not in rule.values:
                allowed = ", ".join(rule.values)
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "unknown-attribute-value",
                        section.span.start,
                        f"section {section.id!r}: {name}={value!r} is not one of {allowed} ({config.origin})",
                    )
                )
    return findings
