"""The result of comparing two versions: change records and the report that holds them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .vocabulary import ChangeKind, Level, Scope


def link_label(target: str) -> str:
    """How reports show a link target: ``#id`` within the file, and in a spec made of
    many files ``other.md#id`` (or ``other.md``) for a link to another file, its path from
    the spec root."""
    if "#" in target or target.lower().endswith((".md", ".mdx", ".markdown")):
        return target
    return f"#{target}"


@dataclass(frozen=True, slots=True)
class Side:
    """One side (old or new) of a change: the text and where it sits."""

    text: str
    lines: tuple[int, int]
    type: str
    """The clause kind (``paragraph``, ``example`` ...) or ``section``."""
    title: str = ""
    """For section changes: the heading title; for examples: the example's title."""
    footnotes: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    """Anchors this side links to (see :func:`link_label`)."""


@dataclass(frozen=True, slots=True)
class StatementChange:
    """How one normative statement changed inside a modified clause."""

    tag: str
    """``normative.strengthened``, ``.weakened``, ``.reversed``, ``.added`` or ``.removed``."""
    old: str | None
    """The old keyword as written, e.g. ``"should"``; None when the statement was added."""
    new: str | None
    sentence: str
    """The sentence on the new side (old side for a removal)."""
    old_sentence: str | None = None


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """A candidate answer of a worked example whose GOOD/BAD label changed."""

    answer: str
    old: str
    new: str


class _Facts:
    """What draft and classified changes both answer, from the fields they share."""

    __slots__ = ()
    scope: Scope
    kind: ChangeKind
    old: Side | None
    new: Side | None

    @property
    def kind_name(self) -> str:
        return f"{self.scope}.{self.kind}"

    @property
    def references(self) -> tuple[str, ...]:
        """Footnote labels and anchors of the old and new text, without repeats."""
        seen: dict[str, None] = {}
        for side in (self.old, self.new):
            if side is not None:
                seen.update(dict.fromkeys(f"[^{f}]" for f in side.footnotes))
                seen.update(dict.fromkeys(link_label(a) for a in side.anchors))
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class DraftChange(_Facts):
    """A change as the differ finds it: what happened, where, and its tags. It has no
    severity and no reason yet; :func:`specdiff.policy.triage` turns it into a
    :class:`Change`."""

    id: str
    """A short hash, stable for the same change between the same two texts."""
    scope: Scope
    kind: ChangeKind
    section: str | None
    """The section id on the new side, or None."""
    old_section: str | None
    tags: tuple[str, ...]
    old: Side | None
    new: Side | None
    attributes: tuple[tuple[str, str | None, str | None], ...] = ()
    """For kind ATTRIBUTES: (name, old value, new value); None where absent."""
    statements: tuple[StatementChange, ...] = ()
    verdicts: tuple[VerdictChange, ...] = ()
    document: str | None = None
    """For a spec made of many files: the document on the new side (None for one file)."""
    old_document: str | None = None
    """The document on the old side; differs from :attr:`document` for a move between files."""
    details: tuple[str, ...] = ()
    """For structured content: each cell or data path that differs, with both values
    (``field `tags`, Type: “string” → “string | null”``)."""
    subsections: int = 0
    """For a section removed (added): how many of its descendants went (came) with it.
    Its tags then cover their content too, so its reason can say so."""


@dataclass(frozen=True, slots=True)
class Change(_Facts):
    """One record of the ``specdiff.compare/1`` contract: a draft change that the policy
    gave a severity, a reason and, if a maintainer accepted it, the acceptance."""

    id: str
    scope: Scope
    kind: ChangeKind
    section: str | None
    old_section: str | None
    severity: Level
    tags: tuple[str, ...]
    old: Side | None
    new: Side | None
    reason: str
    attributes: tuple[tuple[str, str | None, str | None], ...] = ()
    statements: tuple[StatementChange, ...] = ()
    verdicts: tuple[VerdictChange, ...] = ()
    accepted: str | None = None
    """The reason given in ``[[accept]]`` when a maintainer accepted this change."""
    document: str | None = None
    """For a spec made of many files: the document on the new side (None for one file)."""
    old_document: str | None = None
    """The document on the old side; differs from :attr:`document` for a move between files."""
    details: tuple[str, ...] = ()
    """As :attr:`DraftChange.details`."""

    @classmethod
    def classified(
        cls, draft: DraftChange, severity: Level, reason: str, accepted: str | None = None
    ) -> Change:
        return cls(
            id=draft.id,
            scope=draft.scope,
            kind=draft.kind,
            section=draft.section,
            old_section=draft.old_section,
            severity=severity,
            tags=draft.tags,
            old=draft.old,
            new=draft.new,
            reason=reason,
            attributes=draft.attributes,
            statements=draft.statements,
            verdicts=draft.verdicts,
            accepted=accepted,
            document=draft.document,
            old_document=draft.old_document,
            details=draft.details,
        )


