"""How one section changed across versions, followed through renames and new anchors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError, did_you_mean
from ..model.vocabulary import ChangeKind, Scope

if TYPE_CHECKING:
    from ..model.changes import Change, Report
    from ..model.document import Spec

_FOLLOW = (ChangeKind.RENAMED, ChangeKind.REIDENTIFIED)


@dataclass(frozen=True, slots=True)
class Step:
    """The section in one version."""

    version: str
    section_id: str | None
    """Its id in this version; None once it is gone."""
    title: str | None
    event: str
    """``introduced``, ``changed``, ``unchanged``, ``removed`` or ``merged``."""
    changes: tuple[Change, ...] = ()
    """The changes that touched it on the way into this version."""


def trace_section(
    section_id: str, versions: list[tuple[str, Spec]], reports: list[Report | None]
) -> list[Step]:
    """The history of ``section_id``; ``reports[k]`` compares version k-1 with version k."""
    present = [
        k for k, (_, spec) in enumerate(versions) if spec.get_section(section_id) is not None
    ]
    if not present:
        labels = ", ".join(label for label, _ in versions) or "none"
        known = [s.id for _, spec in reversed(versions) for s in spec.sections if s.level]
        hint = did_you_mean(section_id, known, "#")
        raise InputError(f"no section #{section_id} in any version ({labels}){hint}")
    ids: dict[int, str] = {present[-1]: section_id}
    anchor = present[-1]
    for k in range(anchor, 0, -1):
        previous = _previous_id(ids[k], reports[k], versions[k - 1][1])
        if previous is None:
            break
        ids[k - 1] = previous
    ending: tuple[int, str] | None = None
    for k in range(anchor, len(versions) - 1):
        following, how = _next_id(ids[k], reports[k + 1], versions[k + 1][1])
        if following is None:
            ending = (k + 1, how)
            break
        ids[k + 1] = following
    steps = []
    for k in sorted(ids):
        label, spec = versions[k]
        section = spec.section(ids[k])
        if k - 1 not in ids:
            # What brought it in (a new section, a split), unless it is the first version.
            brought = _touching(reports[k], None, ids[k]) if k > 0 else ()
            steps.append(Step(label, ids[k], section.title, "introduced", brought))
            continue
        touched = _touching(reports[k], ids[k - 1], ids[k])
        steps.append(
            Step(label, ids[k], section.title, "changed" if touched else "unchanged", touched)
        )
    if ending is not None:
        k, how = ending
        steps.append(Step(versions[k][0], None, None, how, _touching(reports[k], ids[k - 1], None)))
    return steps


def _previous_id(current: str, report: Report | None, older: Spec) -> str | None:
    if report is not None:
        for change in report.changes:
            if (
                change.scope is Scope.SECTION
                and change.kind in _FOLLOW
                and change.section == current
            ):
                return change.old_section
    return current if older.get_section(current) is not None else None


def _next_id(current: str, report: Report | None, newer: Spec) -> tuple[str | None, str]:
    if report is not None:
        for change in report.changes:
            if change.scope is Scope.SECTION and change.old_section == current:
                if change.kind in _FOLLOW and change.section:
                    return change.section, "changed"
                if change.kind is ChangeKind.MERGED:
                    return None, "merged"
    if newer.get_section(current) is not None:
        return current, "changed"
    return None, "removed"


def _touching(report: Report | None, old_id: str | None, new_id: str | None) -> tuple[Change, ...]:
    if report is None:
        return ()
    return tuple(
        c
        for c in report.changes
        if (new_id is not None and c.section == new_id)
        or (old_id is not None and c.old_section == old_id)
    )


#: Changes after which a section's old id lives on in a section of the newer version.
_CONTINUED = (ChangeKind.RENAMED, ChangeKind.REIDENTIFIED, ChangeKind.MERGED, ChangeKind.SPLIT)


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
    for k, (_, spec) in enumerate(versions):
        older = versions[k - 1][1] if k else None
        followed: dict[str, str] = {}
        joined: dict[str, list[str]] = {}
        report = reports[k] if k else None
        for change in report.changes if report is not None else ():
            old_id, new_id = change.old_section, change.section
            if change.scope is not Scope.SECTION or change.kind not in _CONTINUED:
                continue
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
            ids = [i for old in sources for i in (*previous.get(old, ()), old)]
            found = tuple(dict.fromkeys(i for i in ids if i != section.id))
            if found:
                current[section.id] = found
        result.append(current)
        previous = current
    return result
