"""The git store: spec revisions are commits, released versions are tags.

A thin layer over GitPython that hands out plain frozen values (:class:`Revision`,
:class:`VersionTag`, text) and never a GitPython object, so the core stays testable
without a repository. Git failures become one-line :class:`~specdiff.errors.RevisionError`
(reading) or :class:`~specdiff.errors.ReleaseError` (writing).
"""

from __future__ import annotations

from ...policy.labels import (
    CALVER,
    SEMVER,
    is_date_label,
    normalise_label,
    parse_calver,
    parse_semver,
    tag_name,
    tag_version,
)
from ._cache import SpecCache
from ._repo import DEFAULT_IDENTITY, SpecStore
from ._values import Revision, VersionTag

__all__ = [
    "CALVER",
    "DEFAULT_IDENTITY",
    "SEMVER",
    "Revision",
    "SpecCache",
    "SpecStore",
    "VersionTag",
    "is_date_label",
    "normalise_label",
    "parse_calver",
    "parse_semver",
    "tag_name",
    "tag_version",
]
