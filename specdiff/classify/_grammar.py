"""Grammar productions read as the languages they define.

A production ("VariableDefinition : Variable : Type DefaultValue?", or one alternative of
it on its own line: "extend interface Name Directives[Const]? FieldsDefinition") says
which sequences of symbols a document may write. An optional symbol added to it
("... DefaultValue? Directives[Const]?") lets a document say one thing more, which is
a new permission, however few words changed; one dropped forbids what was allowed.
Each side is read as the set of symbol sequences it allows (every optional symbol there
or not); lookahead constraints ("[lookahead != `{`]") restrict nothing a reader writes
and are left out. The reading claims an edit only when one set strictly holds the
other: anything else (a symbol renamed, one made required) is left to the other rules.

A document's grammar also names a production for the alternatives it lists, one per line
under its head (:func:`listed_alternatives`): "ExecutableDefinition :" then
"- OperationDefinition", "- FragmentDefinition".
"""

from __future__ import annotations

import re
from itertools import product
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

#: A production's head: its name (with parameters) and ":", "::" or ":::".
_HEAD = re.compile(r"^\s*(?P<name>[A-Z]\w*(?:\[[^\]\s]*\])?)\s*:{1,3}(?:\s+|$)")
_LOOKAHEAD = re.compile(r"\[\s*lookahead\b[^\]]*\]")
#: One symbol: a nonterminal (``Name``, ``Value[?Const]``), a keyword or a terminal in
#: a code span, each perhaps with a quantifier, or a punctuator.
_SYMBOL = re.compile(
    r"(?:[A-Z]\w*(?:\[[^\]\s]*\])?|[a-z]+|`[^`\s]+`)[?+*]?|[{}()@!$&|=:]|\.\.\.|\[|\]"
)
#: A symbol that shows a line is grammar rather than words: a parameter list or a
#: quantifier on a nonterminal or a terminal in code.
_DECORATED = re.compile(r"^(?:[A-Z]\w*\[[^\]\s]*\]|(?:[A-Z]\w*|`[^`\s]+`)[?+*])")
#: Words that make a production other than a plain sequence: its alternatives listed
#: ("one of"), or a set difference ("but not"). Those are read elsewhere or not at all.
_NOT_A_SEQUENCE = frozenset({"one", "not", "but"})
#: More optional symbols than this and the sets are not expanded (no real production
#: has so many; the expansion doubles with each).
_MAX_OPTIONAL = 8


def _symbols(text: str) -> list[str] | None:
    """The symbols of one production or alternative, or None when ``text`` is not one."""
    text = text.strip()
    if "\n" in text or not text:
        return None
    head = _HEAD.match(text)
    body = text[head.end() :] if head else text.removeprefix("- ")
    body = _LOOKAHEAD.sub(" ", body)
    symbols = body.split()
    if not symbols or any(not _SYMBOL.fullmatch(s) for s in symbols):
        return None
    if _NOT_A_SEQUENCE & set(symbols):
        return None
    if not any(_DECORATED.match(s) for s in symbols) and (head is None or len(symbols) < 2):
        # Without a head, a line of plain words ("Leaf Node") is no grammar.
        return None
    return ([head["name"]] if head else []) + symbols


def _sequences(symbols: list[str]) -> set[tuple[str, ...]] | None:
    """Every sequence of symbols the production allows, optional ones there or not."""
    optional = [i for i, s in enumerate(symbols) if s.endswith("?")]
    if len(optional) > _MAX_OPTIONAL:
        return None
    found = set()
    for present in product((True, False), repeat=len(optional)):
        dropped = {i for i, keep in zip(optional, present, strict=True) if not keep}
        found.add(tuple(s.removesuffix("?") for i, s in enumerate(symbols) if i not in dropped))
    return found


def _base(symbol: str) -> str:
    """A symbol's name, lower case, without its parameters and quantifier."""
    return re.sub(r"\[[^\]]*\]", "", symbol.rstrip("?+*")).strip("`").casefold()


