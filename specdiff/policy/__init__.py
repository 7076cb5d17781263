"""Severity of each change, the reason for it, and the bump of a release.

Precedence, highest first: a policy override for one of the change's tags, a policy
override for its kind, the default severity of its tags, the default of its kind. A
section attribute ceiling (``authority=guideline = "minor"``) then caps the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.changes import Change
from ..model.vocabulary import KIND_TERMS, TAG_TERMS, Level
from .reasons import explain

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..config import Config
    from ..model.changes import DraftChange

MAJOR, MINOR, PATCH, NONE = Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE

DEFAULT_TAG_SEVERITY: Mapping[str, Level] = {
    term.name: term.severity for term in TAG_TERMS if term.severity is not None
}
"""Tags that decide a severity on their own (from :data:`~specdiff.model.vocabulary.TAG_TERMS`).
``modified`` only marks a moved clause that was also edited: the tags of the edit decide."""

DEFAULT_KIND_SEVERITY: Mapping[str, Level] = {
    term.name: term.severity for term in KIND_TERMS if term.severity is not None
}


def severity(
    change: DraftChange, config: Config, attributes: Mapping[str, str]
) -> tuple[Level, str]:
    """The change's severity and what decided it (a tag, a kind, or a policy entry)."""
    policy = config.policy
    tag_overrides = dict(policy.tags)
    overridden = [(tag_overrides[t], f"policy.tags.{t}") for t in change.tags if t in tag_overrides]
    kind_override = dict(policy.kinds).get(change.kind_name)
    if overridden:
        level, decided = max(overridden)
    elif kind_override is not None:
        level, decided = kind_override, f"policy.kinds.{change.kind_name}"
    else:
        tagged = [(DEFAULT_TAG_SEVERITY[t], t) for t in change.tags if t in DEFAULT_TAG_SEVERITY]
        level, decided = (
            max(tagged) if tagged else (DEFAULT_KIND_SEVERITY[change.kind_name], change.kind_name)
        )
    for name, value, ceiling in policy.attributes:
        if attributes.get(name) == value and level > ceiling:
            level, decided = ceiling, f"policy.attributes.{name}={value}"
    return level, decided


def triage(
    changes: Iterable[DraftChange], config: Config, attributes_of: Mapping[str, Mapping[str, str]]
) -> list[Change]:
    """Classify each draft change: its severity, reason and acceptance; drop what the
    config ignores.

    ``attributes_of`` maps a change id to the effective attributes of its section.
    """
    accepted = {a.id: a.reason for a in config.accept}
    ignored_kinds = set(config.ignore_kinds)
    ignored_sections = set(config.ignore_sections)
    result = []
    for change in changes:
        if change.kind_name in ignored_kinds:
            continue
        if {change.section, change.old_section} & ignored_sections:
            continue
        level, decided = severity(change, config, attributes_of.get(change.id, {}))
        result.append(
            Change.classified(
                change, level, explain(change, decided, level), accepted.get(change.id)
            )
        )
    return result


def bump_of(changes: Iterable[Change]) -> Level:
    """The highest severity among the changes: the bump the release deserves."""
    return max((c.severity for c in changes), default=NONE)
