"""Comparing two versions of a worked example: verdict flips and content changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.changes import VerdictChange

if TYPE_CHECKING:
    from ..model.document import Example, Message

#: Candidate answers this similar are taken as the same answer.
ANSWER_THRESHOLD = 0.8


def verdict_changes(old: Example, new: Example) -> tuple[VerdictChange, ...]:
    """Answers present on both sides whose GOOD/BAD label changed."""
    flips = []
    for before, after in _pair_answers(old.answers, new.answers):
        if before.verdict != after.verdict:
            flips.append(VerdictChange(after.text, str(before.verdict), str(after.verdict)))
    return tuple(flips)


def conversation_changed(old: Example, new: Example) -> bool:
    """Whether the turns themselves (roles, texts) differ, labels and reasons aside."""
    return [(m.role, m.text) for m in old.messages] != [(m.role, m.text) for m in new.messages]


def _pair_answers(
    old: tuple[Message, ...], new: tuple[Message, ...]
) -> list[tuple[Message, Message]]:
    pairs = []
    new_left = list(new)
    old_left = []
    for answer in old:
        same = next((m for m in new_left if m.text == answer.text), None)
        if same is None:
            old_left.append(answer)
        else:
            new_left.remove(same)
            pairs.append((answer, same))
    for answer in old_left:
        scored = [
            (Indel.normalized_similarity(answer.text, m.text), k) for k, m in enumerate(new_left)
        ]
        if scored:
            score, k = max(scored)
            if score >= ANSWER_THRESHOLD:
                pairs.append((answer, new_left.pop(k)))
    return pairs
