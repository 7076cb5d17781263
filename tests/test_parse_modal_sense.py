"""Modal sense around the keywords: a modal before "always"/"never" governs it, an
opinion of the authors binds no one, and "do not" is an imperative only without a
subject before it in its clause."""

from __future__ import annotations

import pytest

from specdiff.model.document import Force
from specdiff.parse import find_statements


@pytest.mark.parametrize(
    "text",
    [
        # A modal before "always" or "never": what can or will be, not a "must".
        "A single application context can always take on multiple roles concurrently.",
        "The rules imply that four or more `*` characters will always be parsed as text.",
        "Clients might always retry, and they would never notice.",
        "A parcel could never be weighed twice.",
        # "always"/"never" telling of the past: history, no rule.
        "Shortcut links were introduced by Gruber, but never included in the syntax.",
        "The original syntax has never allowed spaces.",
        "It was always the first line.",
        # Opinions of the authors.
        "We think that the two cases should be treated the same.",
        "In our view, implementations should reject it.",
        "Arguably, clients should retry.",
        "It seems the parser must stop here.",
        # "do not" after its subject describes what the subject does.
        "Indeed, most Markdown implementations, including some of Gruber's own perl "
        "implementations, do not impose these restrictions.",
        "Parsers, however, do not retry.",
        "Most implementations (including Gruber's) do not impose these restrictions.",
        # "May" before a day or a year is the month.
        "*Working Draft - May 2019*",
        "Published on May 12, 2019.",
        # A caption with no subject before its modal, ending in a colon: what the example
        # before it may give ("May yield the result:"), allowed to no one.
        "May yield the result:",
        "May return the result:",
        "*Can produce:*",
    ],
)
def test_not_rules(text):
    assert find_statements(text) == ()


@pytest.mark.parametrize(
    ("text", "keyword", "force"),
    [
        ("The server may always retry.", "may", Force.PERMISSION),
        ("Clients can never retry.", "can never", Force.PROHIBITION),
        ("Servers may never retry.", "may never", Force.PROHIBITION),
        ("The assistant should always refuse.", "should always", Force.RECOMMENDATION),
        ("Always cite the source.", "Always", Force.OBLIGATION),
        ("Servers never retry.", "never", Force.PROHIBITION),
        # A participle after "is"/"are" is a passive in the present: still a rule.
        ("Tabs are never expanded.", "never", Force.PROHIBITION),
        ("A client never needs a token.", "never", Force.PROHIBITION),
        ("This reading is also always preferred.", "always", Force.OBLIGATION),
        ("Never embed secrets.", "Never", Force.PROHIBITION),
        # RFC 2119 capitals are rules under an opinion too.
        ("We believe implementations SHOULD retry.", "SHOULD", Force.RECOMMENDATION),
        # An opinion inside a condition or a relative clause governs only that.
        (
            "If it seems the user is upset, the assistant should ask.",
            "should",
            Force.RECOMMENDATION,
        ),
        ("Defaults that we believe are helpful must be kept.", "must", Force.OBLIGATION),
        ("We think so; clients must retry.", "must", Force.OBLIGATION),
        # A sentence-initial "That" is a determiner, not a relative pronoun.
        ("That field may be omitted.", "may", Force.PERMISSION),
        # "do not" with no subject in its clause: an imperative.
        ("If the URI is relative, do not resolve it.", "do not", Force.PROHIBITION),
        ("For example, do not retry.", "do not", Force.PROHIBITION),
        ("Otherwise, do not retry.", "do not", Force.PROHIBITION),
        ("If the text is long, short, or empty, do not retry.", "do not", Force.PROHIBITION),
        ("This field is deprecated, do not use it.", "do not", Force.PROHIBITION),
    ],
)
def test_rules(text, keyword, force):
    (statement,) = find_statements(text)
    assert (statement.keyword, statement.kind) == (keyword, force)


def test_a_modal_before_always_keeps_the_quantifier():
    (statement,) = find_statements("The server may always retry.")
    assert statement.quantifiers == ("always",)
    assert statement.party == "server"


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        # Controls for the caption: a subject, a full stop, or capitals keep the rule.
        ("The server may yield the result:", "may"),
        ("May yield the result.", "May"),
        ("MAY yield the result:", "MAY"),
        ("Clients may retry as follows:", "may"),
    ],
)
def test_caption_controls_stay_rules(text, keyword):
    assert [s.keyword for s in find_statements(text)] == [keyword]
