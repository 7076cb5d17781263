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
        "versions": [
            {
                "version": step.version,
                "section": step.section_id,
                "title": step.title,
                "event": step.event,
                "changes": [change_data(c) for c in step.changes],
            }
            for step in steps
        ],
    }


def render_history_json(section_id: str, steps: Sequence[Step]) -> str:
    return json.dumps(history_data(section_id, steps), indent=2, ensure_ascii=False)


def render_history_text(section_id: str, steps: Sequence[Step]) -> str:
    lines = [f"History of #{section_id}"]
    for step in steps:
        where = f"#{step.section_id} “{step.title}”" if step.section_id else ""
        lines.append("")
        lines.append(f"{step.version}: {step.event} {where}".rstrip())
        for change in step.changes:
            lines.append(
                f"  {str(change.severity).upper():<5} {kind_label(change)}: {excerpt(describe(change), 150)}"
            )
    return "\n".join(lines)
