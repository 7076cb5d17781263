"""Comparing two parsed versions of a spec: align, diff, classify, apply policy."""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from .._gc import collector_paused
from ..align import align
from ..classify.differ import build_changes, effective_attributes, qualified_titles
from ..config import DEFAULT_CONFIG, Config
from ..model.changes import Endpoint, Report
from ..policy import triage

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..align import Alignment
    from ..model.changes import Change
    from ..model.document import Spec

_V = TypeVar("_V")


def compare_specs(
    old: Spec,
    new: Spec,
    config: Config = DEFAULT_CONFIG,
    *,
    base: Endpoint | None = None,
    head: Endpoint | None = None,
    section: str | None = None,
    document: str | None = None,
) -> Report:
    """Every change between ``old`` and ``new``, with severities, in document order.

    ``section`` keeps only the changes inside that section (by id on either side) and
    its sub-sections. For specs made of many files, ``document`` keeps only the changes
    in the file at that path (on either side).
    """
    from . import documents

    multi = documents.is_multi(old, new)
    with collector_paused():
        alignment = align(old, new)
        drafts = build_changes(old, new, alignment, config)
        if multi:
            pairs = documents.pair_documents(old, new, alignment)
            drafts = documents.document_drafts(old, new, pairs) + documents.cross_document_moves(
                old, new, alignment, pairs, drafts
            )
            drafts = documents.attach_documents(drafts, old, new, pairs)
        attributes_of = {
            c.id: effective_attributes(new, c.section)
            if c.section is not None
            else effective_attributes(old, c.old_section or "")
            for c in drafts
        }
        changes = triage(
            drafts, _ignoring_named_sections(config, old, new) if multi else config, attributes_of
        )
        if section is not None:
            inside = _inside(section, old, new)
            changes = [c for c in changes if inside(c)]
        changes.sort(key=_document_order(old, new, alignment))
        if multi:
            changes = documents.localise(changes, old, new)
            if document is not None:
                changes = [c for c in changes if document in (c.document, c.old_document)]
    changes = _distinct_ids(changes)
    titles = {s.id: s.title for s in old.sections if s.level}
    titles.update({s.id: s.title for s in new.sections if s.level})
    if multi:
        titles.update(documents.local_titles(old))
        titles.update(documents.local_titles(new))
    paths: dict[str, tuple[str, ...]] = {}
    labels: dict[str, str] = {}
    new_ids = {s.id for s in new.sections}
    # The old side's own tables for the sections that are gone (removed, or merged into
    # another): what an old id named there. A section still there is named as it is now
    # (a row removed from a section that was renamed is shown under its new title).
    gone = {*alignment.removed_sections, *(old_id for old_id, _ in alignment.merged)}
    old_titles = {s.id: s.title for s in old.sections if s.level and s.id in gone}
    old_paths: dict[str, tuple[str, ...]] = {}
    old_labels: dict[str, str] = {}
    for spec in (old, new):  # the new side wins
        spec_paths, spec_labels = _title_paths(spec), qualified_titles(spec)
        paths.update(spec_paths)
        if spec is old:
            old_paths.update({k: v for k, v in spec_paths.items() if k in gone})
            old_labels.update({k: v for k, v in spec_labels.items() if k in gone})
            if multi:
                _add_gone_file_keys(spec, gone, old_titles, old_paths, old_labels, spec_paths)
            # An id the new side has names its section there, qualified or not: an old
            # "Definitions › Schema" must not title the new side's only "Schema".
            spec_labels = {k: v for k, v in spec_labels.items() if k not in new_ids}
        labels.update(spec_labels)
        if multi:
            _add_file_keys(spec, titles, paths, labels, spec_paths, spec_labels)
    return Report(
        base=base or Endpoint("old"),
        head=head or Endpoint("new"),
        changes=tuple(changes),
        titles=tuple(titles.items()),
        paths=tuple(paths.items()),
        labels=tuple(labels.items()),
        new_ids=() if multi else _new_ids(alignment),
        old_titles=_differing(old_titles, titles),
        old_paths=_differing(old_paths, paths),
        old_labels=_differing(
            {k: old_labels.get(k) or t for k, t in old_titles.items()},
            {k: labels.get(k) or t for k, t in titles.items()},
        ),
    )


def _differing(old_side: dict[str, _V], merged: dict[str, _V]) -> tuple[tuple[str, _V], ...]:
    """The old side's entries that the merged table (where the new side wins) does not
    hold as they are: only these need keeping apart."""
    return tuple((k, v) for k, v in old_side.items() if merged.get(k) != v)


def _new_ids(alignment: Alignment) -> tuple[tuple[str, str], ...]:
    return tuple((p.old, p.new) for p in alignment.sections if p.old and p.old != p.new)


