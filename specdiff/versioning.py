"""The next version label: semver from the bump, or a calendar label from the date."""

from __future__ import annotations

from typing import TYPE_CHECKING

import semver

from .errors import ReleaseError
from .model import Level

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import date

FIRST_VERSION = "1.0.0"


def next_semver(current: str | None, bump: Level, pre: str | None = None) -> str:
    """The version after ``current`` for a release of size ``bump``.

    From a pre-release (``2.0.0-rc.1``) a final release keeps its number (``2.0.0``), and
    another pre-release of the same kind counts up (``2.0.0-rc.2``), unless the changes
    need a bigger bump than the pre-release already announced.
    """
    if current is None:
        return FIRST_VERSION if pre is None else f"{FIRST_VERSION}-{pre}.1"
    version = _parse(current)
    if version.prerelease:
        base = version.finalize_version()
        if bump <= _announced(base):
            if pre is None:
                return str(base)
            if version.prerelease.split(".")[0] == pre:
                return str(version.bump_prerelease())
            return f"{base}-{pre}.1"
        version = base
    if bump is Level.MAJOR:
        target = version.bump_major()
    elif bump is Level.MINOR:
        target = version.bump_minor()
    else:
        target = version.bump_patch()
    return str(target) if pre is None else f"{target}-{pre}.1"


def next_calver(today: date, existing: Collection[str]) -> str:
    """``YYYY.MM.DD``, or ``YYYY.MM.DD.N`` when that day already has a release."""
    label = f"{today.year:04d}.{today.month:02d}.{today.day:02d}"
    if label not in existing:
        return label
    n = 1
    while f"{label}.{n}" in existing:
        n += 1
    return f"{label}.{n}"


def _parse(label: str) -> semver.Version:
    try:
        return semver.Version.parse(label, optional_minor_and_patch=True)
    except (ValueError, TypeError):
        raise ReleaseError(f"the last version {label!r} is not a semantic version") from None


def _announced(base: semver.Version) -> Level:
    """The bump a pre-release's final number already implies over the version before it."""
    if base.patch:
        return Level.PATCH
    if base.minor:
        return Level.MINOR
    return Level.MAJOR
