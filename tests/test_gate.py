"""The one threshold decision: ``--fail-on`` levels and the labels that accept a bump."""

from __future__ import annotations

import pytest

from specdiff.compare import compare_specs
from specdiff.config import Acceptance, Config
from specdiff.model.vocabulary import Level
from specdiff.parse import parse_spec
from specdiff.policy.gate import (
    FAIL_ON_CHOICES,
    FAIL_ON_LEVELS,
    accepting_label,
    fail_on_level,
    label_to_accept,
    reaches,
)

MAJOR, MINOR, PATCH, NONE = Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE
LABELS = ((MAJOR, "spec-major-ok"), (MINOR, "spec-minor-ok"))
OLD = "# Rules {#rules}\n\nThe assistant should cite sources.\n"


def test_levels_are_spelled_once() -> None:
    assert FAIL_ON_LEVELS == ("major", "minor", "patch")
    assert FAIL_ON_CHOICES == ("major", "minor", "patch", "none")


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("major", MAJOR),
        (" Minor ", MINOR),
        ("patch", PATCH),
        ("none", None),
        ("never", None),
        ("", None),
        (None, None),
    ],
)
def test_fail_on_level(value: str | None, level: Level | None) -> None:
    assert fail_on_level(value) is level


def test_fail_on_level_refuses_other_words() -> None:
    with pytest.raises(ValueError, match="fail-on 'huge' is not one of major, minor, patch, none"):
        fail_on_level("huge")


def test_reaches_counts_only_changes_nobody_accepted() -> None:
    new = "# Rules {#rules}\n\nThe assistant must cite sources.\n\nA new paragraph.\n"
    report = compare_specs(parse_spec(OLD), parse_spec(new))
    assert report.bump is MAJOR
    assert reaches(report, MAJOR) and reaches(report, MINOR) and reaches(report, PATCH)
    assert not reaches(report, None)
    assert not reaches(report, NONE)
    major = next(c for c in report.changes if c.severity is MAJOR)
    accepted = Config(accept=(Acceptance(major.id, "agreed"),))
    report = compare_specs(parse_spec(OLD), parse_spec(new), accepted)
    assert report.bump is MAJOR and report.blocking_bump is MINOR
    assert not reaches(report, MAJOR)
    assert reaches(report, MINOR)


def test_an_unchanged_spec_never_reaches_a_threshold() -> None:
    report = compare_specs(parse_spec(OLD), parse_spec(OLD))
    assert not any(reaches(report, level) for level in (MAJOR, MINOR, PATCH))


@pytest.mark.parametrize(
    ("bump", "labels", "accepted"),
    [
        (MAJOR, ("spec-major-ok",), "spec-major-ok"),
        (MAJOR, ("spec-minor-ok",), None),  # a minor label never lets a major bump pass
        (MINOR, ("spec-minor-ok",), "spec-minor-ok"),
        (MINOR, ("spec-major-ok",), "spec-major-ok"),  # a bigger label covers a smaller bump
        (PATCH, ("docs",), None),
        (MAJOR, (), None),
    ],
)
def test_the_level_a_label_may_accept(
    bump: Level, labels: tuple[str, ...], accepted: str | None
) -> None:
    assert accepting_label(LABELS, bump, labels) == accepted


def test_the_label_to_suggest() -> None:
    assert label_to_accept(LABELS, MAJOR) == "spec-major-ok"
    assert label_to_accept(LABELS, MINOR) == "spec-major-ok"  # the first one that covers it
    assert label_to_accept(((MINOR, "ok"),), MAJOR) is None


def test_the_passing_check_names_the_bump_it_compared() -> None:
    from specdiff.action._check import _verdict

    new = OLD.replace("should", "must") + "\nThe assistant should link them.\n"
    major = next(
        c for c in compare_specs(parse_spec(OLD), parse_spec(new)).changes if c.severity is MAJOR
    )
    config = Config(accept=(Acceptance(major.id, "agreed"),))
    report = compare_specs(parse_spec(OLD), parse_spec(new), config)
    text, failing = _verdict(MAJOR, config, report, (), loosened=False)
    assert not failing
    # The full bump is major; only the unaccepted minor one was held against the threshold.
    assert "bump major, minor without the accepted changes," in text
