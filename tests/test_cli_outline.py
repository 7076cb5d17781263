"""``specdiff outline``: the section tree with ids, attributes and counts, as text or JSON."""

from __future__ import annotations

import json

from parseutil import PARSE_FIXTURES


def test_text_outline(cli):
    result = cli("outline", PARSE_FIXTURES / "clauses.md")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "Kettle behaviour  #kettle  [authority=platform]  (3 paragraph, 13 list item, "
        "2 table row, 2 blockquote, 1 admonition, 2 code, 2 example, 1 html; 2 normative)",
        "    example L53: asking for tea [GOOD, BAD, GOOD]",
        "    example L71: untitled example [BAD]",
        "  Trailing section  #trailing-section  (no clauses)",
        "",
        "2 sections, 26 clauses, 2 normative statements",
    ]


def test_text_outline_lists_parse_warnings(cli):
    result = cli("outline", PARSE_FIXTURES / "headings.md")
    assert result.code == 0
    warnings = [line for line in result.out.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: line 41: duplicate section id 'start'; this one is 'start-1'",
        "warning: line 43: malformed attribute block: cannot read 'key=' in attribute block "
        "{#broken key=}",
        "warning: line 45: malformed attribute block: unclosed attribute block '{#open key=value'",
    ]


def test_json_outline(cli):
    path = PARSE_FIXTURES / "clauses.md"
    result = cli("outline", path, "--format", "json")
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["schema"] == "specdiff.outline/1"
    assert data["path"] == str(path)
    assert data["lines"] == 80
    kettle, trailing = data["sections"]
    assert kettle == {
        "id": "kettle",
        "title": "Kettle behaviour",
        "level": 1,
        "parent": "",
        "id_source": "explicit",
        "attributes": {"authority": "platform"},
        "classes": [],
        "lines": [1, 79],
        "clauses": {
            "paragraph": 3,
            "list_item": 13,
            "table_row": 2,
            "blockquote": 2,
            "admonition": 1,
            "code": 2,
            "example": 2,
            "html": 1,
        },
        "normative": 2,
        "examples": [
            {
                "title": "asking for tea",
                "lines": [53, 69],
                "answers": [
                    {"role": "assistant", "verdict": "GOOD", "reason": "answers the question"},
                    {"role": "assistant", "verdict": "BAD", "reason": "ignores the user"},
                    {"role": "assistant", "verdict": "GOOD", "reason": ""},
                ],
            },
            {
                "title": "",
                "lines": [71, 74],
                "answers": [{"role": "assistant", "verdict": "BAD", "reason": "no reason needed?"}],
            },
        ],
    }
    assert (trailing["id"], trailing["parent"], trailing["clauses"]) == (
        "trailing-section",
        "kettle",
        {},
    )


def test_json_outline_front_matter_and_root_clauses(cli, tmp_path):
    path = tmp_path / "spec.md"
    path.write_text("---\ntitle: Kettle\n---\nPreamble MUST stay.\n\n# First\n", encoding="utf-8")
    data = json.loads(cli("outline", path, "--format", "json").out)
    assert data["front_matter"] == {"title": "Kettle"}
    root, first = data["sections"]
    assert (root["id"], root["level"], root["id_source"]) == ("", 0, "root")
    assert (root["clauses"], root["normative"]) == ({"paragraph": 1}, 1)
    assert first["id"] == "first"
