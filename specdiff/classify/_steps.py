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

from ..model.document import Clause, ClauseKind
from ..parse.statements import words_of
from ._wording import names_nothing

#: Verbs an algorithm's step opens with, in the imperative.
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
