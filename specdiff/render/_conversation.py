"""Worked examples (pseudo-XML chat turns in a fence) as readable, escaped HTML.

The parser folds each turn's text for comparison; a reader wants the line breaks, so
this module reads the fence again and keeps them. Nothing from the fence is markup: every
string goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..parse import plain_text
from ._jinja import redline_html

_TURN = re.compile(
    r"<(?P<role>system|developer|user|assistant|tool|function|platform)(?=[\s>])"
    r"(?P<attrs>\s[^<>]*?)?\s*>(?P<body>.*?)</(?P=role)\s*>",
    re.DOTALL | re.IGNORECASE,
)
_COMPARISON = re.compile(r"<comparison\s*>(.*?)(?:</comparison\s*>|$)", re.DOTALL | re.IGNORECASE)
_LABEL = re.compile(r"<!--\s*(?P<verdict>GOOD|BAD)\b[\s:–—-]*(?P<reason>.*?)\s*-->", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Turn:
    """One message of a worked example, as written."""

    role: str
    attributes: str
    """What followed the role in the opening tag, e.g. ``recipient="python"``."""
    text: str
    """The message with its line breaks."""
    verdict: str | None
    """``GOOD`` or ``BAD`` for a labelled candidate answer."""
    reason: str
    candidate: bool
    """True inside a ``<comparison>`` block (one of several candidate answers)."""


def read_turns(content: str) -> list[Turn]:
    """The turns of a conversation (a fence, or a clause text with its whitespace folded);
    an empty list when it holds none."""
    groups = [m.span(1) for m in _COMPARISON.finditer(content)]
    turns = []
    for match in _TURN.finditer(content):
        role = match.group("role").lower()
        body = match.group("body")
        label = _LABEL.match(body.lstrip(" \t"))
        verdict = label.group("verdict").upper() if label else None
        reason = " ".join(label.group("reason").split()) if label else ""
        text = _COMMENT.sub("", body) if label else body
        lines = [line.rstrip() for line in text.split("\n")]
        turns.append(
            Turn(
                role,
                (match.group("attrs") or "").strip(),
                "\n".join(lines).strip(),
                verdict,
                reason,
                any(start <= match.start() < end for start, end in groups),
            )
        )
    return turns


def example_html(text: str, old: str | None = None) -> Markup | None:
    """An example clause's text (title line, then turns) as HTML; None if it has no turns.

    With ``old`` (the text before a change) each turn's words are redlined, when the two
    have the same turns in the same order; otherwise None, and the caller shows a plain
    redline of the whole text."""
    turns = read_turns(text)
    if not turns:
        return None
    title = plain_text(text.split("<", 1)[0])
    before: list[Turn | None] = [None] * len(turns)
    if old is not None:
        previous = read_turns(old)
        if [t.role for t in previous] != [t.role for t in turns]:
            return None
        before = list(previous)
        old_title = plain_text(old.split("<", 1)[0])
        if old_title != title:
            title = redline_html(old_title, title)
    head = Markup('<p class="example-title">{}</p>\n').format(title) if title else Markup("")
    return head + conversation_html(turns, before)


def conversation_html(turns: list[Turn], before: list[Turn | None] | None = None) -> Markup:
    """A conversation block: one row per turn, candidate answers grouped and labelled;
    ``before[i]``, when given, is turn ``i`` before a change (its words are redlined)."""
    parts = [Markup('<div class="conversation" role="group" aria-label="Worked example">\n')]
    in_group = False
    for number, turn in enumerate(turns):
        if turn.candidate and not in_group:
            parts.append(Markup('<div class="candidates">\n'))
            in_group = True
        elif not turn.candidate and in_group:
            parts.append(Markup("</div>\n"))
            in_group = False
        parts.append(_turn_html(turn, before[number] if before else None))
    if in_group:
        parts.append(Markup("</div>\n"))
    parts.append(Markup("</div>\n"))
    return Markup("").join(parts)


def _turn_html(turn: Turn, old: Turn | None = None) -> Markup:
    verdict = (turn.verdict or "").lower()
    classes = f"turn role-{turn.role}" + (f" {verdict}" if verdict else "")
    head = [Markup('<span class="role">{}</span>').format(turn.role.capitalize())]
    if turn.attributes:
        head.append(Markup(' <code class="turn-attrs">{}</code>').format(turn.attributes))
    if old is not None and old.verdict and old.verdict != turn.verdict:
        head.append(
            Markup(' <del class="verdict {}">{}</del>').format(old.verdict.lower(), old.verdict)
        )
    if verdict:
        head.append(Markup(' <span class="verdict {}">{}</span>').format(verdict, turn.verdict))
    if turn.reason:
        head.append(Markup(' <span class="why">{}</span>').format(turn.reason))
    said = redline_html(old.text, turn.text) if old is not None else escape(turn.text)
    return Markup(
        '<div class="{}"><div class="turn-head">{}</div><div class="said">{}</div></div>\n'
    ).format(classes, Markup("").join(head), said)
