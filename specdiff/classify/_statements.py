"""Statement-by-statement comparison of the normative content of two versions of a clause."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.changes import StatementChange

if TYPE_CHECKING:
    from ..model.document import NormativeStatement

#: Sentences this similar (obligation words masked) are taken as the same rule.
SENTENCE_THRESHOLD = 0.5
_NEGATORS = re.compile(r"\b(?:not|never|always)\b|n't\b", re.IGNORECASE)


def compare_statements(
    old: tuple[NormativeStatement, ...], new: tuple[NormativeStatement, ...]
) -> tuple[StatementChange, ...]:
    """How the obligations changed: strengthened, weakened, reversed, added, removed."""
    if [(s.sentence, s.keyword) for s in old] == [(s.sentence, s.keyword) for s in new]:
        return ()
    old_sentences = _by_sentence(old)
    new_sentences = _by_sentence(new)
    changes: list[StatementChange] = []
    for old_sentence, new_sentence in _pair_sentences(list(old_sentences), list(new_sentences)):
        before = old_sentences.get(old_sentence, []) if old_sentence is not None else []
        after = new_sentences.get(new_sentence, []) if new_sentence is not None else []
        changes.extend(_compare_in_sentence(before, after))
    return tuple(changes)


def _by_sentence(statements: tuple[NormativeStatement, ...]) -> dict[str, list[NormativeStatement]]:
    grouped: dict[str, list[NormativeStatement]] = defaultdict(list)
    for statement in statements:
        grouped[statement.sentence].append(statement)
    return grouped


def _masked(sentence: str, statements: list[NormativeStatement]) -> str:
    for statement in statements:
        sentence = sentence.replace(statement.keyword, "§")
    return sentence.casefold()


def _pair_sentences(old: list[str], new: list[str]) -> list[tuple[str | None, str | None]]:
    """Pair each sentence with its counterpart: identical first, then most similar."""
    pairs: list[tuple[str | None, str | None]] = []
    new_left = list(new)
    old_left = []
    for sentence in old:
        if sentence in new_left:
            new_left.remove(sentence)
            pairs.append((sentence, sentence))
        else:
            old_left.append(sentence)
    scored = sorted(
        (
            (Indel.normalized_similarity(_masked_plain(a), _masked_plain(b)), i, j)
            for i, a in enumerate(old_left)
            for j, b in enumerate(new_left)
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, i, j in scored:
        if score < SENTENCE_THRESHOLD:
            break
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old_left[i], new_left[j]))
    pairs.extend((s, None) for i, s in enumerate(old_left) if i not in used_old)
    pairs.extend((None, s) for j, s in enumerate(new_left) if j not in used_new)
    return pairs


_KEYWORDS = re.compile(
    r"\b(?:must|shall|should|may|never|always|do|don't|not|required|allowed|recommended|optional)\b",
    re.IGNORECASE,
)


def _masked_plain(sentence: str) -> str:
    return _KEYWORDS.sub("§", sentence).casefold()


def _root(keyword: str) -> str:
    """The keyword without its negation: ``are not allowed`` -> ``are allowed``."""
    return " ".join(_NEGATORS.sub(" ", keyword.lower()).split())


def _compare_in_sentence(
    before: list[NormativeStatement], after: list[NormativeStatement]
) -> list[StatementChange]:
    """Pair statements of one sentence by keyword, then by root, then by position.

    Identical keywords pair up across the whole sentence before any pairing by root, so
    that in "should X and should not Y" -> "must X and should not Y" the "should not"
    keeps its partner and "should" -> "must" reads as strengthened, not two reversals.
    """
    pairs: list[tuple[NormativeStatement, NormativeStatement]] = []
    after_left = list(after)
    before_left = list(before)
    for same in (
        lambda a, b: a.keyword.lower() == b.keyword.lower(),
        lambda a, b: _root(a.keyword) == _root(b.keyword),
    ):
        unpaired = []
        for statement in before_left:
            match = next((s for s in after_left if same(statement, s)), None)
            if match is None:
                unpaired.append(statement)
            else:
                after_left.remove(match)
                pairs.append((statement, match))
        before_left = unpaired
    while before_left and after_left:
        pairs.append((before_left.pop(0), after_left.pop(0)))
    order = {id(s): i for i, s in enumerate(before)}
    pairs.sort(key=lambda pair: order[id(pair[0])])
    changes = [change for a, b in pairs if (change := _force_change(a, b)) is not None]
    changes.extend(
        StatementChange("normative.removed", s.keyword, None, s.sentence) for s in before_left
    )
    changes.extend(
        StatementChange("normative.added", None, s.keyword, s.sentence) for s in after_left
    )
    return changes


def _force_change(old: NormativeStatement, new: NormativeStatement) -> StatementChange | None:
    if old.negative != new.negative:
        tag = "normative.reversed"
    elif new.strength > old.strength:
        tag = "normative.strengthened"
    elif new.strength < old.strength:
        tag = "normative.weakened"
    else:
        return None
    return StatementChange(tag, old.keyword, new.keyword, new.sentence, old.sentence)