@dataclass(frozen=True, slots=True)
class Origin:
    """The step of a release (a merged pull request, a squash commit, a direct commit)
    that made a change."""

    commit: str
    title: str
    """The pull request's title, else the commit's subject."""
    pull_request: int | None
    notes: str
    """The ``Release notes`` section of its message, verbatim ('' when there is none)."""
    step: int = 0
    """Its place among the release's steps (1 is the first after the previous version)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """What was compared on one side: a label for people, and where it came from."""

    label: str
    commit: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``specdiff compare`` knows about two versions."""

    base: Endpoint
    head: Endpoint
    changes: tuple[Change, ...]
    titles: tuple[tuple[str, str], ...] = field(default=())
    """Section id to title, for both sides (new side wins), for renderers."""
    paths: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    """Section id to the titles from the top-level heading down to it (new side wins)."""
    labels: tuple[tuple[str, str], ...] = field(default=())
    """Section id to "Parent › Title", for sections whose title another one shares."""
    new_ids: tuple[tuple[str, str], ...] = field(default=())
    """Old section id to new id, for the sections of a one-file spec found again under
    another id: a clause removed from such a section belongs with its new id, not with
    the section that took its old id (a heading "Source" added above "source")."""
    old_titles: tuple[tuple[str, str], ...] = field(default=())
    """As :attr:`titles`, for the old side, where its entry differs from that table: ids
    such as ``fixed-fields-10`` are positional, so the section an old id named may be
    another one than the new side's section of that id, and a record of something gone
    names its section as the old document had it."""
    old_paths: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    """As :attr:`paths`, for the old side, where its entry differs from that table."""
    old_labels: tuple[tuple[str, str], ...] = field(default=())
    """As :attr:`labels`, for the old side: the old section's label (else its title) where
    it differs from what :meth:`display_title` shows for the id on the new side."""

    @property
    def bump(self) -> Level:
        return max((c.severity for c in self.changes), default=Level.NONE)

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(c.kind_name for c in self.changes)
        return dict(sorted(counter.items()))

    @property
    def blocking_bump(self) -> Level:
        """The bump counting only changes nobody has accepted (for ``--fail-on``)."""
        return max((c.severity for c in self.changes if c.accepted is None), default=Level.NONE)

    def title_of(
        self, section_id: str | None, document: str | None = None, *, old: bool = False
    ) -> str:
        """The section's title; ``document`` (a spec made of many files) tells apart
        sections of different files that have the same id; ``old``: the id (and document)
        are of the old side (a record's ``old_section``)."""
        if section_id is None:
            return ""
        key = self._key(section_id, document)
        found = dict(self.old_titles).get(key) if old else None
        return found or dict(self.titles).get(key, section_id)

    def path_of(
        self, section_id: str | None, document: str | None = None, *, old: bool = False
    ) -> tuple[str, ...]:
        """The titles from the top-level heading down to the section (``old``: as
        :meth:`title_of`)."""
        if not section_id:
            return ()
        key = self._key(section_id, document)
        found = (dict(self.old_paths).get(key) if old else None) or dict(self.paths).get(key)
        return found or (self.title_of(section_id, document, old=old),)

    def display_title(
        self, section_id: str | None, document: str | None = None, *, old: bool = False
    ) -> str:
        """The title, preceded by its parent's where several sections share it: a generic
        title such as "Fixed Fields" reads "Operation Object › Fixed Fields" (``old``: as
        :meth:`title_of`)."""
        if section_id is None:
            return ""
        key = self._key(section_id, document)
        found = (dict(self.old_labels).get(key) if old else None) or dict(self.labels).get(key)
        return found or self.title_of(section_id, document, old=old)

    def named_apart(self, section_id: str, document: str | None = None) -> bool:
        """Whether the old side names this old id otherwise than the new side does (its
        title, path or label differ): then it is another section than the new one."""
        key = self._key(section_id, document)
        return any(
            key == k
            for table in (self.old_titles, self.old_paths, self.old_labels)
            for k, _ in table
        )

    def _key(self, section_id: str, document: str | None) -> str:
        """The key of the section in the tables above: in a spec made of many files,
        ``path#id`` (as a link to it reads), so that sections of different files with
        the same id are told apart; else the id."""
        if document:
            qualified = f"{document}#{section_id}"
            if any(key == qualified for key, _ in self.titles):
                return qualified
        return section_id

    def references(self) -> tuple[str, ...]:
        """Every footnote and anchor touched by a change, each once, in order of first use."""
        seen: dict[str, None] = {}
        for change in self.changes:
            seen.update(dict.fromkeys(change.references))
        return tuple(seen)
