"""Rules whose subject a lead-in gives: "For each field of an Object type:" and, under it,
"1. The field must have a unique name within that Object type".

A list item under such a lead-in binds "the field" it names, and the lead-in says which
fields those are: each field of an Object type. Read alone, the item's party is "field",
and the rule it carries on from "The fields of an Object type must have unique names"
looks like another rule about another party (one rule removed, another added). Read
with its lead-in, as its readers read it, the party is "field of object type": the same
rule, restructured as a list for each field.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.document import Clause, ClauseKind, NormativeStatement, Spec
from ..parse import plain_text
from ..parse.statements import party_key

#: A lead-in that walks the members of something: "For each field of an Object type:",
#: "For every argument of the field:", "Each input field of an Input Object type:". The
#: noun phrase must name what it belongs to ("of", "in", "within"): "For each field:"
#: says nothing the item does not.
_EACH = re.compile(
    r"\s*(?:for\s+)?(?:each|every)\s+(?P<member>[^:{}]+?)\s+(?P<tie>of|in|within)\s+(?P<whole>[^:{}]+?)"
    r"\s*:\s*",
    re.IGNORECASE,
)


def read_under_lead_in(spec: Spec, clause: Clause) -> Clause:
    """``clause`` with the party of each rule it states about the member its lead-in walks
    ("the field") read as the lead-in names it ("field of object type"); the clause
    itself when it hangs from no such lead-in or none of its rules is about that member."""
    if not clause.statements or clause.kind is not ClauseKind.LIST_ITEM:
        return clause
    lead_in = _lead_in(spec, clause)
    if lead_in is None:
        return clause
    found = _EACH.fullmatch(plain_text(lead_in.text))
    if found is None:
        return clause
    member = party_key(found["member"])
    whole = party_key(f"{found['member']} {found['tie'].casefold()} {found['whole']}")
    if not member or member == whole:
        return clause
    if all(statement.party != member for statement in clause.statements):
        return clause
    statements = tuple(
        _bound_as(statement, whole) if statement.party == member else statement
        for statement in clause.statements
    )
    return replace(clause, statements=statements)


def _lead_in(spec: Spec, clause: Clause) -> Clause | None:
    """The item a nested list item hangs from, or the paragraph just before a list's
    first item when it ends with a colon."""
    if clause.parent is not None:
        parent = spec.clauses[clause.parent]
        return parent if parent.kind is ClauseKind.LIST_ITEM else None
    index = clause.index - 1
    while index >= 0 and spec.clauses[index].kind is ClauseKind.LIST_ITEM:
        index -= 1  # the earlier items of the same list
    if index < 0:
        return None
    before = spec.clauses[index]
    if (
        before.kind is ClauseKind.PARAGRAPH
        and before.parent is None
        and before.section == clause.section
    ):
        return before
    return None


def _bound_as(statement: NormativeStatement, party: str) -> NormativeStatement:
    details = statement.details
    return NormativeStatement(
        statement.keyword,
        statement.strength,
        statement.negative,
        statement.sentence,
        reader=lambda: replace(details, party=party),
    )
