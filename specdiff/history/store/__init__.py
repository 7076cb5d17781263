"""The git store: spec revisions are commits, released versions are tags.

A thin layer over GitPython that hands out plain frozen values (:class:`Revision`,
:class:`VersionTag`, text) and never a GitPython object, so the core stays testable
without a repository. Git failures become one-line :class:`~specdiff.errors.RevisionError`
(reading) or :class:`~specdiff.errors.ReleaseError` (writing). Version labels and tag
names are pure functions of text: :mod:`specdiff.policy.labels`.
"""

from __future__ import annotations

from ._cache import SpecCache
from ._repo import DEFAULT_IDENTITY, SpecStore
from ._values import Revision, VersionTag

__all__ = [
    "DEFAULT_IDENTITY",
    "Revision",
    "SpecCache",
    "SpecStore",
    "VersionTag",
]
