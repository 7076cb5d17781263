"""The spec's CHANGELOG in Keep a Changelog form, and the same entries as JSON.

``specdiff release`` and ``specdiff changelog`` both render through :func:`render_entry`,
so an entry written at release time and the rebuilt changelog never disagree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from ..model.vocabulary import ChangeKind, Level, Scope
from ._common import excerpt
from .summary import summarize

if TYPE_CHECKING:
    from datetime import date

    from ..model.changes import Change, Report

CHANGELOG_HEADER = """# Changelog

All notable changes to this specification are listed here, newest first. Each entry is
computed by specdiff from the clause-level differences between released versions; the
format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/) and versions
follow [Semantic Versioning](https://semver.org/spec/v2.0.0.html), applied to meaning.
"""

#: Keep a Changelog headings, in the order they appear in an entry.
HEADINGS = ("Added", "Changed", "Removed", "Fixed")
_ENTRY_START = re.compile(r"^## \[", re.MULTILINE)
_UNRELEASED = re.compile(r"## \[unreleased\]", re.IGNORECASE)
_WORDS = re.compile(r"[^\w]+")
#: Above this many words in a clause, :func:`small_edits` does not look for edits.
_MAX_EDIT_TOKENS = 2000


@dataclass(frozen=True, slots=True)
class Entry:
    """One released version as the changelog tells it."""

    version: str
    date: date
    report: Report | None
    """The changes since the previous version; None for the first release."""
    tag: str | None = None
    commit: str | None = None
    prereleases: tuple[str, ...] = ()
    """The pre-releases this final release rolls up (its report then starts at the
    previous final release)."""


def heading_of(change: Change) -> str:
    """Which Keep a Changelog heading a change belongs under."""
    if change.kind in (ChangeKind.ADDED, ChangeKind.SPLIT):
        return "Added"
    if change.kind in (ChangeKind.REMOVED, ChangeKind.MERGED):
        return "Removed"
    if change.tags and set(change.tags) <= {"editorial", "commentary"}:
        return "Fixed"
    return "Changed"


def describe(change: Change) -> str:
    """A short line saying what happened, with the words that matter quoted."""
    return _describe(change, None)


def _describe(change: Change, report: Report | None) -> str:
    """:func:`describe`, naming sections by their titles when ``report`` is given."""
    side = change.new or change.old
    assert side is not None
    if change.scope is Scope.DOCUMENT:
        return _describe_document(change)
    if change.scope is Scope.SECTION:
        return _describe_section(change, report)
    statement = next((s for s in change.statements if s.tag != "normative.added"), None) or (
        change.statements[0] if change.statements else None
    )
    if statement is not None and statement.old and statement.new:
        verb = statement.tag.split(".")[1].capitalize()
        return (
            f"{verb}: “{statement.old}” → “{statement.new}” in “{excerpt(statement.sentence, 140)}”"
        )
    if change.verdicts:
        title = f"Example “{side.title}”" if side.title else "A worked example"
        if len(change.verdicts) == 1:
            flip = change.verdicts[0]
            return f"{title}: an answer went from {flip.old} to {flip.new}"
        flips = _join_words(list(dict.fromkeys(f"{v.old} → {v.new}" for v in change.verdicts)))
        return f"{title}: {len(change.verdicts)} answers changed verdict ({flips})"
    if "reference.broken" in change.tags and change.kind is ChangeKind.MODIFIED:
        return _describe_broken_link(change, report)
    if change.kind is ChangeKind.MOVED:
        if change.old_section != change.section:
            label = f"Moved from {_section_name(change.old_section, report)}"
        else:
            label = "Reordered"
        if "modified" in change.tags:
            label += " and edited"
    else:
        label = {
            ChangeKind.ADDED: "Added",
            ChangeKind.REMOVED: "Removed",
            ChangeKind.MODIFIED: _modified_label(change),
        }[change.kind]
    if side.type == "example" and side.title:
        if label == "Example edited":
            return f"Example “{side.title}” edited"
        return f"{label}: example “{side.title}”"
    if "editorial" in change.tags and change.old is not None and change.new is not None:
        # Spelling, punctuation, markup, link targets: the edit itself says it all.
        edits = small_edits(change.old.text, change.new.text)
        if edits:
            return f"{label}: {edits}"
    return f"{label}: “{excerpt(side.text, 140)}”"


def small_edits(old: str, new: str, *, limit: int = 3, width: int = 60) -> str | None:
    """The edits between two texts as ``“old” → “new”`` pairs of words, or None when there
    are more than ``limit`` of them or one side of a pair is longer than ``width``
    characters (an excerpt says more then).

    A pair is cut down to the words that changed (``“#untrusted_content” →
    “#untrusted_data”``), but keeps the whole word when only punctuation or markup changed
    (``“results” → “results,”``); a pure insertion or deletion keeps the word before it
    (``“should” → “should not”``)."""
    a, b = old.split(), new.split()
    if not a or not b or len(a) + len(b) > _MAX_EDIT_TOKENS:
        return None
    pairs: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if len(pairs) == limit:
            return None
        if i1 == i2 or j1 == j2:  # a pure insertion or deletion: keep a neighbour
            before = 1 if i1 > 0 else 0
            after = 1 - before
            pairs.append(
                _trim(" ".join(a[i1 - before : i2 + after]), " ".join(b[j1 - before : j2 + after]))
            )
        else:
            pairs.append(_trim(" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    if not pairs or any(max(len(x), len(y)) > width for x, y in pairs):
        return None
    return ", ".join(f"“{x}” → “{y}”" for x, y in pairs)


def _trim(old: str, new: str) -> tuple[str, str]:
    """Drop the common start and end of two phrases, at word boundaries."""
    if _WORDS.sub("", old) == _WORDS.sub("", new) or " " in old or " " in new:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    while start > 0 and (old[start - 1].isalnum() or old[start - 1] in "_#"):
        start -= 1
    while end > 0 and (old[len(old) - end].isalnum() or old[len(old) - end] == "_"):
        end -= 1
    return old[start : len(old) - end], new[start : len(new) - end]


def _describe_document(change: Change) -> str:
    """A file of a spec made of many files that was added, removed or renamed."""
    if change.kind is ChangeKind.RENAMED:
        return f"Renamed document `{change.old_document}` → `{change.document}`"
    if change.kind is ChangeKind.ADDED:
        origin = f", split off `{change.old_document}`" if change.old_document else ""
        return f"New document `{change.document}`{origin}"
    into = f", merged into `{change.document}`" if change.document else ""
    return f"Removed document `{change.old_document}`{into}"


def _describe_broken_link(change: Change, report: Report | None) -> str:
    assert change.new is not None
    targets = list(change.new.anchors)
    renamed: dict[str, str] = {}
    gone: set[str] = set()
    if report is not None:
        for other in report.changes:
            if other.scope is Scope.SECTION and other.old_section:
                if other.kind is ChangeKind.REIDENTIFIED and other.section:
                    renamed[other.old_section] = other.section
                elif other.kind in (ChangeKind.REMOVED, ChangeKind.MERGED):
                    gone.add(other.old_section)
        targets = [a for a in targets if a in renamed or a in gone] or targets
    links = _join_words([f"#{a} (now #{renamed[a]})" if a in renamed else f"#{a}" for a in targets])
    if not targets:
        return f"Broken link: “{excerpt(change.new.text, 140)}”"
    return f"Broken link{'s' if len(targets) > 1 else ''} to {links}: “{excerpt(change.new.text, 100)}”"


def _section_name(section_id: str | None, report: Report | None) -> str:
    if section_id is None:
        return "before the first heading"
    if report is None:
        return f"#{section_id}"
    return f"“{report.title_of(section_id)}”"


def _join_words(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _modified_label(change: Change) -> str:
    for tag, label in (
        ("normative.added", "New rule"),
        ("normative.removed", "Rule removed"),
        ("example.modified", "Example edited"),
        ("wording.substantive", "Rewritten"),
        ("reference.broken", "Broken link"),
        ("editorial", "Editorial"),
        ("commentary", "Commentary"),
    ):
        if tag in change.tags:
            return label
    return "Reworded"


def _describe_section(change: Change, report: Report | None = None) -> str:
    old_title = change.old.title if change.old else ""
    new_title = change.new.title if change.new else ""
    if change.kind is ChangeKind.ADDED:
        return "New section"
    if change.kind is ChangeKind.REMOVED:
        return "Section removed"
    if change.kind is ChangeKind.RENAMED:
        return f"Renamed from “{old_title}”"
    if change.kind is ChangeKind.REIDENTIFIED:
        return f"Anchor changed from #{change.old_section} to #{change.section} (old links break)"
    if change.kind is ChangeKind.MOVED:
        return "Moved under a new parent section"
    if change.kind is ChangeKind.ATTRIBUTES:
        return "; ".join(_attribute_change(*item) for item in change.attributes)
    if change.kind is ChangeKind.MERGED:
        return f"Merged into “{new_title}” (#{change.section})"
    return f"Split out of “{old_title}” (#{change.old_section})"


def _attribute_change(name: str, old: str | None, new: str | None) -> str:
    if old and new:
        return f"{name.capitalize()}: {old} → {new}"
    if new:
        return f"{name.capitalize()} set to {new}"
    return f"{name.capitalize()} {old} removed"


def _group_key(change: Change) -> str:
    """The section a change is listed under: where it is now, or where it was for a
    section that went away."""
    if change.scope is Scope.DOCUMENT:
        return DOCUMENTS_GROUP
    if change.scope is Scope.SECTION and change.kind in (ChangeKind.REMOVED, ChangeKind.MERGED):
        return change.old_section or ""
    return change.section or change.old_section or ""


#: The group that lists the files themselves in a spec made of many files.
DOCUMENTS_GROUP = "\x00documents"


def _group_line(section_id: str, changes: list[Change], report: Report) -> str:
    if section_id == DOCUMENTS_GROUP:
        return "- **Documents**"
    title = report.title_of(section_id) if section_id else "Before the first heading"
    where = [f"`#{section_id}`"] if section_id else []
    documents = list(dict.fromkeys(c.document or c.old_document for c in changes))
    # Name the file for a spec made of many files (one-file specs have no documents).
    where += [f"in `{d}`" for d in documents if d is not None]
    return f"- **{_inline(title)}**" + (f" ({', '.join(where)})" if where else "")


def render_entry(entry: Entry) -> str:
    """``## [version] - date``, the summary, then the changes by heading and section."""
    lines = [f"## [{entry.version}] - {entry.date.isoformat()}", ""]
    report = entry.report
    passed = _join_words(list(entry.prereleases))
    prereleases = f"pre-release{'s' if len(entry.prereleases) != 1 else ''} {passed}"
    if report is None:
        first = "First released version"
        lines += [f"{first}, after {prereleases}." if passed else f"{first}.", ""]
        return "\n".join(lines)
    if passed:
        lines += [f"Everything since {report.base.label}, first released as {prereleases}.", ""]
    if report.base.path != report.head.path:
        lines += [
            f"The spec file was renamed from `{report.base.path}` to `{report.head.path}`.",
            "",
        ]
    if not report.changes:
        lines += [f"No changes in meaning since {report.base.label}.", ""]
        return "\n".join(lines)
    summary = summarize(report)
    lines += [summary.why, ""]
    if summary.notable:
        lines += [f"- {line}" for line in summary.notable]
        lines.append("")
    lines += [summary.counts, ""]
    for heading in HEADINGS:
        grouped: dict[str, list[Change]] = defaultdict(list)
        for change in report.changes:
            if heading_of(change) == heading:
                grouped[_group_key(change)].append(change)
        if not grouped:
            continue
        lines += [f"### {heading}", ""]
        for section_id, changes in grouped.items():
            lines.append(_group_line(section_id, changes, report))
            lines.extend(
                f"  - {_inline(_describe(c, report))}{_severity(c.severity)}" for c in changes
            )
        lines.append("")
    return "\n".join(lines)


def render_changelog(entries: list[Entry], header: str = CHANGELOG_HEADER) -> str:
    """A whole changelog, newest entry first."""
    parts = [header.rstrip("\n"), ""]
    parts.extend(render_entry(entry).rstrip("\n") + "\n" for entry in entries)
    return "\n".join(parts).rstrip("\n") + "\n"


def insert_entry(changelog: str | None, entry_text: str) -> str:
    """The changelog with ``entry_text`` placed above the newest entry: after the header
    and after a ``## [Unreleased]`` section, if there is one."""
    if not changelog or not changelog.strip():
        return (
            render_changelog([], CHANGELOG_HEADER).rstrip("\n")
            + "\n\n"
            + entry_text.rstrip("\n")
            + "\n"
        )
    entries = list(_ENTRY_START.finditer(changelog))
    # A hand-kept "## [Unreleased]" section stays on top (Keep a Changelog's convention).
    if entries and _UNRELEASED.match(changelog, entries[0].start()):
        entries = entries[1:]
    if not entries:
        return changelog.rstrip("\n") + "\n\n" + entry_text.rstrip("\n") + "\n"
    start = entries[0].start()
    head, tail = changelog[:start], changelog[start:]
    return head + entry_text.rstrip("\n") + "\n\n" + tail


def changelog_data(entries: list[Entry]) -> dict[str, Any]:
    """The ``--format json`` document: entries with summary, counts and changes."""
    from .json import change_data

    releases = []
    for entry in entries:
        report = entry.report
        item: dict[str, Any] = {
            "version": entry.version,
            "date": entry.date.isoformat(),
            "tag": entry.tag,
            "commit": entry.commit,
            "bump": str(report.bump) if report is not None else None,
        }
        if report is not None:
            summary = summarize(report)
            item["summary"] = {
                "why": summary.why,
                "notable": list(summary.notable),
                "counts": summary.counts,
            }
            item["counts"] = report.counts
            item["changes"] = [change_data(c) for c in report.changes]
        releases.append(item)
    return {"schema": "specdiff.changelog/1", "releases": releases}


def _severity(level: Level) -> str:
    return f" _({level})_" if level is not Level.NONE else ""


def _inline(text: str) -> str:
    """Keep one line of spec text from opening Markdown constructs or raw HTML."""
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")
