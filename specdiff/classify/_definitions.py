"""Rules stated as definitions, without a modal.

A spec of a language defines the terms its rules use ("An [ordered list marker](@) is a
sequence of 1--9 arabic digits ..."): what the definition admits is what the language
allows, though no *must* or *may* says so. A changed number, range of characters or
narrowing word ("only", "non-...") in the sentence that defines a term changes what the
language allows, as a changed number in a rule does. Only a sentence that marks the term
it defines (CommonMark's ``[term](@id)``) is read so: prose elsewhere that happens to say
"X is a ..." describes, and stays wording. A member joined to a list of what a definition
admits is not read so either: it is often what the language always meant, said in full
("the end of the document or other container block").
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from ..model.document import Clause, ReferenceKind
from ..parse import character_ranges, plain_text
from ..parse.statements import singular, words_of
from ._notation import canonical_bounds, canonical_notation
from ._wording import (
    is_editorial,
    numbers_and_negations,
    one_bound_wording,
    permitted_as_bound,
)

#: A sentence ends at ".", "!" or "?" before a space and a capital, a digit, a bracket or
#: a quote (a term's definition link opens many: "A [tab](@) is ...").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]*_]*\s+(?=[\"'(\[*_`]*[A-Z0-9(\[])")
_DEFINES = "](@"
#: A parenthesis in a sentence, but a term's definition link (``[term](@id)``).
_GLOSS = re.compile(r"(?<!\])\([^()]*\)")
#: Words that narrow what a definition admits: "only", "non-backslash-escaped".
_NARROWING = frozenset(("only", "solely", "exclusively", "except", "unless"))


def defined_terms(clause: Clause) -> frozenset[str]:
    """The terms a clause defines (``[term](@id)``), by their ids."""
    return frozenset(r.target for r in clause.references if r.kind is ReferenceKind.DEFINITION)


def defining_sentences(text: str) -> str:
    """The sentences of ``text`` that mark a term they define, joined."""
    if _DEFINES not in text:
        return ""
    return " ".join(s for s in _SENTENCE_END.split(text) if _DEFINES in s)


def definition_change(old: Clause, new: Clause) -> tuple[str, str] | None:
    """The words (old, new) that carry a change of what a definition admits, when the
    sentence defining the same term in both versions changed a number, a range of
    characters or a narrowing word ("only", "non-..."); None when it did not (its other
    rewording is read as wording)."""
    if _DEFINES not in old.text or _DEFINES not in new.text:
        return None
    if not defined_terms(old) & defined_terms(new):
        return None
    return _admits_otherwise(defining_sentences(old.text), defining_sentences(new.text))


#: Words that open a sentence before its subject: articles and quantifiers.
_OPENING = frozenset(("a", "an", "the", "each", "every", "any", "all"))


def subject_term(sentence: str, defined: frozenset[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The defined term a sentence opens with as its subject ("An HTML block of types
    1--6 can interrupt a paragraph" -> ("html", "block")), or None."""
    words = words_of(plain_text(sentence)).split()
    while words and words[0] in _OPENING:
        words = words[1:]
    for size in (4, 3, 2, 1):
        if len(words) >= size and (*words[: size - 1], singular(words[size - 1])) in defined:
            return tuple(words[:size])
    return None


def said_of_term_change(
    old: Clause, new: Clause, defined: frozenset[tuple[str, ...]]
) -> tuple[str, str] | None:
    """The words (old, new) that carry a change of what a sentence says a defined term
    is, has or can do ("An HTML block can interrupt a paragraph" -> "An HTML block of
    types 1--6 can interrupt a paragraph"): the sentences of both clauses that open with
    the same defined term as their subject, read as :func:`definition_change` reads a
    definition. None when no such sentence changed a number, range or narrowing word."""
    if not defined:
        return None
    if old.text.rstrip().endswith(":") or new.text.rstrip().endswith(":"):
        return None  # a caption: the examples after it show the rule, and say how
    before = _said_of(old.text, defined)
    after = _said_of(new.text, defined)
    for term in before.keys() & after.keys():
        if _admits_otherwise(_allowed_as_bound(before[term]), _allowed_as_bound(after[term])):
            return _edited_words(before[term], after[term])
    return None


#: What a thing "can" do from one up to a number: none is always allowed, so it can do
#: what "up to three" says ("can be indented 1-3 spaces").
_CAN = re.compile(r"\b(?:can|may)\b", re.IGNORECASE)
_FROM_ONE = re.compile(
    r"(?<![\w.,])(?:1|one)(?:\s*(?:-+|\u2013|\u2014)\s*|\s+(?:to|through)\s+)(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE,
)


def _allowed_as_bound(sentence: str) -> str:
    """``sentence`` with a range from one said as "at most" when it says what a thing
    can (or may) do."""
    if not _CAN.search(sentence):
        return sentence
    return _FROM_ONE.sub("at most ", sentence)


