"""Severity of each change, the reason for it, and the bump of a release.

Precedence, highest first: a policy override for one of the change's tags, a policy
override for its kind, the default severity of its tags, the default of its kind. A
section attribute ceiling (``authority=guideline = "minor"``) then caps the result.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model.vocabulary import Level
from .reasons import explain

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..config import Config
    from ..model.changes import Change

MAJOR, MINOR, PATCH, NONE = Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE

DEFAULT_TAG_SEVERITY: Mapping[str, Level] = {
    "normative.reversed": MAJOR,
    "normative.strengthened": MAJOR,
    "normative.weakened": MAJOR,
    "normative.removed": MAJOR,
    "example.verdict_flipped": MAJOR,
    "attribute.raised": MAJOR,
    "attribute.lowered": MAJOR,
    "attribute.authority_changed": MAJOR,
    "normative.added": MINOR,
    "example.added": MINOR,
    "example.removed": MINOR,
    "example.modified": MINOR,
    "attribute.changed": MINOR,
    "wording.substantive": MINOR,
    "moved.attributes_differ": MINOR,
    "wording": PATCH,
    "editorial": PATCH,
    "commentary": PATCH,
    "moved.across_sections": PATCH,
    "moved.within_section": PATCH,
    "reference.broken": PATCH,
}
"""Tags that decide a severity on their own. ``modified`` only marks a moved clause
that was also edited: the tags of the edit decide."""

DEFAULT_KIND_SEVERITY: Mapping[str, Level] = {
    "section.added": MINOR,
    "section.removed": MINOR,
    "section.renamed": PATCH,
    "section.reidentified": MAJOR,
    "section.moved": PATCH,
    "section.attributes": MINOR,
    "section.merged": MAJOR,
    "section.split": MINOR,
    "clause.added": MINOR,
    "clause.removed": MINOR,
    "clause.modified": PATCH,
    "clause.moved": PATCH,
}


def severity(change: Change, config: Config, attributes: Mapping[str, str]) -> tuple[Level, str]:
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
    changes: Iterable[Change], config: Config, attributes_of: Mapping[str, Mapping[str, str]]
) -> list[Change]:
    """Give each change its severity, reason and acceptance; drop what config ignores.

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
            replace(
                change,
                severity=level,
                reason=explain(change, decided, level),
                accepted=accepted.get(change.id),
            )
        )
    return result


def bump_of(changes: Iterable[Change]) -> Level:
    """The highest severity among the changes: the bump the release deserves."""
    return max((c.severity for c in changes), default=NONE)
