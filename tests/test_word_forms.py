"""Forms of one word (spelling conventions, compounds, inflections) and words that only
look alike (negations, opposites): the word-level reading of issue 10."""

from __future__ import annotations

import pytest

from specdiff.classify._forms import (
    agent_of,
    agreeing,
    canonical,
    derived,
    distinct_words,
    inflected,
    misspelled,
)
from specdiff.classify._terms import Terms
from specdiff.classify._wording import is_editorial, one_wording, swapped_words


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("colour", "color"),
        ("behaviour", "behavior"),
        ("behavioural", "behavioral"),
        ("favourite", "favorite"),
        ("organise", "organize"),
        ("organisation", "organization"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("metres", "meters"),
        ("catalogue", "catalog"),
        ("labelled", "labeled"),
        ("modelling", "modeling"),
        ("licence", "license"),
        ("judgement", "judgment"),
        ("backwards", "backward"),
        ("towards", "toward"),
        ("programme", "program"),
    ],
)
def test_british_and_american_spellings_meet(british, american):
    assert canonical(british) == canonical(american)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("four", "for"),
        ("hour", "hor"),
        ("your", "yor"),
        ("filled", "filed"),
        ("are", "ar"),
        ("there", "ther"),
        ("vogue", "vog"),
        ("rise", "rize"),
    ],
)
def test_the_spelling_rules_do_not_reach_other_words(one, other):
    assert canonical(one) == one
    assert canonical(one) != canonical(other) or one == other


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("valid", "invalid"),
        ("safe", "unsafe"),
        ("trusted", "untrusted"),
        ("lock", "unlock"),
        ("encode", "decode"),
        ("import", "export"),
        ("minimum", "maximum"),
        ("increase", "decrease"),
        ("send", "resend"),
    ],
)
def test_negations_and_opposites_are_two_words(a, b):
    assert distinct_words(a, b)
    assert not misspelled(a, b)
    assert not misspelled(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("recieve", "receive"), ("adress", "address"), ("form", "from"), ("aid", "aide")],
)
def test_misspellings_keep_the_first_letter(a, b):
    assert misspelled(a, b)


@pytest.mark.parametrize(("a", "b"), [("sender", "render"), ("lower", "power"), ("use", "user")])
def test_another_first_letter_or_a_short_word_is_another_word(a, b):
    assert not misspelled(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("version", "versions"), ("dread", "dreaded"), ("use", "using"), ("copy", "copies")],
)
def test_inflections(a, b):
    assert inflected(a, b)
    assert inflected(b, a)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a non-negative integer", "a nonnegative integer"),
        ("sent by e-mail", "sent by email"),
        ("a backwards-compatible change", "a backward compatible change"),
        ("trailing white space", "trailing whitespace"),
        ("the Open API document", "the OpenAPI document"),
    ],
)
def test_compounds_joined_hyphenated_or_apart_are_editorial(old, new):
    assert is_editorial(old, new)
    assert is_editorial(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("it is a part of the ledger", "it is apart of the ledger"),
        ("any one of them", "anyone of them"),
        ("set `back-end` here", "set `backend` here"),
        ("version 1.2 is used", "version 1.3 is used"),
    ],
)
def test_words_of_their_own_weight_do_not_join(old, new):
    assert not is_editorial(old, new)
    assert not is_editorial(new, old)


def test_a_swap_quotes_the_words_as_written():
    (swap,) = swapped_words(
        "release a new minor version that corrects it",
        "release a new patch version that corrects it",
    )
    assert (swap.old, swap.new, swap.before) == ("minor", "patch", "new")
    assert (swap.old_phrase, swap.new_phrase) == ("minor", "patch")
    assert swap.after == "version"


def test_a_term_is_renamed_only_when_it_left_the_whole_document():
    old = ["The sender writes.", "Each sender reads.", "A horizontal rule.", "One horizontal rule."]
    new = [
        "The producer writes.",
        "Each producer reads.",
        "A thematic break.",
        "One thematic break.",
    ]
    terms = Terms(lambda: old, lambda: new)
    assert terms.renamed("sender", "producer")
    assert terms.renamed("horizontal rule", "thematic break")
    kept = Terms(lambda: old, lambda: [*new, "A sender stays."])
    assert not kept.renamed("sender", "producer")
    once = Terms(lambda: ["Use SHA-256.", "Use SHA-256 too."], lambda: ["Use MD5.", "Use MD5 too."])
    assert not once.renamed("sha-256", "md5")


def test_a_term_may_be_handed_down_to_names_of_the_same_kind_of_thing():
    # "OpenAPI Description" went; "OAS document" and "OpenAPI document" took it over, none
    # of them half of its uses: each is the old term renamed.
    old = [f"Read the OpenAPI Description {n}." for n in range(6)]
    new = [
        *(f"Read the OAS document {n}." for n in range(2)),
        *(f"Read the OpenAPI document {n}." for n in range(2, 4)),
        *(f"Read the entry document {n}." for n in range(4, 6)),
    ]
    terms = Terms(lambda: old, lambda: new)
    assert terms.renamed("openapi description", "oas document")
    assert terms.renamed("openapi description", "openapi document")
    # Another kind of thing took its uses: no rename.
    other = Terms(
        lambda: old, lambda: [*new[:2], *(f"Read the API catalog {n}." for n in range(4))]
    )
    assert not other.renamed("openapi description", "oas document")
    # A successor used once is no name the document adopted.
    lone = Terms(lambda: old, lambda: [new[0], *new[2:]])
    assert not lone.renamed("openapi description", "oas document")


