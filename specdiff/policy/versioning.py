"""The next version label: semver from the bump, or a calendar label from the date."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import semver

from ..errors import ReleaseError
from ..model.vocabulary import Level
from .labels import CALVER, parse_calver, parse_semver

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import date

FIRST_VERSION = "1.0.0"
#: A pre-release label: one semver identifier, not purely numeric (``rc``, ``beta``, ``alpha-2``).
_PRE_LABEL = re.compile(r"[0-9A-Za-z-]*[A-Za-z-][0-9A-Za-z-]*")


def next_version(
    latest: str | None,
    bump: Level,
    *,
    scheme: str,
    existing: Collection[str],
    today: date,
    pre: str | None = None,
) -> str | None:
    """The version a release after ``latest`` gets, or None when no release is due.

    ``specdiff release`` and the pull-request check of the Action both ask this, so the
    version a check announces is the version the release on merge makes. No release is
    due when nothing changed in meaning: ``bump`` is NONE because there are no changes or
    the policy rates every one ``none``. Two releases are due even then: the first one
    (no ``latest``), and a final release (``pre`` None) after a pre-release, which
    finalises it (``2.0.0-rc.2`` -> ``2.0.0``). ``existing`` holds every version label
    already tagged, so that a calendar label is never reused.
    """
    if scheme == CALVER:
        if latest is not None and bump is Level.NONE:
            return None
        if pre is not None:
            raise ReleaseError(
                'pre-releases need the semver version scheme (version_scheme = "semver")'
            )
        return next_calver(today, existing)
    finalising = pre is None and latest is not None and is_prerelease(latest)
    if latest is not None and bump is Level.NONE and not finalising:
        return None
    return next_semver(latest, bump, pre)


def is_prerelease(label: str) -> bool:
    """True for a semver pre-release label such as ``2.0.0-rc.1``."""
    version = parse_semver(label)
    return version is not None and bool(version.prerelease)


def next_semver(current: str | None, bump: Level, pre: str | None = None) -> str:
    """The version after ``current`` for a release of size ``bump``.

    From a pre-release (``2.0.0-rc.1``) a final release keeps its number (``2.0.0``), and
    another pre-release of the same kind counts up (``2.0.0-rc.2``), unless the changes
    need a bigger bump than the pre-release already announced.
    """
    if pre is not None and not _PRE_LABEL.fullmatch(pre):
        raise ReleaseError(
            f"--pre {pre!r} is not a pre-release label (letters, digits and '-', e.g. rc or beta)"
        )
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
            following = semver.Version.parse(f"{base}-{pre}.1")
            if following <= version:
                raise ReleaseError(
                    f"{following} would sort before {current}; use a later label than "
                    f"{version.prerelease.split('.')[0]!r}, or release {base}"
                )
            return str(following)
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
    # Compare as dates, so that a day tagged ``2025-09-12`` counts as taken too.
    taken = {key for key in map(parse_calver, existing) if key is not None}
    day = (today.year, today.month, today.day)
    n = 0
    while (*day, n) in taken:
        n += 1
    return label if n == 0 else f"{label}.{n}"


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
