"""What each policy option *does* to a comparison (tests/test_config.py checks that the
options are read; these check their effect). Each test pins one branch of
``specdiff.policy``: deleting that branch fails it.

The two branches that live outside ``specdiff.policy`` are tested beside their code: the
level a pull-request label may accept in ``tests/test_gate.py``, and the rule that a NONE
bump makes no release in ``tests/test_next_version.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from specdiff.compare import compare_specs
from specdiff.config import config_from_mapping
from specdiff.model.vocabulary import Level
from specdiff.parse import parse_spec

if TYPE_CHECKING:
    from specdiff.model.changes import Report

MAJOR, MINOR, PATCH, NONE = Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE

OLD = """# Rules {#rules}

## Honesty {#honesty authority=user}

The assistant should cite its sources.

The assistant may decline to guess.

## Style {#style authority=guideline}

Answers should be short.

## Drafts {#drafts}

A note that instructs nobody.
"""
NEW = """# Rules {#rules}

## Honesty {#honesty authority=user}

The assistant must cite its sources.

The assistant may decline to guess!

## Style {#style authority=guideline}

Answers must be short.

## Drafts {#drafts}

A note that instructs nobody, rewritten a little.

## Glossary {#glossary}

Terms used above.
"""


def compare(policy: dict[str, Any] | None = None) -> Report:
    config = config_from_mapping(policy or {}, "test")
    return compare_specs(parse_spec(OLD), parse_spec(NEW), config)


def by_section(report: Report) -> dict[tuple[str | None, str], Any]:
    """``(section, first tag or kind)`` to the change, for the changes of the fixture."""
    return {(c.section, c.tags[0] if c.tags else c.kind_name): c for c in report.changes}


def test_the_defaults_this_file_starts_from() -> None:
    changes = by_section(compare())
    assert changes[("honesty", "normative.strengthened")].severity is MAJOR
    assert changes[("honesty", "editorial")].severity is PATCH
    assert changes[("style", "normative.strengthened")].severity is MAJOR
    assert changes[("drafts", "wording.substantive")].severity is MINOR
    assert changes[("glossary", "section.added")].severity is MINOR
    assert compare().bump is MAJOR


def test_a_tag_override_sets_the_severity_and_says_so() -> None:
    report = compare({"policy": {"tags": {"editorial": "none", "normative.strengthened": "minor"}}})
    changes = by_section(report)
    editorial = changes[("honesty", "editorial")]
    assert editorial.severity is NONE
    assert editorial.reason == "Set to none by the project's policy (policy.tags.editorial)."
    assert changes[("honesty", "normative.strengthened")].severity is MINOR
    assert report.bump is MINOR


def test_a_tag_override_wins_over_a_kind_override() -> None:
    changes = by_section(
        compare({"policy": {"tags": {"editorial": "minor"}, "kinds": {"clause.modified": "none"}}})
    )
    assert changes[("honesty", "editorial")].severity is MINOR
    assert changes[("drafts", "wording.substantive")].severity is NONE


def test_a_kind_override_wins_over_the_default_tags() -> None:
    report = compare({"policy": {"kinds": {"clause.modified": "patch", "section.added": "none"}}})
    changes = by_section(report)
    strengthened = changes[("honesty", "normative.strengthened")]
    assert strengthened.severity is PATCH  # the tag alone would make it major
    assert strengthened.reason == (
        "Set to patch by the project's policy (policy.kinds.clause.modified)."
    )
    assert changes[("glossary", "section.added")].severity is NONE
    assert report.bump is PATCH


def test_an_attribute_ceiling_caps_changes_in_such_sections_only() -> None:
    report = compare({"policy": {"attributes": {"authority=guideline": "minor"}}})
    changes = by_section(report)
    capped = changes[("style", "normative.strengthened")]
    assert capped.severity is MINOR
    assert capped.reason == (
        "Set to minor by the project's policy (policy.attributes.authority=guideline)."
    )
    assert changes[("honesty", "normative.strengthened")].severity is MAJOR  # authority=user
    assert changes[("honesty", "editorial")].severity is PATCH  # below the ceiling: as it was


def test_an_attribute_ceiling_caps_a_tag_override_too() -> None:
    policy = {
        "tags": {"normative.strengthened": "major", "wording.substantive": "major"},
        "attributes": {"authority=guideline": "minor"},
    }
    changes = by_section(compare({"policy": policy}))
    assert changes[("style", "normative.strengthened")].severity is MINOR
    assert changes[("honesty", "normative.strengthened")].severity is MAJOR
    assert changes[("drafts", "wording.substantive")].severity is MAJOR  # no authority there


def test_ignored_kinds_are_left_out() -> None:
    report = compare({"ignore": {"kinds": ["section.added"]}})
    assert "section.added" not in report.counts
    assert ("glossary", "section.added") not in by_section(report)
    assert report.counts["clause.modified"] == len(by_section(compare())) - 1


def test_ignored_sections_are_left_out() -> None:
    report = compare({"ignore": {"sections": ["style", "glossary"]}})
    assert {c.section for c in report.changes} == {"honesty", "drafts"}
    assert report.bump is MAJOR  # honesty still strengthens a rule
    only_style = compare({"ignore": {"sections": ["honesty", "glossary", "drafts"]}})
    assert {c.section for c in only_style.changes} == {"style"}
