"""Rules whose conditions are their content: "X iff A and B".

A language spec states many of its rules as definitions with a condition list, and no
modal ("A single `_` character can open emphasis iff it is not followed by whitespace
and it is not preceded by an ASCII alphanumeric character"). What the rule allows is
what its conditions say: a condition added, removed or put for another changes what the
language accepts, however little else of the sentence changed. The conditions are read
after the word that joins them to what they govern ("iff", "if and only if", "only if",
", provided that"), split where they are listed ("(a) ..., (b) ..., and (c) ...", "A and
B"), and compared as sets; a condition said in other words only by markup, articles, a
filler noun ("whitespace" / "a whitespace character") or the form of a word is the same
condition. A link retargeted ("[can open emphasis](#x)" -> "[can open emphasis](@x)")
or an anchor added is markup, and what the conditions govern (the words before the
joining word) must be the same in both versions, so that two different rules are never
compared. A sentence without such a joining word is left to the other readings.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..parse.statements import singular
from ._forms import same_stem

#: The words that join a rule to its conditions. "if" alone is left out: it opens the
#: conditions of rules stated with a modal, which the statement model reads.
_JOINING = re.compile(
    r"\b(?:iff|if\s+and\s+only\s+if|only\s+if)\b|,\s+provided\s+that\b", re.IGNORECASE
)
#: A sentence ends at ".", "!" or "?" before a space and a capital or a bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]*_]*\s+(?=[\"'(\[*_`]*[A-Z0-9(\[])")
#: Markup that names no condition: an HTML tag (an anchor), a link's target, a reference.
_TAG = re.compile(r"<[^>\n]+>")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)|\]\[[^\]]*\]")
_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
#: A parenthesis that glosses the joining word: "iff (if and only if)".
_GLOSS = re.compile(r"^\s*\((?:iff|if and only if|only if)\)", re.IGNORECASE)
#: Where listed conditions part, with the word that joins the next one ("and", "or"): a
#: label ("(a)", "(2b)", after a comma, "and", "or" or "either"), a comma or semicolon and
#: a conjunction, or "and" before the next condition's subject or its negation. A bare
#: "or" does not part them: "either it is X or it is Y" is one condition.
_PARTS = re.compile(
    r"\s*[,;]?\s*(?:\b(and|or)\s+)?(?:\beither\s+)?(?<![\w)])\(\s*(?:[a-z]|[ivx]{1,4}|\d{1,2}[a-z]?)\s*\)\s*"
    r"|\s*[,;]\s+(and|or)\s+(?:either\s+)?"
    r"|\s+(and)\s+(?:either\s+)?(?=(?:it|they|its|their|not|is|are|does|do)\b)"
)
#: Words that say nothing of what a condition requires: articles, the subject the
#: conditions share, a copula, and nouns that name a character's kind.
_FILLER = frozenset(
    re.findall(
        r"\w+", "a an the it its they their is are be that which either character characters"
    )
)
_WORD = re.compile(r"`[^`]+`|[\w-]+")


class IffChange(NamedTuple):
    """A condition list changed: the tag, and the conditions lost and gained."""

    tag: str
    lost: str
    gained: str


def _plain(text: str) -> str:
    """``text`` without markup that names nothing: tags, link targets, brackets and
    emphasis; code spans are kept as written."""
    text = _LINK_TARGET.sub("]", _TAG.sub(" ", text))
    parts = []
    last = 0
    for m in _CODE.finditer(text):
        parts.append(re.sub(r"[\[\]*]|(?<!\w)_|_(?!\w)", " ", text[last : m.start()]))
        parts.append(f"`{m.group(2).strip()}`")
        last = m.end()
    parts.append(re.sub(r"[\[\]*]|(?<!\w)_|_(?!\w)", " ", text[last:]))
    return " ".join("".join(parts).split())


def _rules(text: str) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """The rules of ``text`` stated with a condition list: what they govern (its words),
    with their conditions listed (see :func:`_listed`)."""
    found: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for sentence in _SENTENCE_END.split(text):
        joined = _JOINING.search(sentence)
        if joined is None:
            continue
        governed = _key(_plain(sentence[: joined.start()]))
        conditions = _GLOSS.sub("", _plain(sentence[joined.end() :])).rstrip(".:; ")
        if governed and conditions:
            found[governed] = _listed(conditions)
    return found


def _listed(conditions: str) -> list[tuple[str, str]]:
    """Each condition with the word that joins it to the others ("and", "or"); the first
    is joined as the second is."""
    listed: list[tuple[str, str]] = []
    joint, last = "", 0
    for m in _PARTS.finditer(conditions):
        listed.append((joint, conditions[last : m.start()]))
        joint, last = next((g for g in m.groups() if g), ""), m.end()
    listed.append((joint, conditions[last:]))
    listed = [(j, c.strip(" ,;.")) for j, c in listed if c.strip(" ,;.")]
    if len(listed) > 1 and not listed[0][0]:
        listed[0] = (listed[1][0], listed[0][1])
    return listed


def _key(text: str) -> tuple[str, ...]:
    """The words of a condition (or what it governs) that say what it requires."""
    words = [w.lower() if not w.startswith("`") else w for w in _WORD.findall(text)]
    return tuple(singular(w) for w in words if w not in _FILLER)


#: Words of grammar that a condition said again in other words may gain or lose: "not
#: followed by whitespace" / "whitespace does not follow it".
_GRAMMAR = frozenset(("by", "of", "to", "for", "with", "in", "on", "at", "does", "do", "and", "or"))
_NEGATIONS = frozenset(("not", "no", "never", "none"))


def _unsaid_again(
    lost: list[tuple[str, str]], gained: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``lost`` and ``gained`` without the pairs that are one condition said again: the
    same words in another order or form ("not followed by whitespace" -> "no whitespace
    follows it"), negation said either way."""
    kept = list(gained)
    still: list[tuple[str, str]] = []
    for item in lost:
        mate = next((g for g in kept if _said_again(item[1], g[1])), None)
        if mate is None:
            still.append(item)
        else:
            kept.remove(mate)
    return still, kept


