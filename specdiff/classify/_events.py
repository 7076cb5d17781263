"""One event or state said with another verb: "if an error occurs when resolving a field"
and "if an error is thrown while resolving a field" name the same case; so do "if the
field was null" and "if the field returns null".

A condition or exception names a case: something happening to a thing, or a thing having
a value. Specs say the first with any verb of occurrence (occurs, happens, arises, is
thrown, is raised, is encountered) and the second with a copula or a verb of result
(is, returns, resolves to, evaluates to) before a literal value. Readers take either
wording for the same case, so a condition that only trades one such verb for another —
every other word kept — states the same condition. What the event happens to, the value
and every other word still count ("when loading" -> "when saving", "null" -> "empty").
"""

from __future__ import annotations

import re

from ..parse.statements import words_of
from ._wording import one_wording

#: Verbs that say an event (an error, a fault) happens, in their forms: "occurs",
#: "occurred", "is thrown", "was raised", "gets encountered".
_OCCURS = re.compile(
    r"\b(?:(?:is|are|was|were|gets|get|got|being|been|be)\s+"
    r"(?:thrown|raised|encountered|signall?ed)(?!\s+(?:away|out|off|back|up)\b)"
    r"|occurs?|occurred|occurring|happens?|happened|happening|arises?|arose|arisen|arising)\b"
)
#: "when" / "while" / "during" before a verb in -ing: the time of the event, said alike
#: ("occurs when resolving" / "is thrown while resolving").
_DURING = re.compile(r"\b(?:when|while|during)\s+(?=\w+ing\b)")
#: A copula or a verb of result before a literal value: "was null", "returns null",
#: "resolves to null", "evaluates to true".
_HAS_VALUE = re.compile(
    r"\b(?:is|are|was|were|returns?|returned|resolves?\s+to|resolved\s+to|evaluates?\s+to"
    r"|evaluated\s+to)\s+(?=(?:null|true|false|nil|none|undefined)\b)"
)

_OCCURS_AS_WRITTEN = re.compile(_OCCURS.pattern, re.IGNORECASE)
_DURING_AS_WRITTEN = re.compile(_DURING.pattern, re.IGNORECASE)
#: Before a literal as written: "returns `null`", "was {null}".
_HAS_VALUE_AS_WRITTEN = re.compile(
    _HAS_VALUE.pattern.replace(r"(?=(?:null", r"(?=[`{*_]*(?:null"), re.IGNORECASE
)


def said_alike(old: str, new: str) -> tuple[str, str]:
    """Both texts as written with each verb of occurrence, of time and of value in one
    form ("is thrown" -> "occurs", "when resolving" -> "while resolving", "returns null"
    -> "is null"), so that a rewording measures the words that say something else. A
    kind of verb is put in one form only where both texts use it and word it otherwise:
    a text that drops its only "when evaluating" is not quoted as saying "while"."""
    for pattern, form in (
        (_OCCURS_AS_WRITTEN, "occurs"),
        (_DURING_AS_WRITTEN, "while "),
        (_HAS_VALUE_AS_WRITTEN, "is "),
    ):
        old_said = [m.group().casefold() for m in pattern.finditer(old)]
        new_said = [m.group().casefold() for m in pattern.finditer(new)]
        if old_said and new_said and old_said != new_said:
            old, new = pattern.sub(form, old), pattern.sub(form, new)
    return old, new


def as_event(text: str) -> str:
    """The phrase with each verb of occurrence, of time and of value in one form."""
    said = _OCCURS.sub("⟨occurs⟩", words_of(text))
    said = _DURING.sub("⟨during⟩ ", said)
    return _HAS_VALUE.sub("⟨is⟩ ", said)


def one_event(old: str, new: str) -> bool:
    """Whether two wordings of a condition differ only by the verb that says its event
    happens or its thing has a value (see the module): every other word is the same, or
    a form of it (:func:`one_wording`)."""
    if words_of(old) == words_of(new):
        return False
    return one_wording(as_event(old), as_event(new))
