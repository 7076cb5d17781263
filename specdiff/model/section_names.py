"""How people name a section, and which section a name means.

In a spec made of many files, two files may both have ``## Overview``. The combined
spec keeps ids unique by qualifying the later ones (``api/auth.md#overview``), but that
depends on reading order, which the user never sees. So a user names a section the way a
link does: ``path#id`` (path relative to the spec root, id as the file writes it), or a
bare id when only one file has it. A bare id that several files have is ambiguous, and
the caller must say so rather than pick one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import DocumentPart, Spec


@dataclass(frozen=True, slots=True)
class SectionName:
    """Where a section of a combined spec lives, as its file has it."""

    document: str | None
    """The file's path relative to the spec root; None for a spec that is one file."""
    local_id: str
    """The id as the file writes it (the link ``document#local_id`` lands on it)."""

    def __str__(self) -> str:
        return f"{self.document}#{self.local_id}" if self.document else self.local_id


class SectionIndex:
    """Every section of one spec by the names a user may give it."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.names: dict[str, SectionName] = {}
        """Combined id → where the section lives."""
        self.by_name: dict[SectionName, str] = {}
        self.by_local: dict[str, list[str]] = {}
        """Id as written → combined ids of the sections that have it, in reading order."""
        part: DocumentPart | None = None
        for section in spec.sections:
            if not section.level:
                continue
            # Sections come in reading order: most are in the file of the one before.
            if part is None or not part.holds(section.span.start):
                part = spec.document_at(section.span.start) if spec.documents else None
            if part is None:
                name = SectionName(None, section.id)
            else:
                prefix = f"{part.path}#"
                local = section.id[len(prefix) :] if section.id.startswith(prefix) else section.id
                name = SectionName(part.path, local)
            self.names[section.id] = name
            self.by_name[name] = section.id
            self.by_local.setdefault(name.local_id, []).append(section.id)

    def name_of(self, section_id: str) -> SectionName:
        """Where the section with this combined id lives (the id itself when unknown)."""
        return self.names.get(section_id, SectionName(None, section_id))

    def combined_id(self, document: str | None, local_id: str) -> str | None:
        """The combined id of ``local_id`` in ``document`` (None: no such section)."""
        if document is None:
            return local_id if self.spec.get_section(local_id) else None
        return self.by_name.get(SectionName(document, local_id))

    def candidates(self, name: str) -> tuple[str, ...]:
        """The combined ids ``name`` may mean: ``path#id``, a bare id, or ``#id``."""
        name = name.removeprefix("#")
        if not self.spec.documents:
            return (name,) if self.spec.get_section(name) else ()
        path, hash_, local = name.rpartition("#")
        if hash_:
            found = self.by_name.get(SectionName(path.removeprefix("./"), local))
            return (found,) if found is not None else ()
        return tuple(self.by_local.get(name, ()))

    def qualified(self, section_id: str) -> str:
        """``path#id`` for a spec made of many files, the id for one file."""
        return str(self.name_of(section_id))

    def known(self) -> list[str]:
        """Every name a user may give, for "did you mean" hints."""
        bare = [
            name.local_id if len(self.by_local[name.local_id]) == 1 else str(name)
            for name in self.names.values()
        ]
        return bare + [str(name) for name in self.names.values() if name.document]


def ambiguity(name: str, indexes: list[SectionIndex]) -> str | None:
    """The one-line complaint when ``name`` means several sections of one spec, else None."""
    for index in indexes:
        found = index.candidates(name)
        if len(found) > 1:
            listed = ", ".join(index.qualified(i) for i in found)
            bare = name.removeprefix("#")
            return f"section #{bare} is in {len(found)} files: {listed}; name one of them as PATH#{bare}"
    return None
