"""Normative statements: RFC 2119 capitals, plain English, strength and polarity."""

from __future__ import annotations

import pytest
from parseutil import clause_with, parse_fixture

from specdiff.model.document import ClauseKind, Strength
from specdiff.parse import DEFAULT_VOCABULARY, Phrase, find_statements

MUST, SHOULD, MAY = Strength.MUST, Strength.SHOULD, Strength.MAY


def forces(text: str) -> list[tuple[str, Strength, bool]]:
    return [(s.keyword, s.strength, s.negative) for s in find_statements(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # RFC 2119 / 8174 capitals
        ("A client MUST send it.", [("MUST", MUST, False)]),
        ("A client MUST NOT send it.", [("MUST NOT", MUST, True)]),
        ("It SHALL be sent.", [("SHALL", MUST, False)]),
        ("It SHALL NOT be sent.", [("SHALL NOT", MUST, True)]),
        ("It SHOULD be sent.", [("SHOULD", SHOULD, False)]),
        ("It SHOULD NOT be sent.", [("SHOULD NOT", SHOULD, True)]),
        ("It MAY be sent.", [("MAY", MAY, False)]),
        ("This field is REQUIRED.", [("is REQUIRED", MUST, False)]),
        ("Sending it is RECOMMENDED.", [("RECOMMENDED", SHOULD, False)]),
        ("Sending it is NOT RECOMMENDED.", [("NOT RECOMMENDED", SHOULD, True)]),
        ("Sending it is OPTIONAL.", [("OPTIONAL", MAY, False)]),
        # plain English
        ("The assistant must answer.", [("must", MUST, False)]),
        ("The assistant must not lie.", [("must not", MUST, True)]),
        ("The assistant mustn't lie.", [("mustn't", MUST, True)]),
        ("The assistant must never lie.", [("must never", MUST, True)]),
        ("The assistant shall answer.", [("shall", MUST, False)]),
        ("The assistant should answer.", [("should", SHOULD, False)]),
        ("The assistant should not guess.", [("should not", SHOULD, True)]),
        ("The assistant shouldn’t guess.", [("shouldn’t", SHOULD, True)]),
        ("The assistant should always cite.", [("should always", SHOULD, False)]),
        ("The assistant may refuse.", [("may", MAY, False)]),
        ("The assistant may not refuse.", [("may not", MAY, True)]),
        ("Never reveal the key.", [("Never", MUST, True)]),
        ("Always cite the source.", [("Always", MUST, False)]),
        ("Sharing the key is not allowed.", [("is not allowed", MUST, True)]),
        ("Sharing keys is never allowed.", [("is never allowed", MUST, True)]),
        ("Short answers are allowed.", [("are allowed", MAY, False)]),
        ("A greeting is required.", [("is required", MUST, False)]),
        ("A greeting is not required.", [("is not required", MAY, False)]),
        # spacing and line breaks inside a phrase
        ("It MUST\n   NOT be sent.", [("MUST NOT", MUST, True)]),
    ],
)
def test_keywords_strength_and_polarity(text, expected):
    assert forces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do not reveal the prompt.", [("Do not", MUST, True)]),
        ("Don't reveal the prompt.", [("Don't", MUST, True)]),
        ("Don’t reveal the prompt.", [("Don’t", MUST, True)]),
        ("**Do not** reveal the prompt.", [("Do not", MUST, True)]),
        ("Be kind, and do not lie.", [("do not", MUST, True)]),
        ("Answer briefly; do not ramble.", [("do not", MUST, True)]),
        ("Please do not share it.", [("do not", MUST, True)]),
        # Not imperatives: "do not" inside a statement of fact or a condition.
        ("If you do not know, say so.", []),
        ("Users do not need an account.", []),
        ("I don't think so.", []),
        ("The user don’t care.", []),
    ],
)
def test_do_not_counts_only_as_an_imperative(text, expected):
    assert forces(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The word required is lower case here.",  # REQUIRED/OPTIONAL count only in capitals
        "An optional field.",
        "Recommended reading.",
        "This is a must-have feature.",  # a compound, not the verb
        "Nevertheless, the text goes on.",
        "The mayor spoke.",
        "Code `MUST` be quoted to be named, not used.",
        'The key words "MUST", "SHOULD" and “MAY” are defined in RFC 2119.',
    ],
)
def test_not_normative(text):
    assert forces(text) == []


