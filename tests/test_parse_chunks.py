"""Parsing a long document in pieces gives exactly the spec a whole parse gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import specdiff.parse as parse_module
from specdiff.parse import parse_spec
from specdiff.parse._chunks import safe_cuts

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SPECDIFF_CORPUS") or ROOT.parent / "shared" / "corpus")

#: Blocks chosen to tempt a careless cutter: headings inside fences, comments and <pre>
#: blocks that span blank lines, indented fences in list items, HTML blocks that a
#: heading line would continue, tables, quotes and lazy continuation lines.
BLOCKS = (
    "# Title {#top}",
    "## Rules {#rules authority=root}",
    "### Details",
    "The assistant must be kind.\nIt should say so.",
    "- one\n- two\n\n  continued item text",
    "1. first\n1. second",
    "```\n# not a heading\n\n# still code\n```",
    "~~~xml\n<user>\n# pasted\n</user>\n<assistant> <!-- GOOD -->\nok\n</assistant>\n~~~",
    "- item with a fence:\n\n  ```\n  code\n\n# col-0 line after a blank\n  ```",
    "<!-- a comment\n\n# inside the comment\n\nstill inside -->",
    "<pre>\n\n# inside pre\n\n</pre>",
    "<div>\n# continues the html block\n</div>",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "> quoted\n# heading right after a quote",
    '!!! meta "Commentary"\n    An aside.',
    "Setext heading\n==============",
    "```\nan unclosed fence",
    "<!-- an unclosed comment",
    "<script>\n\n# in a script\n</script>",
    "````\n```\n\n# inside a longer fence\n````",
    "~~~\n```\n\n# tilde fence, backtick inside\n~~~",
    "    # indented code, not a heading",
    "> - quoted list\n>   ```\n>   quoted fence",
    '[ref]: https://example.org\n  "title"',
    "",
)


def _parse_both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    monkeypatch.setattr(parse_module, "CHUNK_LINES", 10**9)
    whole = parse_spec(text)
    monkeypatch.setattr(parse_module, "CHUNK_LINES", 1)
    pieces = parse_spec(text)
    return whole, pieces


@settings(max_examples=int(os.environ.get("SPECDIFF_CHUNK_EXAMPLES", "150")), deadline=None)
@given(st.lists(st.sampled_from(BLOCKS), min_size=1, max_size=14), st.sampled_from(["\n\n", "\n"]))
def test_pieces_equal_whole_on_tricky_documents(blocks: list[str], joiner: str) -> None:
    text = joiner.join(blocks) + "\n"
    with pytest.MonkeyPatch.context() as monkeypatch:
        whole, pieces = _parse_both(text, monkeypatch)
    assert pieces == whole


def test_no_cut_inside_code_or_spanning_html() -> None:
    lines = [
        "# A",
        "",
        "```",
        "",
        "# code",
        "```",
        "",
        "<!--",
        "",
        "# comment",
        "-->",
        "",
        "<pre>",
        "",
        "# pre",
        "</pre>",
        "",
        "# B",
    ]
    cuts = [lines[i] for i in safe_cuts(lines)]
    assert cuts == ["# A", "# B"]


@pytest.mark.parametrize("path", sorted((ROOT / "history").glob("*.md")), ids=lambda p: p.name)
def test_pieces_equal_whole_on_the_sample_history(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole, pieces = _parse_both(path.read_text(encoding="utf-8"), monkeypatch)
    assert pieces == whole


@pytest.mark.corpus
def test_pieces_equal_whole_on_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(CORPUS.glob("*/*.md"))
    if not files:
        pytest.skip(f"no corpus at {CORPUS}")
    for path in files:
        whole, pieces = _parse_both(path.read_text(encoding="utf-8"), monkeypatch)
        assert pieces == whole, path.name
