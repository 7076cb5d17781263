"""A rule said twice, one of the sayings dropped: the rule still holds.

Specs often state one rule in two places ("If no errors were raised, the `errors` entry
should not be present" under Errors; "If the request completed without raising any
errors, this entry must not be present" under Response Format). A paragraph dropped that
stated it again removes no requirement when the other saying stands in both versions, at
least as binding, of the same polarity, for the same case (its conditions mostly the same
words), with the same verb, said of the same party (or of its head noun alone, "this entry" for
"the `errors` entry"; not "a query error" for "a field error"). A rule removed that
nothing else states, or that the other place states for another case, or less bindingly,
is still removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._statement_pairing import PAIR_THRESHOLD, _same_case, _similarity
from ._statement_words import _head_verb, _stem

if TYPE_CHECKING:
    from collections.abc import Collection

    from ..model.document import NormativeStatement, Spec

    Key = tuple[bool, str]


def _key(statement: NormativeStatement) -> Key | None:
    verb = _head_verb(statement.action)
    if not verb or not statement.conditions or not statement.party:
        return None
    return statement.negative, _stem(verb.casefold())


class KeptRules:
    """The conditional rules of the clauses of a spec that the other version holds too,
    by polarity and verb. Reading a rule's parts parses its sentence, so the rules of a
    verb are read when a removed or added rule with that verb first asks for them, and
    only those of its polarity whose sentence holds the verb's stem: the whole document
    is not read for the few rules that ask."""

    def __init__(self, spec: Spec, unpaired: Collection[int]) -> None:
        self._sentences = [
            (statement, statement.sentence.casefold())
            for clause in spec.clauses
            if clause.index not in unpaired
            for statement in clause.statements
        ]
        self._by_key: dict[Key, list[NormativeStatement]] = {}

    def of(self, key: Key) -> list[NormativeStatement]:
        """The kept rules of this polarity and verb, in document order."""
        found = self._by_key.get(key)
        if found is None:
            negative, stem = key
            found = [
                s
                for s, text in self._sentences
                if s.negative == negative and stem in text and _key(s) == key
            ]
            self._by_key[key] = found
        return found


def stated_elsewhere(statement: NormativeStatement, kept: KeptRules) -> bool:
    """Whether a rule of a removed clause is still said by a rule of a clause both
    versions hold (``kept``, see :func:`kept_rules`), as the module docstring says."""
    key = _key(statement)
    if key is None:
        return False
    return any(
        other.strength >= statement.strength
        and _same_party(statement.party, other.party)
        and _same_case(statement, other)
        and _similarity(statement, other) >= PAIR_THRESHOLD
        for other in kept.of(key)
    )


def _same_party(one: str, other: str) -> bool:
    """Whether two parties are one: the same words, or one is the other's head noun alone
    (what "this entry" or "it" picks up from the sentence before)."""
    if one == other:
        return True
    short, long = sorted((one.split(), other.split()), key=len)
    return len(short) == 1 and bool(long) and _stem(short[0]) == _stem(long[-1])
