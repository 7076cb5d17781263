"""Helpers shared by the report renderers: grouping, labels, counts in words."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.vocabulary import ChangeKind, Level, Scope

if TYPE_CHECKING:
    from ..model.changes import Change, Report

SEVERITY_ORDER = (Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE)

_KIND_WORDS = {
    ("section", "added"): "section added",
    ("section", "removed"): "section removed",
    ("section", "renamed"): "section renamed",
    ("section", "reidentified"): "anchor changed",
    ("section", "moved"): "section moved",
    ("section", "attributes"): "attributes changed",
    ("section", "merged"): "section merged",
    ("section", "split"): "section split",
    ("clause", "added"): "added",
    ("clause", "removed"): "removed",
    ("clause", "modified"): "modified",
    ("clause", "moved"): "moved",
}


def kind_label(change: Change) -> str:
    label = _KIND_WORDS[(str(change.scope), str(change.kind))]
    if change.kind is ChangeKind.MOVED and "modified" in change.tags:
        label += " and edited"
    return label


@dataclass(frozen=True, slots=True)
class SectionGroup:
    """The changes of one section, in document order."""

    section_id: str
    title: str
    changes: tuple[Change, ...]

    @property
    def severity(self) -> Level:
        return max(c.severity for c in self.changes)


def group_by_section(report: Report) -> list[SectionGroup]:
    """Changes grouped by the section they happen in (new id, else old id), in order."""
    order: list[str] = []
    groups: dict[str, list[Change]] = {}
    for change in report.changes:
        key = change.section if change.section is not None else (change.old_section or "")
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(change)
    return [
        SectionGroup(
            key,
            report.display_title(key) if key else "Before the first heading",
            tuple(groups[key]),
        )
        for key in order
    ]


def severity_counts(report: Report) -> list[tuple[Level, int]]:
    counts = Counter(c.severity for c in report.changes)
    return [(level, counts[level]) for level in SEVERITY_ORDER if counts[level]]


def counts_in_words(report: Report) -> str:
    """E.g. ``"3 sections added, 12 clauses modified, 2 moved"``."""
    if not report.changes:
        return "no changes"
    parts = []
    for name, count in report.counts.items():
        scope, kind = name.split(".")
        noun = ("section" if scope == Scope.SECTION else "clause") + ("s" if count != 1 else "")
        words = "anchors changed" if kind == "reidentified" else f"{noun} {kind}"
        if kind == "attributes":
            words = f"{noun} with changed attributes"
        parts.append(f"{count} {words}")
    return ", ".join(parts)


def excerpt(text: str, limit: int = 160) -> str:
    """The start of ``text`` on one line, cut at a word boundary."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit] + " …"
