"""Telling editorial edits (no change in meaning) from rewording.

Editorial means the same in prose, lists, tables and worked examples: typography
(quotes, dashes, ellipses), whitespace, markup, spelling and footnote markers. What is
written in code (identifiers), numbers, units, negations and names never is.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from ..parse import plain_text
from ._notation import canonical_math

_WORD = re.compile(r"\w+")
#: What ends a sentence (or a list lead-in), so that the next word may be capitalised.
_SENTENCE_END = re.compile(r"[.!?:;|][\"')\]]*\s*$")
#: Inline code spans: their contents are identifiers and literals, compared as written.
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
#: Typography that reads the same: curly quotes, dashes, ellipses, non-breaking spaces.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)
_DASHES = re.compile(r"(?<!-)-{2,3}(?!-)")
#: Units: "24 hours" and "24 days" are different requirements, whatever the spelling.
_UNITS = frozenset(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "byte",
        "bytes",
        "bit",
        "bits",
        "kilobytes",
        "megabytes",
        "gigabytes",
        "percent",
        "times",
    ]
)
#: Short words whose change is never a typo fix.
_MEANINGFUL = frozenset(
    [
        "not",
        "no",
        "nor",
        "never",
        "always",
        "all",
        "any",
        "some",
        "each",
        "every",
        "none",
        "only",
        "must",
        "may",
        "can",
        "could",
        "should",
        "shall",
        "will",
        "would",
        "might",
        "and",
        "or",
        "but",
        "if",
        "unless",
        "before",
        "after",
        "more",
        "less",
        "most",
        "least",
    ]
)
_MAX_TYPOS = 3
#: Verbs whose sense changes between "to do" and "doing" after them.
_SENSE_BY_FORM = frozenset(
    [
        "stop",
        "stops",
        "stopped",
        "stopping",
        "remember",
        "remembers",
        "remembered",
        "forget",
        "forgets",
        "forgot",
        "regret",
        "regrets",
        "try",
        "tries",
        "tried",
        "mean",
        "means",
        "meant",
        "quit",
        "quits",
        "go",
        "goes",
        "went",
    ]
)


def typography(text: str) -> str:
    """``text`` with curly quotes, dashes and ellipses written the plain way."""
    return _DASHES.sub("-", text.translate(_TYPOGRAPHY))


def code_spans(text: str) -> list[str]:
    """The contents of the inline code spans of ``text``, whitespace folded. A literal
    written as a quoted string (`` `"form"` ``) is the same literal as `` `form` ``: the
    quotes only show that it is a string."""
    if "`" not in text:
        return []
    return [_unquoted(" ".join(m.group(2).split())) for m in _CODE_SPAN.finditer(text)]


def _unquoted(literal: str) -> str:
    if len(literal) > 2 and literal[0] == literal[-1] and literal[0] in "\"'":
        inner = literal[1:-1]
        if literal[0] not in inner:
            return inner
    return literal


def code_changed(old: str, new: str) -> bool:
    """Whether what is written in code changed: a code span's contents, or a span that
    appeared or went. A value that only gained or lost its backticks (``https://a.example``
    written plain, then as `` `https://a.example` ``) is markup: the same value, verbatim,
    stands where it stood."""
    old_spans, new_spans = code_spans(old), code_spans(new)
    if old_spans == new_spans:
        return False
    gained = Counter(new_spans) - Counter(old_spans)
    lost = Counter(old_spans) - Counter(new_spans)
    if not all(_written_plain(span, old) for span in gained):
        return True
    if not all(_written_plain(span, new) for span in lost):
        return True
    return _without(old_spans, lost) != _without(new_spans, gained)


def _without(spans: list[str], dropped: Counter[str]) -> list[str]:
    """``spans`` in order, less the first occurrences of ``dropped``."""
    left = Counter(dropped)
    kept = []
    for span in spans:
        if left[span]:
            left[span] -= 1
        else:
            kept.append(span)
    return kept


def _written_plain(literal: str, text: str) -> bool:
    """Whether ``literal`` stands whole, verbatim, outside the code spans of ``text``."""
    outside = " ".join(_CODE_SPAN.sub(" ", text).split())
    edge = r"[\w/:@#.-]"
    pattern = rf"(?<!{edge}){re.escape(literal)}(?!\w|[/:@#-]|\.\w)"
    return re.search(pattern, outside) is not None


def is_editorial(old: str, new: str) -> bool:
    """True when only markup, link targets, typography, punctuation, case or spelling
    changed, and no code span, number, unit, negation or name did. A formula counts as
    code once its notation is written one way (``4/3 * \\pi`` is ``\\frac{4}{3}\\pi``)."""
    old, new = canonical_math(old), canonical_math(new)
    if code_changed(old, new):
        return False
    old_plain, new_plain = typography(plain_text(old)), typography(plain_text(new))
    if old_plain == new_plain:
        return True
    old_words = _words(old_plain)
    new_words = _words(new_plain)
    if [w.casefold() for w, _ in old_words] == [w.casefold() for w, _ in new_words]:
        return True
    if len(old_words) != len(new_words):
        return _gerund_for_infinitive(old_words, new_words)
    typos = [
        (a, b)
        for a, b in zip(old_words, new_words, strict=True)
        if a[0].casefold() != b[0].casefold()
    ]
    return len(typos) <= _MAX_TYPOS and all(_is_typo(a, b) for a, b in typos)


def _gerund_for_infinitive(old: list[tuple[str, bool]], new: list[tuple[str, bool]]) -> bool:
    """Whether the only differences are a verb's infinitive and its -ing form, the one
    for the other ("avoiding to embed" -> "avoiding embedding"): grammar, not meaning."""
    a = [w.casefold() for w, _ in old]
    b = [w.casefold() for w, _ in new]
    if abs(len(a) - len(b)) > _MAX_TYPOS:
        return False
    i = j = fixes = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i, j = i + 1, j + 1
        elif _infinitive_at(a, i) and _is_gerund_of(b[j], a[i + 1]):
            i, j, fixes = i + 2, j + 1, fixes + 1
        elif _infinitive_at(b, j) and _is_gerund_of(a[i], b[j + 1]):
            i, j, fixes = i + 1, j + 2, fixes + 1
        else:
            return False
    return i == len(a) and j == len(b) and 0 < fixes <= _MAX_TYPOS


def _infinitive_at(words: list[str], k: int) -> bool:
    """``to`` + a verb at ``k``, after a word that does not change sense with the form
    ("stop to check" is not "stop checking")."""
    if words[k] != "to" or k + 1 >= len(words):
        return False
    return k == 0 or words[k - 1] not in _SENSE_BY_FORM


def _is_gerund_of(gerund: str, verb: str) -> bool:
    """``embedding`` of ``embed``, ``using`` of ``use``, ``stopping`` of ``stop``."""
    if not gerund.endswith("ing") or len(verb) < 2 or verb in _MEANINGFUL:
        return False
    stem = gerund[:-3]
    return stem in (verb, verb.removesuffix("e"), verb + verb[-1])


def is_typo(old: str, new: str) -> bool:
    """Whether one lower-case word could be a misspelling of the other (never a
    meaningful word, a unit or a number)."""
    return _is_typo((old, True), (new, True))


def _words(text: str) -> list[tuple[str, bool]]:
    """Each word as written, with whether it begins a sentence."""
    found = []
    previous = 0
    first = True
    for match in _WORD.finditer(text):
        between = text[previous : match.start()]
        first = first if not between.strip() else bool(_SENTENCE_END.search(between))
        found.append((match.group(), first))
        previous, first = match.end(), False
    return found


def _is_typo(old: tuple[str, bool], new: tuple[str, bool]) -> bool:
    (old_word, old_first), (new_word, new_first) = old, new
    if _is_name(old_word, old_first) or _is_name(new_word, new_first):
        return False
    a, b = old_word.casefold(), new_word.casefold()
    if a in _MEANINGFUL or b in _MEANINGFUL or a in _UNITS or b in _UNITS:
        return False
    if any(ch.isdigit() for ch in a + b):
        return False
    if min(len(a), len(b)) < 4:
        return False
    return Levenshtein.distance(a, b) <= 2


def _is_name(word: str, sentence_start: bool) -> bool:
    """A capitalised word inside a sentence (a name, a defined term) or an identifier."""
    if "_" in word:
        return True
    return not sentence_start and word[:1].isupper()


def is_substantive(word_similarity: float) -> bool:
    """A rewrite that keeps less than three words in four says something new."""
    return word_similarity < 0.75


_NUMERAL = re.compile(r"\d+(?:[.,:]\d+)*%?")


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(words.split())


_COUNT_WORDS = _set(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred thousand million twice"
)
#: Around "one", words that make it a pronoun ("no one", "the one that", "one of").
_NOT_COUNTING = _set(
    "no any every each the this that which some someone anyone of another or and who "
    "that's way hand"
)
_NEGATIONS = _set("not no never cannot nor none neither")


def numbers_and_negations(plain_words: str) -> Counter[str]:
    """The numbers and negations a text states, in plain lower-case words: numerals and
    counts ("two classes", "one class"; not "no one" or "one of"), and "not", "never",
    "cannot", "-n't". Rewording that adds or drops one says something else."""
    words = plain_words.split()
    found: Counter[str] = Counter()
    for i, word in enumerate(words):
        if word.endswith(("n't", "n’t")):
            found["not"] += 1
            continue
        counted_one = (
            word == "one"
            and i + 1 < len(words)
            and words[i + 1] not in _NOT_COUNTING
            and (i == 0 or words[i - 1] not in _NOT_COUNTING)
        )
        if counted_one or _NUMERAL.fullmatch(word) or word in _COUNT_WORDS or word in _NEGATIONS:
            found[word] += 1
    return found
