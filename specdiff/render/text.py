"""The terminal report: grouped by section, with inline redlines; colour is optional."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from ..model.vocabulary import Level, Scope
from ._common import (
    counted,
    counts_in_words,
    document_headings,
    excerpt,
    group_by_section,
    kind_label,
    severity_counts,
)
from .redline import Op, redline

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model.changes import Change, Report

_SEVERITY_STYLE = {
    Level.MAJOR: "red",
    Level.MINOR: "yellow",
    Level.PATCH: "cyan",
    Level.NONE: "white",
}


def plain(text: str, _style: str) -> str:
    return text


def ansi(text: str, style: str) -> str:
    codes = {
        "red": "31", "green": "32", "yellow": "33", "cyan": "36", "white": "37",
        "bold": "1", "dim": "2", "del": "31;9", "ins": "32;4",
    }  # fmt: skip
    return f"\x1b[{codes[style]}m{text}\x1b[0m"


def render_text(
    report: Report, *, color: bool = False, width: int = 100, stat: bool = False
) -> str:
    style: Callable[[str, str], str] = ansi if color else plain
    lines = [_headline(report, style)]
    if stat or not report.changes:
        lines.extend(_stat(report))
        return "\n".join(lines) + "\n"
    groups = group_by_section(report)
    for group, document in zip(groups, document_headings(groups), strict=True):
        if document is not None:
            lines.extend(["", style(f"▤ {document}", "bold")])
        lines.append("")
        anchor = f"#{group.section_id}" if group.section_id else ""
        lines.append(
            style(f"§ {group.title}", "bold") + (f"  {style(anchor, 'dim')}" if anchor else "")
        )
        for change in group.changes:
            lines.extend(_change(change, style, width))
    lines.append("")
    lines.extend(_stat(report))
    references = report.references()
    if references:
        lines.append(
            "Links and footnotes in the changed text (check they still lead where they "
            "should): " + ", ".join(references)
        )
    return "\n".join(lines) + "\n"


def _headline(report: Report, style: Callable[[str, str], str]) -> str:
    bump = str(report.bump).upper()
    colored = style(bump, _SEVERITY_STYLE[report.bump])
    return f"{report.base.label} → {report.head.label}: bump {colored}, {counts_in_words(report)}"


def _stat(report: Report) -> list[str]:
    lines = [f"  {n:>5}  {name}" for name, n in report.counts.items()]
    by_severity = ", ".join(f"{n} {level}" for level, n in severity_counts(report))
    if by_severity:
        lines.append(f"  severity: {by_severity}")
    return lines


def _change(change: Change, style: Callable[[str, str], str], width: int) -> list[str]:
    severity = style(f"{str(change.severity).upper():<5}", _SEVERITY_STYLE[change.severity])
    where = change.new or change.old
    line_info = f"L{where.lines[0]}" if where else ""
    tags = " ".join(change.tags)
    accepted = style(" (accepted)", "dim") if change.accepted is not None else ""
    head = f"  {severity} {kind_label(change)} {style(line_info, 'dim')}  {style(tags, 'dim')}{accepted}"
    body = [head, *_wrap(change.reason, width, "        ")]
    body.extend(_detail(change, style, width))
    return body


def _detail(change: Change, style: Callable[[str, str], str], width: int) -> list[str]:
    indent = "        "
    if change.scope is Scope.DOCUMENT:
        return [indent + " → ".join(side.text for side in (change.old, change.new) if side)]
    if change.scope is Scope.SECTION:
        if change.old and change.new and change.old.title != change.new.title:
            return [f"{indent}“{change.old.title}” → “{change.new.title}”"]
        side = change.new or change.old
        return [f"{indent}{excerpt(side.title if side else '', width - 8)}"]
    if change.old and change.new and change.old.text != change.new.text:
        marked = "".join(
            _mark(s.op, s.text, style) for s in redline(change.old.text, change.new.text)
        )
        return _wrap(marked, width, indent, limit=12)
    side = change.new or change.old
    assert side is not None
    return [f"{indent}{excerpt(side.text, width - 8)}"]


def _mark(op: Op, text: str, style: Callable[[str, str], str]) -> str:
    """A redline run: coloured on a terminal, wdiff-style brackets elsewhere."""
    if op is Op.EQUAL:
        return text
    if style is plain:
        return f"[-{text}-]" if op is Op.DELETE else f"{{+{text}+}}"
    return style(text, "del" if op is Op.DELETE else "ins")


def _wrap(text: str, width: int, indent: str, limit: int = 4) -> list[str]:
    # Anchors and identifiers (#avoid-over-refusal) are never broken across lines.
    wrapped = textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    )
    if len(wrapped) > limit:
        wrapped = [*wrapped[:limit], f"{indent}… ({counted(len(wrapped) - limit, 'more line')})"]
    return wrapped
