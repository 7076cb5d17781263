"""The Markdown report, fit to post as a pull-request comment or a step summary.

A summary table first, then one folded block per section. Spec text is HTML-escaped:
nothing in a spec can inject markup into the comment.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..model.vocabulary import Scope
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
    from ..model.changes import Change, Report

#: GitHub refuses comments over 65,536 characters; leave room for a header and footer.
COMMENT_BUDGET = 60_000


def render_markdown(
    report: Report, *, budget: int = COMMENT_BUDGET, title: str = "specdiff"
) -> str:
    head = _header(report, title)
    if not report.changes:
        return head + "\nNo changes in meaning: the two versions hold the same clauses.\n"
    groups = group_by_section(report)
    blocks = [
        (f"\n##### 📄 `{_code(document)}`\n\n" if document is not None else "")
        + _section_block(group.title, group.section_id, group.changes)
        for group, document in zip(groups, document_headings(groups), strict=True)
    ]
    body: list[str] = []
    used = len(head)
    for index, block in enumerate(blocks):
        if used + len(block) > budget:
            left = sum(len(g.changes) for g in group_by_section(report)[index:])
            body.append(
                f"\n_… {counted(left, 'more change')} in {counted(len(blocks) - index, 'more section')} are not shown "
                f"here (comment size limit); run `specdiff compare` or see the JSON report._\n"
            )
            break
        body.append(block)
        used += len(block)
    references = report.references()
    footer = ""
    if references:
        shown = ", ".join(f"`{r}`" for r in references[:60])
        more = f" and {len(references) - 60} more" if len(references) > 60 else ""
        footer = (
            f"\n**Links and footnotes in the changed text** (anchors and footnote labels the "
            f"old or new text points to; check that they still lead where they should): "
            f"{shown}{more}\n"
        )
    return head + "\n#### Changes by section\n\n" + "".join(body) + footer


def _header(report: Report, title: str) -> str:
    lines = [
        f"### {title}: `{_code(report.base.label)}` → `{_code(report.head.label)}` · bump **{str(report.bump).upper()}**",
        "",
        f"{counted(len(report.changes), 'change')}: {counts_in_words(report)}.",
        "",
    ]
    if report.changes:
        lines += ["| Severity | Changes |", "| --- | ---: |"]
        lines += [f"| {level} | {count} |" for level, count in severity_counts(report)]
        accepted = sum(1 for c in report.changes if c.accepted is not None)
        if accepted:
            lines += [
                "",
                f"{counted(accepted, 'change')} accepted in configuration; without them the bump is **{report.blocking_bump}**.",
            ]
        lines.append("")
    return "\n".join(lines)


def _section_block(title: str, section_id: str, changes: tuple[Change, ...]) -> str:
    worst = max(c.severity for c in changes)
    anchor = f" <code>#{html.escape(section_id)}</code>" if section_id else ""
    summary = f"<b>{html.escape(_plain_title(title))}</b>{anchor} · {counted(len(changes), 'change')}, {worst}"
    items = "\n".join(_change_item(c) for c in changes)
    return f"<details><summary>{summary}</summary>\n\n{items}\n\n</details>\n\n"


def _change_item(change: Change) -> str:
    side = change.new or change.old
    line = f" · L{side.lines[0]}" if side else ""
    tags = " ".join(f"`{t}`" for t in change.tags)
    accepted = f" · accepted: {html.escape(change.accepted)}" if change.accepted is not None else ""
    head = f"- **{change.severity}** · {kind_label(change)}{line} {tags}{accepted}<br>{html.escape(change.reason)}"
    return head + "\n" + _detail(change)


def _detail(change: Change) -> str:
    if change.scope is Scope.DOCUMENT:
        paths = [html.escape(side.text) for side in (change.old, change.new) if side]
        return "  <br>" + " → ".join(f"<code>{p}</code>" for p in paths)
    if change.scope is Scope.SECTION:
        if change.old and change.new and change.old.title != change.new.title:
            return f"  <br><del>{html.escape(change.old.title)}</del> → <ins>{html.escape(change.new.title)}</ins>"
        return ""
    if change.old and change.new and change.old.text != change.new.text:
        runs = []
        for segment in redline(change.old.text, change.new.text):
            text = html.escape(segment.text)
            runs.append(
                f"<del>{text}</del>"
                if segment.op is Op.DELETE
                else f"<ins>{text}</ins>"
                if segment.op is Op.INSERT
                else text
            )
        return "  <blockquote>" + "".join(runs).replace("\n", "<br>") + "</blockquote>"
    side = change.new or change.old
    assert side is not None
    marker = "ins" if change.old is None else "del" if change.new is None else "span"
    return f"  <blockquote><{marker}>{html.escape(excerpt(side.text, 400))}</{marker}></blockquote>"


def _plain_title(title: str) -> str:
    return title.replace("`", "").replace("*", "")


def _code(text: str) -> str:
    return text.replace("`", "'")
