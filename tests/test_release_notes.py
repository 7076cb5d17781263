"""Release notes a maintainer publishes as they are: a 200-change release stays within the
word budget with its major changes named, every quote in an entry is true (the old words
are in the old version, the new words in the new one), highlights come first."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest
from gitutil import CORPUS

from specdiff.compare import compare_specs
from specdiff.config import Config
from specdiff.model.changes import Endpoint, Report
from specdiff.model.vocabulary import Level
from specdiff.parse import parse_spec
from specdiff.render.changelog import WORD_BUDGET, Entry, render_entry

_PAIR = re.compile(r"“([^”]*)” → “([^”]*)”")


def synthetic_release() -> tuple[str, str]:
    """50 sections of four clauses; the new version makes four changes in each (200 in
    all): 10 rules strengthened and 40 descriptive sentences reworded, 100 spelling fixes
    and 50 added clauses."""
    old_sections, new_sections = [], []
    for n in range(50):
        paragraphs = [
            f"The assistant should handle case {n} with care and explain its reasoning.",
            f"Requests about topic {n} are common and usualy harmless in practice.",
            f"When a user asks about item {n}, the reply covers the recieved facts first.",
            f"Background on subject {n} helps readers see why the rules exist at all.",
        ]
        changed = list(paragraphs)
        if n < 10:
            changed[0] = changed[0].replace("should", "must")
        else:
            changed[3] = changed[3].replace("helps readers see", "shows readers")
        changed[1] = changed[1].replace("usualy", "usually")
        changed[2] = changed[2].replace("recieved", "received")
        changed.append(f"A new note about theme {n} says where to read more.")
        heading = f"## Topic number {n} {{#topic_{n}}}\n\n"
        old_sections.append(heading + "\n\n".join(paragraphs))
        new_sections.append(heading + "\n\n".join(changed))
    head = "# Synthetic spec\n\n"
    return head + "\n\n".join(old_sections) + "\n", head + "\n\n".join(new_sections) + "\n"


def report_of(old: str, new: str) -> Report:
    config = Config()
    return compare_specs(
        parse_spec(old, config.vocabulary),
        parse_spec(new, config.vocabulary),
        config,
        base=Endpoint("1.0.0"),
        head=Endpoint("2.0.0"),
    )


def highlights_of(entry: str) -> list[str]:
    """The bullet list right after the opening sentence."""
    blocks = entry.split("\n\n")
    return [line for line in blocks[2].splitlines() if line.startswith("- ")]


def test_a_200_change_release_fits_the_word_budget_and_names_every_major_change() -> None:
    report = report_of(*synthetic_release())
    assert len(report.changes) == 200
    entry = render_entry(Entry("2.0.0", date(2026, 1, 1), report))
    assert len(entry.split()) <= WORD_BUDGET
    top = highlights_of(entry)
    assert 1 <= len(top) <= 7
    assert all(line.endswith((".", "”")) for line in top)
    majors = [c for c in report.changes if c.severity is Level.MAJOR]
    assert len(majors) == 10
    for change in majors:
        title = report.title_of(change.section)
        named = [
            line for line in entry.splitlines() if f"**{title}**" in line or f"“{title}”" in line
        ]
        assert any("(major)" in line or line in top for line in named), title
    # Editorial fixes are folded into counts, one line per heading at most.
    fixed = entry.split("### Fixed\n\n")[1].split("\n\n")[0].splitlines()
    assert len(fixed) <= 2
    assert "editorial fixes (spelling)" in fixed[-1]
    # The full detail lists every change on its own line.
    full = render_entry(Entry("2.0.0", date(2026, 1, 1), report, detail="full"))
    assert len([line for line in full.splitlines() if "_(" in line]) == len(report.changes)


def quotes_are_true(entry: str, old: str, new: str) -> None:
    """Each ``“a” → “b”`` pair: a's words are in the old text, b's in the new one, and
    they differ."""
    old_flat, new_flat = " ".join(old.split()), " ".join(new.split())
    pairs = _PAIR.findall(entry)
    assert pairs
    for before, after in pairs:
        assert before != after, (before, after)
        for text, source in ((before, old_flat), (after, new_flat)):
            for piece in text.replace("&lt;", "<").replace("&gt;", ">").split("…"):
                assert piece.strip() in source, (piece, before, after)


def test_every_quote_of_the_model_spec_pair_is_true() -> None:
    folder = CORPUS / "openai-model-spec"
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    old = (folder / "01-2025-02-12.md").read_text(encoding="utf-8")
    new = (folder / "02-2025-04-11.md").read_text(encoding="utf-8")
    report = report_of(old, new)
    for detail in ("short", "full"):
        entry = render_entry(Entry("2.0.0", date(2025, 4, 11), report, detail=detail))
        quotes_are_true(entry, old, new)
    top = highlights_of(render_entry(Entry("2.0.0", date(2025, 4, 11), report)))
    assert any('"white lies"' in line and "are not allowed" in line for line in top)
    assert any("“a white lie that's over the line” moved" in line for line in top)


def test_every_quote_of_the_sample_history_is_true() -> None:
    history = Path(__file__).resolve().parents[1] / "history"
    files = sorted(history.glob("0*.md"))
    for before, after in itertools.pairwise(files):
        old, new = before.read_text(encoding="utf-8"), after.read_text(encoding="utf-8")
        entry = render_entry(Entry("x", date(2026, 1, 1), report_of(old, new), detail="full"))
        quotes_are_true(entry, old, new)


_FIELD_TABLES = """# API

