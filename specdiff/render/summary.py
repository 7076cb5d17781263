"""A short, readable summary of a release, written from its changes.

The bump and why first, then the notable changes (sections added and removed,
attribute changes grouped, rules whose force changed, verdict flips), then counts.
Release notes, the changelog and the published pages all use it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.vocabulary import KIND_TERMS, TAG_TERMS, TERMS, ChangeKind, Level, Scope

if TYPE_CHECKING:
    from ..model.changes import Change, Report

_MAX_NAMES = 4
_MAX_REASONS = 5

#: What a change does, as (verb, singular noun, plural noun), most important first: the
#: summary phrases of the tags and, for what no tag says, of the ``scope.kind`` names.
_DOES: dict[str, tuple[str, str, str]] = {
    term.name: (term.summary.verb, term.summary.one, term.summary.many)
    for term in sorted((*TAG_TERMS, *KIND_TERMS), key=lambda term: term.rank)
}
_PRIORITY = {key: rank for rank, key in enumerate(_DOES)}
#: Tags that change statements, and what happened to the rules ("strengthened in"), in
#: the tags' order.
_NORMATIVE_WORDS = {term.name: term.rules for term in TAG_TERMS if term.rules is not None}


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


def summarize(report: Report, *, span: int = 1) -> Summary:
    """The summary of ``report``; ``span`` is how many releases it covers (a compare page
    across several versions says "taken together" rather than calling it a release)."""
    changes = report.changes
    bump = report.bump
    if not changes:
        return Summary(Level.NONE, "No changes in meaning.", (), "No changes.")
    why = _why(changes, bump)
    if span > 1:
        why = why.replace(f"A {bump} release:", f"Across {span} releases, a {bump} change:", 1)
    return Summary(bump, why, tuple(_notable(report)), _counts(report))


# -- the "why" sentence ---------------------------------------------------------------------


def _why(changes: tuple[Change, ...], bump: Level) -> str:
    """``A major release: it reverses 2 rules, removes 1 section and ...``: what the changes
    of the release's own severity do, the most frequent first, same verbs merged."""
    counts: Counter[str] = Counter()
    attribute_names: dict[str, set[str]] = defaultdict(set)
    deciding = [c for c in changes if c.severity == bump]
    for change in deciding:
        key = _key(change)
        counts[key] += _weight(change, key)
        if key.startswith("attribute."):
            attribute_names[key].update(name for name, _, _ in change.attributes)
    ranked = sorted(counts, key=lambda k: (-counts[k], _PRIORITY[k]))
    shown, hidden = ranked[:_MAX_REASONS], ranked[_MAX_REASONS:]
    if len(hidden) == 1:  # "and 1 other change" says less than the phrase itself
        shown, hidden = ranked, []
    groups: dict[str, list[str]] = {}
    for key in shown:
        verb, one, many = _DOES[key]
        names = attribute_names.get(key, set())
        if len(names) == 1:
            verb = f"{verb.split(' ', 1)[0]} the {next(iter(names))} of"
        groups.setdefault(verb, []).append(f"{counts[key]} {one if counts[key] == 1 else many}")
    parts = [f"{verb} {_join(objects)}" for verb, objects in groups.items()]
    if hidden:
        others = sum(1 for c in deciding if _key(c) in hidden)
        parts.append(f"makes {others} other {bump} change{'s' if others != 1 else ''}")
    oxford = len(parts) > 2 and any(len(objects) > 1 for objects in groups.values())
    return f"A {bump} release: it {_join(parts, oxford=oxford)}."


def _key(change: Change) -> str:
    """The entry of :data:`_DOES` that says best what ``change`` does."""
    if change.scope is Scope.SECTION:
        if change.kind is ChangeKind.ATTRIBUTES:
            tag = next((t for t in change.tags if t.startswith("attribute.")), None)
            return tag or "section.attributes"
        return change.kind_name
    tags = [t for t in change.tags if t in _DOES]
    if tags:
        return min(tags, key=_PRIORITY.__getitem__)
    return change.kind_name if change.kind_name in _DOES else "clause.modified"


def _weight(change: Change, key: str) -> int:
    """How many things one change counts for: each rule whose force changed counts."""
    if key.startswith("normative."):
        return max(1, sum(1 for s in change.statements if s.tag == key))
    return 1


# -- the notable changes --------------------------------------------------------------------


def _notable(report: Report) -> list[str]:
    changes = report.changes
    lines: list[str] = []
    by_kind: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        by_kind[change.kind_name].append(change)

    def titles(items: list[Change], old: bool = False) -> str:
        return _names(
            [_quote(report.title_of(c.old_section if old else c.section, old=old)) for c in items]
        )

    lines.extend(_document_lines(report, by_kind))
    added, removed = by_kind["section.added"], by_kind["section.removed"]
    if added:
        lines.append(f"New section{_s(added)}: {titles(added)}.")
    if removed:
        lines.append(f"Removed section{_s(removed)}: {titles(removed, old=True)}.")
    for change in by_kind["section.merged"]:
        lines.append(
            f"{_quote(report.title_of(change.old_section, old=True))} was merged into "
            f"{_quote(report.title_of(change.section))}."
        )
    for change in by_kind["section.split"]:
        lines.append(
            f"{_quote(report.title_of(change.section))} was split out of "
            f"{_quote(report.title_of(change.old_section, old=True))}."
        )
    renamed = by_kind["section.renamed"]
    if renamed:
        pairs = _names(
            [
                f"{_quote(c.old.title if c.old else '')} → {_quote(c.new.title if c.new else '')}"
                for c in renamed
            ]
        )
        lines.append(f"Section{_s(renamed)} renamed: {pairs}.")
    lines.extend(_attribute_lines(report, by_kind["section.attributes"]))
    anchors = by_kind["section.reidentified"]
    if anchors:
        moves = _names(
            [
                f"{c.old_document or ''}#{c.old_section} → {c.document or ''}#{c.section}"
                for c in anchors
            ]
        )
        lines.append(f"Anchor{_s(anchors)} changed, so old links break: {moves}.")
    lines.extend(_normative_lines(report))
    flips = [c for c in changes if "example.verdict_flipped" in c.tags]
    if flips:
        answers = sum(max(1, len(c.verdicts)) for c in flips)
        where = _names(list(dict.fromkeys(_quote(report.title_of(c.section)) for c in flips)))
        lines.append(
            f"{answers} worked-example answer{'s' if answers != 1 else ''} changed verdict "
            f"(GOOD ↔ BAD) in {where}."
        )
    return lines


