"""The spec's CHANGELOG in Keep a Changelog form, and the same entries as JSON.

``specdiff release`` and ``specdiff changelog`` both render through :func:`render_entry`,
so an entry written at release time and the rebuilt changelog never disagree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from ..model.changes import Report, link_label
from ..model.vocabulary import ChangeKind, Level, Scope
from ._common import excerpt
from ._highlights import highlights
from ._quotes import cell_edits, changed_phrases, count_edits, excerpt_around
from .summary import summarize

if TYPE_CHECKING:
    from datetime import date

    from ..model.changes import Change, Origin

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
#: The most words a default (``short``) entry has, highlights and details included.
WORD_BUDGET = 600
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
    detail: str = "short"
    origins: tuple[tuple[str, Origin], ...] = ()
    """Change id -> the pull request or commit that made it (see history.attribution);
    when changes come from two or more of them, the details are grouped under them."""
    web_url: str | None = None
    """The repository's web address, for links to pull requests and commits."""
    fragments: tuple[tuple[int | None, str], ...] = ()
    """``(pull request or None, text)``: release-note fragments from ``changes/``, used
    verbatim (a pull request's as its group's notes)."""
    """``short``: smaller changes folded into counts so the entry stays within
    :data:`WORD_BUDGET` words; ``full``: every change on its own line."""


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
    """:func:`describe`, naming sections by their titles when ``report`` is given. Every
    quote holds the words that carry the change: the removed words of a removal, old and
    new words of an edit, cut around the change."""
    side = change.new or change.old
    assert side is not None
    if change.scope is Scope.DOCUMENT:
        return _describe_document(change)
    if change.scope is Scope.SECTION:
        return _describe_section(change, report)
    statement = next(
        (s for s in change.statements if s.tag not in ("normative.added", "normative.removed")),
        None,
    )
    if statement is not None and statement.old and statement.new:
        verb = statement.tag.split(".")[1].replace("_", " ").capitalize()
        quote = excerpt_around(statement.sentence, statement.new, 140)
        return f"{verb}: “{statement.old}” → “{statement.new}” in “{quote}”"
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
            label = f"Moved from {_section_name(change.old_section, report, old=True)}"
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
    if side.type == "example" and side.title and change.kind is not ChangeKind.MODIFIED:
        return f"{label}: example “{side.title}”"
    if change.old is not None and change.new is not None and change.old.text != change.new.text:
        if label == "Example edited" and side.title:
            label = f"Example “{side.title}” edited"
        return f"{label}: {_edits(change, label)}"
    return f"{label}: “{excerpt(side.text, 140)}”"


def _edits(change: Change, label: str) -> str:
    """The edits of a modified clause, each quoted old → new with a little context; a
    removed or added rule quotes the rule's own sentence."""
    assert change.old is not None and change.new is not None
    if label in ("Rule removed", "New rule"):
        tag = "normative.removed" if label == "Rule removed" else "normative.added"
        sentences = [s.sentence for s in change.statements if s.tag == tag]
        if sentences:
            more = len(sentences) - 1
            extra = f" (and {more} more)" if more else ""
            return f"“{excerpt(sentences[0], 160)}”{extra}"
    if change.old.type == "table_row" and change.details:
        # A cell is named by its column and row, with both values: "Type: “string” →
        # “string | null” in field `reply`", not as the row's text around a pipe.
        cells = cell_edits(change.details, change.old.text, change.new.text)
        if cells:
            return cells
    if "editorial" in change.tags:
        edits = small_edits(change.old.text, change.new.text)
        if edits:
            return edits
    phrases = changed_phrases(change.old.text, change.new.text, limit=2)
    more = count_edits(change.old.text, change.new.text) - len(phrases)
    extra = f" and {more} more edit{'s' if more != 1 else ''}" if more > 0 else ""
    return "; ".join(phrases) + extra


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
        here = change.document
        for other in report.changes:
            if other.scope is Scope.SECTION and other.old_section:
                # A link from another file of a spec made of many files reads "file.md#id".
                names = [other.old_section] if other.old_document in (None, here) else []
                if other.old_document is not None:
                    names.append(f"{other.old_document}#{other.old_section}")
                if other.kind is ChangeKind.REIDENTIFIED and other.section:
                    now = other.section
                    if other.document is not None and other.document != here:
                        now = f"{other.document}#{now}"
                    renamed.update(dict.fromkeys(names, now))
                elif other.kind in (ChangeKind.REMOVED, ChangeKind.MERGED):
                    gone.update(names)
        targets = [a for a in targets if a in renamed or a in gone] or targets
    links = _join_words(
        [
            f"{link_label(a)} (now {link_label(renamed[a])})" if a in renamed else link_label(a)
            for a in targets
        ]
    )
    if not targets:
        return f"Broken link: “{excerpt(change.new.text, 140)}”"
    return f"Broken link{'s' if len(targets) > 1 else ''} to {links}: “{excerpt(change.new.text, 100)}”"


