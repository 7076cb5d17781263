"""Worked examples: a fenced conversation whose candidate answers are labelled GOOD or BAD."""

from __future__ import annotations

import re

from ..model.document import Example, Message, Verdict
from ._text import fold

_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function", "platform"})
_OPEN = re.compile(r"^\s*<(?P<role>[A-Za-z_][\w-]*)(?:\s[^<>]*)?>(?P<rest>.*)$")
_CLOSE = re.compile(r"^\s*</(?P<role>[A-Za-z_][\w-]*)>\s*$")
# The reason stops at the next "<!--", so a line of unclosed labels is scanned once;
# written as runs of ordinary characters between "<" and "-" (the same matches as a
# look-ahead at every character, three times faster).
_LABEL = re.compile(
    r"<!--\s*(?P<verdict>GOOD|BAD)\b"
    r"(?P<reason>[^<\-\n]*(?:(?:<(?!!--)|-(?!->))[^<\-\n]*)*)-->",
    re.IGNORECASE,
)
_REASON_LEAD = " \t:–—-"
_TURN = re.compile(r"<(?:user|assistant)\b")
_EXAMPLE_MARKER = re.compile(
    r"^(?:\*\*|__)?(?:worked\s+)?example(?:\s+\d+)?(?:(?:\*\*|__):?|:(?:\*\*|__)?)\s*",
    re.IGNORECASE,
)


#: The fence info words that mark a code block as an example or a counter-example, as
#: spec-md writes them (```` ```graphql counter-example ````); its older notation puts a
#: ``!`` before the language (```` ```!graphql ````) for a counter-example.
_FENCE_VERDICTS = {"example": Verdict.GOOD, "counter-example": Verdict.BAD}


def fence_verdict(info: str) -> Verdict | None:
    """What a fenced code block shows by its info string: a valid example (GOOD), a
    counter-example (BAD), or neither (None)."""
    words = info.lower().split()
    if not words:
        return None
    if words[0].startswith("!"):
        return Verdict.BAD
    for word in words:
        verdict = _FENCE_VERDICTS.get(word)
        if verdict is not None:
            return verdict
    return None


def looks_like_example(content: str) -> bool:
    """A fence is an example when it holds a user or assistant turn."""
    return _TURN.search(content) is not None


def example_title(paragraph: str) -> str | None:
    """The title of an ``**Example**: title`` paragraph, or None if it is not one."""
    match = _EXAMPLE_MARKER.match(paragraph.lstrip())
    return None if match is None else paragraph.lstrip()[match.end() :].strip()


def parse_example(content: str, title: str = "") -> Example:
    """Read the turns of a conversation written as pseudo-XML role tags."""
    messages: list[Message] = []
    role: str | None = None
    label: tuple[Verdict | None, str] = (None, "")
    lines: list[str] = []
    for line in content.split("\n"):
        if role is None:
            opened = _OPEN.match(line) if "<" in line else None
            if opened and opened.group("role").lower() in _ROLES:
                role = opened.group("role").lower()
                rest = opened.group("rest")
                label = _label_of(rest)
                rest = _LABEL.sub("", rest)
                close = f"</{opened.group('role')}>"
                if rest.rstrip().endswith(close):
                    messages.append(_message(role, [rest.rstrip()[: -len(close)]], label))
                    role = None
                else:
                    lines = [rest] if rest.strip() else []
            continue
        closed = _CLOSE.match(line) if "</" in line else None
        if closed and closed.group("role").lower() == role:
            messages.append(_message(role, lines, label))
            role = None
        else:
            lines.append(line)
    if role is not None:
        messages.append(_message(role, lines, label))
    return Example(title=title, messages=tuple(messages))


def _label_of(text: str) -> tuple[Verdict | None, str]:
    match = _LABEL.search(text)
    if match is None:
        return None, ""
    return Verdict(match.group("verdict").upper()), fold(match.group("reason").lstrip(_REASON_LEAD))


def _message(role: str, lines: list[str], label: tuple[Verdict | None, str]) -> Message:
    return Message(role=role, text=fold("\n".join(lines)), verdict=label[0], reason=label[1])