def _document_lines(report: Report, by_kind: dict[str, list[Change]]) -> list[str]:
    """For a spec made of many files: files renamed, added, removed, and sections that
    moved to another file (one-file specs have none of these)."""
    lines = []
    renamed = by_kind["document.renamed"]
    if renamed:
        pairs = _names([f"`{c.old_document}` → `{c.document}`" for c in renamed])
        lines.append(f"File{_s(renamed)} renamed, so links to the old name break: {pairs}.")
    for change in by_kind["document.added"]:
        origin = f", split off `{change.old_document}`" if change.old_document else ""
        lines.append(f"New file `{change.document}`{origin}.")
    for change in by_kind["document.removed"]:
        into = f"; its text went into `{change.document}`" if change.document else ""
        lines.append(f"Removed file `{change.old_document}`{into}.")
    for change in by_kind["section.moved"]:
        if "moved.across_documents" in change.tags:
            lines.append(
                f"{_quote(report.title_of(change.section))} moved from "
                f"`{change.old_document}` to `{change.document}`."
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
        names = _names([_quote(report.title_of(c.section)) for c in items])
        if count == 1:
            if old and new:
                lines.append(f"{names} moved from {old} to {new} {name}.")
            elif new:
                lines.append(f"{names} now carries {name}={new}.")
            else:
                lines.append(f"{names} no longer carries {name}={old}.")
        elif old and new:
            lines.append(f"{count} sections moved from {old} to {new} {name}: {names}.")
        elif new:
            lines.append(f"{count} sections now carry {name}={new}: {names}.")
        else:
            lines.append(f"{count} sections no longer carry {name}={old}: {names}.")
    return lines


def _normative_lines(report: Report) -> list[str]:
    """``2 rules strengthened in “A” and “B”: “should” → “must”.``, one line per force."""
    lines = []
    for tag, word in _NORMATIVE_WORDS.items():
        one_side = TERMS[tag].quotes_one_side
        hits = [c for c in report.changes if tag in c.tags and c.scope is Scope.CLAUSE]
        if not hits:
            continue
        count = sum(max(1, sum(1 for s in c.statements if s.tag == tag)) for c in hits)
        where = _names(
            list(
                dict.fromkeys(
                    _quote(report.title_of(c.section or c.old_section, old=c.section is None))
                    for c in hits
                )
            )
        )
        pairs = list(
            dict.fromkeys(
                f"“{s.old}” → “{s.new}”" if s.old and s.new else f"“{s.old or s.new}”"
                for c in hits
                for s in c.statements
                if s.tag == tag and ((s.old and s.new) or one_side)
            )
        )
        detail = f": {_names(pairs)}" if pairs else ""
        lines.append(f"{count} rule{'s' if count != 1 else ''} {word} {where}{detail}.")
    return lines


# -- the counts -----------------------------------------------------------------------------


def _counts(report: Report) -> str:
    """``7 changes in all (5 major, 1 minor, 1 patch): 3 clauses modified and 1 moved; 3
    changes to sections.``"""
    counter = Counter(c.severity for c in report.changes)
    levels = [level for level in (Level.MAJOR, Level.MINOR, Level.PATCH) if counter[level]]
    if len(levels) == 1:
        by_level = f"all {levels[0]}"
    else:
        by_level = ", ".join(f"{counter[level]} {level}" for level in levels)
    kinds = Counter(str(c.kind) for c in report.changes if c.scope is Scope.CLAUSE)
    clause_words = [
        f"{n} {'clause' if n == 1 else 'clauses'} {kind}" if i == 0 else f"{n} {kind}"
        for i, (kind, n) in enumerate(kinds.most_common())
    ]
    sections = sum(1 for c in report.changes if c.scope is Scope.SECTION)
    files = sum(1 for c in report.changes if c.scope is Scope.DOCUMENT)
    parts = []
    if clause_words:
        parts.append(_join(clause_words))
    if sections:
        parts.append(
            "1 change to a section" if sections == 1 else f"{sections} changes to sections"
        )
    if files:
        parts.append("1 change to a file" if files == 1 else f"{files} changes to files")
    total = len(report.changes)
    head = f"{total} change{'s' if total != 1 else ''} in all"
    if by_level:
        head += f" ({by_level})"
    return f"{head}: {'; '.join(parts)}." if parts else f"{head}."


# -- words ----------------------------------------------------------------------------------


def _quote(title: str) -> str:
    return f"“{title}”"


def _names(names: list[str]) -> str:
    if len(names) <= _MAX_NAMES:
        return _join(names)
    return ", ".join(names[:_MAX_NAMES]) + f" and {len(names) - _MAX_NAMES} more"


def _join(parts: list[str], *, oxford: bool = False) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    last = ", and " if oxford else " and "
    return ", ".join(parts[:-1]) + last + parts[-1]


def _s(items: list[Change]) -> str:
    return "" if len(items) == 1 else "s"


__all__ = ["Summary", "summarize"]