def _ignoring_named_sections(config: Config, old: Spec, new: Spec) -> Config:
    """``ignore.sections`` of a spec made of many files names sections as users do (see
    :mod:`specdiff.model.section_names`): ``path#id`` for one file's, a bare id for the
    section of that id in every file that has one; triage compares combined ids."""
    if not config.ignore_sections:
        return config
    from ..model.section_names import SectionIndex

    names = set(config.ignore_sections)
    for spec in (old, new):
        index = SectionIndex(spec)
        for name in config.ignore_sections:
            names.update(index.candidates(name))
    return replace(config, ignore_sections=tuple(sorted(names)))


def _add_gone_file_keys(
    spec: Spec,
    gone: set[str],
    titles: dict[str, str],
    paths: dict[str, tuple[str, ...]],
    labels: dict[str, str],
    spec_paths: dict[str, tuple[str, ...]],
) -> None:
    """The sections of ``spec`` (old, made of many files) in ``gone`` also under
    ``path#id``, as :func:`_add_file_keys` keys them."""
    from ..model.section_names import SectionIndex

    qualified = qualified_titles(spec)
    for combined, name in SectionIndex(spec).names.items():
        if combined in gone:
            key = str(name)
            titles[key] = spec.section(combined).title
            paths[key] = spec_paths[combined]
            if combined in qualified:
                labels[key] = qualified[combined]


def _add_file_keys(
    spec: Spec,
    titles: dict[str, str],
    paths: dict[str, tuple[str, ...]],
    labels: dict[str, str],
    spec_paths: dict[str, tuple[str, ...]],
    spec_labels: dict[str, str],
) -> None:
    """Every section of a spec made of many files also under ``path#id`` (see
    :meth:`Report.title_of`): two files may have sections with the same id."""
    from ..model.section_names import SectionIndex

    for combined, name in SectionIndex(spec).names.items():
        key = str(name)
        titles[key] = spec.section(combined).title
        paths[key] = spec_paths[combined]
        if combined in spec_labels:
            labels[key] = spec_labels[combined]


def _distinct_ids(changes: list[Change]) -> list[Change]:
    """The same text added (or edited alike) twice in one section gives two records with one
    id; later ones get ``-2``, ``-3`` ... in document order, so ids stay unique and stable."""
    seen: dict[str, int] = {}
    result = []
    for change in changes:
        count = seen.get(change.id, 0) + 1
        seen[change.id] = count
        result.append(change if count == 1 else replace(change, id=f"{change.id}-{count}"))
    return result


def _title_paths(spec: Spec) -> dict[str, tuple[str, ...]]:
    """Each section's titles from the top-level heading down, built in one pass."""
    paths: dict[str, tuple[str, ...]] = {"": ()}
    for section in spec.sections:
        if section.level:
            paths[section.id] = (*paths.get(section.parent or "", ()), section.title)
    del paths[""]
    return paths


def _inside(section: str, old: Spec, new: Spec) -> Callable[[Change], bool]:
    """Whether a change is in the section ``section`` names (an id, or ``path#id`` in a spec
    made of many files; see :mod:`specdiff.model.section_names`) or its sub-sections."""
    old_id, new_id = _named(section, old), _named(section, new)
    new_ids = {s.id for s in new.subtree(new_id)} if new_id is not None else set()
    old_ids = {s.id for s in old.subtree(old_id)} if old_id is not None else set()
    return lambda change: change.section in new_ids or change.old_section in old_ids


def _named(name: str, spec: Spec) -> str | None:
    from ..errors import InputError
    from ..model.section_names import SectionIndex, ambiguity

    index = SectionIndex(spec)
    found = index.candidates(name)
    if len(found) > 1:
        raise InputError(ambiguity(name, [index]) or name)
    return found[0] if found else None


def _document_order(
    old: Spec, new: Spec, alignment: Alignment
) -> Callable[[Change], tuple[int, int, int]]:
    """A sort key placing each change where it happens in the new document.

    Something that exists only in the old version is placed after the nearest clause
    before it that survived.
    """
    survivors = sorted(
        (old.clauses[p.old].span.start, new.clauses[p.new].span.start) for p in alignment.clauses
    )
    old_lines = [line for line, _ in survivors]

    def key(change: Change) -> tuple[int, int, int]:
        if change.new is not None:
            return (change.new.lines[0], 0, 0)
        assert change.old is not None
        slot = bisect.bisect_right(old_lines, change.old.lines[0]) - 1
        anchor = survivors[slot][1] if slot >= 0 else -1
        return (anchor, 1, change.old.lines[0])

    return key
