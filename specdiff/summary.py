"""A short, readable summary of a release, written from its changes.

The bump and why first, then the notable changes (sections added and removed,
attribute changes grouped, rules whose force changed, verdict flips), then counts.
Release notes, the changelog and the published pages all use it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Level, Scope

if TYPE_CHECKING:
    from .report import Change, Report

_MAX_NAMES = 4
_MAX_REASONS = 4

#: What a change of each tag does, as "verb (count) noun" phrases for the "why" sentence.
_DOES = {
    "normative.reversed": ("reverses", "rule", "rules"),
    "normative.strengthened": ("strengthens", "rule", "rules"),
    "normative.weakened": ("weakens", "rule", "rules"),
    "normative.removed": ("removes", "normative statement", "normative statements"),
    "example.verdict_flipped": ("flips the verdict of", "worked example", "worked examples"),
    "attribute.raised": ("raises an attribute of", "section", "sections"),
    "attribute.lowered": ("lowers an attribute of", "section", "sections"),
    "normative.added": ("adds", "normative statement", "normative statements"),
    "example.added": ("adds", "worked example", "worked examples"),
    "example.removed": ("removes", "worked example", "worked examples"),
    "example.modified": ("edits", "worked example", "worked examples"),
    "attribute.changed": ("changes an attribute of", "section", "sections"),
    "wording.substantive": ("substantially rewords", "clause", "clauses"),
    "moved.attributes_differ": (
        "moves",
        "clause under other attributes",
        "clauses under other attributes",
    ),
    "editorial": ("makes editorial fixes to", "clause", "clauses"),
    "wording": ("rewords", "clause", "clauses"),
    "commentary": ("edits", "commentary block", "commentary blocks"),
    "moved.across_sections": ("moves", "clause to another section", "clauses to other sections"),
    "moved.within_section": ("reorders", "clause", "clauses"),
    "reference.broken": ("leaves", "broken link", "broken links"),
}
_KIND_DOES = {
    "section.reidentified": ("changes the anchor of", "section", "sections"),
    "section.merged": ("merges", "section into another", "sections into others"),
    "section.removed": ("removes", "section", "sections"),
    "section.added": ("adds", "section", "sections"),
    "section.split": ("splits out", "section", "sections"),
    "section.renamed": ("renames", "section", "sections"),
    "section.moved": ("moves", "section", "sections"),
    "clause.added": ("adds", "clause", "clauses"),
    "clause.removed": ("removes", "clause", "clauses"),
}


@dataclass(frozen=True, slots=True)
class Summary:
    """What a release amounts to, in a few sentences."""

    bump: Level
    why: str
    """One sentence: the bump and what made it that big."""
    notable: tuple[str, ...]
    """The changes a reader should hear about first, one sentence each."""
    counts: str
    """All changes counted by kind, in words."""

    def as_text(self) -> str:
        lines = [self.why]
        lines.extend(f"- {line}" for line in self.notable)
        lines.append(self.counts)
        return "\n".join(lines)


def summarize(report: Report) -> Summary:
    changes = report.changes
    bump = report.bump
    if not changes:
        return Summary(Level.NONE, "No changes in meaning.", (), "No changes.")
    return Summary(bump, _why(changes, bump), tuple(_notable(report)), _counts(report))


def _why(changes: tuple[Change, ...], bump: Level) -> str:
    deciding: Counter[tuple[str, str, str]] = Counter()
    for change in changes:
        if change.severity == bump:
            deciding[_phrase(change)] += 1
    parts = [
        f"{verb} {count} {one if count == 1 else many}"
        for (verb, one, many), count in deciding.most_common()
    ]
    if len(parts) > _MAX_REASONS:
        parts = [*parts[:_MAX_REASONS], "more"]
    return f"A {bump} release: it {_join(parts)}."


def _phrase(change: Change) -> tuple[str, str, str]:
    """What one change does, as (verb, singular noun, plural noun)."""
    tag = next((t for t in change.tags if t in _DOES), None)
    if tag is not None and tag.startswith("attribute.") and change.attributes:
        verb = {"attribute.raised": "raises", "attribute.lowered": "lowers"}.get(tag, "changes")
        return (f"{verb} the {change.attributes[0][0]} of", "section", "sections")
    if tag is not None:
        return _DOES[tag]
    return _KIND_DOES.get(change.kind_name, ("changes", "clause", "clauses"))


def _notable(report: Report) -> list[str]:
    changes = report.changes
    lines: list[str] = []
    by_kind: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        by_kind[change.kind_name].append(change)

    def titles(items: list[Change], old: bool = False) -> str:
        names = [f"“{report.title_of(c.old_section if old else c.section)}”" for c in items]
        return _names(names)

    if by_kind["section.added"]:
        lines.append(
            f"New section{_s(by_kind['section.added'])}: {titles(by_kind['section.added'])}."
        )
    if by_kind["section.removed"]:
        lines.append(
            f"Removed section{_s(by_kind['section.removed'])}: {titles(by_kind['section.removed'], old=True)}."
        )
    for change in by_kind["section.merged"]:
        lines.append(
            f"“{report.title_of(change.old_section)}” was merged into “{report.title_of(change.section)}”."
        )
    for change in by_kind["section.split"]:
        lines.append(
            f"“{report.title_of(change.section)}” was split out of “{report.title_of(change.old_section)}”."
        )
    lines.extend(_attribute_lines(report, by_kind["section.attributes"]))
    if by_kind["section.reidentified"]:
        anchors = _names(
            [f"#{c.old_section} → #{c.section}" for c in by_kind["section.reidentified"]]
        )
        lines.append(
            f"Anchor{_s(by_kind['section.reidentified'])} changed (old links break): {anchors}."
        )
    lines.extend(_normative_lines(report))
    flips = [c for c in changes if "example.verdict_flipped" in c.tags]
    if flips:
        answers = sum(max(1, len(c.verdicts)) for c in flips)
        where = _names(sorted({f"“{report.title_of(c.section)}”" for c in flips}))
        lines.append(
            f"{answers} worked-example answer{'s' if answers != 1 else ''} changed verdict (GOOD ↔ BAD) in {where}."
        )
    return lines


def _attribute_lines(report: Report, changes: list[Change]) -> list[str]:
    grouped: dict[tuple[str, str | None, str | None], list[Change]] = defaultdict(list)
    for change in changes:
        for name, old, new in change.attributes:
            grouped[(name, old, new)].append(change)
    lines = []
    for (name, old, new), items in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        count = len(items)
        names = _names([f"“{report.title_of(c.section)}”" for c in items])
        noun = "section" if count == 1 else "sections"
        if old and new:
            lines.append(f"{count} {noun} moved from {old} to {new} {name}: {names}.")
        elif new:
            lines.append(f"{count} {noun} now carry {name}={new}: {names}.")
        else:
            lines.append(f"{count} {noun} no longer carry {name}={old}: {names}.")
    return lines


def _normative_lines(report: Report) -> list[str]:
    words = {
        "normative.reversed": "reversed",
        "normative.strengthened": "strengthened",
        "normative.weakened": "weakened",
        "normative.removed": "removed",
    }
    lines = []
    for tag, word in words.items():
        hits = [c for c in report.changes if tag in c.tags and c.scope is Scope.CLAUSE]
        if not hits:
            continue
        count = sum(max(1, sum(1 for s in c.statements if s.tag == tag)) for c in hits)
        where = _names(sorted({f"“{report.title_of(c.section or c.old_section)}”" for c in hits}))
        example = next(
            (s for c in hits for s in c.statements if s.tag == tag and s.old and s.new), None
        )
        detail = f" (e.g. “{example.old}” → “{example.new}”)" if example else ""
        noun = "rule" if tag != "normative.removed" else "normative statement"
        lines.append(f"{count} {noun}{'s' if count != 1 else ''} {word}{detail} in {where}.")
    return lines


def _counts(report: Report) -> str:
    counter = Counter(c.severity for c in report.changes)
    by_level = ", ".join(
        f"{counter[level]} {level}"
        for level in (Level.MAJOR, Level.MINOR, Level.PATCH)
        if counter[level]
    )
    kinds = Counter(c.kind for c in report.changes if c.scope is Scope.CLAUSE)
    clause_words = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
    sections = sum(1 for c in report.changes if c.scope is Scope.SECTION)
    total = len(report.changes)
    parts = [f"{total} change{'s' if total != 1 else ''} ({by_level})"]
    if clause_words:
        parts.append(f"clauses: {clause_words}")
    if sections:
        parts.append(f"{sections} section-level change{'s' if sections != 1 else ''}")
    return "; ".join(parts) + "."


def _names(names: list[str]) -> str:
    if len(names) <= _MAX_NAMES:
        return _join(names)
    return ", ".join(names[:_MAX_NAMES]) + f" and {len(names) - _MAX_NAMES} more"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _s(items: list[Change]) -> str:
    return "" if len(items) == 1 else "s"


__all__ = ["Summary", "summarize"]
