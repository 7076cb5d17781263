"""A CHANGELOG.md file taken apart, so that rewriting it keeps what people wrote.

``specdiff changelog --write`` merges freshly rendered entries into the file: the
preamble, a ``## [Unreleased]`` section, entries for versions specdiff does not know
(older history kept by hand), link definitions at the end and every released entry
already in the file stay exactly as they are; only entries for releases missing from the
file are added, each in its place by version order. ``--regenerate`` replaces the
released entries too and names each hand-written line that would be dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY_HEADING = re.compile(r"^## \[([^\]\n]+)\][^\n]*$", re.MULTILINE)
_UNRELEASED = "unreleased"
#: Link reference definitions (``[1.0.0]: https://...``) that end a Keep a Changelog file.
_LINK_DEFINITION = re.compile(r"^\[[^\]\n]+\]:\s*\S+.*$")


@dataclass(frozen=True, slots=True)
class Block:
    """One ``## [label] ...`` section of the file, heading included."""

    label: str
    text: str
    """The section as written, ending with exactly one newline."""


@dataclass(frozen=True, slots=True)
class ChangelogFile:
    preamble: str
    """Everything before the first ``## [`` heading."""
    blocks: tuple[Block, ...]
    """The ``## [`` sections in file order (Unreleased included)."""
    footer: str
    """Trailing link reference definitions, kept at the very end."""


@dataclass(frozen=True, slots=True)
class Merged:
    """The result of merging generated entries into a changelog file."""

    text: str
    added: tuple[str, ...]
    """Versions whose entries were not in the file and were added."""
    replaced: tuple[str, ...]
    """Versions whose entries were rebuilt (``regenerate`` only, and only if they differed)."""
    dropped: tuple[tuple[str, str], ...]
    """``(version, line)``: hand-written lines a regeneration removes."""


def split_changelog(text: str) -> ChangelogFile:
    """The parts of a changelog (line endings already ``\\n``)."""
    lines = text.split("\n")
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    start_footer = end
    while start_footer > 0 and (
        _LINK_DEFINITION.match(lines[start_footer - 1]) or not lines[start_footer - 1].strip()
    ):
        start_footer -= 1
    while start_footer < end and not lines[start_footer].strip():
        start_footer += 1
    footer = "\n".join(lines[start_footer:end])
    body = "\n".join(lines[:start_footer])
    headings = list(_ENTRY_HEADING.finditer(body))
    if not headings:
        return ChangelogFile(_one_newline(body), (), _one_newline(footer))
    preamble = body[: headings[0].start()]
    blocks = []
    for index, match in enumerate(headings):
        stop = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        blocks.append(Block(match.group(1).strip(), _one_newline(body[match.start() : stop])))
    return ChangelogFile(_one_newline(preamble), tuple(blocks), _one_newline(footer))


def merge_changelog(
    existing: str | None, entries: list[tuple[str, str]], header: str, *, regenerate: bool = False
) -> Merged:
    """``existing`` with the generated ``entries`` (``(version, markdown)``, newest first)
    merged in; a missing or empty file gets ``header`` and every entry."""
    if existing is None or not existing.strip():
        text = _join([_one_newline(header), *(_one_newline(entry) for _, entry in entries)])
        return Merged(text, tuple(v for v, _ in entries), (), ())
    parsed = split_changelog(existing)
    known = {version for version, _ in entries}
    in_file = {block.label: block for block in parsed.blocks}
    unreleased = [b for b in parsed.blocks if b.label.lower() == _UNRELEASED]
    added: list[str] = []
    replaced: list[str] = []
    dropped: list[tuple[str, str]] = []
    ordered: list[str] = []
    for version, text in entries:
        block = in_file.get(version)
        if block is None:
            added.append(version)
            ordered.append(_one_newline(text))
        elif regenerate and _normal(block.text) != _normal(text):
            replaced.append(version)
            dropped.extend((version, line) for line in _lines_only_in(block.text, text))
            ordered.append(_one_newline(text))
        else:
            ordered.append(block.text)
    # Entries specdiff knows nothing about (history kept by hand before the first tag, say)
    # stay below the entry that preceded them in the file.
    generated_order = [version for version, _ in entries]
    result = list(zip(generated_order, ordered, strict=True))
    previous: str | None = None
    for block in parsed.blocks:
        if block.label.lower() == _UNRELEASED:
            continue
        if block.label in known:
            previous = block.label
            continue
        position = 0 if previous is None else _index_of(result, previous) + 1
        result.insert(position, (block.label, block.text))
        previous = block.label
    parts = [parsed.preamble, *(b.text for b in unreleased), *(text for _, text in result)]
    if parsed.footer:
        parts.append(parsed.footer)
    return Merged(_join(parts), tuple(added), tuple(replaced), tuple(dropped))


def _index_of(result: list[tuple[str, str]], label: str) -> int:
    return next(i for i, (version, _) in enumerate(result) if version == label)


def _lines_only_in(old: str, new: str) -> list[str]:
    """Non-blank lines of ``old`` that ``new`` does not have (compared without surrounding
    whitespace)."""
    kept = {line.strip() for line in new.split("\n")}
    return [line for line in old.split("\n") if line.strip() and line.strip() not in kept]


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def _one_newline(text: str) -> str:
    stripped = text.strip("\n")
    return stripped + "\n" if stripped else ""


def _join(parts: list[str]) -> str:
    """The parts (each ending with its newline) separated by one blank line."""
    return "\n".join(part for part in parts if part).rstrip("\n") + "\n"


__all__ = ["Block", "ChangelogFile", "Merged", "merge_changelog", "split_changelog"]
