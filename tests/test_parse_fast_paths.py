"""Forms chosen in the reading rules for speed must read exactly what the plain forms read:
the look-ahead on first letters of the scans of a keyword's window, and the quick search
that tells a window holds no denying subject before that subject is looked for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from specdiff.parse import statements

if TYPE_CHECKING:
    from pathlib import Path

TEXTS = [
    "We think that it should; in our view it may. It seems that, arguably, one might think so.",
    "WHICH MEANS THAT it may; this implies that it can, meaning that it follows that it may.",
    "In no case may it, under No Circumstances should it, at no time can it.",
    "Names, tabs and URIs, or spaces (if any) whether or not, unless when because.",
    "No further characters may occur; nothing, none of them, nobody, neither may. Not now.",
    "İf ıt ſeems, the Kelvin K; n*o* spaces, [no](#x) tabs, n`o`ne, ŉo, cannot, know, -no.",
    "No matter what, no doubt; no longer. An ordinary sentence without any of those words.",
]

#: Each pattern as it reads without its look-ahead on the first letters.
PLAIN = {
    "_OPINION": r"\b(?:(?:we|i)\s+(?:(?:would\s+)?(?:think|believe|feel|argue)|suspect)"
    r"|in\s+(?:our|my)\s+(?:view|opinion)|arguably|it\s+(?:would\s+)?seems?"
    r"|it\s+is\s+tempting\s+to\s+(?:think|say|assume|suppose|conclude|read)"
    r"|(?:one|you|we)\s+(?:might|may|could)\s+(?:think|expect|assume|suppose))\b",
    "_CONSEQUENCE": r"\b(?:(?:which|this|that|it)\s+(?:means|implies)|meaning|it\s+follows)"
    r"\s+that\b",
    "_NO_CASE": r"\b(?:in|under|at)\s+no\s+(?:circumstances?|case|event|time)[\s*_]*$",
    "_LIST_BOUNDARY": r"[;:,()]|\b(?:and|or)\b",
    "_SUBORDINATOR_INSIDE": r"\b(?:if|whether|unless|when|because)\b",
    "_CONDITION_INSIDE": r"\b(?:if|when|whether|unless)\b",
}


def _windows(corpus: Path) -> list[str]:
    texts = [*TEXTS]
    for path in sorted(corpus.glob("*/*.md"))[::3]:
        text = path.read_text(encoding="utf-8")
        texts += [text[i : i + 240] for i in range(0, len(text), 211)]
    return texts


def test_the_look_ahead_patterns_match_what_the_plain_patterns_match(corpus: Path) -> None:
    windows = _windows(corpus)
    for name, plain in PLAIN.items():
        fast: re.Pattern[str] = getattr(statements, name)
        slow = re.compile(plain, re.IGNORECASE)
        assert fast.flags == slow.flags, name
        for window in windows:
            for start in (0, 7):
                found = [m.span() for m in fast.finditer(window, start)]
                assert found == [m.span() for m in slow.finditer(window, start)], (name, window)


def test_a_window_said_to_hold_no_denying_word_has_no_denying_subject(corpus: Path) -> None:
    windows = _windows(corpus)
    quick_no = 0
    for window in windows:
        for cut in range(0, len(window), 17):
            piece = window[cut:]
            if statements._might_deny(piece):
                continue
            quick_no += 1
            for at_sentence_start in (True, False):
                assert not statements._denying_subject(
                    piece, at_sentence_start=at_sentence_start
                ), piece
    assert quick_no > 1000  # the quick answer is the common one


def test_denying_subjects_are_found_through_the_quick_search() -> None:
    for window in ("No further characters", "Nothing", "none of them", "Neither party", "n*o* x"):
        assert statements._might_deny(window), window
    assert statements._denying_subject("No further characters", at_sentence_start=True)
    assert not statements._might_deny("It cannot know, another -no or .no")


def test_every_rfc_boilerplate_sentence_says_interpreted(corpus: Path) -> None:
    sentences = [
        "The key words MUST and MAY are to be INTERPRETED as described in RFC 2119.",
        "As in BCP 14 [RFC2119] [RFC8174], the words MUST ... are interpreted there.",
    ]
    for path in sorted(corpus.glob("*/*.md"))[::3]:
        sentences += path.read_text(encoding="utf-8").split(". ")
    matched = [s for s in sentences if statements._RFC_BOILERPLATE.search(s)]
    assert len(matched) >= 2
    assert all(statements._INTERPRETED.search(s) for s in matched)
