"""Notation written two ways: ``4/3 * \\pi * r^3`` and ``\\frac{4}{3}\\pi r^3`` say the
same, and so do the character ranges ``('a' to 'z')``, ``a-z`` and ``[a-z]``.

A formula inside maths delimiters (``\\( \\)``, ``\\[ \\]``, ``$$ $$``, ``$ $``, with one
backslash or the two that Markdown needs to keep one) is read as a list of tokens, and
notation that does not change the value is written one way: ``\\frac{a}{b}`` as ``a/b``,
an explicit multiplication (``*``, ``\\cdot``, ``\\times``) as juxtaposition, a group of
one token (``(1)``, ``{3}``) as that token, spacing commands and whitespace dropped. Every
number, variable and command is kept as written, so a changed number or symbol is still
a change. The canonical formula is put back as a code span, which the editorial test
compares exactly.

A range of characters is written one way by :func:`~specdiff.parse.canonical_ranges`.
"""

from __future__ import annotations

import re

from ..parse import canonical_ranges

#: Where a formula may be written. Two backslashes are how Markdown source writes one.
_MATH = re.compile(
    r"\\\\?\((?P<inline>.+?)\\\\?\)"
    r"|\\\\?\[(?P<display>.+?)\\\\?\]"
    r"|\$\$(?P<block>.+?)\$\$"
    # pandoc's rule for single dollars: no space inside the delimiters, no digit after.
    r"|(?<![\\$])\$(?P<dollar>[^\s$](?:[^$]*[^\s$\\])?)\$(?!\d)",
    re.DOTALL,
)
_CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\d+(?:\.\d+)?|\S")
#: Commands that only space the formula out, or size the delimiter after them.
_SILENT = frozenset(
    {"\\,", "\\;", "\\:", "\\!", "\\ ", "\\quad", "\\qquad", "\\left", "\\right"}
    | {"\\displaystyle", "\\textstyle", "\\big", "\\Big", "\\bigg", "\\Bigg"}
)
_TIMES = frozenset({"*", "\\cdot", "\\times", "\\ast"})
_FRACTIONS = frozenset({"\\frac", "\\dfrac", "\\tfrac"})
_OPEN = {"(": ")", "{": "}"}


def canonical_notation(text: str) -> str:
    """``text`` with formulas and character ranges each written one way."""
    return canonical_ranges(canonical_math(text))


def has_math(text: str) -> bool:
    """A cheap test before the regex: no delimiter, no formula."""
    return "\\(" in text or "\\[" in text or "$" in text


def canonical_math(text: str) -> str:
    """``text`` with each formula outside code spans replaced by its canonical form."""
    if not has_math(text):
        return text
    pieces = []
    position = 0
    for code in _CODE_SPAN.finditer(text):
        pieces.append(_MATH.sub(_replace, text[position : code.start()]))
        pieces.append(code.group())
        position = code.end()
    pieces.append(_MATH.sub(_replace, text[position:]))
    return "".join(pieces)


def _replace(match: re.Match[str]) -> str:
    formula = next(group for group in match.groups() if group is not None)
    return "`math: " + " ".join(canonical_tokens(formula)) + "`"


def canonical_tokens(formula: str) -> list[str]:
    """The tokens of ``formula`` with value-preserving notation written one way."""
    tokens = [t for t in _TOKEN.findall(formula) if t not in _SILENT]
    return _explicit_products(_ungroup(_fractions(tokens)))


def _group_end(tokens: list[str], start: int) -> int:
    """The index after the group opened at ``start`` (or after the single token there)."""
    if start >= len(tokens) or tokens[start] not in _OPEN:
        return start + 1
    closing, depth = _OPEN[tokens[start]], 0
    for k in range(start, len(tokens)):
        if tokens[k] == tokens[start]:
            depth += 1
        elif tokens[k] == closing:
            depth -= 1
            if depth == 0:
                return k + 1
    return len(tokens)  # unbalanced: the rest of the formula is the group