def test_a_type_renamed_where_it_is_defined():
    # The type list defines `Harbour` in the old version and `Port` in the new one, with
    # the old definition's words kept (one member added): the same type, renamed.
    old = ["`Harbour` - Either a `Quay` or a `Pier`.", "`Quay` - A stone landing."]
    new = ["`Port` - Either a `Quay` or a `Pier`, or a `Jetty`.", "`Quay` - A stone landing."]
    terms = Terms(lambda: old, lambda: new)
    assert terms.type_renamed("Harbour", "Port")
    assert not terms.type_renamed("Port", "Harbour")
    # A definition that drops a word of the old one defines something else.
    narrower = Terms(lambda: old, lambda: ["`Port` - Either a `Quay`.", *new[1:]])
    assert not narrower.type_renamed("Harbour", "Port")
    # A type both versions define is no rename of another, nor one still defined.
    assert not terms.type_renamed("Harbour", "Quay")
    kept = Terms(lambda: old, lambda: [*new, old[0]])
    assert not kept.type_renamed("Harbour", "Port")
    # A name defined twice has no one definition to compare.
    twice = Terms(lambda: [*old, "`Harbour` - A town."], lambda: new)
    assert not twice.type_renamed("Harbour", "Port")
    # Prose that only starts with code defines nothing.
    prose = Terms(lambda: ["`Harbour` is used below."], lambda: ["`Port` is used below."])
    assert not prose.type_renamed("Harbour", "Port")


@pytest.mark.parametrize(
    ("participle", "noun"),
    [
        ("discriminating", "discriminator"),
        ("validating", "validator"),
        ("encoding", "encoder"),
        ("processing", "processor"),
    ],
)
def test_a_participle_and_its_agent_noun_are_one_word(participle, noun):
    assert agent_of(participle, noun) and agent_of(noun, participle)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("sending", "sender"),  # a stem too short to tell
        ("discriminating", "discrimination"),  # another noun: derived() reads those
        ("validating", "validated"),  # an inflection
        ("reading", "leader"),
    ],
)
def test_words_that_only_look_like_a_participle_and_its_agent_are_not(one, other):
    assert not agent_of(one, other)


def test_one_wording_pairs_forms_of_one_word_in_order():
    assert one_wording(
        "if the discriminating value does not match", "if the discriminator _value_ does not match"
    )
    assert not one_wording(
        "if the discriminating value does not match", "if the fallback value does not match"
    )
    assert not one_wording("if the value does not match", "if the value does not match any")


def test_a_term_is_renamed_with_the_word_after_it_when_its_first_word_stays():
    old = ["Raise a lid error.", "A lid error is logged.", "Close the lid.", "The lid is red."]
    new = ["Raise a seal error.", "A seal error is logged.", "Close the lid.", "The lid is red."]
    terms = Terms(lambda: old, lambda: new)
    assert not terms.renamed("lid", "seal")
    assert terms.renamed("lid", "seal", after="error")
    kept = Terms(lambda: old, lambda: [*new, "A lid error stays.", "And a lid error."])
    assert not kept.renamed("lid", "seal", after="error")


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("indented", "indentation"),
        ("indent", "indentation"),
        ("encrypts", "encryption"),
        ("requires", "requirements"),
        ("validated", "validation"),
        ("created", "creation"),
        ("replace", "replacement"),
        ("accepted", "acceptance"),
    ],
)
def test_a_verb_and_the_noun_made_of_it_are_one_word(verb, noun):
    assert derived(verb, noun)
    assert derived(noun, verb)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("document", "documentation"),  # nouns that name something else
        ("format", "formation"),
        ("state", "statement"),
        ("specific", "specification"),
        ("note", "notation"),  # stems too short to tell
        ("edit", "edition"),
        ("sign", "signal"),  # not a noun ending
        ("indent", "indented"),  # an inflection, not a noun
    ],
)
def test_words_that_only_look_derived_are_not(one, other):
    assert not derived(one, other)


def test_agreement_is_one_word_but_not_spelling():
    assert agreeing("much", "many") and agreeing("are", "is")
    assert not agreeing("much", "more") and not agreeing("is", "is")
    assert canonical("are") == "are" and canonical("many") == "many"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Let the node be the one the marker effects.",
            "Let the node be the one the marker affects.",
        ),
        (
            "Let the node be the one the marker affects.",
            "Let the node be the one the marker effects.",
        ),
        ("The principle signer must sign.", "The principal signer must sign."),
    ],
)
def test_a_word_written_for_one_that_sounds_alike_is_a_spelling_fix(old, new):
    # issue 10, lane fx10-gql: "the AST node the directive effects" -> "affects"
    assert is_editorial(old, new)


def test_control_another_word_is_no_spelling_fix():
    assert not is_editorial(
        "Let the node be the one the marker affects.", "Let the node be the one the marker defects."
    )
    assert not is_editorial("The marker affects the node.", "The marker infects the node.")


def test_swaps_read_again_are_a_list_of_their_own() -> None:
    # The swaps of a pair are remembered for the rules that ask again: each caller still
    # gets its own list, the same swaps.
    first = swapped_words("a new minor version", "a new patch version")
    first.clear()
    again = swapped_words("a new minor version", "a new patch version")
    assert [(s.old, s.new) for s in again] == [("minor", "patch")]
    assert again is not swapped_words("a new minor version", "a new patch version")


def test_a_spelling_read_again_is_the_one_read_first() -> None:
    assert canonical("colour") == canonical("colour") == "color"
    assert canonical("labelled") == "labeled"
    assert canonical("filled") == "filled"
