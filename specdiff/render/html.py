"""One self-contained HTML page for a comparison: no external assets, no scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import counts_in_words, group_by_section, kind_label, severity_counts
from ._jinja import environment

if TYPE_CHECKING:
    from ..model.changes import Report


def render_html(report: Report, *, title: str = "specdiff") -> str:
    template = environment().get_template("compare.html.j2")
    return template.render(
        report=report,
        title=title,
        counts=counts_in_words(report),
        severities=severity_counts(report),
        groups=group_by_section(report),
        label=kind_label,
    )
