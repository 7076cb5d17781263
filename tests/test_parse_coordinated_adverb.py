"""An "always"/"never" opening a verb phrase coordinated with an earlier one governed by
a modal in its clause shares that modal: "might ... and never X" is no rule, "may ... and
never X" permits, "must ... and never X" stays a "must not"."""

from __future__ import annotations

import pytest

from specdiff.model.document import Force
from specdiff.parse import find_statements

CLOUDEVENTS_TIMESTAMP = (
    "An attribute value of type `Timestamp` might indeed be routed as a string through "
    "multiple hops and only materialize as a native runtime/language type at the producer "
    "and ultimate consumer. The `Timestamp` might also be routed as a native transport type "
    "and might be mapped to/from the respective language/runtime types at the producer and "
    "consumer ends, and never materialize as a string."
)


@pytest.mark.parametrize(
    "text",
    [
        CLOUDEVENTS_TIMESTAMP,
        "The server will retry and never give up.",
        "A parcel could wait a week or always leave at once.",
        "Relays would forward the event, and never read it.",
        "Most parcels might be opened at the harbour and never reach the scales.",
    ],
)
def test_not_rules(text):
    assert find_statements(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A permission to do one thing without the other forbids nothing.
        ("Clients may cache the response and never revalidate it.", [("may", Force.PERMISSION)]),
        ("Clients MAY cache the response and never revalidate it.", [("MAY", Force.PERMISSION)]),
        # A rule modal: the "never" keeps (or takes) its force.
        (
            "Clients must cache the response and never revalidate it.",
            [("must", Force.OBLIGATION), ("never", Force.PROHIBITION)],
        ),
        (
            "Clients must cache the response, and always revalidate it.",
            [("must", Force.OBLIGATION), ("always", Force.OBLIGATION)],
        ),
        (
            "Clients should cache the response and never revalidate it.",
            [("should", Force.RECOMMENDATION), ("never", Force.DISCOURAGEMENT)],
        ),
        # A sentence of its own, or no modal in the clause: a rule of its own.
        (
            "Clients must cache the response. Never revalidate it.",
            [("must", Force.OBLIGATION), ("Never", Force.PROHIBITION)],
        ),
        (
            "Always cite the source and never copy it.",
            [("Always", Force.OBLIGATION), ("never", Force.PROHIBITION)],
        ),
        # A semicolon opens another clause, which has no modal.
        (
            "Producers might batch events; consumers ack them and never retry.",
            [("never", Force.PROHIBITION)],
        ),
        # A modal in a relative clause gives way to the main clause's.
        (
            "Servers must reject requests that clients might send, and never retry.",
            [("must", Force.OBLIGATION), ("never", Force.PROHIBITION)],
        ),
        # A negated binding modal leaves the keyword as it is.
        (
            "Clients may not cache the response and never revalidate it.",
            [("may not", Force.PROHIBITION), ("never", Force.PROHIBITION)],
        ),
    ],
)
def test_rules(text, expected):
    assert [(s.keyword, s.kind) for s in find_statements(text)] == expected
