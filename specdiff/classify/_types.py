"""The Type column of a field table, read as the set of values a field accepts.

``[Schema Object](#schema-object) \\| [Reference Object](#reference-object)`` is the union
of two types; ``Map[`string`, [Path Item Object](#path-item-object)]`` a map whose values
are one; ``[[Tag Object](#tag-object)]`` a list. Comparing two such cells as sets says
whether the field now accepts less (narrowed: documents that were valid may not be), more
(widened), or something else, where comparing the text only says that it changed.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from ..parse import plain_text
from ._wording import typography

#: Column headers under which a field table gives its fields' types.
TYPE_COLUMNS = frozenset({"type", "types", "data type", "value type"})
#: The type that accepts every value.
_ANY = "any"
_PUNCTUATION = re.compile(r"\s*([\[\],|])\s*")


class Term(NamedTuple):
    """One alternative of a union: a name and, for ``Map[...]`` or a list, its arguments."""

    name: str
    arguments: tuple[frozenset[Term], ...] = ()


Union = frozenset[Term]


class TypeChange(Enum):
    """How the set of accepted values moved."""

    SAME = "same"
    NARROWED = "narrowed"
    WIDENED = "widened"
    CHANGED = "changed"


def parse_type(cell: str) -> Union:
    """The union a type cell writes, read leniently: a stray bracket is ignored."""
    text = " ".join(typography(plain_text(cell)).casefold().split())
    text = text.replace(" or ", " | ")
    tokens = [t for t in _PUNCTUATION.split(text) if t.strip()]
    terms: set[Term] = set()
    k = 0
    while k < len(tokens):
        # At the top, a comma lists alternatives ("`primitive`, `array`, `object`").
        union, k = _union(tokens, k)
        terms |= union
        k += 1
    return frozenset(terms)


def _union(tokens: list[str], k: int) -> tuple[Union, int]:
    terms: set[Term] = set()
    while k < len(tokens):
        token = tokens[k]
        if token == "|":
            k += 1
        elif token in ("]", ","):
            return frozenset(terms), k
        elif token == "[":  # [X]: a list of X
            inner, k = _union(tokens, k + 1)
            k = _skip(tokens, k)
            terms.add(Term("[]", (inner,)))
        elif k + 1 < len(tokens) and tokens[k + 1] == "[":  # Map[K, V]
            arguments = []
            k += 2
            while k < len(tokens):
                argument, k = _union(tokens, k)
                arguments.append(argument)
                if k < len(tokens) and tokens[k] == ",":
                    k += 1
                    continue
                k = _skip(tokens, k)
                break
            terms.add(Term(token, tuple(arguments)))
        else:
            terms.add(Term(token))
            k += 1
    return frozenset(terms), k


def _skip(tokens: list[str], k: int) -> int:
    """Past the closing bracket at ``k``, if there is one."""
    return k + 1 if k < len(tokens) and tokens[k] == "]" else k


def accepts(wider: Union, narrower: Union) -> bool:
    """Whether every value of type ``narrower`` is also of type ``wider``."""
    return all(any(_term_accepts(w, n) for w in wider) for n in narrower)


def _term_accepts(wider: Term, narrower: Term) -> bool:
    if wider.name == _ANY and not wider.arguments:
        return True
    if wider.name != narrower.name or len(wider.arguments) != len(narrower.arguments):
        return False
    return all(accepts(w, n) for w, n in zip(wider.arguments, narrower.arguments, strict=True))


def type_change(old_cell: str, new_cell: str) -> TypeChange:
    """How a field's type moved between two versions of its Type cell."""
    old, new = parse_type(old_cell), parse_type(new_cell)
    if not old or not new:
        return TypeChange.SAME if old == new else TypeChange.CHANGED
    old_accepts_new, new_accepts_old = accepts(old, new), accepts(new, old)
    if old_accepts_new and new_accepts_old:
        return TypeChange.SAME
    if old_accepts_new:
        return TypeChange.NARROWED
    if new_accepts_old:
        return TypeChange.WIDENED
    return TypeChange.CHANGED
