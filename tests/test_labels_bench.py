"""The labelled benchmark's label files are well formed and quote the corpus faithfully.

No accuracy threshold here: the classifier is being improved elsewhere, and
``bench/bench_labels.py`` reports how it does. These tests only keep the labels honest:
every key known, every value allowed, every quote short and found in the file it names.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import bench_labels  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

pytestmark = pytest.mark.corpus

LABEL_FILES = sorted((BENCH / "labels").glob("*.toml"))


@pytest.fixture(scope="module")
def corpus_dir() -> Path:
    root = bench_labels.corpus_dir()
    if not root.is_dir():
        pytest.skip(f"corpus not found at {root} (set SPECDIFF_CORPUS to point at it)")
    return root


def _raw(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_there_are_enough_labels_over_enough_pairs() -> None:
    pairs = [bench_labels.load_label_file(path) for path in LABEL_FILES]
    assert len(pairs) >= 6
    assert sum(len(labels) for _, labels in pairs) >= 300


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_header_names_a_consecutive_pair_in_the_corpus(path: Path, corpus_dir: Path) -> None:
    head = _raw(path)["pair"]
    assert {"corpus", "old", "new"} <= set(head) <= {"corpus", "old", "new", "heldout", "sealed"}
    assert isinstance(head.get("heldout", False), bool)
    assert isinstance(head.get("sealed", False), bool)
    folder = bench_labels.spec_folder(corpus_dir, head["corpus"])
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    manifest = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))
    multi = (folder / head["old"]).is_dir()
    if multi:  # a spec made of many files: one folder per version
        assert (folder / head["new"]).is_dir()
        versions = [v["folder"] for v in manifest["versions"]]
    else:
        assert (folder / head["old"]).is_file()
        assert (folder / head["new"]).is_file()
        versions = [v["file"] for v in manifest["versions"]]
    assert versions.index(head["new"]) == versions.index(head["old"]) + 1, "not consecutive"
    # Each label of a many-file spec names the file it is about, and only then.
    for number, label in enumerate(_raw(path).get("label", []), start=1):
        assert ("document" in label) == multi, f"{path.name} label {number}: document"


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_every_label_is_well_formed(path: Path) -> None:
    labels = _raw(path).get("label", [])
    assert labels
    allowed = set(bench_labels.REQUIRED_KEYS) | set(bench_labels.OPTIONAL_KEYS)
    for number, label in enumerate(labels, start=1):
        where = f"{path.name} label {number}"
        assert set(bench_labels.REQUIRED_KEYS) <= set(label), where
        assert set(label) <= allowed, f"{where}: unknown {set(label) - allowed}"
        assert label.get("quote_old") or label.get("quote_new"), f"{where}: no quote"
        kinds = bench_labels.as_list(label["kind"])
        assert kinds
        assert set(kinds) <= set(bench_labels.KINDS), where
        severities = bench_labels.as_list(label["severity"])
        assert severities
        assert set(severities) <= set(bench_labels.SEVERITIES), where
        assert label["category"] in bench_labels.CATEGORIES, where
        assert label["note"].strip(), where
        assert "\n" not in label["note"], f"{where}: the note is one line"
        for item in label.get("tags_any", []):
            assert all(isinstance(t, str) and t for t in bench_labels.as_list(item)), where
        assert all(isinstance(t, str) and t for t in label.get("tags_not", [])), where


def renumbered(version: Path, document: str) -> Iterator[Path]:
    title = document.split(" -- ", 1)[-1]
    return (f for f in sorted(version.glob("*.md")) if f.name.split(" -- ", 1)[-1] == title)


def test_a_renumbered_file_is_found_by_its_title(tmp_path: Path) -> None:
    (tmp_path / "Appendix B -- Notation.md").write_text("x", encoding="utf-8")
    (tmp_path / "Appendix C -- Grammar.md").write_text("y", encoding="utf-8")
    found = list(renumbered(tmp_path, "Appendix A -- Notation.md"))
    assert [f.name for f in found] == ["Appendix B -- Notation.md"]
    assert list(renumbered(tmp_path, "Appendix A -- Conformance.md")) == []


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_quotes_are_short_and_verbatim(path: Path, corpus_dir: Path) -> None:
    pair, labels = bench_labels.load_label_file(path)
    folder = bench_labels.spec_folder(corpus_dir, pair.corpus)
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")

    def text(version: str, document: str | None) -> str:
        file = folder / version / document if document else folder / version
        if document and not file.is_file():
            # A file renumbered between editions ("Appendix A -- Notation Conventions.md" ->
            # "Appendix B -- ...") is named by its new name and found here by its title.
            file = next(renumbered(folder / version, document), file)
        assert file.is_file(), f"{file}: no such file"
        return file.read_text(encoding="utf-8")

    for label in labels:
        for side, quote in (("old", label.quote_old), ("new", label.quote_new)):
            if quote is None:
                continue
            assert 3 <= len(quote) <= bench_labels.MAX_QUOTE, f"{label.ref}: quote length"
            version = pair.old if side == "old" else pair.new
            # Matched as the scorer matches (link targets may be left out, as the label
            # format allows), so a quote the scorer can find is never refused here.
            whole = text(version, label.document)
            found = bench_labels.normalise(quote) in bench_labels.normalise(whole)
            assert found or bench_labels.quote_in(quote, whole), (
                f"{label.ref}: {side} quote not in {side} file: {quote!r}"
            )


def test_added_and_removed_labels_quote_the_side_that_exists() -> None:
    for _, labels in map(bench_labels.load_label_file, LABEL_FILES):
        for label in labels:
            if label.kind == ["clause added"] or label.kind == ["section added"]:
                assert label.quote_new, label.ref
            if label.kind == ["clause removed"] or label.kind == ["section removed"]:
                assert label.quote_old, label.ref


def test_normalise_ignores_typography_whitespace_and_markup() -> None:
    assert bench_labels.normalise("It’s  a\n“quote” — `x`") == bench_labels.normalise(
        'it\'s a "quote" --- x'
    )
    assert bench_labels.quote_in("see here", "See [here](#anchor).")
    assert bench_labels.quote_in("- item one", "Item one")


def test_a_block_quote_over_several_lines_is_found_without_its_markers() -> None:
    text = "Motto: if a rule holds, it will hold when put into a box."
    assert bench_labels.quote_in("> if a rule holds,\n> it will hold when put into a\n> box.", text)
    # Control: a marker mid-quote that is not at every line start stays part of the quote,
    # and the literal match (examples are code) keeps the markers.
    assert not bench_labels.quote_in("> if a rule holds,\nit will > hold", text)
    assert not bench_labels.quote_in_literally("> if a rule holds,\n> it will hold", text)


def _label(kind: list[str], severity: list[str], **extra: Any) -> bench_labels.Label:
    pair = bench_labels.Pair("spec", "01-a.md", "02-b.md")
    return bench_labels.Label(
        pair, 1, "Gone", kind, severity, "section", "a note", quote_old="text", **extra
    )


def _removed_section(severity: str, tags: list[str]) -> dict[str, Any]:
    return {"scope": "section", "kind": "removed", "severity": severity, "tags": tags}


def test_a_clause_inside_a_removed_section_is_answered_by_the_section_record() -> None:
    record = _removed_section("minor", [])
    verdict = bench_labels.judge(_label(["clause removed"], ["minor"]), record)
    assert verdict.acceptable, verdict.why
    moved = bench_labels.judge(_label(["clause moved"], ["minor"]), record)
    assert not moved.acceptable  # the reader saw the paragraph survive elsewhere


def test_a_removed_section_is_as_severe_as_its_most_severe_labelled_part() -> None:
    rule = _label(["clause removed"], ["major"], tags_any=[["normative.removed"]])
    prose = _label(["clause removed"], ["minor"], tags_not=["normative.*"])
    record = _removed_section("major", ["normative.removed"])
    records: list[dict[str, Any] | None] = [record, record]
    severities = bench_labels.section_severities([rule, prose], records)
    verdict = bench_labels.judge(prose, record, severities[id(record)])
    assert verdict.acceptable and not verdict.false_major, verdict.why
    # Without a rule among its labelled parts, the section's MAJOR is a false one.
    alone = bench_labels.section_severities([prose], [record])
    verdict = bench_labels.judge(prose, record, alone[id(record)])
    assert not verdict.acceptable and verdict.false_major


def test_a_label_on_one_file_of_many_is_answered_only_by_that_file() -> None:
    label = _label(["clause removed"], ["minor"], document="Section 2.md")
    label.section = "Intro"
    elsewhere = {
        "scope": "clause",
        "kind": "removed",
        "severity": "minor",
        "document": "Section 3.md",
        "old_document": "Section 3.md",
        "old_section": "intro",
        "old": {"text": "the text"},
    }
    here = {**elsewhere, "document": None, "old_document": "Section 2.md"}
    outline = bench_labels.Outline({"intro": ("Intro", None)})
    assert bench_labels.find_record(label, [elsewhere], outline, outline) is None
    assert bench_labels.find_record(label, [elsewhere, here], outline, outline) is here


def test_an_example_quote_prefers_the_record_with_its_markup_as_written() -> None:
    # "*foo**" and "_foo__" are one quote once emphasis markup is ignored (as it must be for
    # prose); in example blocks they are different inputs, and the record that holds the
    # quote as written answers the label, whichever comes first.
    label = _label(["clause removed"], ["minor"])
    label.section, label.quote_old = "Intro", "_foo__"
    stars = {
        "scope": "clause",
        "kind": "removed",
        "severity": "minor",
        "old_section": "intro",
        "old": {"text": "*foo**"},
    }
    underscores = {**stars, "kind": "modified", "old": {"text": "_foo__"}}
    outline = bench_labels.Outline({"intro": ("Intro", None)})
    assert bench_labels.quote_in("_foo__", "*foo**")
    assert not bench_labels.quote_in_literally("_foo__", "*foo**")
    assert bench_labels.find_record(label, [stars, underscores], outline, outline) is underscores
    assert bench_labels.find_record(label, [stars], outline, outline) is stars


def test_a_code_record_holds_a_quote_only_with_its_markup_as_written() -> None:
    # An unchanged example (nothing reported) is not answered by the record of another
    # example whose text is the same once emphasis marks are read as spaces.
    label = _label(["clause moved", "none"], ["none", "patch"])
    label.section, label.quote_old, label.quote_new = "Intro", "_foo__", "_foo__"
    other = {
        "scope": "clause",
        "kind": "removed",
        "severity": "minor",
        "old_section": "intro",
        "old": {"text": "*foo**", "type": "code"},
    }
    outline = bench_labels.Outline({"intro": ("Intro", None)})
    assert bench_labels.find_record(label, [other], outline, outline) is None
    # Control: prose keeps being read without its markup.
    prose = {**other, "old": {"text": "*foo**", "type": "paragraph"}}
    assert bench_labels.find_record(label, [prose], outline, outline) is prose


def test_a_clause_record_is_still_judged_on_its_own_tags() -> None:
    prose = _label(["clause removed"], ["minor", "major"], tags_not=["normative.*"])
    record = {
        "scope": "clause",
        "kind": "removed",
        "severity": "major",
        "tags": ["normative.removed"],
    }
    assert not bench_labels.judge(prose, record).acceptable


def test_two_labels_on_the_same_edit_made_twice_get_a_record_each() -> None:
    label = _label(["clause modified"], ["patch"])
    label.section = "Intro"
    twin = _label(["clause modified"], ["patch"])
    twin.section = "Intro"
    records = [
        {"scope": "clause", "kind": "modified", "old_section": "intro", "old": {"text": t}}
        for t in ("the text, first branch", "the text, second branch")
    ]
    outline = bench_labels.Outline({"intro": ("Intro", None)})
    first, second = bench_labels.answer_labels([label, twin], records, outline, outline)
    assert first is records[0] and second is records[1]
    # With one record only, both labels are still answered by it.
    assert bench_labels.answer_labels([label, twin], records[:1], outline, outline) == [
        records[0],
        records[0],
    ]


def test_a_heading_label_that_accepts_nothing_is_still_about_the_heading() -> None:
    # One side of two sections swapped: the heading moved, or nothing is reported for it.
    # It is answered by the heading's record, never by a clause that names the heading.
    label = _label(["section moved", "none"], ["patch", "none"], quote_new="Gone")
    label.section = "Gone"
    heading = {
        "scope": "section",
        "kind": "moved",
        "severity": "patch",
        "section": "gone",
        "old_section": "gone",
        "old": {"text": "## Gone {#gone}"},
        "new": {"text": "## Gone {#gone}"},
    }
    clause = {
        "scope": "clause",
        "kind": "modified",
        "severity": "major",
        "section": "gone",
        "old_section": "gone",
        "old": {"text": "Gone things must stay."},
        "new": {"text": "Gone things should stay."},
    }
    outline = bench_labels.Outline({"gone": ("Gone", None)})
    assert bench_labels.is_section_label(label)
    assert bench_labels.find_record(label, [clause, heading], outline, outline) is heading
    assert not bench_labels.is_section_label(_label(["none"], ["none"]))


def test_a_split_is_about_the_new_section_and_a_merge_about_the_old_one() -> None:
    # "### Serialized Map Ordering" split off "### JSON Serialization": the label on JSON
    # Serialization (which stays where it was) is not answered by the split's record.
    label = _label(["section moved", "none"], ["patch", "none"], quote_new="Kept")
    label.section = "Kept"
    split = {
        "scope": "section",
        "kind": "split",
        "severity": "minor",
        "section": "fresh",
        "old_section": "kept",
    }
    old = bench_labels.Outline({"kept": ("Kept", None)})
    new = bench_labels.Outline({"kept": ("Kept", None), "fresh": ("Fresh", None)})
    assert not bench_labels.section_is(label, split, old, new)
    label.section = "Fresh"
    assert bench_labels.section_is(label, split, old, new)
    merged = {**split, "kind": "merged", "section": "kept", "old_section": "gone"}
    old = bench_labels.Outline({"kept": ("Kept", None), "gone": ("Gone", None)})
    label.section = "Kept"
    assert not bench_labels.section_is(label, merged, old, new)
    label.section = "Gone"
    assert bench_labels.section_is(label, merged, old, new)


def test_a_row_removed_from_a_renamed_section_fits_the_title_it_is_shown_under() -> None:
    # "Swagger Object" became "OpenAPI Object": a removed row's record names only its old
    # section, but the report shows it under the new title, which is the one a reader names.
    label = _label(["clause removed"], ["major"], quote_new="host")
    label.section = "OpenAPI Object"
    removed = {
        "scope": "clause",
        "kind": "removed",
        "section": None,
        "old_section": "fixed-fields",
        "path": ["Spec", "OpenAPI Object", "Fixed Fields"],
    }
    old = bench_labels.Outline(
        {"swagger": ("Swagger Object", None), "fixed-fields": ("Fixed Fields", "swagger")}
    )
    new = bench_labels.Outline({"openapi": ("OpenAPI Object", None)})
    assert bench_labels.section_fits(label, removed, old, new)
    assert not bench_labels.section_fits(
        label, {**removed, "path": ["Spec", "Info Object"]}, old, new
    )


def test_a_section_tag_another_labelled_part_may_carry_speaks_for_that_part() -> None:
    # An added section holding a new rule and a rule-free example: its one record carries
    # normative.added for the rule; the example's label, which rules that tag out for
    # itself, is not failed by it while the rule's label allows it.
    rule = _label(["clause added"], ["minor"], tags_not=["normative.removed"])
    example = _label(["clause added"], ["minor"], tags_not=["normative.*"])
    record = {"scope": "section", "kind": "added", "severity": "minor", "tags": ["normative.added"]}
    records: list[dict[str, Any] | None] = [record, record]
    severities = bench_labels.section_severities([rule, example], records)
    tags = bench_labels.section_tags([rule, example], records)
    verdict = bench_labels.judge(example, record, severities[id(record)], tags[id(record)])
    assert verdict.acceptable, verdict.why
    # Control: labelled alone (no part may carry it), the tag is the example's fault.
    alone = bench_labels.section_tags([example], [record])
    verdict = bench_labels.judge(example, record, ["minor"], alone[id(record)])
    assert not verdict.acceptable
    # Control: a tag every labelled part rules out is still a fault.
    prose = _label(["clause added"], ["minor"], tags_not=["normative.*"])
    both = bench_labels.section_tags([prose, example], records)
    verdict = bench_labels.judge(example, record, ["minor"], both[id(record)])
    assert not verdict.acceptable
    # What a label wants present is still looked for.
    wanting = _label(["clause added"], ["minor"], tags_any=[["example.added"]])
    verdict = bench_labels.judge(wanting, record, ["minor"], tags[id(record)])
    assert not verdict.acceptable


def test_a_label_on_an_include_heading_is_answered_by_the_heading_placed_there() -> None:
    # spec-md puts the included file's top heading where "# [Appendix: Terms](terms.md)"
    # stands: a change expected on the include heading is that heading's record.
    label = _label(["section added"], ["minor"], quote_new="Appendix: Terms", document="index.md")
    label.section = "Appendix: Terms"
    added = {
        "scope": "section",
        "kind": "added",
        "severity": "minor",
        "section": "a-appendix-terms",
        "old_section": None,
        "document": "terms.md",
        "new": {"text": "# A. Appendix: Terms"},
    }
    old = bench_labels.Outline({})
    new = bench_labels.Outline(
        {"a-appendix-terms": ("A. Appendix: Terms", None)},
        {("index.md", "appendix: terms"): ("terms.md", "A. Appendix: Terms")},
    )
    assert bench_labels.find_record(label, [added], old, new) is added
    # An include heading expected unchanged is answered by nothing reported on it.
    unchanged = _label(["none", "section moved"], ["none", "patch"], document="index.md")
    unchanged.section = "Appendix: Terms"
    assert bench_labels.find_record(unchanged, [added], old, new) is None
    # A label naming no include heading is not redirected.
    other = _label(["section added"], ["minor"], document="index.md")
    other.section = "Appendix: Other"
    assert bench_labels.find_record(other, [added], old, new) is None


def test_a_heading_that_is_a_link_is_named_by_its_text() -> None:
    assert bench_labels._plain_title("[Appendix: Terms](../TERMS.md)") == "Appendix: Terms"
