"""Steps of an algorithm: list items that tell an implementation what to compute.

A spec that states its behaviour as an algorithm ("Initialize {groupedFields} to an empty
list.", "Let {operations} be all anonymous operation definitions.", "For each {field} in
{fields}:") binds implementations by its steps, though no modal word is written in them:
a qualifier added to or dropped from what a step computes ("an empty list" -> "an empty
ordered list", "all anonymous operations" -> "all operations") makes every implementation
compute something else. Prose read the same way would only be said more precisely.
"""

from __future__ import annotations

import difflib
import re

from ..model.document import Clause, ClauseKind
from ..parse.statements import words_of
from ._wording import names_nothing

#: Verbs an algorithm's step opens with, in the imperative: what computes something. Not
#: align._steps._ACTS, which also names tests ("if", "while"), whose conditions are
#: read as conditions, and steps that compute nothing ("continue").
_STEP_VERBS = frozenset(
    (
        *("let", "initialize", "initialise", "set", "return", "append", "add", "remove"),
        *("assert", "call", "yield", "raise", "throw", "increment", "decrement", "perform"),
    )
)
#: Two-word openers of a step that loops.
_LOOPS = (("for", "each"), ("for", "every"))


def is_step(clause: Clause) -> bool:
    """Whether a clause is a step of an algorithm: a list item opening with an imperative
    verb ("Let ...", "Initialize ...", "Return ...") or a loop ("For each ...")."""
    if clause.kind is not ClauseKind.LIST_ITEM:
        return False
    opening = tuple(words_of(clause.text[:40]).split()[:2])
    return bool(opening) and (opening[0] in _STEP_VERBS or opening in _LOOPS)


def computes_otherwise(old: str, new: str) -> bool:
    """Whether one version of a step has words of content the other lacks, added or
    dropped rather than put for others: a qualifier ("ordered"), a case, an argument
    ("visitedFragments"). Words swapped for others (a variable renamed) are read by the
    wording rule; words of grammar ("in", "the") change nothing a step computes."""
    before, after = words_of(old).split(), words_of(new).split()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "insert" and any(not names_nothing(w) for w in after[j1:j2]):
            return True
        if op == "delete" and any(not names_nothing(w) for w in before[i1:i2]):
            return True
    return False


#: A step that checks an algorithm's result: "{IsInputType(type)} must be {true}",
#: "AreTypesCompatible({a}, {b}) must be true".
_CALL_CHECK = re.compile(
    r"\{?(?P<name>[A-Za-z_]\w*)\([^()]*\)\}?\s+must\s+be\s+\{?true\}?\W*", re.IGNORECASE
)


def delegated_check(old: Clause, new: Clause) -> str:
    """The algorithm a step now calls (or called) to make the check it states, when
    both versions are one check with the same force ("{variableType} must be of kind
    {SCALAR}, {ENUM} or {INPUT_OBJECT}" -> "{IsInputType(variableType)} must be {true}"),
    else "". What the check requires is stated by the algorithm it calls, whose own
    steps report what changed in it; the step is the same rule rewritten, not a rule
    removed and another added."""
    if old.kind is not ClauseKind.LIST_ITEM or new.kind is not ClauseKind.LIST_ITEM:
        return ""
    if len(old.statements) != 1 or len(new.statements) != 1:
        return ""
    before, after = old.statements[0], new.statements[0]
    if before.strength != after.strength or before.negative != after.negative:
        return ""
    for clause in (new, old):
        found = _CALL_CHECK.fullmatch(clause.text.strip())
        if found is not None:
            return found["name"]
    return ""


#: A test step: its opening ("If", "Otherwise, if"), its condition, and what it does
#: when the condition holds (", throw a field error.", ", return {false}.", or ":" over
#: the steps nested under it).
_TEST = re.compile(
    r"(?P<lead>(?:otherwise,?\s+)?(?:if|while|when))\s+(?P<condition>.+?)"
    r"(?P<then>,\s*(?:then\s+)?(?:return|throw|raise|continue|let|set|add|append)\b.*|:)?\s*",
    re.IGNORECASE | re.DOTALL,
)
#: A variable an added condition tests ("{defaultValue}"), not a literal ("{null}").
_VARIABLE = re.compile(r"\{(?!(?:null|true|false)\})[A-Za-z_]\w*\}")
#: What joins a condition to the one added to it: "and" narrows when the step applies,
#: "or" widens it.
_JOINED = re.compile(r"^,?\s*(?P<joint>and|or)\s+(?P<part>\S.*?)[\s,]*$", re.IGNORECASE | re.DOTALL)
_PRECEDED = re.compile(r"^(?P<part>\S.*?),?\s+(?P<joint>and|or)\s*$", re.IGNORECASE | re.DOTALL)


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[,;]", " ", text).casefold().split())


def condition_joined(old: Clause, new: Clause) -> tuple[str, str, bool] | None:
    """A test step whose condition gained (or lost) a part and is otherwise the same
    step ("If {type} is Non-Null:" -> "If {type} is Non-Null and {defaultValue} does not
    exist:"): (the joint "and" / "or", the part as written, True when it was added), or
    None. Only a step that opens, and acts, as before counts: a test that changed place
    ("Otherwise, if" -> "If") was restructured with its algorithm."""
    if old.kind is not ClauseKind.LIST_ITEM or new.kind is not ClauseKind.LIST_ITEM:
        return None
    if old.depth != new.depth:
        return None  # nested elsewhere: its condition may say what a parent's test said
    before, after = _TEST.fullmatch(old.text.strip()), _TEST.fullmatch(new.text.strip())
    if before is None or after is None:
        return None
    if _folded(before["lead"]) != _folded(after["lead"]):
        return None
    if _folded(before["then"] or "") != _folded(after["then"] or ""):
        return None
    shorter, longer = before["condition"].strip(), after["condition"].strip()
    added = len(longer) > len(shorter)
    if not added:
        shorter, longer = longer, shorter
    if longer.casefold().startswith(shorter.casefold()):
        joined = _JOINED.match(longer[len(shorter) :])
    elif longer.casefold().endswith(shorter.casefold()):
        joined = _PRECEDED.match(longer[: len(longer) - len(shorter)])
    else:
        return None
    if joined is None or _VARIABLE.search(joined["part"]) is None:
        return None  # "a scalar or enum": a term widened, not a condition added
    return joined["joint"].casefold(), joined["part"].strip(), added
