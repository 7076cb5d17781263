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

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from ._statement_pairing import PAIR_THRESHOLD, _case_words, _same_case, _similarity
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
    """The conditional rules of the clauses of a spec that the other version holds too.

    Reading a rule's parts parses its sentence, so a kept rule is read only when a removed
    or added rule asks for rules that could state it again: those whose sentence holds
    the asker's verb stem, its party's head-noun stem (less its last letter, which
    ``singular`` may have changed: "entries" gives "entry") and at least one stem of the
    words of its conditions (a case shares words, :func:`_same_case`). A rule's verb,
    party and conditions are words of its own sentence, so every rule that can match
    is read, and the whole document is never read for the few rules that ask.
    """

    def __init__(self, spec: Spec, unpaired: Collection[int]) -> None:
        self._statements = [
            statement
            for clause in spec.clauses
            if clause.index not in unpaired
            for statement in clause.statements
        ]
        self._texts = [_searchable(s.sentence) for s in self._statements]
        # One string to search, so that finding the sentences that hold a verb is one
        # scan in C, not one ``in`` per sentence.
        self._text = "\n".join(self._texts)
        self._starts = list(accumulate((len(t) + 1 for t in self._texts[:-1]), initial=0))
        self._holding: dict[str, list[int]] = {}
        self._of_party: dict[tuple[Key, str], list[int]] = {}

    def like(self, statement: NormativeStatement) -> list[NormativeStatement]:
        """The kept rules of ``statement``'s polarity and verb that may be said of its
        party in its case, in document order ([] when it has no verb, conditions or
        party)."""
        key = _key(statement)
        if key is None:
            return []
        probe = _searchable(_stem(statement.party.split()[-1]))[:-1]
        of_party = self._of_party.get((key, probe))
        if of_party is None:
            negative, stem = key
            of_party = self._of_party[key, probe] = [
                i
                for i in self._holding_word(_searchable(stem))
                if probe in self._texts[i] and self._statements[i].negative == negative
            ]
        case = [_searchable(word) for word in _case_words(statement)]
        return [
            self._statements[i]
            for i in of_party
            if any(word in self._texts[i] for word in case) and _key(self._statements[i]) == key
        ]

    def _holding_word(self, word: str) -> list[int]:
        """The indices of the rules whose sentence holds ``word``, in order."""
        found = self._holding.get(word)
        if found is None:
            found = self._holding[word] = []
            at = self._text.find(word)
            while at >= 0:
                index = bisect_right(self._starts, at) - 1
                found.append(index)
                following = index + 1
                if following == len(self._starts):
                    break
                at = self._text.find(word, self._starts[following])
        return found


def _searchable(text: str) -> str:
    """Text folded for a search of its words as the reader reads them: lower case,
    without the markup that can stand inside a word ("**serv**ers", "[entrie]s",
    "2<sup>31</sup>")."""
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    return text.casefold().translate(_INLINE_MARKUP)


_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_INLINE_MARKUP = str.maketrans("", "", "*_`\\~[]<>")


def stated_elsewhere(statement: NormativeStatement, kept: KeptRules) -> bool:
    """Whether a rule of a removed clause is still said by a rule of a clause both
    versions hold (``kept``, see :class:`KeptRules`), as the module docstring says."""
    return any(
        other.strength >= statement.strength
        and _same_party(statement.party, other.party)
        and _same_case(statement, other)
        and _similarity(statement, other) >= PAIR_THRESHOLD
        for other in kept.like(statement)
    )


def _same_party(one: str, other: str) -> bool:
    """Whether two parties are one: the same words, or one is the other's head noun alone
    (what "this entry" or "it" picks up from the sentence before)."""
    if one == other:
        return True
    short, long = sorted((one.split(), other.split()), key=len)
    return len(short) == 1 and bool(long) and _stem(short[0]) == _stem(long[-1])
