"""When a bump fails a check: the ``--fail-on`` threshold, and the pull-request labels
that accept a bump. ``specdiff compare --fail-on`` and the Action's pull-request check
both decide here, so they cannot disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.vocabulary import Level

if TYPE_CHECKING:
    from collections.abc import Collection

    from ..model.changes import Report

NEVER = "none"
"""The ``fail-on`` value that turns the check off."""
FAIL_ON_LEVELS: tuple[str, ...] = tuple(
    str(level) for level in sorted(Level, reverse=True) if level is not Level.NONE
)
"""The levels a check can fail on, highest first: ``major``, ``minor``, ``patch``."""
FAIL_ON_CHOICES: tuple[str, ...] = (*FAIL_ON_LEVELS, NEVER)


def fail_on_level(name: str | None) -> Level | None:
    """The threshold a ``fail-on`` value names; None (never fail) for ``none``, ``never``
    or nothing. Raises ValueError for anything else."""
    text = (name or "").strip().lower()
    if text in ("", NEVER, "never"):
        return None
    if text not in FAIL_ON_LEVELS:
        raise ValueError(f"fail-on {text!r} is not one of {', '.join(FAIL_ON_CHOICES)}")
    return Level.parse(text)


def reaches(report: Report, fail_on: Level | None) -> bool:
    """True when the changes nobody accepted (``[[accept]]``) reach ``fail_on``."""
    if fail_on is None or fail_on is Level.NONE:
        return False
    return report.blocking_bump >= fail_on


def accepting_label(
    accept_labels: Collection[tuple[Level, str]], bump: Level, labels: Collection[str]
) -> str | None:
    """The first of the pull request's ``labels`` that accepts a bump of size ``bump``.

    A label accepts its own level and every smaller one: ``spec-major-ok`` lets a minor
    bump pass too, ``spec-minor-ok`` never lets a major one pass."""
    for level, label in accept_labels:
        if level >= bump and label in labels:
            return label
    return None


def label_to_accept(accept_labels: Collection[tuple[Level, str]], bump: Level) -> str | None:
    """The label a maintainer could add to accept a bump of size ``bump``, if one exists."""
    return next((label for level, label in accept_labels if level >= bump), None)
