"""The vocabulary of changes: their scopes, kinds, tags and severity levels."""

from __future__ import annotations

from enum import Enum, IntEnum


class Level(IntEnum):
    """Severity of a change and size of a release, ordered: ``NONE < PATCH < MINOR < MAJOR``."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Level:
        return cls[name.upper()]


class Scope(str, Enum):
    SECTION = "section"
    CLAUSE = "clause"

    def __str__(self) -> str:
        return self.value


class ChangeKind(str, Enum):
    """What happened to a section or clause (see the ``specdiff.compare/1`` contract)."""

    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    MOVED = "moved"
    RENAMED = "renamed"
    REIDENTIFIED = "reidentified"
    ATTRIBUTES = "attributes"
    MERGED = "merged"
    SPLIT = "split"

    def __str__(self) -> str:
        return self.value


SECTION_KINDS: tuple[ChangeKind, ...] = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.RENAMED,
    ChangeKind.REIDENTIFIED,
    ChangeKind.MOVED,
    ChangeKind.ATTRIBUTES,
    ChangeKind.MERGED,
    ChangeKind.SPLIT,
)
CLAUSE_KINDS: tuple[ChangeKind, ...] = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.MODIFIED,
    ChangeKind.MOVED,
)
#: ``scope.kind`` names, as used in counts and in policy configuration.
KIND_NAMES: tuple[str, ...] = tuple(f"section.{k}" for k in SECTION_KINDS) + tuple(
    f"clause.{k}" for k in CLAUSE_KINDS
)

#: Every tag a change can carry, in the order renderers list them.
TAGS: tuple[str, ...] = (
    "normative.reversed",
    "normative.strengthened",
    "normative.weakened",
    "normative.removed",
    "normative.added",
    "example.verdict_flipped",
    "example.removed",
    "example.added",
    "example.modified",
    "attribute.raised",
    "attribute.lowered",
    "attribute.authority_changed",
    "attribute.changed",
    "wording.substantive",
    "wording",
    "editorial",
    "commentary",
    "modified",
    "moved.attributes_differ",
    "moved.across_sections",
    "moved.within_section",
    "reference.broken",
)
