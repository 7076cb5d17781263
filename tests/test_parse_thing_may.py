"""A lower-case "may" said of one plain noun no rule binds (a thing the spec describes:
a step, a token, a list) tells what that thing can do or be; said of a party (configured,
or an actor the spec binds with a certain rule) it is a permission; "MAY" always is."""

from __future__ import annotations

import pytest

from specdiff.parse import find_statements
from specdiff.parse._normative import Vocabulary


@pytest.mark.parametrize(
    "text",
    [
        "Each stage may open a buffer and eventually hand back a token.",
        "Every widget may accept options to tune their layout.",
    ],
)
def test_a_may_said_of_a_thing_is_no_rule(text):
    assert find_statements(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # The same thing bound by a rule of the text: an actor, so a permission.
        "Each stage must log its input. Each stage may open a buffer.",
        # A configured party.
        "Relays may drop a frame after the timeout.",
        "Clients may retry the request.",
        # One named, perhaps a party no rule binds yet.
        "The clerk may stamp a parcel.",
        # A noun of one who acts, bound by no rule: still a party.
        "Callers may ask twice.",
        "Each participant may ask twice.",
        # A bare plural: perhaps parties ("clerks"), perhaps things; read as before.
        "Clerks may stack crates by weight.",
        # RFC 2119 capitals.
        "Each stage MAY open a buffer.",
        # A qualified name: perhaps an actor the spec names without binding it.
        "A parcel relay may drop a frame.",
    ],
)
def test_a_may_said_of_a_party_stays_a_permission(text):
    vocabulary = Vocabulary().with_parties(("relays",))
    assert any(s.keyword.casefold() == "may" for s in find_statements(text, vocabulary))


def test_control_a_must_of_a_thing_stays_a_rule():
    assert [s.keyword for s in find_statements("Each stage must open a buffer.")] == ["must"]
