"""The ``specdiff.compare/1`` document (see ../shared/docs/compare.schema.json)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..model.vocabulary import ChangeKind, Scope
from .redline import redline

if TYPE_CHECKING:
    from ..model.changes import Change, Endpoint, Report, Side

SCHEMA = "specdiff.compare/1"


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data; required fields of the contract first, extras after."""
    return {
        "schema": SCHEMA,
        "base": _endpoint(report.base),
        "head": _endpoint(report.head),
        "bump": str(report.bump),
        "counts": report.counts,
        "changes": [change_data(c, report) for c in report.changes],
        "blocking_bump": str(report.blocking_bump),
        "references": list(report.references()),
    }


def render_json(report: Report) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"


def _endpoint(endpoint: Endpoint) -> dict[str, Any]:
    return {"label": endpoint.label, "commit": endpoint.commit, "path": endpoint.path}


def _side(side: Side | None) -> dict[str, Any] | None:
    if side is None:
        return None
    data: dict[str, Any] = {"text": side.text, "lines": list(side.lines), "type": side.type}
    if side.title:
        data["title"] = side.title
    return data


def _path(change: Change, report: Report) -> tuple[str, ...]:
    """The titles down to the record's section: its new section; else, for something gone
    from a section still there under another id, that section as it is now; else the
    section as the old document had it."""
    if change.section is not None:
        return report.path_of(change.section, change.document)
    now = dict(report.new_ids).get(change.old_section or "")
    if now is not None:
        return report.path_of(now, change.old_document)
    return report.path_of(change.old_section, change.old_document, old=True)


def change_data(change: Change, report: Report | None = None) -> dict[str, Any]:
    """One change record; with the ``report``, also the ``path`` of section titles."""
    data: dict[str, Any] = {
        "id": change.id,
        "scope": str(change.scope),
        "kind": str(change.kind),
        "section": change.section,
        "old_section": change.old_section,
        "severity": str(change.severity),
        "tags": list(change.tags),
        "old": _side(change.old),
        "new": _side(change.new),
        "reason": change.reason,
    }
    if change.document is not None or change.old_document is not None:
        data["document"] = change.document
        data["old_document"] = change.old_document
    if change.kind is ChangeKind.ATTRIBUTES:
        data["attributes"] = {name: [old, new] for name, old, new in change.attributes}
    if report is not None:
        data["path"] = list(_path(change, report))
    if change.details:
        data["details"] = list(change.details)
    if change.accepted is not None:
        data["accepted"] = change.accepted
    if change.statements:
        data["statements"] = [
            {"tag": s.tag, "old": s.old, "new": s.new, "sentence": s.sentence}
            for s in change.statements
        ]
    if change.verdicts:
        data["verdicts"] = [
            {"answer": v.answer, "old": v.old, "new": v.new} for v in change.verdicts
        ]
    if change.references:
        data["references"] = list(change.references)
    if (
        change.scope is Scope.CLAUSE
        and change.old
        and change.new
        and change.old.text != change.new.text
    ):
        data["redline"] = [[str(s.op), s.text] for s in redline(change.old.text, change.new.text)]
    return data