def _section_name(section_id: str | None, report: Report | None, *, old: bool = False) -> str:
    if section_id is None:
        return "before the first heading"
    if report is None:
        return f"#{section_id}"
    return f"“{report.title_of(section_id, old=old)}”"


def _join_words(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _modified_label(change: Change) -> str:
    for tag, label in (
        ("normative.added", "New rule"),
        ("normative.removed", "Rule removed"),
        ("deprecation.added", "Deprecated"),
        ("deprecation.withdrawn", "No longer deprecated"),
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
        if "moved.with_parent" in change.tags:
            return "Moved with its parent section"
        if "moved.among_siblings" in change.tags:
            return "Moved to another place under the same parent section"
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


def _group_key(change: Change, report: Report) -> tuple[str, str | None, bool]:
    """The section a change is listed under: where it is now, or where it was for a
    section that went away; with the file it is in, for a spec made of many files (two
    files may have sections with the same id), and whether the id is named as the old
    side had it (a positional id such as ``fixed-fields-10`` may name another section on
    each side)."""
    if change.scope is Scope.DOCUMENT:
        return DOCUMENTS_GROUP, None, False
    if change.scope is Scope.SECTION and change.kind in (ChangeKind.REMOVED, ChangeKind.MERGED):
        gone = change.old_section or ""
        return gone, change.old_document, report.named_apart(gone, change.old_document)
    if change.section:
        return change.section, change.document, False
    was = change.old_section or ""
    now = dict(report.new_ids).get(was)
    if now is not None:  # a clause gone from a section found again under another id
        return now, change.old_document, False
    return was, change.old_document, report.named_apart(was, change.old_document)


#: The group that lists the files themselves in a spec made of many files.
DOCUMENTS_GROUP = "\x00documents"


def _group_line(key: tuple[str, str | None, bool], changes: list[Change], report: Report) -> str:
    section_id, document, old = key
    if section_id == DOCUMENTS_GROUP:
        return "- **Documents**"
    title = (
        section_path(report, section_id, document, old=old)
        if section_id
        else "Before the first heading"
    )
    where = [f"`#{section_id}`"] if section_id else []
    documents = list(dict.fromkeys(c.document or c.old_document for c in changes))
    # Name the file for a spec made of many files (one-file specs have no documents).
    where += [f"in `{d}`" for d in documents if d is not None]
    return f"- **{_inline(title)}**" + (f" ({', '.join(where)})" if where else "")


def section_path(
    report: Report, section_id: str, document: str | None = None, *, old: bool = False
) -> str:
    """The section under its parent, ``Operation Object › Fixed Fields``, so a title many
    sections share reads on its own; not the document's own title when one heading holds
    them all, and not the grandparents, which cost words the short entry needs."""
    path = report.path_of(section_id, document, old=old)
    roots = {p[0] for _, p in (*report.paths, *report.old_paths) if p}
    if len(roots) == 1 and len(path) > 1:
        path = path[1:]
    return " › ".join(path[-2:]) if path else report.title_of(section_id, document, old=old)


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
    top = highlights(report)
    origins = dict(entry.origins)
    origins, notes = _attach_fragments(origins, entry.fragments)
    # One step per release (one commit, or one pull request) says nothing sections don't,
    # except its authors' release notes, which then speak for the whole release.
    by_origin = len({o.commit for o in origins.values()}) > 1
    if not by_origin:
        own = dict.fromkeys(o.notes for o in origins.values() if o.notes)
        notes = [*own, *notes]
    if top or notes:
        lines += [f"- {_inline(h.sentence)}" for h in top]
        lines += [_bullet(note) for note in notes]
        lines.append("")
    closing = [summary.counts, ""]
    budget = WORD_BUDGET - _words(lines) - _words(closing)
    named = {c.id for h in top for c in h.changes}
    for fold in _FOLDS if entry.detail == "short" else (Fold.NOTHING,):
        if by_origin:
            details = _details_by_origin(report, fold, named, origins, entry.web_url)
        else:
            details = _details(report, fold, named)
        if _words(details) <= budget:
            break
    return "\n".join(lines + details + closing)


class Fold(IntEnum):
    """How much of the details is folded into per-section counts, least first."""

    NOTHING = 0
    EDITORIAL = 1
    PATCH = 2
    MINOR = 3
    SECTIONS = 4
    """Also: sections left with nothing but folded counts become one closing line."""


_FOLDS = (Fold.EDITORIAL, Fold.PATCH, Fold.MINOR, Fold.SECTIONS)


def _details(report: Report, fold: Fold, named: set[str]) -> list[str]:
    """The changes by Keep a Changelog heading and section; with ``fold`` the smaller
    changes of a section are counted on one line instead of listed. Changes ``named`` by
    id in the highlights are listed without repeating their quote."""
    lines: list[str] = []
    for heading in HEADINGS:
        grouped: dict[tuple[str, str | None, bool], list[Change]] = defaultdict(list)
        for change in report.changes:
            if heading_of(change) == heading:
                grouped[_group_key(change, report)].append(change)
        if not grouped:
            continue
        body: list[str] = []
        quiet: list[Change] = []
        quiet_lines: list[str] = []
        for key, changes in grouped.items():
            listed = [c for c in changes if not _folded(c, fold)]
            folded = [c for c in changes if _folded(c, fold)]
            name = _group_line(key, changes, report).removeprefix("- ")
            items = [
                f"{_inline(_brief(c, report) if c.id in named else _describe(c, report))}"
                f"{_severity(c.severity)}"
                for c in listed
            ]
            if folded:
                items.append(
                    _fold_line(folded, report) + _severity(max(c.severity for c in folded))
                )
            if len(items) == 1:
                section_lines = [f"- {name}: {_lower_first(items[0])}"]
            else:
                section_lines = [f"- {name}", *(f"  - {item}" for item in items)]
            if not listed and fold is Fold.SECTIONS:
                quiet.extend(folded)
                quiet_lines.extend(section_lines)
            else:
                body.extend(section_lines)
        if len(quiet_lines) > 2:
            sections = len({_group_key(c, report) for c in quiet})
            more = " more" if body else ""
            body.append(
                f"- {_capital(_fold_line(quiet, report))} in {sections}{more} sections"
                f"{_severity(max(c.severity for c in quiet))}; the release page and "
                "`specdiff compare` list each one."
            )
        else:
            body.extend(quiet_lines)
        lines += [f"### {heading}", "", *body, ""]
    return lines


def _details_by_origin(
    report: Report,
    fold: Fold,
    named: set[str],
    origins: dict[str, Origin],
    web_url: str | None,
) -> list[str]:
    """The changes grouped under the pull request (or commit) that made them, each group
    opening with its release notes as the authors wrote them; changes no step can be
    told for follow under the usual headings."""
    groups: dict[str, tuple[Origin, list[Change]]] = {}
    for change in report.changes:
        origin = origins.get(change.id)
        if origin is not None:
            groups.setdefault(origin.commit, (origin, []))[1].append(change)
    lines: list[str] = ["### Changes by pull request", ""]
    for origin, changes in sorted(groups.values(), key=lambda group: group[0].step):
        lines.append(f"- **{_inline(origin.title)}** ({_origin_link(origin, web_url)})")
        if origin.notes:
            lines.extend(f"  > {line}".rstrip() for line in origin.notes.split("\n"))
        listed = [c for c in changes if not _folded(c, fold)]
        folded = [c for c in changes if _folded(c, fold)]
        for change in listed:
            section_id, document, old = _group_key(change, report)
            where = (
                section_path(report, section_id, document, old=old) or "Before the first heading"
            )
            text = _brief(change, report) if change.id in named else _describe(change, report)
            lines.append(
                f"  - **{_inline(where)}**: {_inline(_lower_first(text))}{_severity(change.severity)}"
            )
        if folded:
            worst = max(c.severity for c in folded)
            lines.append(f"  - {_capital(_fold_line(folded, report))}{_severity(worst)}")
    lines.append("")
    rest = tuple(c for c in report.changes if c.id not in origins)
    if rest:
        other = replace(report, changes=rest)
        lines += _details(other, fold, named)
    return lines


def _attach_fragments(
    origins: dict[str, Origin], fragments: tuple[tuple[int | None, str], ...]
) -> tuple[dict[str, Origin], list[str]]:
    """Origins whose pull request has a fragment get it as their notes (after their own);
    the fragments left over are notes of the whole release."""
    numbers = {o.pull_request for o in origins.values() if o.pull_request is not None}
    grouped = len({o.commit for o in origins.values()}) > 1
    by_number: dict[int, list[str]] = defaultdict(list)
    loose: list[str] = []
    for number, text in fragments:
        if number is not None and grouped and number in numbers:
            by_number[number].append(text)
        else:
            loose.append(text)
    attached = {
        key: replace(
            origin, notes="\n\n".join([origin.notes, *by_number[origin.pull_request]]).strip()
        )
        if origin.pull_request in by_number
        else origin
        for key, origin in origins.items()
    }
    return attached, loose


def _bullet(text: str) -> str:
    """A note as written, as one list item (its later lines indented under it)."""
    first, *rest = text.strip("\n").split("\n")
    first = first[2:] if first.startswith(("- ", "* ")) else first
    return "\n".join([f"- {first}", *(f"  {line}".rstrip() for line in rest)])


def _origin_link(origin: Origin, web_url: str | None) -> str:
    if origin.pull_request is not None:
        label = f"#{origin.pull_request}"
        return f"[{label}]({web_url}/pull/{origin.pull_request})" if web_url else label
    short = origin.commit[:7]
    return f"[{short}]({web_url}/commit/{origin.commit})" if web_url else short


def _brief(change: Change, report: Report) -> str:
    """A change the highlights already quote: what happened, without the quote."""
    for statement in change.statements:
        if statement.old and statement.new and statement.tag.startswith("normative."):
            verb = statement.tag.split(".")[1].replace("_", " ").capitalize()
            return f"{verb}: “{statement.old}” → “{statement.new}” (quoted above)"
    if "normative.removed" in change.tags and change.scope is Scope.CLAUSE:
        return "Rule removed (quoted above)"
    if "normative.added" in change.tags and change.kind is ChangeKind.MODIFIED:
        return "New rule (quoted above)"
    return _describe(change, report)


def _folded(change: Change, fold: Fold) -> bool:
    if fold is Fold.NOTHING:
        return False
    if heading_of(change) == "Fixed":
        return True
    if change.scope is Scope.SECTION and change.kind is not ChangeKind.RENAMED:
        return False  # sections added, removed, moved or re-anchored are always named
    if fold >= Fold.MINOR:
        return change.severity <= Level.MINOR
    return fold >= Fold.PATCH and change.severity <= Level.PATCH


#: How a folded change is counted: (singular, plural), by what it is.
_FOLD_NOUNS = {
    "editorial": ("editorial fix", "editorial fixes"),
    "commentary": ("commentary edit", "commentary edits"),
    "example": ("worked example edited", "worked examples edited"),
    "added": ("clause added", "clauses added"),
    "removed": ("clause removed", "clauses removed"),
    "moved": ("clause moved", "clauses moved"),
    "renamed": ("section renamed", "sections renamed"),
    "rule": ("rule added", "rules added"),
    "modified": ("clause reworded", "clauses reworded"),
    "link": ("link broken", "links broken"),
}


def _fold_line(changes: list[Change], report: Report) -> str:
    """``3 editorial fixes (spelling, punctuation) and 1 clause moved``; a single
    editorial fix shows the fix itself."""
    if len(changes) == 1 and heading_of(changes[0]) == "Fixed":
        return _describe(changes[0], report)
    if len(changes) <= 3 and all("editorial" in c.tags for c in changes):
        edits = [_small_edits_of(c) for c in changes]
        if all(edits):
            return f"{len(changes)} editorial fixes: {', '.join(e for e in edits if e)}"
    counts: Counter[str] = Counter(_fold_noun(c) for c in changes)
    parts = []
    for noun, count in counts.items():
        one, many = _FOLD_NOUNS[noun]
        part = f"{count} {one if count == 1 else many}"
        if noun == "editorial":
            kinds = _fix_kinds([c for c in changes if _fold_noun(c) == "editorial"])
            part += f" ({kinds})" if kinds else ""
        parts.append(part)
    return _join_words(parts)


def _small_edits_of(change: Change) -> str | None:
    if change.old is None or change.new is None:
        return None
    return small_edits(change.old.text, change.new.text, limit=2)


def _fold_noun(change: Change) -> str:
    if "editorial" in change.tags and heading_of(change) == "Fixed":
        return "editorial"
    if "commentary" in change.tags and heading_of(change) == "Fixed":
        return "commentary"
    if change.scope is Scope.SECTION:
        return "renamed"
    side = change.new or change.old
    if side is not None and side.type == "example" and change.kind is ChangeKind.MODIFIED:
        return "example"
    if change.kind is ChangeKind.MODIFIED and "normative.added" in change.tags:
        return "rule"
    if change.kind is ChangeKind.MODIFIED and "reference.broken" in change.tags:
        return "link"
    return str(change.kind) if change.kind is not ChangeKind.MODIFIED else "modified"


_QUOTES = set("\"'“”‘’«»")
_DASHES = set("-–—")


def _fix_kinds(changes: list[Change]) -> str:
    """What the editorial fixes were, in words: spelling, punctuation, typography, markup,
    links, whitespace."""
    kinds: dict[str, None] = {}
    for change in changes:
        if change.old is None or change.new is None:
            continue
        old, new = change.old.text, change.new.text
        before, after = Counter(old), Counter(new)
        removed = set((before - after) + (after - before))
        if "".join(old.split()) == "".join(new.split()):
            kinds["whitespace"] = None
        elif "](" in old + new and _WORDS.sub("", old) == _WORDS.sub("", new):
            kinds["links"] = None
        elif removed and removed <= _QUOTES | _DASHES | {"…", "."}:
            kinds["typography"] = None
        elif removed and removed <= set("*_`~#"):
            kinds["markup"] = None
        elif _WORDS.sub("", old) == _WORDS.sub("", new):
            kinds["punctuation"] = None
        else:
            kinds["spelling"] = None
    return ", ".join(kinds)


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _lower_first(text: str) -> str:
    """The first letter lowered when the text follows ``**Section**:`` (not for quotes,
    names or identifiers)."""
    first = text.split(" ", 1)[0].rstrip(":,")
    if first[:1].isupper() and first[1:].islower() and first.isalpha():
        return text[:1].lower() + text[1:]
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


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