def _said_again(a: str, b: str) -> bool:
    left, right = _content(a), _content(b)
    if len(left) != len(right):
        return False
    for word in left:
        mate = next((w for w in right if w == word or same_stem(w, word)), None)
        if mate is None:
            return False
        right.remove(mate)
    return True


#: "no characters other than spaces and tabs" says "only spaces or tabs".
_NONE_OTHER = re.compile(r"\b(?:no|not\s+any)\s+(?:[\w-]+\s+)?other\s+than\b", re.IGNORECASE)


def _content(condition: str) -> list[str]:
    """The words of a condition that say what it requires, in any order: words of
    grammar, and the "and"/"or" between alternatives named ("spaces and tabs", "spaces
    or tabs"), left out; negation said one way."""
    words = _key(_NONE_OTHER.sub("only", condition))
    return ["not" if w in _NEGATIONS else w for w in words if w not in _GRAMMAR]


#: What a condition lost or gained does to a rule, by the word that joined it: one of
#: conditions that must all hold ("and") admits more when lost, fewer when gained; one of
#: alternatives ("or") the other way round.
_EFFECT = {
    ("lost", "and"): "normative.broadened",
    ("gained", "and"): "normative.restricted",
    ("lost", "or"): "normative.restricted",
    ("gained", "or"): "normative.broadened",
}


def iff_change(old: str, new: str) -> IffChange | None:
    """How the conditions of a rule stated with a condition list changed between two
    versions of a clause (see the module), or None when they did not (or no such rule
    governs the same thing in both)."""
    if _JOINING.search(old) is None or _JOINING.search(new) is None:
        return None
    before, after = _rules(old), _rules(new)
    for governed in sorted(before.keys() & after.keys()):
        was = {_key(c): (j, c) for j, c in before[governed]}
        now = {_key(c): (j, c) for j, c in after[governed]}
        lost = [was[k] for k in was if k not in now]
        gained = [now[k] for k in now if k not in was]
        lost, gained = _unsaid_again(lost, gained)
        if not lost and not gained:
            continue
        effects = {_EFFECT["lost", j or "and"] for j, _ in lost}
        effects |= {_EFFECT["gained", j or "and"] for j, _ in gained}
        tag = effects.pop() if len(effects) == 1 and not (lost and gained) else "normative.changed"
        return IffChange(tag, "; ".join(c for _, c in lost), "; ".join(c for _, c in gained))
    return None