def _said_of(text: str, defined: frozenset[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], list[str]] = {}
    for sentence in _SENTENCE_END.split(text):
        term = subject_term(sentence, defined)
        if term is not None:
            found.setdefault(term, []).append(sentence)
    return {term: " ".join(sentences) for term, sentences in found.items()}


def _admits_otherwise(before: str, after: str) -> tuple[str, str] | None:
    """The first words that differ, when ``after`` admits other numbers, ranges or
    narrowing words than ``before`` (else None).
    A parenthesis glosses ("iff (if and only if)", "`/` (U+002F)") or labels the parts of
    a sentence ("(a)" -> "(1)"): what a definition admits is said outside it."""
    if before == after or is_editorial(before, after):
        return None
    outside = _GLOSS.sub(" ", before), _GLOSS.sub(" ", after)
    if not (
        _counted(outside[0]) != _counted(outside[1])
        or Counter(character_ranges(before)) != Counter(character_ranges(after))
        or _narrowing(outside[0]) != _narrowing(outside[1])
    ):
        return None
    return _edited_words(before, after)


def _counted(text: str) -> Counter[str]:
    """The numbers and negations a sentence states, its notation written one way
    ("0 < N < 5" is "1 ≤ N ≤ 4")."""
    plain = canonical_bounds(canonical_notation(plain_text(text)))
    return numbers_and_negations(words_of(one_bound_wording(permitted_as_bound(plain))))


def _narrowing(text: str) -> Counter[str]:
    words = words_of(text).split()
    return Counter(w for w in words if w in _NARROWING or w.startswith("non-"))


#: Words a reason quotes on each side of a change, at most.
_QUOTED = 8


def _edited_words(old: str, new: str) -> tuple[str, str]:
    """The first stretch of words that differs, as the reason quotes it."""
    a, b = plain_text(old).split(), plain_text(new).split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            return " ".join(a[i1:i2][:_QUOTED]), " ".join(b[j1:j2][:_QUOTED])
    return "", ""


#: A negated constraint on what a defined string holds, up to the next part of the
#: sentence: "not including the string `--`", "does not start with `>` or `->`", "does
#: not end with `-`". The verb's class names what is constrained (contents, start, end,
#: what follows or precedes).
_CONSTRAINT = re.compile(
    r"\b(?:not|no|never)\s+(?:\w+\s+)?"
    r"(?P<verb>includ(?:e|es|ing)|contain(?:s|ing)?|start(?:s|ing)?|begin(?:s|ning)?"
    r"|end(?:s|ing)?|followed|preceded)\b(?P<what>[^,;.()]*)",
    re.IGNORECASE,
)
_VERB_CLASS = {"includ": "contain", "contai": "contain", "begin": "start", "start": "start"}
_LITERAL = re.compile(r"(`+)(.+?)\1")


def definition_constraints_change(old: Clause, new: Clause) -> tuple[str, str, str] | None:
    """:func:`constraints_change` of the sentences defining the same term in both."""
    if _DEFINES not in old.text or _DEFINES not in new.text:
        return None
    if not defined_terms(old) & defined_terms(new):
        return None
    return constraints_change(defining_sentences(old.text), defining_sentences(new.text))


def constraints_change(old: str, new: str) -> tuple[str, str, str] | None:
    """How the negated constraints on literal strings of a definition changed ("a string
    of characters not including the string `--`" -> "where *text* does not start with `>`
    or `->`, does not end with `-`, and does not contain `--`"): the tag (one gained
    restricts what the definition admits, one lost broadens it, both change it) and the
    constraints lost and gained, as written. Only constraints naming a literal in code
    are read: one naming a term ("not followed by [Unicode whitespace]") may be the same
    class said with a term renamed. Nor one that qualifies a term defined elsewhere
    ("an [absolute URI] not containing `<`"): the term's own definition may hold it."""
    before, after = _constraints(old), _constraints(new)
    lost = [said for key, said in before.items() if key not in after]
    gained = [said for key, said in after.items() if key not in before]
    if not lost and not gained:
        return None
    if lost and gained:
        tag = "normative.changed"
    else:
        tag = "normative.broadened" if lost else "normative.restricted"
    return tag, "; ".join(lost), "; ".join(gained)


def _constraints(text: str) -> dict[tuple[str, frozenset[str]], str]:
    found: dict[tuple[str, frozenset[str]], str] = {}
    for m in _CONSTRAINT.finditer(text):
        if text[: m.start()].rstrip().endswith("]"):
            continue  # said of a term defined elsewhere (see constraints_change)
        literals = frozenset(g[1].strip() for g in _LITERAL.findall(m["what"]))
        if not literals:
            continue
        verb = m["verb"].lower()
        key = (_VERB_CLASS.get(verb[:6], _VERB_CLASS.get(verb[:5], verb[:3])), literals)
        found.setdefault(key, " ".join(m.group(0).split()))
    return found
