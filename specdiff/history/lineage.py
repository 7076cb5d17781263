"""The names a spec file had: followed through renames, so no command loses its history.

Git's rename detection (``git log --follow``) finds most renames; ``[[renames]]`` in the
configuration adds those git cannot see (a file renamed and rewritten in one commit). The
names are kept per path, so a spec made of several files gets one lineage per file.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Rename
    from .store import SpecStore


class Lineage:
    """The current path of a spec file and every earlier name, newest first."""

    def __init__(self, store: SpecStore, path: str, configured: tuple[Rename, ...] = ()) -> None:
        self.store = store
        self.path = path
        """The spec's path today (from ``--spec``, the config, or the only Markdown file)."""
        self.configured = configured

    @cached_property
    def renames(self) -> tuple[tuple[str, str], ...]:
        """``(old, new)`` for each rename, newest first: git's, then the configured ones."""
        found: list[tuple[str, str]] = []
        seen = {self.path}
        followed: set[str] = set()
        pending = [self.path]
        while pending:
            name = pending.pop(0)
            steps: list[tuple[str, str]] = []
            if name not in followed:
                followed.add(name)
                steps = [(old, new) for old, new, _ in self.store.renames_of(name)]
            # A configured rename may bridge a gap git cannot see; follow the old name on.
            known = {name} | {old for old, _ in steps}
            steps += [(r.old, r.new) for r in self.configured if r.new in known]
            for old, new in steps:
                if old not in seen:
                    seen.add(old)
                    found.append((old, new))
                    pending.append(old)
        return tuple(found)

    @property
    def names(self) -> tuple[str, ...]:
        """The current path, then each earlier name, newest first."""
        return (self.path, *(old for old, _ in self.renames))

    def path_at(self, rev: str) -> str:
        """The name that holds the spec in commit ``rev``; the current name when none does
        (so that the error reading it names the path the user knows)."""
        if self.store.exists(rev, self.path):
            return self.path
        for name in self.names[1:]:
            if self.store.exists(rev, name):
                return name
        return self.path
