"""How one section changed across versions, followed through renames and new anchors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError, did_you_mean
from ..model.section_names import SectionIndex, SectionName, ambiguity
from ..model.vocabulary import ChangeKind, Scope

if TYPE_CHECKING:
    from ..model.changes import Change, Report
    from ..model.document import Spec

#: Changes a section's history follows to its id in the other version (a section moved
#: to another file of a spec made of many files keeps its id but changes file).
_FOLLOW = (ChangeKind.RENAMED, ChangeKind.REIDENTIFIED, ChangeKind.MOVED)


@dataclass(frozen=True, slots=True)
class Step:
    """The section in one version."""

    version: str
    section_id: str | None
    """Its id in this version (as its file writes it); None once it is gone."""
    title: str | None
    event: str
    """``introduced``, ``changed``, ``unchanged``, ``removed`` or ``merged``."""
    changes: tuple[Change, ...] = ()
    """The changes that touched it on the way into this version."""
    document: str | None = None
    """For a spec made of many files: the file it is in, in this version."""


def trace_section(
    section_id: str, versions: list[tuple[str, Spec]], reports: list[Report | None]
) -> list[Step]:
    """The history of the section whose id in the combined spec is ``section_id`` (in the
    last version that has one); ``reports[k]`` compares version k-1 with version k."""
    present = [
        k for k, (_, spec) in enumerate(versions) if spec.get_section(section_id) is not None
    ]
    if not present:
        raise InputError(_nowhere(section_id, versions))
    return _trace(present[-1], section_id, versions, reports)


def trace_named(
    name: str, versions: list[tuple[str, Spec]], reports: list[Report | None]
) -> list[Step]:
    """The history of the section a user names: its id, or ``path#id`` in a spec made of
    many files (see :mod:`specdiff.model.section_names`), as the last version that has
    such a section reads it. A bare id that several files of that version have is an
    error listing them, never a guess."""
    for k in range(len(versions) - 1, -1, -1):
        index = SectionIndex(versions[k][1])
        found = index.candidates(name)
        if len(found) > 1:
            raise InputError(ambiguity(name, [index]) or name)
        if found:
            return _trace(k, found[0], versions, reports)
    raise InputError(_nowhere(name, versions))


def _nowhere(name: str, versions: list[tuple[str, Spec]]) -> str:
    labels = ", ".join(label for label, _ in versions) or "none"
    known = [n for _, spec in reversed(versions) for n in SectionIndex(spec).known()]
    bare = name.removeprefix("#")
    if "#" in bare:  # path#id: names read as links do
        shown = [k if "#" in k else f"#{k}" for k in known]
        return f"no section {bare} in any version ({labels}){did_you_mean(bare, shown)}"
    return f"no section #{bare} in any version ({labels}){did_you_mean(bare, known, '#')}"


def _trace(
    anchor: int, section_id: str, versions: list[tuple[str, Spec]], reports: list[Report | None]
) -> list[Step]:
    indexes = [SectionIndex(spec) for _, spec in versions]
    ids: dict[int, str] = {anchor: section_id}
    for k in range(anchor, 0, -1):
        previous = _previous_id(indexes[k].name_of(ids[k]), reports[k], indexes[k - 1])
        if previous is None:
            break
        ids[k - 1] = previous
    ending: tuple[int, str] | None = None
    for k in range(anchor, len(versions) - 1):
        following, how = _next_id(indexes[k].name_of(ids[k]), reports[k + 1], indexes[k + 1])
        if following is None:
            ending = (k + 1, how)
            break
        ids[k + 1] = following
    steps = []
    for k in sorted(ids):
        label, spec = versions[k]
        section = spec.section(ids[k])
        name = indexes[k].name_of(ids[k])
        if k - 1 not in ids:
            # What brought it in (a new section, a split), unless it is the first version.
            brought = _touching(reports[k], None, name) if k > 0 else ()
            steps.append(
                Step(label, name.local_id, section.title, "introduced", brought, name.document)
            )
            continue
        touched = _touching(reports[k], indexes[k - 1].name_of(ids[k - 1]), name)
        event = "changed" if touched else "unchanged"
        steps.append(Step(label, name.local_id, section.title, event, touched, name.document))
    if ending is not None:
        k, how = ending
        gone = _touching(reports[k], indexes[k - 1].name_of(ids[k - 1]), None)
        steps.append(Step(versions[k][0], None, None, how, gone))
    return steps


def _previous_id(current: SectionName, report: Report | None, older: SectionIndex) -> str | None:
    if report is not None:
        for change in report.changes:
            if (
                change.scope is Scope.SECTION
                and change.kind in _FOLLOW
                and (change.document, change.section) == (current.document, current.local_id)
                and change.old_section is not None
            ):
                return older.combined_id(change.old_document, change.old_section)
    document = _renamed(report, old=False).get(current.document, current.document)
    return older.combined_id(document, current.local_id)


def _next_id(
    current: SectionName, report: Report | None, newer: SectionIndex
) -> tuple[str | None, str]:
    if report is not None:
        for change in report.changes:
            if change.scope is Scope.SECTION and (change.old_document, change.old_section) == (
                current.document,
                current.local_id,
            ):
                if change.kind in _FOLLOW and change.section:
                    return newer.combined_id(change.document, change.section), "changed"
                if change.kind is ChangeKind.MERGED:
                    return None, "merged"
    document = _renamed(report, old=True).get(current.document, current.document)
    following = newer.combined_id(document, current.local_id)
    return (following, "changed") if following is not None else (None, "removed")


def _renamed(report: Report | None, *, old: bool) -> dict[str | None, str | None]:
    """Files renamed by the report: old path → new path (``old``), or new → old."""
    if report is None:
        return {}
    pairs = [
        (c.old_document, c.document)
        for c in report.changes
        if c.scope is Scope.DOCUMENT and c.kind is ChangeKind.RENAMED
    ]
    return dict(pairs) if old else {new: before for before, new in pairs}


def _touching(
    report: Report | None, old: SectionName | None, new: SectionName | None
) -> tuple[Change, ...]:
    if report is None:
        return ()
    moved_file = old is not None and new is not None and old.document != new.document
    return tuple(
        c
        for c in report.changes
        if (new is not None and (c.document, c.section) == (new.document, new.local_id))
        or (old is not None and (c.old_document, c.old_section) == (old.document, old.local_id))
        or (
            # The section's file was renamed: links to it (old.md#id) break.
            moved_file
            and c.scope is Scope.DOCUMENT
            and old is not None
            and new is not None
            and (c.old_document, c.document) == (old.document, new.document)
        )
    )


#: Changes after which a section's old id lives on in a section of the newer version.
_CONTINUED = (ChangeKind.RENAMED, ChangeKind.REIDENTIFIED, ChangeKind.MERGED, ChangeKind.SPLIT)


def continuations(
    versions: list[tuple[str, Spec]], reports: list[Report | None]
) -> list[dict[str, tuple[str, ...]]]:
    """For each version, the sections of the version before that each of its sections
    continues: the one it was followed from (a new anchor, a rename), else the one with its
    id, then those merged into it or split into it. Empty for the first version."""
    result: list[dict[str, tuple[str, ...]]] = []
    for k, (_, spec) in enumerate(versions):
        older = versions[k - 1][1] if k else None
        followed: dict[str, str] = {}
        joined: dict[str, list[str]] = {}
        report = reports[k] if k else None
        # A change names a section of a spec made of many files by its file and its id as
        # the file writes it; here ids are the combined spec's. A move between files can
        # change the combined id (when the id clashes with another file's).
        kinds = (*_CONTINUED, ChangeKind.MOVED) if spec.documents else _CONTINUED
        named = _combined_ids(older, spec) if spec.documents and older is not None else None
        for change in report.changes if report is not None else ():
            old_id, new_id = change.old_section, change.section
            if change.scope is not Scope.SECTION or change.kind not in kinds:
                continue
            if named is not None:
                old_id = named[0].combined_id(change.old_document, old_id) if old_id else None
                new_id = named[1].combined_id(change.document, new_id) if new_id else None
            if old_id is None or new_id is None or old_id == new_id:
                continue
            if change.kind in _FOLLOW:
                followed.setdefault(new_id, old_id)
            else:
                joined.setdefault(new_id, []).append(old_id)
        current: dict[str, tuple[str, ...]] = {}
        for section in spec.sections:
            if not section.level or older is None:
                continue
            sources = [followed[section.id]] if section.id in followed else []
            if not sources and older.get_section(section.id) is not None:
                sources.append(section.id)
            sources += joined.get(section.id, ())
            if sources:
                current[section.id] = tuple(sources)
        result.append(current)
    return result


def _combined_ids(older: Spec, newer: Spec) -> tuple[SectionIndex, SectionIndex]:
    return SectionIndex(older), SectionIndex(newer)


def former_ids(
    versions: list[tuple[str, Spec]], reports: list[Report | None]
) -> list[dict[str, tuple[str, ...]]]:
    """For each version, the ids its sections had in earlier versions, oldest first.

    ``reports[k]`` compares version k-1 with version k. A section's former ids follow it
    through new anchors and renames (as :func:`trace_section` does), and a section that
    was merged into another, or split, leaves its id to the section that took its text.
    A section's own id is never among its former ids; another section's may be (the
    caller decides which id wins on a page).
    """
    result: list[dict[str, tuple[str, ...]]] = []
    previous: dict[str, tuple[str, ...]] = {}
    for sources_of in continuations(versions, reports):
        current: dict[str, tuple[str, ...]] = {}
        for section_id, sources in sources_of.items():
            ids = [i for old in sources for i in (*previous.get(old, ()), old)]
            found = tuple(dict.fromkeys(i for i in ids if i != section_id))
            if found:
                current[section_id] = found
        result.append(current)
        previous = current
    return result