def test_statements_carry_their_sentence():
    text = "First sentence has no rule. A client MUST send it. Servers MAY cache! Done?"
    statements = find_statements(text)
    assert [s.sentence for s in statements] == ["A client MUST send it.", "Servers MAY cache!"]
    assert [s.force for s in statements] == ["must", "may"]


def test_each_keyword_is_its_own_statement():
    statements = find_statements("It MUST be sent and MUST NOT be cached; it MAY be logged.")
    assert [(s.keyword, s.force) for s in statements] == [
        ("MUST", "must"),
        ("MUST NOT", "must not"),
        ("MAY", "may"),
    ]
    assert len({s.sentence for s in statements}) == 1


def test_strength_is_ordered():
    assert MUST > SHOULD > MAY
    assert max(s.strength for s in find_statements("You may. You must. You should.")) is MUST


def test_the_word_list_is_configurable():
    vocabulary = DEFAULT_VOCABULARY.extended(
        (Phrase("is obliged to", MUST), Phrase("should", MAY))  # redefine an existing one
    )
    statements = find_statements("The host is obliged to reply. It should log.", vocabulary)
    assert [(s.keyword, s.strength) for s in statements] == [
        ("is obliged to", MUST),
        ("should", MAY),
    ]
    assert find_statements("The host is obliged to reply.") == ()


def test_statements_in_a_parsed_document():
    spec = parse_fixture("normative.md")
    boilerplate = clause_with(spec, "The key words")
    assert boilerplate.statements == ()
    assert not clause_with(spec, "obliges nobody").is_normative

    rfc = clause_with(spec, "A client MUST send a target.")
    assert [s.force for s in rfc.statements] == ["must", "should not", "may"]

    plain = clause_with(spec, "must never heat")
    assert [s.force for s in plain.statements] == ["must not", "should", "may"]

    imperative = clause_with(spec, "Do not pour")
    assert [(s.keyword, s.sentence) for s in imperative.statements] == [
        ("Do not", "Do not pour while heating.")
    ]

    allowed = clause_with(spec, "Refilling mid-cycle")
    assert [s.force for s in allowed.statements] == ["must not", "may"]

    lid = clause_with(spec, "lift the lid")
    assert lid.kind is ClauseKind.LIST_ITEM
    assert [s.force for s in lid.statements] == ["must not"]


def test_required_in_a_table_cell_is_a_statement():
    spec = parse_fixture("normative.md")
    target = clause_with(spec, "target | `integer`")
    note = clause_with(spec, "note | `string`")
    assert target.kind is ClauseKind.TABLE_ROW
    assert [(s.keyword, s.strength, s.negative) for s in target.statements] == [
        ("REQUIRED", MUST, False)
    ]
    assert [(s.keyword, s.strength) for s in note.statements] == [("OPTIONAL", MAY)]


def test_admonitions_may_be_normative_but_code_never_is():
    spec = parse_fixture("normative.md")
    commentary = clause_with(spec, "Commentary may also")
    assert [s.force for s in commentary.statements] == ["may"]
    code = clause_with(spec, "Code MUST NOT")
    assert code.kind is ClauseKind.CODE
    assert code.statements == ()


def test_statements_are_found_in_block_quotes():
    spec = parse_fixture("wrap100.md")
    quote = next(c for c in spec.clauses if c.kind is ClauseKind.BLOCKQUOTE)
    assert [(s.keyword, s.force) for s in quote.statements] == [("Never", "must not")]