def _fractions(tokens: list[str]) -> list[str]:
    """``\\frac{a+b}{2}`` as ``(a+b)/2``: the inline way of writing the same quotient."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        if tokens[k] not in _FRACTIONS:
            out.append(tokens[k])
            k += 1
            continue
        end_numerator = _group_end(tokens, k + 1)
        end_denominator = _group_end(tokens, end_numerator)
        numerator = _fractions(_inside(tokens[k + 1 : end_numerator]))
        denominator = _fractions(_inside(tokens[end_numerator:end_denominator]))
        out += ["(", *numerator, ")", "/", "(", *denominator, ")"]
        k = end_denominator
    return out


def _inside(group: list[str]) -> list[str]:
    if group and group[0] == "{" and group[-1] == "}":
        return group[1:-1]
    return group


def _ungroup(tokens: list[str]) -> list[str]:
    """A bracket or brace around one token is no grouping at all: ``(1)^3`` is ``1^3``."""
    out: list[str] = []
    for token in tokens:
        out.append(token)
        if (
            len(out) >= 3
            and out[-3] in _OPEN
            and out[-1] == _OPEN[out[-3]]
            and out[-2] not in _OPEN
            and out[-2] not in _OPEN.values()
            and _is_atom(out[-2])
        ):
            atom = out[-2]
            del out[-3:]
            out.append(atom)
    return out


def _is_atom(token: str) -> bool:
    return token[0].isalnum() or (token.startswith("\\") and token[1:].isalpha())


def _explicit_products(tokens: list[str]) -> list[str]:
    """``4/3 * \\pi`` as ``4/3 \\pi``; between two numbers the sign stays (``2 * 3`` is
    not ``2 3``), written one way."""
    out: list[str] = []
    for k, token in enumerate(tokens):
        if token not in _TIMES:
            out.append(token)
            continue
        before = out[-1] if out else ""
        after = tokens[k + 1] if k + 1 < len(tokens) else ""
        if before[:1].isdigit() and after[:1].isdigit():
            out.append("×")
    return out


#: A string literal in code, quoted with double or single quotes.
_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")
#: A rule or an assignment whose whole right-hand side is in parentheses:
#: ``expression = ( "a" / "b" )`` says ``expression = "a" / "b"``.
_GROUPED_RULE = re.compile(r"^(\s*[\w.$-]+\s*=\s*)\((.*)\)\s*$")


def code_layout(code: str) -> list[str]:
    """The words of ``code`` with the parentheses around the whole right-hand side of a
    rule dropped (``name = ( a / b )`` is ``name = a / b``, in a grammar as in most
    languages), for comparing two versions of a code block whatever their layout."""
    return " ".join(_ungrouped(line) for line in code.split("\n")).split()


def _ungrouped(line: str) -> str:
    match = _GROUPED_RULE.match(line)
    if match is None or not _balanced(match.group(2)):
        return line
    return match.group(1) + match.group(2)


def _balanced(text: str) -> bool:
    """Whether the parentheses of ``text`` (outside string literals) close in order."""
    depth = 0
    for char in _STRING.sub("", text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


#: A count between two integer bounds, each strict or not, before the plural noun it
#: counts: "0 < *N* < 5 spaces", "1 ≤ N ≤ 4 spaces", "1 <= n <= 4 digits".
_COUNT_BETWEEN = re.compile(
    r"(?<![\w.])(?P<low>\d+)\s*(?P<lop><=|≤|<)\s*(?P<var>[*_]*[A-Za-z]\w*[*_]*)\s*"
    r"(?P<hop><=|≤|<)\s*(?P<high>\d+)(?![\w.])(?=\s+[A-Za-z]+s\b)"
)


def canonical_bounds(text: str) -> str:
    """``text`` with each count between integer bounds written with inclusive bounds:
    a count of things (the plural noun after it) is a whole number, so "0 < N < 5
    spaces" admits what "1 ≤ N ≤ 4 spaces" does. A bound of a quantity that is not
    counted (no plural noun after it: "0 < x < 5") is left as written."""
    if "<" not in text and "≤" not in text:
        return text
    return _COUNT_BETWEEN.sub(_inclusive, text)


def _inclusive(match: re.Match[str]) -> str:
    low = int(match["low"]) + (match["lop"] == "<")
    high = int(match["high"]) - (match["hop"] == "<")
    return f"{low} ≤ {match['var']} ≤ {high}"
