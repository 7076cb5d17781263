"""What ``specdiff history SECTION`` prints: the ``specdiff.history/1`` document or text."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ._common import excerpt, kind_label
from .changelog import describe
from .json import change_data

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..compare.section_history import Step

SCHEMA = "specdiff.history/1"


def history_data(section_id: str, steps: Sequence[Step]) -> dict[str, Any]:
    """The ``--format json`` document: the section in each version, with its changes."""
    return {
        "schema": SCHEMA,
        "section": section_id,
        "versions": [_version_data(step, multi=any(s.document for s in steps)) for step in steps],
    }


def _version_data(step: Step, *, multi: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": step.version,
        "section": step.section_id,
        "title": step.title,
        "event": step.event,
        "changes": [change_data(c) for c in step.changes],
    }
    if multi:  # a spec made of many files: the file the section is in
        data["document"] = step.document
    return data


def render_history_json(section_id: str, steps: Sequence[Step]) -> str:
    return json.dumps(history_data(section_id, steps), indent=2, ensure_ascii=False)


def render_history_text(section_id: str, steps: Sequence[Step]) -> str:
    bare = section_id.removeprefix("#")
    lines = [f"History of {bare if '#' in bare else '#' + bare}"]
    for step in steps:
        where = f"#{step.section_id} “{step.title}”" if step.section_id else ""
        if step.document and step.section_id:
            where = f"{step.document}#{step.section_id} “{step.title}”"
        lines.append("")
        lines.append(f"{step.version}: {step.event} {where}".rstrip())
        for change in step.changes:
            lines.append(
                f"  {str(change.severity).upper():<5} {kind_label(change)}: {excerpt(describe(change), 150)}"
            )
    return "\n".join(lines)
