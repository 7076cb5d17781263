"""Release-note fragments: short texts the authors leave in ``changes/`` (towncrier's
habit), used verbatim in the next release's entry and removed by the release commit.

A fragment named after a pull request (``changes/12.md``, ``changes/12.feature.md``)
becomes that pull request's release notes; any other (``changes/+tables.md``) is a note
of the whole release. The changelog rebuilt from the tags finds a release's fragments in
the commit before its release commit: the ones the release commit removed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import InputError, RevisionError

if TYPE_CHECKING:
    from .store import SpecStore

FOLDER = "changes"
_NUMBERED = re.compile(r"^(\d+)(?:\.[\w-]+)*\.(?:md|markdown|txt|rst)$")
_TEXT = re.compile(r"\.(?:md|markdown|txt|rst)$")


def fragment_paths(store: SpecStore, commit: str) -> list[str]:
    """The fragment files in ``changes/`` at ``commit`` (top level only), sorted."""
    names = store.list_folder(commit, FOLDER)
    return sorted(f"{FOLDER}/{name}" for name in names if _TEXT.search(name))


def read_fragments(
    store: SpecStore, commit: str, paths: list[str]
) -> tuple[tuple[int | None, str], ...]:
    """``(pull request or None, text)`` of each fragment, in name order."""
    found = []
    for path in paths:
        try:
            _, text = store.read(commit, path)
        except (RevisionError, InputError):
            continue
        number = _NUMBERED.match(path.rsplit("/", 1)[-1])
        if text.strip():
            found.append((int(number.group(1)) if number else None, text.strip("\n")))
    return tuple(found)


def released_fragments(store: SpecStore, tag_commit: str) -> tuple[tuple[int | None, str], ...]:
    """The fragments the release commit ``tag_commit`` removed (none if it removed none)."""
    parent = store.parent(tag_commit)
    if parent is None:
        return ()
    before = fragment_paths(store, parent)
    if not before:
        return ()
    after = set(fragment_paths(store, tag_commit))
    return read_fragments(store, parent, [p for p in before if p not in after])
