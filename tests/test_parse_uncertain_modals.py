"""Modals that say what is uncertain or what follows, not what a party may do: "may or
may not" (either way round), a later lower-case *may* of such a sentence said of no
party, and a lower-case *may* or *can* under "which means that". Beside each, a control
that is still a rule; and a subject joined to an adjective keyword by a copula ("this
field is REQUIRED") names the field, not "field is"."""

from __future__ import annotations

import pytest

from specdiff.model.document import Force
from specdiff.parse import find_statements


@pytest.mark.parametrize(
    "text",
    [
        "Plugins may or may not be loaded by the harbour office.",
        "A reply might or might not arrive; the ledger can or cannot show it.",
        "The stamps may or may not be supported by the scanners, but those may be "
        "upgraded as well to read them.",
        "Ledgers are kept by hand, which means that two copies cannot be compared as-is.",
        "The crate is sealed, meaning that its contents may be damp.",
        "This means that the parcel can be weighed twice.",
    ],
)
def test_not_rules(text):
    assert find_statements(text) == ()


@pytest.mark.parametrize(
    ("text", "keyword", "force"),
    [
        # Capitals are rules under "means that", and "may or MAY NOT" is no idiom.
        ("This means that the parcel MAY be weighed twice.", "MAY", Force.PERMISSION),
        # A party the spec binds may still be allowed something after "may or may not".
        ("Stamps may or may not be read, but servers may reject them.", "may", Force.PERMISSION),
        # "must" under "means that" still binds: only may and can say what is possible.
        (
            "The cache is shared, which means that clients must not write to it.",
            "must not",
            Force.PROHIBITION,
        ),
        # A plain "may" is read as before.
        ("That field may be omitted.", "may", Force.PERMISSION),
    ],
)
def test_rules(text, keyword, force):
    (statement,) = find_statements(text)
    assert (statement.keyword, statement.kind) == (keyword, force)


def test_a_copula_before_an_adjective_keyword_is_no_part_of_the_party():
    required, must = find_statements(
        "If the parcel is fragile, then this field is **REQUIRED** and MUST be a list."
    )
    assert (required.keyword, required.party, required.action) == ("REQUIRED", "field", "")
    assert (must.party, must.action) == ("field", "be a list")
    (optional,) = find_statements("It is OPTIONAL for couriers to sign.")
    assert optional.party == ""
