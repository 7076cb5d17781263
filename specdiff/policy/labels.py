"""Version labels and tag names for the two schemes; pure functions, no git.

* **semver**: labels read by the ``semver`` package. A missing patch number is tolerated
  (``v0.1`` is 0.1.0) because real projects tag that way; a bare ``v1`` is not a version.
* **calver**: ``YYYY.MM.DD`` with an optional ``.N`` for a second release on one day
  (``2025.09.12``, ``2025.09.12.1``). A date written with dashes (``2025-09-12``, as some
  specs label their releases) is accepted too; new tags use the dotted form.

A tag name is always the configured prefix followed by the label, in both schemes.
"""

from __future__ import annotations

import re
from datetime import date

import semver

SEMVER = "semver"
CALVER = "calver"

_CALVER = re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})(?:\.(\d+))?")
_DATE_LABEL = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:\.(\d+))?")
_SAME_DAY = re.compile(
    r"(\d{4})[-.](\d{2})[-.](\d{2})[-_. ]*(?:rev(?:ision)?|r)?[-_. ]*(?:\d+|[a-z])", re.IGNORECASE
)

_MAJOR_MINOR = re.compile(r"\d+\.\d+")

CalverKey = tuple[int, int, int, int]


def parse_semver(label: str) -> semver.Version | None:
    """The semver version a label stands for, or None if it is not one.

    A patch number may be missing (``0.1`` is 0.1.0); a bare major (``1``) is refused,
    since such tags usually float (GitHub Actions' ``v1``) rather than mark a release."""
    if not _MAJOR_MINOR.match(label):
        return None
    try:
        return semver.Version.parse(label, optional_minor_and_patch=True)
    except (ValueError, TypeError):
        return None


def parse_calver(label: str) -> CalverKey | None:
    """``(year, month, day, n)`` for a calendar label (dotted or dashed), or None."""
    match = _CALVER.fullmatch(label) or _DATE_LABEL.fullmatch(label)
    if match is None:
        return None
    day = _calendar_day(match)
    return None if day is None else (*day, int(match.group(4) or 0))


def revision_day(label: str) -> tuple[int, int, int] | None:
    """The day of a same-day revision label such as ``2025-12-18-rev2``, ``2025-12-18b``
    or ``2025-12-18-2`` (a second release that day, as real folders name them), or None.
    Import maps these to ``YYYY.MM.DD.N``."""
    match = _SAME_DAY.fullmatch(label.strip())
    if match is None:
        return None
    return _calendar_day(match)


def _calendar_day(match: re.Match[str]) -> tuple[int, int, int] | None:
    """The (year, month, day) of a label's first three groups when that day exists."""
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    try:
        date(year, month, day)
    except ValueError:
        return None
    return (year, month, day)


def is_date_label(label: str) -> bool:
    """True for labels such as ``2025-02-12`` or ``2025.02.12`` (valid calendar dates)."""
    return parse_calver(label) is not None


def normalise_label(label: str, scheme: str) -> str | None:
    """The canonical label in ``scheme`` (``2025-02-12`` -> ``2025.02.12``), or None."""
    if scheme == CALVER:
        key = parse_calver(label)
        if key is None:
            return None
        year, month, day, n = key
        return f"{year:04d}.{month:02d}.{day:02d}" + (f".{n}" if n else "")
    return label if parse_semver(label) is not None else None


def tag_name(label: str, scheme: str, prefix: str) -> str | None:
    """The tag a version label is released as, or None when the label is not valid."""
    canonical = normalise_label(label, scheme)
    return None if canonical is None else prefix + canonical


def tag_version(name: str, scheme: str, prefix: str) -> str | None:
    """The version label of a tag named ``name``, or None if it is not a version tag."""
    if not name.startswith(prefix):
        return None
    label = name[len(prefix) :]
    if scheme == CALVER:
        return label if parse_calver(label) is not None else None
    return label if parse_semver(label) is not None else None
