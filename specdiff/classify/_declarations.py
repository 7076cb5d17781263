"""Types declared in code: the members a spec publishes for readers to use.

A block of interface-definition code that is not shown as an example ("type __Directive {
name: String! ... onField: Boolean! }", GraphQL's introspection schema; a protobuf
message; a TypeScript interface) declares what every implementation exposes and every
client may read. A member that leaves a declared type breaks whatever reads it, however
few characters changed; a member added only offers more.
"""

from __future__ import annotations

import re

#: The opening line of a declaration: a keyword, the type's name, then "{" ending the line.
_OPENING = re.compile(
    r"^\s*(?:export\s+)?(?:extend\s+)?"
    r"(?:type|interface|input|enum|message|struct|record)\s+(\w+)[^{}\n]*\{\s*$"
)
#: A member line: its name first ("name: String!", "fields(includeDeprecated: ...)",
#: "QUERY", "string name = 1;", "readonly id: string;").
_MEMBER = re.compile(r"^\s*(?:readonly\s+|optional\s+|repeated\s+|required\s+)?(\w+)\b(.*)$")
_COMMENT = re.compile(r"\s*(?:#|//).*$")
_CLOSING = re.compile(r"^\s*\}")


def declared_members(code: str) -> dict[str, list[str]] | None:
    """The members of each type a block of code declares, by type name, in order; None
    when the block declares no type."""
    found: dict[str, list[str]] = {}
    current: str | None = None
    for line in code.split("\n"):
        if current is None:
            opening = _OPENING.match(line)
            if opening:
                current = opening.group(1)
                found.setdefault(current, [])
            continue
        if _CLOSING.match(line):
            current = None
            continue
        text = _COMMENT.sub("", line)
        member = _MEMBER.match(text)
        if member:
            found[current].append(_member_name(member.group(1), member.group(2)))
    return found or None


def _member_name(first: str, rest: str) -> str:
    """The name a member line declares: its first word, or for a typed field written
    type first ("string name = 1;") the word after the type."""
    words = rest.split()
    if words and re.fullmatch(r"\w+", words[0]) and "=" in rest:
        return words[0]
    return first


def removed_members(old: str, new: str) -> list[str]:
    """The members, as ``Type.member``, that a type declared in ``old`` has and the same
    type in ``new`` lacks ([] when either block declares no type, or ``new`` no longer
    declares that type at all: a type renamed or moved away is read elsewhere)."""
    before, after = declared_members(old), declared_members(new)
    if before is None or after is None:
        return []
    return [
        f"{name}.{member}"
        for name, members in before.items()
        if name in after
        for member in members
        if member not in after[name]
    ]
