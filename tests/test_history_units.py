"""Unit tests for the pieces behind release and changelog: next versions, changelog
insertion, summaries, small edits and section histories."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from historyutil import SAMPLE_VERSIONS, sample_timeline

from specdiff.compare.section_history import trace_section
from specdiff.errors import InputError, ReleaseError
from specdiff.model.changes import Change, Endpoint, Report, Side, StatementChange
from specdiff.model.vocabulary import ChangeKind, Level, Scope
from specdiff.policy.versioning import next_calver, next_semver
from specdiff.render.changelog import (
    CHANGELOG_HEADER,
    Entry,
    describe,
    insert_entry,
    render_entry,
    small_edits,
)
from specdiff.render.summary import summarize

if TYPE_CHECKING:
    from specdiff.history.timeline import Timeline

MAJOR, MINOR, PATCH, NONE = Level.MAJOR, Level.MINOR, Level.PATCH, Level.NONE


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    return sample_timeline(tmp_path_factory)


# -- versioning -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "bump", "pre", "expected"),
    [
        (None, NONE, None, "1.0.0"),
        (None, MINOR, "rc", "1.0.0-rc.1"),
        ("1.2.3", PATCH, None, "1.2.4"),
        ("1.2.3", MINOR, None, "1.3.0"),
        ("1.2.3", MAJOR, None, "2.0.0"),
        ("0.1", MINOR, None, "0.2.0"),
        ("1.2.3", MAJOR, "rc", "2.0.0-rc.1"),
        ("2.0.0-rc.1", MINOR, "rc", "2.0.0-rc.2"),
        ("2.0.0-rc.2", NONE, None, "2.0.0"),
        ("2.0.0-rc.2", MAJOR, None, "2.0.0"),
        ("2.0.0-beta.3", PATCH, "rc", "2.0.0-rc.1"),
        ("1.1.0-rc.1", MINOR, None, "1.1.0"),
        ("1.1.0-rc.1", MAJOR, None, "2.0.0"),
        ("1.1.0-rc.1", MAJOR, "rc", "2.0.0-rc.1"),
        ("1.0.1-rc.1", MINOR, None, "1.1.0"),
    ],
)
def test_next_semver(current: str | None, bump: Level, pre: str | None, expected: str) -> None:
    assert next_semver(current, bump, pre) == expected


def test_next_semver_refusals() -> None:
    with pytest.raises(ReleaseError, match="not a semantic version"):
        next_semver("banana", MINOR)
    with pytest.raises(ReleaseError, match=r"would sort before 2\.0\.0-rc\.1"):
        next_semver("2.0.0-rc.1", MINOR, "beta")
    for bad in ("rc.1", "", "1", "r c", "ü"):
        with pytest.raises(ReleaseError, match="not a pre-release label"):
            next_semver("1.0.0", MINOR, bad)


def test_next_calver() -> None:
    day = date(2025, 9, 12)
    assert next_calver(day, set()) == "2025.09.12"
    assert next_calver(day, {"2025.09.11"}) == "2025.09.12"
    assert next_calver(day, {"2025.09.12"}) == "2025.09.12.1"
    assert next_calver(day, {"2025.09.12", "2025.09.12.1"}) == "2025.09.12.2"
    assert next_calver(day, {"2025-09-12"}) == "2025.09.12.1"  # a dashed tag takes the day too
    assert next_calver(date(2026, 1, 2), {"2025.09.12"}) == "2026.01.02"


# -- insert_entry -----------------------------------------------------------------------------

ENTRY = "## [1.1.0] - 2025-04-02\n\nA minor release: it adds 1 rule.\n"


def test_insert_entry_into_no_file_or_an_empty_one() -> None:
    expected = CHANGELOG_HEADER + "\n" + ENTRY
    assert insert_entry(None, ENTRY) == expected
    assert insert_entry("", ENTRY) == expected
    assert insert_entry("\n  \n", ENTRY) == expected
    assert expected.startswith("# Changelog\n\n")


def test_insert_entry_above_the_newest_entry() -> None:
    existing = (
        "# Changelog\n\nHand-written intro.\n\n## [1.0.0] - 2025-01-15\n\nFirst released version.\n"
    )
    assert insert_entry(existing, ENTRY) == (
        "# Changelog\n\nHand-written intro.\n\n"
        + ENTRY
        + "\n## [1.0.0] - 2025-01-15\n\nFirst released version.\n"
    )
    twice = insert_entry(insert_entry(existing, ENTRY), ENTRY.replace("1.1.0", "1.2.0"))
    assert [line for line in twice.splitlines() if line.startswith("## [")] == [
        "## [1.2.0] - 2025-04-02",
        "## [1.1.0] - 2025-04-02",
        "## [1.0.0] - 2025-01-15",
    ]


def test_insert_entry_into_a_file_without_entries() -> None:
    existing = "# Changes\n\nNothing released yet.\n\n\n"
    assert insert_entry(existing, ENTRY) == "# Changes\n\nNothing released yet.\n\n" + ENTRY


def test_insert_entry_keeps_an_unreleased_section_on_top() -> None:
    existing = (
        "# Changelog\n\n## [Unreleased]\n\n- Draft ideas.\n\n## [1.0.0] - 2025-01-15\n\nFirst.\n"
    )
    assert insert_entry(existing, ENTRY) == (
        "# Changelog\n\n## [Unreleased]\n\n- Draft ideas.\n\n"
        + ENTRY
        + "\n## [1.0.0] - 2025-01-15\n\nFirst.\n"
    )
    only = "# Changelog\n\n## [Unreleased]\n\n- Draft ideas.\n"
    assert insert_entry(only, ENTRY) == only + "\n" + ENTRY


# -- summaries of the sample history ------------------------------------------------------------


def test_summary_of_2_0_0_groups_attribute_changes(timeline: Timeline) -> None:
    report = timeline.release("2.0.0").report
    assert report is not None
    summary = summarize(report)
    assert summary.bump is MAJOR
    assert summary.why.startswith("A major release: it raises the authority of 4 sections, ")
    assert summary.why.endswith(" other major changes.")
    assert (
        "3 sections moved from guideline to user authority: “Match the format to the surface”, "
        "“Be concise by default” and “Write in a warm, plain voice”."
    ) in summary.notable
    assert "“Cite sources for factual claims” moved from user to developer authority." in (
        summary.notable
    )
    assert "“Offer alternatives when declining” was merged into “Refuse clearly and briefly”." in (
        summary.notable
    )
    assert (
        "Anchors changed, so old links break: #untrusted_content → #untrusted_data and "
        "#avoid_flattery → #honest_feedback."
    ) in summary.notable
    assert any(line.startswith("2 rules reversed in ") for line in summary.notable)
    assert any("changed verdict (GOOD ↔ BAD)" in line for line in summary.notable)
    assert summary.counts.startswith("25 changes in all (16 major, 1 minor, 8 patch): ")
    # The tag message form: why, the notable changes as a list, the counts.
    text = summary.as_text().splitlines()
    assert text[0] == summary.why
    assert text[-1] == summary.counts
    assert all(line.startswith("- ") for line in text[1:-1])


def test_summaries_of_the_other_releases(timeline: Timeline) -> None:
    summaries = {r.version.tag.version: summarize(r.report) for r in timeline.releases if r.report}
    assert list(summaries) == list(SAMPLE_VERSIONS[1:])
    assert (
        summaries["1.1.0"].why
        == "A minor release: it adds 2 sections, 2 rules and 1 worked example."
    )
    assert summaries["1.1.1"].why.startswith(
        "A patch release: it makes editorial fixes to 3 clauses"
    )
    assert summaries["1.1.1"].notable == (
        "Section renamed: “Use a warm, plain tone” → “Write in a warm, plain voice”.",
    )
    assert summaries["1.1.1"].counts.startswith("6 changes in all (all patch): ")
    assert (
        "“Handle tool failures” was split out of “Tool call protocol”."
        in summaries["2.1.0"].notable
    )
    assert summaries["3.0.0"].why == (
        "A major release: it strengthens 2 rules, reverses 1 rule, removes 1 section and "
        "raises the authority of 1 section."
    )
    assert (
        "Removed section: “Handle questions about health, law and money”."
        in summaries["3.0.0"].notable
    )


# -- summaries of made-up reports -----------------------------------------------------------------


def change(
    kind: ChangeKind,
    severity: Level,
    tags: tuple[str, ...] = (),
    *,
    scope: Scope = Scope.CLAUSE,
    section: str | None = "s",
    old_section: str | None = "s",
    text: str = "The server must answer.",
    new_text: str | None = None,
    statements: tuple[StatementChange, ...] = (),
    attributes: tuple[tuple[str, str | None, str | None], ...] = (),
) -> Change:
    old = Side(text, (1, 1), "paragraph") if kind is not ChangeKind.ADDED else None
    new = Side(new_text or text, (1, 1), "paragraph") if kind is not ChangeKind.REMOVED else None
    return Change(
        f"id{id(text)}", scope, kind, section, old_section, severity, tags, old, new, "", attributes,
        statements,
    )  # fmt: skip


def report_of(*changes: Change) -> Report:
    return Report(
        Endpoint("1.0.0"), Endpoint("1.1.0"), changes, (("s", "Serving"), ("t", "Timing"))
    )


def test_summary_merges_verbs_and_counts_the_rest() -> None:
    added = [change(ChangeKind.ADDED, MINOR, ("normative.added",)) for _ in range(3)]
    example = change(ChangeKind.ADDED, MINOR, ("example.added",), text="ex")
    summary = summarize(report_of(*added, example))
    assert summary.why == "A minor release: it adds 3 rules and 1 worked example."
    assert summary.counts == "4 changes in all (all minor): 4 clauses added."
    assert summary.notable == ()

    strengthened = StatementChange("normative.strengthened", "should", "must", "It must.")
    many = [
        change(ChangeKind.MODIFIED, MAJOR, ("normative.strengthened",), statements=(strengthened,)),
        change(ChangeKind.MODIFIED, MAJOR, ("normative.reversed",)),
        change(ChangeKind.MODIFIED, MAJOR, ("normative.weakened",)),
        change(ChangeKind.MODIFIED, MAJOR, ("example.verdict_flipped",)),
        change(ChangeKind.REMOVED, MAJOR, ("normative.removed",)),
        change(ChangeKind.REMOVED, MAJOR, ("normative.removed",), section="t", old_section="t"),
        change(ChangeKind.MOVED, MAJOR, ("moved.within_section", "normative.reversed")),
        change(
            ChangeKind.ATTRIBUTES, MAJOR, ("attribute.lowered",), scope=Scope.SECTION,
            attributes=(("authority", "root", "user"),),
        ),
        change(ChangeKind.REIDENTIFIED, MAJOR, (), scope=Scope.SECTION, old_section="u"),
        change(ChangeKind.MODIFIED, PATCH, ("editorial",)),
    ]  # fmt: skip
    summary = summarize(report_of(*many))
    assert summary.why == (
        "A major release: it reverses 2 rules, removes 2 rules, strengthens 1 rule, weakens "
        "1 rule, flips the verdict of 1 worked example and makes 2 other major changes."
    )
    assert "1 rule strengthened in “Serving”: “should” → “must”." in summary.notable
    assert "2 rules removed from “Serving” and “Timing”." in summary.notable
    assert "“Serving” moved from root to user authority." in summary.notable
    assert "Anchor changed, so old links break: #u → #s." in summary.notable
    assert summary.counts == (
        "10 changes in all (9 major, 1 patch): 5 clauses modified, 2 removed and 1 moved; "
        "2 changes to sections."
    )


def test_summary_and_entry_of_a_report_without_changes() -> None:
    summary = summarize(report_of())
    assert (summary.bump, summary.why, summary.notable) == (NONE, "No changes in meaning.", ())
    entry = render_entry(Entry("2.0.0", date(2025, 1, 1), report_of()))
    assert entry == "## [2.0.0] - 2025-01-01\n\nNo changes in meaning since 1.0.0.\n"
    first = render_entry(Entry("1.0.0", date(2025, 1, 1), None))
    assert first == "## [1.0.0] - 2025-01-01\n\nFirst released version.\n"


# -- describing single changes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("say so promtly and plainly", "say so promptly and plainly", "“promtly” → “promptly”"),
        ("search results and tools", "search results, and tools", "“results” → “results,”"),
        ("a **source** of", "a *source* of", "“**source**” → “*source*”"),
        ("see [it](#untrusted_content).", "see [it](#untrusted_data).", "“#untrusted_content” → “#untrusted_data”"),
        ("Wren should use names", "Wren should not use names", "“should” → “should not”"),
        ("Always answer.", "Answer.", "“Always answer.” → “Answer.”"),
        ("a b c d e f", "a x c y e z", "“b” → “x”, “d” → “y”, “f” → “z”"),
        ("a b c d e f g h", "x b y d z f w h", None),
        ("short", "short " + "very long words " * 10, None),
        ("same", "same", None),
    ],
)  # fmt: skip
def test_small_edits(old: str, new: str, expected: str | None) -> None:
    assert small_edits(old, new) == expected


def test_describe_editorial_and_flips() -> None:
    typo = change(
        ChangeKind.MODIFIED, PATCH, ("editorial",), text="it recieve it", new_text="it receive it"
    )
    assert describe(typo) == "Editorial: “recieve” → “receive”"
    moved = change(ChangeKind.MOVED, PATCH, ("moved.across_sections",), old_section="t")
    assert describe(moved) == "Moved from #t: “The server must answer.”"
    entry = render_entry(Entry("1.1.0", date(2025, 1, 1), report_of(moved)))
    assert "- **Serving** (`#s`): moved from “Timing”: “The server must answer.” _(patch)_" in entry


# -- section histories --------------------------------------------------------------------------


def test_trace_section_through_rename_merge_removal_and_split(timeline: Timeline) -> None:
    versions = [(r.version.tag.version, r.version.spec) for r in timeline.releases]
    reports = [r.report for r in timeline.releases]

    steps = trace_section("honest_feedback", versions, reports)
    assert [(s.version, s.section_id, s.event) for s in steps] == [
        ("1.0.0", "avoid_flattery", "introduced"),
        ("1.1.0", "avoid_flattery", "unchanged"),
        ("1.1.1", "avoid_flattery", "unchanged"),
        ("2.0.0", "honest_feedback", "changed"),
        ("2.1.0", "honest_feedback", "unchanged"),
        ("3.0.0", "honest_feedback", "unchanged"),
    ]
    assert {c.kind_name for c in steps[3].changes} == {
        "section.renamed",
        "section.reidentified",
        "clause.modified",
    }
    assert trace_section("avoid_flattery", versions, reports) == steps

    merged = trace_section("offer_alternatives", versions, reports)
    assert [(s.version, s.event) for s in merged][-1] == ("2.0.0", "merged")
    assert merged[-1].section_id is None
    assert "section.merged" in {c.kind_name for c in merged[-1].changes}

    removed = trace_section("specialist_topics", versions, reports)
    assert [(s.version, s.event) for s in removed] == [
        ("1.1.0", "introduced"),
        ("1.1.1", "unchanged"),
        ("2.0.0", "unchanged"),
        ("2.1.0", "unchanged"),
        ("3.0.0", "removed"),
    ]
    assert removed[0].changes[0].kind_name == "section.added"

    split = trace_section("tool_failures", versions, reports)
    assert [(s.version, s.event) for s in split] == [
        ("2.1.0", "introduced"),
        ("3.0.0", "unchanged"),
    ]
    assert "section.split" in {c.kind_name for c in split[0].changes}
    assert trace_section("overview", versions, reports)[0].changes == ()

    with pytest.raises(InputError, match=r"no section #nowhere in any version \(1.0.0, "):
        trace_section("nowhere", versions, reports)
