"""Telling editorial edits (no change in meaning) from rewording.

Editorial means the same in prose, lists, tables and worked examples: typography
(quotes, dashes, ellipses), whitespace, markup, spelling and footnote markers. What is
written in code (identifiers), numbers, units, negations and names never is.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..parse import character_ranges, plain_text
from ..parse.statements import NUMBER_VALUES, singular, words_of
from ._forms import (
    agent_of,
    agreeing,
    canonical,
    derived,
    inflected,
    misspelled,
    misspelled_for_a_word_said,
    same_stem,
    sound_alike,
)
from ._notation import canonical_notation

if TYPE_CHECKING:
    from collections.abc import Callable


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(words.split())


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
#: Words that build a sentence rather than say what it is about: articles, pronouns,
#: prepositions, auxiliaries, relatives. Swapping one ("which" -> "that", "I" -> "we",
#: "in" -> "within") is rewording; the words of weight (negations, quantifiers, modals,
#: "and"/"or", "before"/"after") are in ``_MEANINGFUL`` instead.
_FUNCTION_WORDS = _set(
    """
    a an the this that these those its it they them their theirs there here we us our
    ours you your yours i me my mine he him his she her hers one ones itself themselves
    of to in on at by for from with into onto upon within via as per about across
    through throughout between among amongst toward towards beside besides near next
    along around behind beyond against
    is are was were be been being am has have had do does did done
    which who whom whose what where when whereas whereby wherein how
    so then than thus hence therefore because since also just very really such both either
    """
)
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
    # A key and its value written as YAML: `encoding: "identity"` is `encoding: identity`.
    pair = _QUOTED_YAML_VALUE.fullmatch(literal)
    if pair and pair["value"].casefold() not in _YAML_WORDS:
        return f"{pair['key']}: {pair['value']}"
    return literal


#: `key: "value"`, a plain word quoted (not a number, not a word YAML reads otherwise).
_QUOTED_YAML_VALUE = re.compile(
    r"(?P<key>[A-Za-z_][\w.-]*): (?P<quote>[\"'])(?P<value>[A-Za-z][\w./+-]*)(?P=quote)"
)
#: Words YAML reads as booleans or null when unquoted.
_YAML_WORDS = _set("true false yes no on off y n null")


def code_changed(old: str, new: str) -> bool:
    """Whether what is written in code changed: a code span's contents, or a span that
    appeared or went. A value that only gained or lost its backticks (``https://a.example``
    written plain, then as `` `https://a.example` ``) is markup: the same value, verbatim,
    stands where it stood. The text of a link to the same anchor on both sides, however
    its notation changed (``#components-parameters`` -> ``#componentsParameters``), names
    what the link points at: rewriting it (`` `components.parameters` `` ->
    ``components/parameters``) is no identifier changed."""
    old, new = _without_same_target_link_texts(old, new)
    old_spans, new_spans = code_spans(old), code_spans(new)
    if old_spans == new_spans:
        return False
    if Counter(old_spans) == Counter(new_spans):
        # The same values in another order: a change only outside a list of alternatives
        # ("either a `String`, or a `Binary`" -> "either a `Binary` or `String`").
        return _listed(old) != _listed(new)
    gained = Counter(new_spans) - Counter(old_spans)
    lost = Counter(old_spans) - Counter(new_spans)
    if not all(_marked_up(span, n, old, new) for span, n in gained.items()):
        return True
    if not all(_marked_up(span, n, new, old) for span, n in lost.items()):
        return True
    # The values that stayed must stay in their order, wherever the markup was added.
    kept = len(old_spans) - sum(lost.values())
    return _common_length(old_spans, new_spans) < kept


#: What may stand between the members of a list: commas, "or", "and", articles.
_LIST_GLUE = re.compile(r"(?:[\s,;/]|\b(?:or|and|nor|either|a|an|the)\b)*", re.IGNORECASE)
#: ... and between members each named before its value in parentheses: "tab (`U+0009`),
#: carriage return (`U+000D`), or form feed (`U+000C`)" lists three values.
_GLOSSED_GLUE = re.compile(
    r"\)[\s,;]*(?:(?:or|and|nor|either|a|an|the)\s+)*(?:[^\W\d_][\w'-]*\s+){1,3}\(",
    re.IGNORECASE,
)


def _listed(text: str) -> list[tuple[str, ...]]:
    """The code spans of ``text`` in order, those listed together (only commas, "or",
    "and" or an article between them, or each after its name in parentheses) as one group
    in no order."""
    groups: list[list[str]] = []
    end = -1
    for match in _CODE_SPAN.finditer(text):
        span = _unquoted(" ".join(match.group(2).split()))
        if groups and (
            _LIST_GLUE.fullmatch(text, end, match.start())
            or _GLOSSED_GLUE.fullmatch(text, end, match.start())
        ):
            groups[-1].append(span)
        else:
            groups.append([span])
        end = match.end()
    return [tuple(sorted(group)) for group in groups]


def same_content_words(old: str, new: str) -> bool:
    """Whether two texts say the same words of weight, in any order and number of words
    of grammar, joined by the same kinds of "and"/"or": a list reordered ("a `String`,
    or a `Binary`, or a `Map`" -> "a `Binary`, `Map` or `String`")."""
    joints = ("and", "or", "nor")
    a, b = _words(typography(plain_text(old))), _words(typography(plain_text(new)))
    a_words = [w.casefold() for w, _ in a]
    b_words = [w.casefold() for w, _ in b]

    def weight(words: list[str]) -> Counter[str]:
        return Counter(w for w in words if w not in _FUNCTION_WORDS and w not in joints)

    return weight(a_words) == weight(b_words) and {w for w in a_words if w in joints} == {
        w for w in b_words if w in joints
    }


_LIST_TOKEN = re.compile(r"[^\W_][\w'’-]*|,")
_JOINS = frozenset((",", "and", "or", "nor"))
#: Prepositions a list may follow, its first member right after them: "additional
#: information for types, fields, fragments and operations".
_LIST_OPENING_PREPOSITIONS = _set("for of to in on with by from about between among")
#: How many words after a list's first member its "or" / "and" may come.
_LIST_REACH = 5


#: A grammar production that lists its alternatives after "one of" ("OperationType : one
#: of query mutation"): its name, and the alternatives as written.
_ONE_OF = re.compile(r"^\s*(?P<name>\w+)\s*:{1,3}\s*one\s+of\s+(?P<members>.+?)\s*$", re.S)


def alternatives_changed(old: str, new: str) -> bool:
    """Whether a production "Name : one of a b c" gained or lost an alternative: each word
    after "one of" is one ("one of query mutation" -> "one of query mutation
    subscription" lets the language say one thing more), however few words changed.
    Alternatives only reordered, or written in other markup (`query` -> query), are the
    same ones."""
    before, after = _ONE_OF.match(old), _ONE_OF.match(new)
    if before is None or after is None or before["name"] != after["name"]:
        return False
    members = [set(plain_text(m["members"]).split()) for m in (before, after)]
    return members[0] != members[1]


def members_changed(old: str, new: str) -> bool:
    """Whether a member joined a list or left it: "not including spaces, `"`" -> "not
    including spaces, tabs, line endings, `"`", "Trailing spaces" -> "Trailing spaces or
    tabs". What the text says something of is another set of things, however few words
    that takes. Words that only moved within the text (a list reordered) join nothing."""
    a = _LIST_TOKEN.findall(typography(plain_text(old)).casefold())
    b = _LIST_TOKEN.findall(typography(plain_text(new)).casefold())
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    counts = {id(a): Counter(a), id(b): Counter(b)}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op not in ("insert", "delete"):
            continue
        side, other, start, stop = (b, a, j1, j2) if op == "insert" else (a, b, i1, i2)
        span = side[start:stop]
        content = [w for w in span if w not in _JOINS and w not in _FUNCTION_WORDS]
        # A word that moved is as frequent on the other side: the stretch holding it is a
        # member moved (perhaps renamed: "newline (`U+000A`)" -> "line feed (`U+000A`)").
        # A word also said elsewhere in the text is not one: "mutual TLS (use of a client
        # certificate)" joins a list that already spoke of "client credentials".
        here, there = counts[id(side)], counts[id(other)]
        if not content or any(there[w] >= here[w] for w in content):
            continue
        before = side[start - 1] if start else ""
        after = side[stop] if stop < len(side) else ""
        if (
            (span[0] in _JOINS - {","} and before and before not in _JOINS)
            or (span[-1] in _JOINS - {","} and after and after not in _JOINS)
            or (span[-1] == "," and before == ",")
            or (span[0] == "," and (after in _JOINS or not _JOINS.isdisjoint(span[1:])))
            # The first member, with its comma, the list's "or" a few words on: "no
            # spaces, line endings, or `<`" -> "no line endings or `<`".
            or (
                span[-1] == ","
                and (before in _DETERMINERS or before in _LIST_OPENING_PREPOSITIONS)
                and not _JOINS.isdisjoint(side[stop + 1 : stop + _LIST_REACH])
            )
        ):
            return True
    # The matcher may pair the lists' "or"s so that no member shows as inserted: "header
    # or query parameter" -> "header, query or cookie parameter".
    return _joined_member(a, b) or _joined_member(b, a)


def _joined_member(a: list[str], b: list[str]) -> bool:
    """Whether ``b`` (list tokens) has a word of weight ``a`` has in no form, standing as
    a member right after (or before) an "or" / "and" / "nor" whose other member is a
    member of a list in ``a`` too, though not beside that joining word: "header or query
    parameter" -> "header, query or cookie parameter". Where ``a`` had the other member
    beside the same joining word ("names or references" -> "names or URI references",
    "RFC7159 and `token`" -> "RFC8259 and `token`"), the new word qualifies a member or
    takes one's place: no member joined; nor where the other word was no member of a
    list ("are parsed as" -> "parsed and turned into": verbs joined)."""
    said = set(a) - _JOINS - _FUNCTION_WORDS
    bare = [w for w in a if w != ","]
    pairs = set(itertools.pairwise(bare))
    listed = {w for pair in itertools.pairwise(a) for w in pair if not _JOINS.isdisjoint(pair)}
    for i, word in enumerate(b):
        if len(word) < 2 or not word.isalpha() or word in _JOINS or word in _FUNCTION_WORDS:
            continue
        if word in said or any(same_stem(word, w) or _forms_of_one(word, w) for w in said):
            continue  # "tabs" -> "tab characters": the same member, said otherwise
        if i >= 2 and b[i - 1] in _JOINS - {","}:
            member, join = b[i - 2], b[i - 1]
            if member in said and member in listed and (member, join) not in pairs:
                return True
        if i + 2 < len(b) and b[i + 1] in _JOINS - {","}:
            join, member = b[i + 1], b[i + 2]
            if member in said and member in listed and (join, member) not in pairs:
                return True
    return False


def _common_length(a: list[str], b: list[str]) -> int:
    """The length of the longest sequence of values ``a`` and ``b`` both hold in order."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _written_plain(literal: str, text: str) -> bool:
    """Whether ``literal`` stands whole, verbatim, outside the code spans of ``text``."""
    return _plain_count(literal, text) > 0


def _plain_count(literal: str, text: str) -> int:
    """How many times ``literal`` stands whole, verbatim, outside the code spans of
    ``text``. A literal of several words is a phrase of prose put in code markup, no
    identifier: it may have been written plain in another case ("the Link Object" -> "the
    `Link object`"), which the words themselves are compared for."""
    outside = " ".join(_CODE_SPAN.sub(" ", text).split())
    edge = r"[\w/:@#.-]"
    pattern = rf"(?<!{edge}){re.escape(literal)}(?!\w|[/:@#-]|\.\w)"
    flags = re.IGNORECASE if _PROSE_PHRASE.fullmatch(literal) else 0
    return len(re.findall(pattern, outside, flags))


#: Words of prose, more than one: "Link object" (not `a_b`, `x.y`, `GET /pets`).
_PROSE_PHRASE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")


def _marked_up(literal: str, times: int, plain: str, marked: str) -> bool:
    """Whether ``times`` code spans holding ``literal`` in ``marked`` only mark up the value
    ``plain`` wrote without backticks. Punctuation is also prose's own ("parentheses
    (`(...)`)"): a `` `(` `` marks one up only where a plain "(" went ("({})" ->
    "(`{}`)"), not where the text keeps its parentheses and names one more character."""
    if any(c.isalnum() for c in literal):
        return _written_plain(literal, plain)
    return _plain_count(literal, plain) - _plain_count(literal, marked) >= times


def is_editorial(old: str, new: str) -> bool:
    """True when only markup, link targets, typography, punctuation, case, spelling or the
    form of a word changed (British or American, a compound joined, hyphenated or apart),
    and no code span, number, unit, negation or name did. A formula counts as code once
    its notation is written one way (``4/3 * \\pi`` is ``\\frac{4}{3}\\pi``); a range of
    characters is read whatever its notation (``('a' to 'z')`` is ``[a-z]``)."""
    old, new = canonical_notation(old), canonical_notation(new)
    if code_changed(old, new) or character_ranges(old) != character_ranges(new):
        return False
    # A production's alternatives are tokens, punctuators among them: "one of ... { }" ->
    # "one of ... { | }" lets the language write one more symbol.
    if alternatives_changed(old, new):
        return False
    old_plain, new_plain = typography(plain_text(old)), typography(plain_text(new))
    if old_plain == new_plain:
        return True
    old_words = _words(old_plain)
    new_words = _words(new_plain)
    if [w.casefold() for w, _ in old_words] == [w.casefold() for w, _ in new_words]:
        return not _identifier_recased(old_words, new_words)
    if _same_but_spelling(old_words, new_words, old_plain, new_plain):
        return True
    if len(old_words) != len(new_words):
        return _gerund_for_infinitive(old_words, new_words)
    return False


def _same_but_spelling(
    old_words: list[tuple[str, bool]],
    new_words: list[tuple[str, bool]],
    old_plain: str,
    new_plain: str,
) -> bool:
    """Whether every word that differs is another form of the same word (any number of
    them) or a misspelling of it (a few at most)."""
    a, b = _forms(old_words), _forms(new_words)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    typos = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and _joined(
            old_words[i1:i2], new_words[j1:j2], _hyphens(old_plain), _hyphens(new_plain), i1, j1
        ):
            continue
        if op != "replace" or i2 - i1 != j2 - j1:
            return False
        pairs = zip(old_words[i1:i2], new_words[j1:j2], strict=True)
        if not all(
            _is_typo(x, y) or _respelled_as_said(x, y, old_words, new_words) for x, y in pairs
        ):
            return False
        typos += i2 - i1
    return typos <= _MAX_TYPOS


def _respelled_as_said(
    old: tuple[str, bool],
    new: tuple[str, bool],
    old_words: list[tuple[str, bool]],
    new_words: list[tuple[str, bool]],
) -> bool:
    """A long word garbled a little further than a typo ("punctionation") put right as
    the word the text says elsewhere on both sides ("include punctuation ... lacks the
    punctuation"), the garbled word said on one side only; or, the other way round, the
    word garbled where the text keeps it elsewhere. One word spelled two ways, not two
    words: where both words are said on one side ("installation ... instantiation"), or
    neither elsewhere, the swap stays a swap."""
    if _is_name(*old) or _is_name(*new):
        return False
    a, b = old[0].casefold(), new[0].casefold()
    if a in _MEANINGFUL or b in _MEANINGFUL or not (a.isalpha() and b.isalpha()):
        return False
    if same_stem(a, b):
        return False  # "properties" / "property": another form, read as wording, not spelling
    old_said = {w.casefold() for w, _ in old_words}
    new_said = {w.casefold() for w, _ in new_words}
    fixed = b in old_said and a not in new_said  # the old text also said the new word
    garbled = a in new_said and b not in old_said  # the new text still says the old word
    return (fixed or garbled) and misspelled_for_a_word_said(a, b)


def _forms(words: list[tuple[str, bool]]) -> list[str]:
    """Each word in one spelling (``colour`` -> ``color``), names as written."""
    return [w.casefold() if _is_name(w, first) else canonical(w.casefold()) for w, first in words]


def _hyphens(plain: str) -> list[bool]:
    """For each word of ``plain`` (as :func:`_words` finds them), whether a hyphen joins
    it to the word before ("e-mail", "non-negative")."""
    found = []
    previous = -1
    for match in _WORD.finditer(plain):
        found.append(previous >= 0 and plain[previous : match.start()] == "-")
        previous = match.end()
    return found


def _joined(
    old: list[tuple[str, bool]],
    new: list[tuple[str, bool]],
    old_hyphens: list[bool],
    new_hyphens: list[bool],
    i: int,
    j: int,
) -> bool:
    """A compound written as one word, hyphenated or apart ("non-negative" /
    "nonnegative", "e-mail" / "email", "white space" / "whitespace"). Two words apart
    join only when neither is a word of its own weight ("a part" is not "apart", "any
    one" is not "anyone", "may be" is not "maybe")."""
    if len(old) == len(new):
        return False
    if "".join(_forms(old)) != "".join(_forms(new)):
        return False
    for words, hyphens, start in ((old, old_hyphens, i), (new, new_hyphens, j)):
        for k in range(1, len(words)):
            if hyphens[start + k]:
                continue
            for word in (words[k - 1][0].casefold(), words[k][0].casefold()):
                if len(word) < 3 or word in _MEANINGFUL or word in _FUNCTION_WORDS:
                    return False
    return True


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


#: A word written as an identifier in camel case: a lower-case start, a capital inside
#: ("isHouseTrainedFragment", "operationId").
_CAMEL_CASE = re.compile(r"[a-z]+[A-Z]\w*")


def _identifier_recased(old: list[tuple[str, bool]], new: list[tuple[str, bool]]) -> bool:
    """Whether a word whose case changed is an identifier written in camel case in either
    version ("isHousetrainedFragment" -> "isHouseTrainedFragment"): names in code are
    matched as written, so the new case names another thing, no spelling fix. (Words of
    the same length and order, their case apart: see :func:`is_editorial`.)"""
    return any(
        a != b and (_CAMEL_CASE.fullmatch(a) or _CAMEL_CASE.fullmatch(b))
        for (a, _), (b, _) in zip(old, new, strict=True)
    )


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
    return canonical(a) == canonical(b) or misspelled(a, b) or sound_alike(a, b)


def _is_name(word: str, sentence_start: bool) -> bool:
    """A capitalised word inside a sentence (a name, a defined term) or an identifier."""
    if "_" in word:
        return True
    return not sentence_start and word[:1].isupper()


#: Nouns that name what kind of element a thing is, after the word that names the thing
#: itself: "the discriminator attribute" and "the discriminator object" are one thing
#: called by another category; "failed requests" and "successful requests" are not.
CATEGORY_NOUNS = _set(
    """
    attribute attributes object objects field fields property properties element
    elements parameter parameters member members key keys keyword keywords entry entries
    item items node nodes value values section sections option options setting settings
    flag flags variable variables component components construct constructs directive
    directives token tokens class classes category categories kind kinds
    """
)


class Swap(NamedTuple):
    """A word of weight put in the place of another: ("minor", "patch")."""

    old: str
    new: str
    before: str
    """The word before it, the same on both sides, when it may name the thing (not a
    word of grammar; '' otherwise), lower case."""
    old_phrase: str
    """The edited stretch of text around it, as written (for quoting)."""
    new_phrase: str
    category: bool = False
    """A category noun put for another after the word that names the thing ("the
    discriminator attribute" -> "the discriminator object"): terminology."""
    after: str = ""
    """The word after it, the same on both sides, when it may name the thing ("error" in
    "a field error" -> "an execution error"; '' otherwise), lower case."""

    def words(self) -> tuple[set[str], set[str]]:
        """The swapped words, lower case, one set per side."""
        return set(self.old.casefold().split()), set(self.new.casefold().split())

    def stretch(self) -> tuple[str, str] | None:
        """The edited stretch around the swap (its phrases, lower case), when the swapped
        words do not make it up and it is a term's length (at most :data:`_TERM_WORDS`
        words a side); None otherwise. A word kept between the swapped ones, in another
        form or a word of grammar ("grouped field set" -> "collected fields map" swaps
        "grouped set" for "collected map"; "throw a query error" -> "raise a request
        error"), splits a term into words no text says in a row: a term the edition put
        for another is found as the texts write it."""
        stretch = (self.old_phrase.casefold(), self.new_phrase.casefold())
        if stretch == (self.old.casefold(), self.new.casefold()):
            return None
        if not all(0 < len(side.split()) <= _TERM_WORDS for side in stretch):
            return None
        return stretch


#: The most words of a term read as one (a stretch longer is a phrase rewritten).
_TERM_WORDS = 3


#: Words of weight swapped at once for one swap: "failed requests" -> "successful
#: responses". More is a phrase rewritten ("Remember" -> "Even under this circumstance").
_SWAP_WORDS = 2


def swapped_words(old: str, new: str) -> list[Swap]:
    """Words of weight that another word took the place of, as written: "a new minor
    version" -> "a new patch version" gives ("minor", "patch"); one or two words for as
    many ("SHA-256" -> "MD5", "failed requests" -> "successful responses").

    Not swaps: another form of the same word (spelling, a compound, an inflection, a
    misspelling), a word of grammar ("which" -> "that", "I" -> "we"), a one-letter
    placeholder ("0.x.x" -> "0.y.z"), a word that only moved within the text, the text
    of a link that follows its new target, and a phrase rewritten as a whole (more than
    two words of weight on a side, or more on one side than on the other). Words only added or only dropped are not swaps
    either (a qualifier, a clause appended). A category noun after a word that stays
    ("the discriminator attribute" -> "the discriminator object", see
    :data:`CATEGORY_NOUNS`) is a swap marked as such: terminology."""
    return list(_swapped_words(old, new))


#: The few texts last compared: one clause's rules ask for the same pair again (the
#: wording rule, then the swaps of its statements), and reading a pair costs more than
#: a few words of it; a small cache, so that it keeps only the clause at hand.
@lru_cache(maxsize=32)
def _swapped_words(old: str, new: str) -> tuple[Swap, ...]:
    """:func:`swapped_words`, as a tuple."""
    old, new = _without_retargeted_link_texts(canonical_notation(old), canonical_notation(new))
    old_plain, new_plain = typography(plain_text(old)), typography(plain_text(new))
    old_words, new_words = _words(old_plain), _words(new_plain)
    a, b = _forms(old_words), _forms(new_words)
    lost, gained = Counter(a) - Counter(b), Counter(b) - Counter(a)
    # A verb said as its noun elsewhere in the sentence ("indented four spaces" ->
    # "preceded by four spaces of indentation") is still said: no word of its own went,
    # when the verb in its place only carries the noun ("preceded"; not "skipped").
    kept_as_noun = derived_pairs(lost, gained)
    said_as_noun = {x for x, _ in kept_as_noun}
    gained = gained - Counter(y for _, y in kept_as_noun)
    old_hyphens, new_hyphens = _hyphens(old_plain), _hyphens(new_plain)
    swaps = []
    for i1, i2, j1, j2 in _edited_phrases(a, b):
        if i1 == i2 or j1 == j2:
            continue
        if _joined(old_words[i1:i2], new_words[j1:j2], old_hyphens, new_hyphens, i1, j1):
            continue
        gone = [k for k in range(i1, i2) if _weighs(old_words[k], lost[a[k]])]
        fresh = [k for k in range(j1, j2) if _weighs(new_words[k], gained[b[k]])]
        gone, fresh = _unmatched(gone, fresh, old_words, new_words)
        if all(a[k] in said_as_noun for k in gone) and all(carrier_verb(b[k]) for k in fresh):
            gone = []
        # A word of weight swaps with its like: "and" -> "or", "minor" -> "patch"; a
        # subject giving way to "and" ("Clients must ... Clients must" -> "... and
        # must") is a sentence joined, not a term swapped.
        for heavy in (True, False):
            old_side = [k for k in gone if (a[k] in _MEANINGFUL) == heavy]
            new_side = [k for k in fresh if (b[k] in _MEANINGFUL) == heavy]
            # One word for one, or two for two: "SHA-256" (a word written with a
            # hyphen) for "MD5", "failed requests" for "successful responses".
            size = _units(old_side, old_hyphens)
            if not old_side or not new_side or size != _units(new_side, new_hyphens):
                continue
            if size > _SWAP_WORDS:
                continue
            old_found = [old_words[k] for k in old_side]
            new_found = [new_words[k] for k in new_side]
            swaps.append(
                Swap(
                    " ".join(w for w, _ in old_found),
                    " ".join(w for w, _ in new_found),
                    _naming_word(a, i1),
                    _phrase(old_plain, old_words, i1, i2),
                    _phrase(new_plain, new_words, j1, j2),
                    _category_renamed(old_found, new_found, a, i1),
                    _noun_after(a, old_side[-1] + 1, i2, b, new_side[-1] + 1, j2)
                    or _naming_word_after(a, i2, b, j2),
                )
            )
    return tuple(swaps)


def derived_pairs(lost: Counter[str], gained: Counter[str]) -> list[tuple[str, str]]:
    """The words a text lost that it still says in another part of speech, each with the
    word that says it (a verb as its noun, a noun as its verb: "indented" /
    "indentation"), one partner each, in the order of ``lost`` and ``gained``."""
    pairs = []
    left = [w for w in gained if len(w) > 4]
    for word in (w for w in lost if len(w) > 4):
        partner = next((g for g in left if derived(word, g)), None)
        if partner is not None:
            left.remove(partner)
            pairs.append((word, partner))
    return pairs


#: Verbs that carry an act said as a noun and add nothing to it: "perform the inspection",
#: "apply encryption", "be preceded by three spaces of indentation". Any other verb says
#: something of its own about the act ("skip the inspection", "remove the encryption").
_CARRIER_VERBS = _set("""
    use apply perform do make give undergo carry conduct have take get receive provide
    precede
    """)


def carrier_verb(word: str) -> bool:
    """Whether a lower-case word is a form of a verb that only carries another verb said
    as a noun ("preceded" in "preceded by three spaces of indentation", "applies" in
    "applies encryption")."""
    return any(inflected(verb, word) for verb in _CARRIER_VERBS)


def restated(old: str, new: str) -> bool:
    """Whether ``new`` says every word of weight of ``old`` (in some form) and adds only
    the verb that carries one of them said as its noun: "can be indented more than four
    spaces" -> "can be preceded by more than four spaces of indentation" rewords nothing
    of substance, however many words moved."""
    before = Counter(_weighty_words(old))
    after = Counter(_weighty_words(new))
    lost, gained = before - after, after - before
    nominal = derived_pairs(lost, gained)
    if not nominal:
        return False
    lost -= Counter(x for x, _ in nominal)
    gained -= Counter(y for _, y in nominal)
    for word in list(lost):
        partner = next((g for g in gained if gained[g] and _forms_of_one(word, g)), None)
        if partner is not None:
            lost[word] -= 1
            gained[partner] -= 1
    carriers = [w for w in +gained for _ in range(gained[w])]
    return not +lost and len(carriers) <= len(nominal) and all(map(carrier_verb, carriers))


#: "of" and one noun, with a determiner between them or none: "of indentation", "of the
#: encryption".
_OF_NOUN = re.compile(r"\s+of\s+(?:(?:a|an|the|its|their)\s+)?([^\W\d_]+)\b", re.IGNORECASE)


def restated_acts(old: str, new: str) -> frozenset[str]:
    """The nouns (lower case) that a text names in an "of" phrase only to name again, as a
    noun, an act both texts state by its verb: "must be indented the same number of
    spaces of indentation" says "indented" twice. "The spaces" were always those of the
    indentation; adding or dropping "of indentation" there says nothing new. A noun of
    another act ("a key of rotation" where the text says "encrypted") is not one, nor an
    adjective ("a signed token"): those still narrow what the text speaks of. Nor is a
    noun that stands for a verb one text lost ("indented four spaces" -> "preceded by four
    spaces of indentation"): that noun says the lost verb, it is no repetition."""
    before, after = Counter(words_of(old).split()), Counter(words_of(new).split())
    nouns = {m.group(1).casefold() for text in (old, new) for m in _OF_NOUN.finditer(text)}
    return frozenset(
        n
        for n in nouns
        if any(derived(w, n) for w in before & after)
        and not any(derived(w, n) for w in (before - after) + (after - before))
    )


def without_restated_acts(old: str, new: str) -> tuple[str, str]:
    """Both texts without the "of" phrases that only name again an act both state (see
    :func:`restated_acts`)."""
    said_again = restated_acts(old, new)
    if not said_again:
        return old, new

    def drop(match: re.Match[str]) -> str:
        return "" if match.group(1).casefold() in said_again else match.group(0)

    return _OF_NOUN.sub(drop, old), _OF_NOUN.sub(drop, new)


def _weighty_words(text: str) -> list[str]:
    words = (w.casefold() for w, _ in _words(typography(plain_text(text))))
    return [w for w in words if w not in _FUNCTION_WORDS]


def compared_words(text: str) -> list[str]:
    """The words of a text as its rewording is measured: plain text, each bound said the
    one way, each list of named values in the order of its values, split at spaces (a
    word keeps its punctuation: how much a text was rewritten is measured as it always
    was)."""
    return one_bound_wording(plain_text(in_value_order(text))).split()


#: A value named before it in parentheses, as a member of a list: "carriage return
#: (`U+000D`)", "a tab (`U+0009`)" (one to three words, none of them a word of grammar
#: or "and"/"or").
_NAME_WORD = rf"(?!(?:{'|'.join(sorted(_FUNCTION_WORDS | {'or', 'and', 'nor'}))})\b)[^\W\d_][\w'-]*"
_NAMED_VALUE = rf"\b(?:(?:a|an|the)\s+)?(?:{_NAME_WORD}\s+){{1,3}}\(`[^`]+`\)"
_NAMED_VALUES = re.compile(
    rf"{_NAMED_VALUE}(?:(?:\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+){_NAMED_VALUE})+",
    re.IGNORECASE,
)
_MEMBER = re.compile(_NAMED_VALUE, re.IGNORECASE)


def in_value_order(text: str) -> str:
    """``text`` with each list of named values ("tab (`U+0009`), carriage return
    (`U+000D`), or newline (`U+000A`)") written in the order of its values, joined the
    one way ("a, b, or c", keeping its "or" or "and"): listing the same alternatives in
    another order says nothing new."""
    if "(`" not in text:
        return text

    def ordered(run: re.Match[str]) -> str:
        members = [m.group() for m in _MEMBER.finditer(run.group())]
        members.sort(key=lambda m: m[m.index("(") :])
        joint = "and" if re.search(r"\band\b", _MEMBER.sub(" ", run.group())) else "or"
        return f"{', '.join(members[:-1])}, {joint} {members[-1]}"

    return _NAMED_VALUES.sub(ordered, text)


def same_forms(old: list[str], new: list[str]) -> list[str]:
    """``new`` (words as split from plain text) with each word the text gained that is
    another form of a word it lost (:func:`_forms_of_one`) written as that word:
    "indentation" for "indented", "many" for "much", "three" for "3", so that a similarity
    measure counts forms of one word as one word (the same word with other punctuation
    stays another token, as it always was: punctuation still weighs in how much a text was
    rewritten)."""
    old_keys = [word_key(w) for w in old]
    new_keys = [word_key(w) for w in new]
    lost = Counter(old) - Counter(new)
    gained = Counter(new) - Counter(old)
    if not lost or not gained:
        return new
    written = dict(zip(old_keys, old, strict=True))
    left = Counter({word_key(w): n for w, n in lost.items()})
    result = []
    for word, key in zip(new, new_keys, strict=True):
        if gained[word] <= 0:
            result.append(word)
            continue
        gained[word] -= 1
        match = next((w for w in left if left[w] > 0 and _forms_of_one(w, key)), None)
        if match is None:
            result.append(word)
            continue
        left[match] -= 1
        result.append(written[match])
    return result


def word_key(word: str) -> str:
    """A word as split from plain text, lower case and without the punctuation around it."""
    return word.casefold().strip(".,;:!?()[]\"'*_`")


def _forms_of_one(a: str, b: str) -> bool:
    """Two different words (lower case, bare) that say one thing in another part of speech
    or agreeing otherwise ("indented" / "indentation", "much" / "many", "discriminating" /
    "discriminator"), or the same
    number in digits and in words; never a word of weight for another. (Inflections and
    misspellings are left to the swaps: "entities" -> "entity references" is not the
    same words.)"""
    if not a or not b or a == b or a in _MEANINGFUL or b in _MEANINGFUL:
        return False
    if NUMBER_VALUES.get(a, a) == NUMBER_VALUES.get(b, b):
        return True
    if not a.isalpha() or not b.isalpha():
        return False
    return canonical(a) == canonical(b) or agreeing(a, b) or derived(a, b) or agent_of(a, b)


def weighty_forms(words: list[str]) -> list[str]:
    """The words of weight of lower-case ``words``, each in one spelling."""
    return [canonical(w) for w in words if w not in _FUNCTION_WORDS]


def _naming_word(forms: list[str], at: int) -> str:
    """The word before position ``at`` when it may name the thing ("OpenAPI" in "OpenAPI
    definition"), else '': "the" or "of" before a word says nothing of a term."""
    if not at:
        return ""
    word = forms[at - 1]
    return "" if names_nothing(word) else word


def _naming_word_after(old: list[str], at: int, new: list[str], new_at: int) -> str:
    """The word at ``at`` in ``old`` and ``new_at`` in ``new`` (just after an edited
    phrase) when both sides have it and it may name the thing ("error" in "field
    error"), else ''."""
    if at >= len(old) or new_at >= len(new) or old[at] != new[new_at]:
        return ""
    return "" if names_nothing(old[at]) else old[at]


def _noun_after(
    old: list[str], at: int, stop: int, new: list[str], new_at: int, new_stop: int
) -> str:
    """The noun right after the swapped words on both sides, inside the edited phrase,
    in the singular, when one side says it in the plural and the other in the singular
    ("Field errors are" -> "An execution error is": "error"), else ''. A term renamed
    where the text also turned its number (a plural subject said as one of its kind) is
    still that term: its head noun names the thing, whatever number the sentence uses."""
    if at >= stop or new_at >= new_stop or old[at] == new[new_at]:
        return ""
    noun = singular(old[at])
    if noun != singular(new[new_at]) or names_nothing(noun):
        return ""
    return noun


def names_nothing(word: str) -> bool:
    """Whether a lower-case word can never be part of a term's name: a word of grammar,
    a determiner, or a word of weight such as a negation, a quantifier or "and"/"or"."""
    return word in _FUNCTION_WORDS or word in _DETERMINERS or word in _MEANINGFUL


def of_weight(word: str) -> bool:
    """Whether a lower-case word weighs on what a text says: a negation, a quantifier, a
    modal, "and"/"or", "unless", "except", "only", "without"."""
    return word in _MEANINGFUL or word in _NEGATIONS or word in _EXCEPTING


_EXCEPTING = _set("unless except only solely without excluding other than")


def _phrase(plain: str, words: list[tuple[str, bool]], start: int, stop: int) -> str:
    """The edited stretch ``words[start:stop]`` as written in ``plain``, without the
    words of grammar at its ends."""
    while start < stop and words[start][0].casefold() in _FUNCTION_WORDS:
        start += 1
    while stop > start and words[stop - 1][0].casefold() in _FUNCTION_WORDS:
        stop -= 1
    spans = [m.span() for m in _WORD.finditer(plain)]
    return plain[spans[start][0] : spans[stop - 1][1]] if start < stop else ""


def _edited_phrases(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """The edited stretches of two word lists, joined across words of grammar that stayed:
    "by hearing that the plan is brilliant" -> "after the money has been spent" is one
    phrase rewritten, not "plan brilliant" swapped for "money spent"."""
    phrases: list[list[int]] = []
    glue = True
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            glue = all(w in _FUNCTION_WORDS for w in a[i1:i2])
            continue
        if phrases and glue:
            phrases[-1][1], phrases[-1][3] = i2, j2
        else:
            phrases.append([i1, i2, j1, j2])
        glue = False
    return [(p[0], p[1], p[2], p[3]) for p in phrases]


def _weighs(word: tuple[str, bool], delta: int) -> bool:
    """A word of weight that the text as a whole lost or gained (not one that moved)."""
    folded = word[0].casefold()
    return delta > 0 and len(folded) > 1 and folded not in _FUNCTION_WORDS


_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)[^()]*\)")


def _without_same_target_link_texts(old: str, new: str) -> tuple[str, str]:
    """Both texts less the text of each link whose text changed while its target, read
    without case, hyphens and underscores, is the target of a link on the other side."""
    if "](" not in old or "](" not in new:
        return old, new
    old_links = {(_anchor_key(m.group(2)), m.group(1)) for m in _LINK.finditer(old)}
    new_links = {(_anchor_key(m.group(2)), m.group(1)) for m in _LINK.finditer(new)}
    if old_links == new_links:
        return old, new

    def drop(text: str, others: set[tuple[str, str]]) -> str:
        def keep(m: re.Match[str]) -> str:
            target = _anchor_key(m.group(2))
            same_target = any(t == target for t, _ in others)
            same_text = (target, m.group(1)) in others
            return f"[]({m.group(2)})" if same_target and not same_text else m.group(0)

        return _LINK.sub(keep, text)

    return drop(old, new_links), drop(new, old_links)


def relinked_words(old: str, new: str) -> tuple[Counter[str], Counter[str]]:
    """The words that left (joined) the text of a link whose target, read as
    :func:`_anchor_key` reads it, a link on the other side has too: "If the parameter is
    [`in`](#parameterIn) ..." -> "If the [parameter location](#parameterIn) ...". A link
    names what its target is, whatever its text says, so these words name the same thing."""
    gone: Counter[str] = Counter()
    fresh: Counter[str] = Counter()
    if "](" not in old or "](" not in new:
        return gone, fresh
    old_texts: dict[str, Counter[str]] = {}
    new_texts: dict[str, Counter[str]] = {}
    for text, texts in ((old, old_texts), (new, new_texts)):
        for m in _LINK.finditer(text):
            texts.setdefault(_anchor_key(m.group(2)), Counter()).update(
                words_of(m.group(1)).split()
            )
    for target in old_texts.keys() & new_texts.keys():
        if target.strip("#"):
            gone += old_texts[target] - new_texts[target]
            fresh += new_texts[target] - old_texts[target]
    return gone, fresh


def _anchor_key(target: str) -> str:
    """A link target without the notation of its anchor: ``#components-parameters`` and
    ``#componentsParameters`` name one anchor written in two styles."""
    if "#" not in target:
        return target
    page, anchor = target.split("#", 1)
    return f"{page}#{anchor.replace('-', '').replace('_', '').casefold()}"


def _without_retargeted_link_texts(old: str, new: str) -> tuple[str, str]:
    """Both texts less the text of each link that follows a new target: a link whose
    target and text both differ from every link on the other side ("[Versioning of
    Attributes](#versioning-of-attributes)" -> "[Versioning of CloudEvents](#versioning-
    of-cloudevents)") is a reference updated, not words swapped."""
    old_links = {(m.group(2), m.group(1)) for m in _LINK.finditer(old)}
    new_links = {(m.group(2), m.group(1)) for m in _LINK.finditer(new)}
    if old_links == new_links:
        return old, new

    def drop(text: str, others: set[tuple[str, str]]) -> str:
        targets = {target for target, _ in others}
        texts = {words for _, words in others}

        def keep(m: re.Match[str]) -> str:
            followed = m.group(2) not in targets and m.group(1) not in texts
            return " " if followed else m.group(0)

        return _LINK.sub(keep, text)

    return drop(old, new_links), drop(new, old_links)


def _unmatched(
    gone: list[int],
    fresh: list[int],
    old_words: list[tuple[str, bool]],
    new_words: list[tuple[str, bool]],
) -> tuple[list[int], list[int]]:
    """The words (by position) of each side that no word of the other side is a form of."""
    left = list(fresh)
    kept = []
    for k in gone:
        partner = next((m for m in left if _one_word(old_words[k], new_words[m])), None)
        if partner is None:
            kept.append(k)
        else:
            left.remove(partner)
    return kept, left


def _units(positions: list[int], hyphens: list[bool]) -> int:
    """How many words the words at ``positions`` make, a hyphen joining two into one."""
    return sum(
        1 for n, k in enumerate(positions) if not (n and hyphens[k] and positions[n - 1] == k - 1)
    )


def _one_word(old: tuple[str, bool], new: tuple[str, bool]) -> bool:
    """Forms of one word, a misspelled name fixed included ("Discrimator")."""
    a, b = old[0].casefold(), new[0].casefold()
    if a == b:
        return True
    if a in _MEANINGFUL or b in _MEANINGFUL or any(ch.isdigit() for ch in a + b):
        return False
    if _identifier(old[0]) or _identifier(new[0]):
        return False  # "pet_type" and "petType" are two names readers type
    if _is_name(*old) or _is_name(*new):
        return misspelled(a, b)
    return same_stem(a, b) or agreeing(a, b) or agent_of(a, b) or _is_typo(old, new)


def one_wording(old: str, new: str) -> bool:
    """Whether two phrases say the same words in the same order, each word of one a form
    of its word in the other (:func:`_one_word`: spelling, an inflection, a participle for
    its agent noun): "if the discriminating value does not match" / "if the discriminator
    _value_ does not match"."""
    old_words = _words(typography(plain_text(old)))
    new_words = _words(typography(plain_text(new)))
    return len(old_words) == len(new_words) and all(
        _one_word(a, b) for a, b in zip(old_words, new_words, strict=True)
    )


def _identifier(word: str) -> bool:
    """A word written as code writes names: ``pet_type``, ``petType``."""
    return "_" in word or any(ch.isupper() for ch in word[1:])


def _category_renamed(
    gone: list[tuple[str, bool]],
    fresh: list[tuple[str, bool]],
    old_forms: list[str],
    at: int,
) -> bool:
    """One category noun for another right after the word that names the thing."""
    if len(gone) != 1 or len(fresh) != 1 or at == 0:
        return False
    before = old_forms[at - 1]
    nouns = (gone[0][0].casefold(), fresh[0][0].casefold())
    if not all(n in CATEGORY_NOUNS for n in nouns):
        return False
    return before not in _DETERMINERS or before in _DEMONSTRATIVES


def category_noun_put_for(gone: str, fresh: str, old: str, new: str) -> bool:
    """Whether ``fresh`` (a category noun, lower case) takes the place of ``gone`` (one
    too) after a word that stays and may name the thing, as :func:`_category_renamed`
    reads a swap: "the next item in the grouped field set" -> "the next entry in the
    collected fields map", where the words around it were renamed too, so the phrase is
    no swap of one word for one. The rule names the same element by another category."""
    if gone == fresh or gone not in CATEGORY_NOUNS or fresh not in CATEGORY_NOUNS:
        return False
    old_words, new_words = words_of(old).split(), words_of(new).split()
    before_old = {old_words[i - 1] for i, w in enumerate(old_words) if i and w == gone}
    before_new = {new_words[i - 1] for i, w in enumerate(new_words) if i and w == fresh}
    return any(w not in _DETERMINERS or w in _DEMONSTRATIVES for w in before_old & before_new)


#: Words before a noun that do not name the thing ("the attribute", "each field"); any
#: other word does, even one that is also a word of grammar ("the `in` property").
_DETERMINERS = _set(
    "a an the this that these those each every any all some no its their our your his her"
)
#: ... but these point back at a thing already named: "Use of this property is NOT
#: RECOMMENDED" in the row of the field it describes.
_DEMONSTRATIVES = _set("this that these those")


#: Words that hedge how generally a statement holds, each saying "in the usual case"
#: ("the executor runs them (often in parallel)" / "(normally in parallel)"). One put
#: for another says the same; a quantifier put for one says something else ("always",
#: "never", "sometimes", "rarely" are no hedge of this kind: none is in the set).
_HEDGES = _set(
    "often usually normally typically generally commonly frequently ordinarily mostly customarily"
)


def hedged_alike(old: str, new: str) -> bool:
    """Whether one hedge of the usual case was put for another ("often" -> "normally",
    "usually" -> "typically"): one word a side, both in :data:`_HEDGES`."""
    a, b = old.casefold(), new.casefold()
    return a != b and a in _HEDGES and b in _HEDGES


def is_substantive(word_similarity: float) -> bool:
    """A rewrite that keeps less than three words in four says something new."""
    return word_similarity < 0.75


_NUMERAL = re.compile(r"\d+(?:[.,:]\d+)*%?")
#: A range written as one word: "1-8", "1--8" (an en dash or "to" already parts the
#: numbers into words of their own). Each end is a number the text states.
_RANGE = re.compile(r"(\d+(?:[.,]\d+)*)-+(\d+(?:[.,]\d+)*)")


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


#: A bound said in other words ("up to three", "no more than three", "three or fewer")
#: written the one way, so rewording it is no swap of words and weighs no more than it says.
_AT_MOST = re.compile(r"\b(?:up to|no more than|not more than)\s+(?=\w)", re.IGNORECASE)
_AT_LEAST = re.compile(r"\b(?:no fewer than|no less than|not less than)\s+(?=\w)", re.IGNORECASE)
_TRAILING_AT_MOST = re.compile(r"\b(\w+)\s+or\s+(?:fewer|less)\b", re.IGNORECASE)
_TRAILING_AT_LEAST = re.compile(r"\b(\w+)\s+or\s+more\b", re.IGNORECASE)
#: A range from nothing is a bound: "0-3 spaces", "zero to three", "between 0 and 3".
_FROM_ZERO = re.compile(
    r"(?<![\w.,])(?:(?:from\s+)?(?:0|zero)(?:-+|\u2013|\u2014|\s+to\s+|\s+through\s+)"
    rf"|between\s+(?:0|zero)\s+and\s+)(?=\d|(?:{'|'.join(NUMBER_VALUES)})\b)",
    re.IGNORECASE,
)


#: A range from one that a verb allows ("the rule allowing 1--3 spaces", "permits one to
#: three retries"): none is always allowed, so it allows what "up to three" does.
_PERMITTED_FROM_ONE = re.compile(
    r"\b(?P<verb>(?:allow|permit)(?:s|ed|ted|ing|ting)?\s+)(?:1|one)"
    r"(?:\s*(?:-+|\u2013|\u2014)\s*|\s+(?:to|through)\s+)"
    rf"(?=\d|(?:{'|'.join(NUMBER_VALUES)})\b)",
    re.IGNORECASE,
)


def permitted_as_bound(text: str) -> str:
    """``text`` with each range from one that a verb allows said as "at most": "allowing
    1--3 spaces" -> "allowing at most 3 spaces"."""
    if "llow" not in text and "ermit" not in text:
        return text
    return _PERMITTED_FROM_ONE.sub(r"\g<verb>at most ", text)


def one_bound_wording(text: str) -> str:
    """``text`` with each bound said as "at most N" or "at least N"."""
    text = _FROM_ZERO.sub("at most ", text)
    text = _TRAILING_AT_MOST.sub(_trailing("at most"), _AT_MOST.sub("at most ", text))
    return _TRAILING_AT_LEAST.sub(_trailing("at least"), _AT_LEAST.sub("at least ", text))


def _trailing(bound: str) -> Callable[[re.Match[str]], str]:
    """Only a number takes a bound after it: "three or more" but not "JSON or more"."""

    def put_first(match: re.Match[str]) -> str:
        number = match.group(1)
        if _NUMERAL.fullmatch(number) or number.casefold() in _COUNT_WORDS:
            return f"{bound} {number}"
        return match.group()

    return put_first


def numbers_and_negations(plain_words: str) -> Counter[str]:
    """The numbers and negations a text states, in plain lower-case words: numerals and
    counts by value ("two classes", "2 classes", "one class"; not "no one" or "one of"),
    and "not", "never",
    "cannot", "-n't", and the bounds "at most" and "at least" (read
    :func:`one_bound_wording` first). Rewording that adds or drops one says something
    else."""
    words = plain_words.split()
    found: Counter[str] = Counter()
    for i, word in enumerate(words):
        if word.endswith(("n't", "n’t")):
            found["not"] += 1
            continue
        if word in ("most", "least") and i and words[i - 1] == "at":
            found[f"at {word}"] += 1  # a bound: "no more than" is read as "at most"
            continue
        counted_one = (
            word == "one"
            and i + 1 < len(words)
            and words[i + 1] not in _NOT_COUNTING
            and (i == 0 or words[i - 1] not in _NOT_COUNTING)
        )
        if word in _NEGATIONS:
            # One denial however it is said: "if no name is defined" is "if a name is not
            # defined"; a negation added or dropped still counts.
            found["not"] += 1
        elif counted_one or _NUMERAL.fullmatch(word) or word in _COUNT_WORDS:
            found[NUMBER_VALUES.get(word, word)] += 1  # "three" says what "3" says
        elif (ends := _RANGE.fullmatch(word)) is not None:
            found.update(ends.groups())
    return found