## Operation Object {#operation-object}

Describes a single API operation on a path.

### Fixed Fields {#operation-fixed-fields}

Field Name | Type | Description
---|:---:|---
<a name="operationTags"></a>tags | [`string`] | A list of tags for API documentation control.
<a name="operationReply"></a>reply | `string` | The reply the operation gives.
<a name="operationId"></a>operationId | `string` | Unique string used to identify the operation.

## Server Object {#server-object}

An object representing a Server.

### Fixed Fields {#server-fixed-fields}

Field Name | Type | Description
---|:---:|---
<a name="serverUrl"></a>url | `string` | A URL to the target host. This URL supports Server Variables and MAY be relative.
"""


def test_a_table_cell_edit_is_quoted_with_its_column_and_both_values() -> None:
    old = _FIELD_TABLES
    new = old.replace("reply | `string` |", "reply | `string \\| null` |").replace(
        "MAY be relative.", "MAY be relative, to indicate that the host location is relative."
    )
    entry = render_entry(Entry("2.0.0", date(2026, 1, 1), report_of(old, new), detail="full"))
    reply = next(line for line in entry.splitlines() if "field `reply`" in line)
    assert "Type widened: “`string`” → “`string | null`” in field `reply`" in reply
    url = next(line for line in entry.splitlines() if "field `url`" in line)
    assert "Description: “" in url
    # True quotes: the old value is in the old table, the new one in the new table, and a
    # long prose cell is quoted around its change, never cut before it.
    unescape = {"old": old.replace("\\|", "|"), "new": new.replace("\\|", "|")}
    for line in (reply, url):
        for before, after in _PAIR.findall(line):
            assert before != after
            for text, source in ((before, unescape["old"]), (after, unescape["new"])):
                for piece in text.split("…"):
                    assert piece.strip() in " ".join(source.split()), (piece, line)
    assert "to indicate that the host location" in url


def test_details_are_grouped_by_section_with_its_parent_path() -> None:
    new = _FIELD_TABLES.replace("The reply the operation gives.", "The reply it gives back.")
    new = new.replace("A URL to the target host.", "The URL of the target host.")
    entry = render_entry(Entry("2.0.0", date(2026, 1, 1), report_of(_FIELD_TABLES, new)))
    # Two sections share the title "Fixed Fields": each reads under its parent, and the
    # document's own title, above them all, is left out.
    assert "**Operation Object › Fixed Fields** (`#operation-fixed-fields`)" in entry
    assert "**Server Object › Fixed Fields** (`#server-fixed-fields`)" in entry
    assert "API ›" not in entry