def _followed(
    before: list[str], after: list[str], renamed: Callable[[str, str], bool]
) -> list[str]:
    """``before`` with each symbol the document renamed throughout ("OperationTypeDefinition"
    -> "RootOperationTypeDefinition") written as ``after`` writes it."""
    gained = [s for s in after if s not in before]
    followed = []
    for symbol in before:
        written = symbol
        if symbol not in after:
            suffix = symbol[len(symbol.rstrip("?+*")) :]
            for other in gained:
                same_use = other[len(other.rstrip("?+*")) :] == suffix
                if same_use and renamed(_base(symbol), _base(other)):
                    written = other
                    break
        followed.append(written)
    return followed


def grammar_change(
    old: str, new: str, renamed: Callable[[str, str], bool] = lambda a, b: False
) -> tuple[str, str] | None:
    """``("normative.added", detail)`` when the new production allows every sequence the
    old one did and more (an optional symbol added), ``("normative.restricted", detail)``
    for the reverse; None when either text is no production, the name changed, or
    neither language holds the other. ``renamed`` tells a symbol renamed throughout
    the document (lower-case names), which is followed as the same symbol."""
    before, after = _symbols(old), _symbols(new)
    if before is None or after is None:
        return None
    before = _followed(before, after, renamed)
    if (_HEAD.match(old) is None) != (_HEAD.match(new) is None):
        return None
    if _HEAD.match(old) and before[0] != after[0]:
        return None
    allowed_before, allowed_after = _sequences(before), _sequences(after)
    if allowed_before is None or allowed_after is None or allowed_before == allowed_after:
        return None
    gained = [s for s in after if s not in before]
    lost = [s for s in before if s not in after]
    if allowed_before < allowed_after:
        shown = ", ".join(map(_shown, gained)) or "another form"
        return "normative.added", f"the grammar now allows {shown}"
    if allowed_after < allowed_before:
        shown = ", ".join(map(_shown, lost)) or "a form"
        return "normative.restricted", f"the grammar no longer allows {shown}"
    return None


def _shown(symbol: str) -> str:
    """A symbol as a reason quotes it: in a code span unless it is one already."""
    return symbol if symbol.startswith("`") else f"`{symbol}`"


Productions = dict[str, frozenset[str]]
"""Each nonterminal (lower case) a grammar lists alternatives for, with those symbols."""
#: A grammar production's head as a paragraph of its own ("ExecutableDefinition :"), and
#: one nonterminal alone, a list item under it: an alternative ("OperationDefinition").
_PRODUCTION_HEAD = re.compile(r"(?P<name>[A-Z]\w*)\s*:")
_NONTERMINAL = re.compile(r"[A-Z]\w*")


def listed_alternatives(clauses: Iterable[tuple[bool, str]]) -> Productions:
    """The productions a version (its clauses in order, each with whether it is a list
    item) lists as alternatives: a head, then the list items right after it, each one
    nonterminal alone. Each name (lower case) with its alternatives. A list with an item
    that is more than one name ("[~Const] Variable", "`{` `}`") is no set of names, and a
    name listed twice with other alternatives is left out (a grammar summary repeats a
    production: the same list is the same definition)."""
    found: Productions = {}
    dropped: set[str] = set()
    name = ""
    listed: set[str] = set()
    plain = True

    def close() -> None:
        if not name or not listed:
            return
        if not plain or found.get(name, listed) != listed:
            dropped.add(name)
        found[name] = frozenset(listed)

    for item, text in clauses:
        if name and item:
            if _NONTERMINAL.fullmatch(text.strip()):
                listed.add(text.strip().casefold())
            else:
                plain = False
            continue
        close()
        name, listed, plain = "", set(), True
        if not item and text.endswith(":") and (head := _PRODUCTION_HEAD.fullmatch(text.strip())):
            name = head.group("name").casefold()
    close()
    return {name: symbols for name, symbols in found.items() if name not in dropped}
