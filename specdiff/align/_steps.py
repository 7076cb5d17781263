"""What a step of an algorithm does: the act that pairs it with its other version.

A spec that states its behaviour as an algorithm writes one step per list item: "Let
{value} be ...", "If {value} is {null}:", "Return {coercedValues}.", "{value} must be
{true}.". Rewritten, an algorithm keeps many words in every step ("Let", "be the value
of", the same variables), so steps that do different things look alike as text: "Otherwise,
continue to the next argument definition." and "Otherwise, let {value} be
{argumentValue}." share half their characters. A reader pairs steps by what they do: a
step that binds a variable is the other version of a step that binds one, never of a
step that returns or adds; a test that opens a block of steps ("If {value} is {null}:")
is not a test that throws an error; and two tests are one test rewritten when they test
the same variable (or read much alike, a variable renamed in them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Indel

from ..parse import ALGORITHM_VARIABLE as _VARIABLE

#: Literals written like variables: they name a value, not something computed.
_LITERALS = frozenset({"null", "true", "false"})
#: "Otherwise," opening a step: it says where the step stands, not what it does.
_OTHERWISE = re.compile(r"(?:otherwise|else)\b[,:]?\s*", re.IGNORECASE)
_OPENING = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)?")
#: The act of a step, by the word it opens with. Not classify._steps._STEP_VERBS: this
#: names what pairs steps, tests ("if", "while") and "must" included; that one which
#: list items compute something ("call", "yield", "perform" too, which pair by text).
_ACTS = {
    **dict.fromkeys(("let", "set", "initialize", "initialise"), "bind"),
    **dict.fromkeys(("for each", "for every", "while"), "loop"),
    "if": "test",
    "return": "return",
    **dict.fromkeys(("throw", "raise"), "throw"),
    "continue": "continue",
    **dict.fromkeys(("add", "append", "insert"), "add"),
    "remove": "remove",
    **dict.fromkeys(("increment", "decrement"), "count"),
    **dict.fromkeys(("assert", "must"), "assert"),
}
#: What a test does when it holds, written after its condition: ", return {false}".
_CONSEQUENCE = re.compile(
    r",\s*(?:then\s+)?(return|throw|raise|continue|let|set|add|append)\b", re.IGNORECASE
)
#: The same, written without the comma: "If {a} and {b} are the same type return true".
_BARE_CONSEQUENCE = re.compile(r"\s(?:then\s+)?(return|throw|raise)\b", re.IGNORECASE)
#: An assertion step: a variable or a call that must (not) be so ("{argument} must
#: exist.", "AreTypesCompatible(...) must be true").
_MUST = re.compile(r"\bmust\b", re.IGNORECASE)
#: The heading of an algorithm: its name and parameters, then a colon
#: ("AreTypesCompatible(variableType, locationType):").
_SIGNATURE = re.compile(r"[A-Za-z_]\w*\([^()]*\):")
#: Acts that check what must hold: a step that states it ("{a} and {b} must both be
#: List.") and a test that fails where it does not ("If {a} or {b} is not List, return
#: false.", "..., throw an error.") are one check, said two ways.
_CHECKS = dict.fromkeys(("assert", "test:return", "test:throw"), "check")
#: Two tests of no common variable are one test rewritten from this similarity on.
SAME_TEST = 0.7


@lru_cache(maxsize=4096)
def step_act(text: str) -> str | None:
    """What a list item does as a step of an algorithm: "bind", "loop", "return",
    "add", "assert", a test with what it does when it holds ("test:block" for "If
    {value} is {null}:", "test:throw" for "If ..., throw a field error."), ...; None for
    a list item that is no step (prose, a test of no variable)."""
    rest = text.strip()
    if _SIGNATURE.fullmatch(rest):
        return "signature"
    otherwise = _OTHERWISE.match(rest)
    if otherwise is not None:
        rest = rest[otherwise.end() :]
        if not rest.strip():
            return "otherwise"
    opening = _OPENING.match(rest)
    if opening is None:
        return _asserted(text)
    words = opening.group().casefold().split()
    act = _ACTS.get(" ".join(words)) or _ACTS.get(words[0])
    if act is None or act == "assert":
        return _asserted(text)
    if act == "test":
        if "{" not in text or _VARIABLE.search(text) is None:
            return None  # a condition in prose ("If the client retries, ...")
        return f"test:{_consequence(rest)}"
    return act


def _asserted(text: str) -> str | None:
    return "assert" if "{" in text and _MUST.search(text) else None


def _consequence(test: str) -> str:
    if test.rstrip().endswith(":"):
        return "block"
    found = _CONSEQUENCE.search(test) or _BARE_CONSEQUENCE.search(test)
    if found is None:
        return "other"
    verb = found.group(1).casefold()
    return _ACTS.get(verb, verb)


def tested(text: str) -> frozenset[str]:
    """The variables a step names (not the literals {null}, {true}, {false})."""
    return frozenset(v for v in _VARIABLE.findall(text) if v not in _LITERALS)


def _unstated(act_a: str, act_b: str) -> bool:
    """Whether one of two tests does not say what it does when it holds ("If {a} or {b}
    is List.", a block opened without its colon; "..., produce an error."): it may be
    any test."""
    return "test:other" in (act_a, act_b) and act_a[:5] == act_b[:5] == "test:"


def signature_act(text: str) -> str | None:
    """The act of an algorithm's heading written as a paragraph ("signature"), or None
    for any other paragraph."""
    return "signature" if _SIGNATURE.fullmatch(text.strip()) else None


def may_be_one_step(a: str, b: str, *, a_step: bool = True, b_step: bool = True) -> bool:
    """Whether two list items may be one step of an algorithm rewritten: not when both
    are steps that do different things, nor when both test variables and share none,
    unless they read much alike (a variable renamed in the test). A text that is no
    list item (``a_step``, ``b_step`` false) may only be an algorithm's heading."""
    act_a = step_act(a) if a_step else signature_act(a)
    act_b = step_act(b) if b_step else signature_act(b)
    if act_a is None or act_b is None:
        return True
    if act_a != act_b and not (
        _CHECKS.get(act_a, act_a) == _CHECKS.get(act_b, act_b)
        or _unstated(act_a, act_b)
        or ({act_a, act_b} == _BIND_OR_RETURN and same_call(a, b))
        or _flag_tested(a, b, act_a, act_b)
    ):
        return False
    if not (act_a.startswith("test:") and act_b.startswith("test:")):
        return True
    names_a, names_b = tested(a), tested(b)
    if not names_a or not names_b or names_a & names_b:
        return True
    return Indel.normalized_similarity(a, b) >= SAME_TEST


#: A step that binds what a call computes and one that returns it: where the value goes
#: changed, not what the step computes.
_BIND_OR_RETURN = frozenset(("bind", "return"))
#: A call of an algorithm in a step: its name and its arguments.
_CALL = re.compile(r"([A-Za-z_]\w*)\(([^()]*)\)")
#: Names of two algorithms this alike name one algorithm renamed
#: ("ExecuteSelectionSet" -> "ExecuteRootSelectionSet").
SAME_CALLED = 0.8
#: Of the arguments of the call with fewer, the share the other call passes too.
SAME_ARGUMENTS = 2 / 3


def _calls(text: str) -> list[tuple[str, frozenset[str]]]:
    return [
        (
            name,
            frozenset(w for w in (a.strip(" {}\"'") for a in args.split(",")) if w.isidentifier()),
        )
        for name, args in _CALL.findall(text)
    ]


def same_call(a: str, b: str) -> bool:
    """Whether two steps each make one call of an algorithm, and the calls are one call
    rewritten: the same name or one renamed alike, passing mostly the same variables in
    any order ("Let {data} be the result of running {ExecuteSelectionSet(selectionSet,
    queryType, initialValue, variableValues)}" -> "Return
    {ExecuteRootSelectionSet(variableValues, initialValue, queryType, rootSelectionSet,
    "normal")}"). The step computes what it did; its words share little."""
    calls_a, calls_b = _calls(a), _calls(b)
    if len(calls_a) != 1 or len(calls_b) != 1:
        return False
    (name_a, args_a), (name_b, args_b) = calls_a[0], calls_b[0]
    if name_a != name_b and Indel.normalized_similarity(name_a, name_b) < SAME_CALLED:
        return False
    shared = len(args_a & args_b)
    return shared >= 2 and shared >= SAME_ARGUMENTS * min(len(args_a), len(args_b))


#: A step binding a flag to whether a condition holds: "Let {hasValue} be {true} if C."
_FLAG = re.compile(r"let\s+\{\w+\}\s+be\s+\{?true\}?\s+if\s+(.+)", re.IGNORECASE | re.DOTALL)
#: A test that opens a block of steps: "If C:".
_TEST = re.compile(r"(?:otherwise,?\s+)?if\s+(.+)", re.IGNORECASE | re.DOTALL)


def _condition(found: re.Match[str] | None) -> str:
    return " ".join(found.group(1).rstrip(" .:,").casefold().split()) if found else ""


def _flag_tested(a: str, b: str, act_a: str, act_b: str) -> bool:
    """Whether a step that binds a flag to whether a condition holds and a test of that
    very condition are one step: "Let {hasValue} be {true} if {values} provides a value
    for {name}." -> "If {values} provides a value for {name}:" -- the algorithm branches
    on the condition instead of remembering it. Another condition is another step."""
    if act_a == "bind" and act_b.startswith("test:"):
        flag, test = a, b
    elif act_b == "bind" and act_a.startswith("test:"):
        flag, test = b, a
    else:
        return False
    condition = _condition(_FLAG.match(flag.strip()))
    return bool(condition) and condition == _condition(_TEST.match(test.strip()))
