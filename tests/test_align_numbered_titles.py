"""Sections whose titles differ only in their section numbers are one section (issue 10).

A spec that drops its section numbers ("### 4.3 Data Types" -> "### Data Types"), adds
them, or renumbers its sections once a chapter is inserted, keeps its sections: the number
says where a section stands, the rest of the title what it is. Paired only by content, a
section whose text was also rewritten was reported removed ("Removes a section with
normative content", MAJOR) beside the same section added."""

from __future__ import annotations

from specdiff.align import align
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec

NUMBERED = """# Widget Protocol

## 1. Overview

Widgets talk to hubs over a serial line.

## 2. Message Format

### 2.1 Header

Each message starts with a two-byte length.

### 2.2 Payload

The payload carries one command. Senders MUST NOT send an empty payload.
"""

UNNUMBERED = """# Widget Protocol

## Overview

A widget exchanges frames with its hub over a short-range radio link.

## Message Format

### Header

A frame opens with a four-byte length field, then a checksum of the body.

### Payload

Each frame holds a list of commands, in the order the hub runs them.
"""

RENUMBERED = """# Widget Protocol

## 1. Overview

A widget exchanges frames with its hub over a short-range radio link.

## 2. Transport

Frames travel over a radio link at 2.4 GHz.

## 3. Message Format

### 3.1 Header

A frame opens with a four-byte length field, then a checksum of the body.

### 3.2 Payload

Each frame holds a list of commands, in the order the hub runs them.
"""


def _pairs(old: str, new: str) -> dict[str, str]:
    return {k: v for k, v in align(parse_spec(old), parse_spec(new)).section_map().items() if k}


def test_dropping_section_numbers_keeps_every_section() -> None:
    assert _pairs(NUMBERED, UNNUMBERED) == {
        "widget-protocol": "widget-protocol",
        "1-overview": "overview",
        "2-message-format": "message-format",
        "21-header": "header",
        "22-payload": "payload",
    }


def test_adding_section_numbers_keeps_every_section() -> None:
    assert _pairs(UNNUMBERED, NUMBERED) == {
        "widget-protocol": "widget-protocol",
        "overview": "1-overview",
        "message-format": "2-message-format",
        "header": "21-header",
        "payload": "22-payload",
    }


def test_renumbered_sections_keep_their_partners_and_the_inserted_one_is_added() -> None:
    assert _pairs(NUMBERED, RENUMBERED) == {
        "widget-protocol": "widget-protocol",
        "1-overview": "1-overview",
        "2-message-format": "3-message-format",
        "21-header": "31-header",
        "22-payload": "32-payload",
    }


def test_a_section_whose_number_alone_went_is_renamed_not_removed() -> None:
    changes = compare_specs(parse_spec(NUMBERED), parse_spec(UNNUMBERED)).changes
    sections = {(c.kind.value, c.old_section) for c in changes if c.scope.value == "section"}
    assert ("renamed", "2-message-format") in sections
    assert not any(kind in {"removed", "added"} for kind, _ in sections)
    # The rule that went is reported where it stood, as a clause.
    removed = [c for c in changes if "normative.removed" in c.tags]
    assert [c.old_section for c in removed] == ["22-payload"]


def test_control_titles_that_differ_beyond_their_numbers_are_not_paired_by_them() -> None:
    other = UNNUMBERED.replace("### Header", "### Checksums").replace(
        "## Overview", "## 2024 Roadmap"
    )
    pairs = _pairs(NUMBERED, other)
    assert "21-header" not in pairs
    assert "1-overview" not in pairs


def test_control_a_title_shared_by_two_free_sections_is_left_to_other_layers() -> None:
    old = NUMBERED.replace("### 2.2 Payload", "### 2.2 Header")
    new = UNNUMBERED.replace("### Payload", "### Header")
    # Neither "Header" is told from the other by its title (and their texts were
    # rewritten): they are left unpaired, while their parents still pair.
    assert _pairs(old, new) == {
        "widget-protocol": "widget-protocol",
        "1-overview": "overview",
        "2-message-format": "message-format",
    }
