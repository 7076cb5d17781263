"""What a comparison adds for specs made of many files.

The aligner sees each version as one combined spec, so a section or clause that moved
to another file is paired like any other move. Here the files themselves are paired
(same path, else by the clauses they share: a rename), document records are drafted
(added, removed, renamed; a new file that took most of its text from a file that is
still there was split off it, a file whose text went mostly into a surviving file was
merged into it), sections that changed file get a move record, and every change is
given its ``document`` / ``old_document`` with lines and section ids as the file has them.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..classify.differ import _heading_side as heading_side
from ..classify.differ import change_id
from ..model.changes import Change, DraftChange, Side
from ..model.vocabulary import ChangeKind, Scope

if TYPE_CHECKING:
    from ..align import Alignment
    from ..model.document import DocumentPart, Spec

#: A file is the same file renamed when at least this share of its clauses survive in it.
SURVIVAL = 0.5


@dataclass(frozen=True, slots=True)
class DocumentPairs:
    """Which file of the old version became which file of the new one."""

    renamed: dict[str, str]
    """Old path → new path, for every file found on both sides (same path included)."""
    split: dict[str, str]
    """New path → the old file it was split off."""
    merged: dict[str, str]
    """Old path → the new file its text went into."""

    def new_of(self, old_path: str | None) -> str | None:
        return self.renamed.get(old_path) if old_path is not None else None

    def old_of(self, new_path: str | None) -> str | None:
        if new_path is None:
            return None
        for old, new in self.renamed.items():
            if new == new_path:
                return old
        return None


def is_multi(old: Spec, new: Spec) -> bool:
    return bool(old.documents or new.documents)


def pair_documents(old: Spec, new: Spec, alignment: Alignment) -> DocumentPairs:
    """Same path first; then, best first, files sharing at least half their clauses."""
    old_paths = [d.path for d in old.documents]
    new_paths = [d.path for d in new.documents]
    renamed = {p: p for p in old_paths if p in set(new_paths)}
    old_paths_of = _document_index(old).clause_paths
    new_paths_of = _document_index(new).clause_paths
    votes: Counter[tuple[str, str]] = Counter(
        (old_paths_of[p.old], new_paths_of[p.new]) for p in alignment.clauses
    )
    sizes_old = Counter(old_paths_of)
    sizes_new = Counter(new_paths_of)

    def share(pair: tuple[str, str]) -> float:
        total = sizes_old[pair[0]] + sizes_new[pair[1]]
        return 2 * votes[pair] / total if total else 0.0

    taken_new = set(renamed.values())
    for pair in sorted(votes, key=lambda p: (-share(p), p)):
        old_path, new_path = pair
        if old_path in renamed or new_path in taken_new or share(pair) < SURVIVAL:
            continue
        renamed[old_path] = new_path
        taken_new.add(new_path)
    split: dict[str, str] = {}
    for new_path in new_paths:
        if new_path in taken_new or not sizes_new[new_path]:
            continue
        origin, count = _best({o: n for (o, t), n in votes.items() if t == new_path})
        if origin in renamed and count >= SURVIVAL * sizes_new[new_path]:
            split[new_path] = origin
    merged: dict[str, str] = {}
    for old_path in old_paths:
        if old_path in renamed or not sizes_old[old_path]:
            continue
        target, count = _best({t: n for (o, t), n in votes.items() if o == old_path})
        if target in taken_new and count >= SURVIVAL * sizes_old[old_path]:
            merged[old_path] = target
    return DocumentPairs(renamed, split, merged)


def _best(counts: dict[str, int]) -> tuple[str, int]:
    if not counts:
        return "", 0
    return max(counts.items(), key=lambda item: (item[1], item[0]))


#: The indexes of the last few specs compared (each is built in one pass over the spec).
_INDEXES: dict[int, tuple[Spec, _LineIndex]] = {}


def _document_index(spec: Spec) -> _LineIndex:
    found = _INDEXES.get(id(spec))
    if found is not None and found[0] is spec:
        return found[1]
    if len(_INDEXES) >= 4:
        _INDEXES.pop(next(iter(_INDEXES)))
    index = _LineIndex(spec)
    _INDEXES[id(spec)] = (spec, index)
    return index


class _LineIndex:
    """Which document holds a line, or a clause, of a combined spec."""

    def __init__(self, spec: Spec) -> None:
        # A document may lie in several pieces (text after an include heading comes after
        # the included file), so the index is of pieces, in line order.
        pieces = sorted(
            ((first, last, d) for d in spec.documents for first, last in d.ranges()),
            key=lambda piece: (piece[0], piece[1]),
        )
        self.pieces = pieces
        self.starts = [first for first, _, _ in pieces]
        self.clause_paths = [self[c.span.start] for c in spec.clauses]
        """The document of each clause, by clause index."""
        self.paths = {d.path for d in spec.documents}
        self.local_of = {
            (d.path, combined): local for d in spec.documents for local, combined in d.anchors
        }
        """(file, id in the combined spec) → the anchor as the file writes it."""
        self.home_of: dict[str, tuple[str, str]] = {}
        """Id in the combined spec → the file that has it and its anchor there."""
        for (path, combined), local in self.local_of.items():
            self.home_of.setdefault(combined, (path, local))

    def link_form(self, target: str, here: str) -> str:
        """A link target of the combined spec as the file ``here`` would write it, with
        paths from the spec root: ``id`` for a link within the file, ``other.md#id`` (or
        ``other.md``) for one to another file; a target that leads nowhere stays as it is."""
        path, hash_, anchor = target.partition("#")
        if path in self.paths:
            return anchor if path == here and hash_ else target
        local = self.local_of.get((here, target))
        if local is not None:
            return local
        home = self.home_of.get(target)
        if home is None:
            return target
        return home[1] if home[0] == here else f"{home[0]}#{home[1]}"

    def part(self, line: int) -> DocumentPart | None:
        slot = bisect.bisect_right(self.starts, line) - 1
        if slot < 0 or line > self.pieces[slot][1]:
            return None
        return self.pieces[slot][2]

    def __getitem__(self, line: int) -> str:
        part = self.part(line)
        return part.path if part is not None else ""


def document_drafts(old: Spec, new: Spec, pairs: DocumentPairs) -> list[DraftChange]:
    """Untriaged records for files added, removed and renamed."""
    drafts = []
    new_paths = {d.path for d in new.documents}
    new_by_path = {d.path: d for d in new.documents}
    for part in old.documents:
        target = pairs.renamed.get(part.path)
        if target is not None and target != part.path:
            drafts.append(_document_change(ChangeKind.RENAMED, part, new_by_path[target], ()))
        elif target is None and part.path not in new_paths:
            merged_into = pairs.merged.get(part.path)
            tags = ("document.merged",) if merged_into else ()
            drafts.append(
                _document_change(
                    ChangeKind.REMOVED,
                    part,
                    None,
                    tags,
                    document=merged_into,
                )
            )
    renamed_targets = set(pairs.renamed.values())
    for part in new.documents:
        if part.path in renamed_targets:
            continue
        origin = pairs.split.get(part.path)
        tags = ("document.split",) if origin else ()
        drafts.append(_document_change(ChangeKind.ADDED, None, part, tags, old_document=origin))
    return drafts


def _document_change(
    kind: ChangeKind,
    before: DocumentPart | None,
    after: DocumentPart | None,
    tags: tuple[str, ...],
    *,
    document: str | None = None,
    old_document: str | None = None,
) -> DraftChange:
    return DraftChange(
        id=change_id("document", kind, before.path if before else "", after.path if after else ""),
        scope=Scope.DOCUMENT,
        kind=kind,
        section=None,
        old_section=None,
        tags=tags,
        old=_document_side(before),
        new=_document_side(after),
        document=after.path if after else document,
        old_document=before.path if before else old_document,
    )


def _document_side(part: DocumentPart | None) -> Side | None:
    if part is None:
        return None
    return Side(
        text=part.path,
        lines=(part.offset + 1, part.offset + max(1, part.line_count)),
        type="document",
        title=part.title,
    )


def cross_document_moves(
    old: Spec,
    new: Spec,
    alignment: Alignment,
    pairs: DocumentPairs,
    drafts: list[DraftChange],
) -> list[DraftChange]:
    """Sections now in another file than their old file became: a move record each (or a
    tag on the move record the differ already wrote), for the highest section that moved."""
    old_doc, new_doc = _document_index(old), _document_index(new)
    section_map = alignment.section_map()
    moved_records = {
        (c.old_section, c.section): i
        for i, c in enumerate(drafts)
        if c.scope is Scope.SECTION and c.kind is ChangeKind.MOVED
    }
    result = list(drafts)
    for pair in alignment.sections:
        if not pair.old or not pair.new:
            continue
        before, after = old.section(pair.old), new.section(pair.new)
        if not _changed_file(before.span.start, after.span.start, old_doc, new_doc, pairs):
            continue
        if _one_page(old_doc[before.span.start], new_doc[after.span.start], old, new, pairs):
            continue  # a move within the one document the includes make: no link breaks
        parent = before.parent or ""
        if parent and parent in section_map:
            parent_after = new.get_section(section_map[parent])
            if parent_after is not None and _changed_file(
                old.section(parent).span.start, parent_after.span.start, old_doc, new_doc, pairs
            ):
                continue  # it moved with its parent, whose record says so
        existing = moved_records.get((before.id, after.id))
        if existing is not None:
            record = result[existing]
            result[existing] = replace(record, tags=(*record.tags, "moved.across_documents"))
            continue
        result.append(
            DraftChange(
                id=change_id("section", ChangeKind.MOVED, before.id, after.id, "document"),
                scope=Scope.SECTION,
                kind=ChangeKind.MOVED,
                section=after.id,
                old_section=before.id,
                tags=("moved.across_documents",),
                old=heading_side(before),
                new=heading_side(after),
            )
        )
    return result


def _one_page(old_path: str, new_path: str, old: Spec, new: Spec, pairs: DocumentPairs) -> bool:
    """Whether both files are read as parts of one published document: an include heading
    (spec-md's ``# [Title](chapter.md)``) stitches a file into the file that includes it,
    so a section that moves between two files included under the same root keeps its
    anchor on the one page readers link to, and only its place in the outline changed
    (which the differ's own move record tells). Files that stand alone are each a page of
    their own: a section moving between them breaks ``file.md#anchor`` links."""
    old_root, new_root = _root(old, old_path), _root(new, new_path)
    if old_root == old_path and new_root == new_path:
        return False  # neither file is included: two pages
    return pairs.new_of(old_root) == new_root


def _root(spec: Spec, path: str) -> str:
    """The file at the top of the include chain that places ``path`` (itself when no file
    includes it)."""
    parents = {d.path: d.included_by for d in spec.documents}
    seen = {path}
    while (parent := parents.get(path)) and parent not in seen:
        seen.add(parent)
        path = parent
    return path


def _changed_file(
    old_line: int, new_line: int, old_doc: _LineIndex, new_doc: _LineIndex, pairs: DocumentPairs
) -> bool:
    return pairs.new_of(old_doc[old_line]) != new_doc[new_line]


def attach_documents(
    changes: list[DraftChange], old: Spec, new: Spec, pairs: DocumentPairs
) -> list[DraftChange]:
    """Give each section and clause change the files it happened in: the file of each
    side, and for a side that is missing, the file's counterpart on the other side."""
    old_doc, new_doc = _document_index(old), _document_index(new)
    result = []
    for change in changes:
        if change.scope is Scope.DOCUMENT:
            result.append(change)
            continue
        before = old_doc[change.old.lines[0]] if change.old else None
        after = new_doc[change.new.lines[0]] if change.new else None
        if after is None:
            after = pairs.new_of(before)
        if before is None:
            before = pairs.old_of(after)
        result.append(replace(change, document=after or None, old_document=before or None))
    return result


def localise(changes: list[Change], old: Spec, new: Spec) -> list[Change]:
    """Lines and section ids as each file has them (the combined spec counts lines across
    files and qualifies ids that clash between files)."""
    old_doc, new_doc = _document_index(old), _document_index(new)
    old_ids, new_ids = _local_ids(old), _local_ids(new)
    whole = {Scope.DOCUMENT}
    result = []
    for change in changes:
        section = new_ids.get(change.section, change.section) if change.section else change.section
        old_section = (
            old_ids.get(change.old_section, change.old_section)
            if change.old_section
            else change.old_section
        )
        if change.kind is ChangeKind.REIDENTIFIED and section == old_section:
            continue  # only the combined id changed (a clash with another file's id)
        result.append(
            replace(
                change,
                section=section,
                old_section=old_section,
                old=_local_side(change.old, old_doc, whole=change.scope in whole),
                new=_local_side(change.new, new_doc, whole=change.scope in whole),
            )
        )
    return result


def _local_ids(spec: Spec) -> dict[str, str]:
    """Combined id → id as written in its file (they differ only for clashing ids)."""
    return {combined: local for d in spec.documents for local, combined in d.anchors}


def _local_side(side: Side | None, index: _LineIndex, *, whole: bool = False) -> Side | None:
    if side is None:
        return None
    part = index.part(side.lines[0])
    if part is None:
        return side
    if whole:
        return replace(side, lines=(1, max(1, part.line_count)))
    return replace(
        side,
        lines=part.local_span(*side.lines),
        anchors=tuple(index.link_form(a, part.path) for a in side.anchors),
    )


def local_titles(spec: Spec) -> dict[str, str]:
    """Section titles by the id their file gives them (first file wins on a clash)."""
    titles: dict[str, str] = {}
    local = _local_ids(spec)
    for section in spec.sections:
        if section.level:
            titles.setdefault(local.get(section.id, section.id), section.title)
    return titles
