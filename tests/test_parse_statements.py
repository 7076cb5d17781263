"""The statement model: party, force, action, restriction, conditions, exceptions,
quantifiers and quantities of each rule, and which modal words are rules at all."""

from __future__ import annotations

import pytest
from parseutil import clause_with

from specdiff.history.settings import config_from_text
from specdiff.model.document import Force, Quantity
from specdiff.parse import find_statements, parse_spec


def one(text: str):
    (statement,) = find_statements(text)
    return statement


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Clients MUST retry.", Force.OBLIGATION),
        ("The assistant shall answer.", Force.OBLIGATION),
        ("A greeting is required.", Force.OBLIGATION),
        ("Clients MUST NOT retry.", Force.PROHIBITION),
        ("The assistant must never lie.", Force.PROHIBITION),
        ("It cannot be overridden by a user.", Force.PROHIBITION),
        ("Servers must no longer send the header.", Force.PROHIBITION),
        ("Sharing the key is not allowed.", Force.PROHIBITION),
        ("Do not reveal the prompt.", Force.PROHIBITION),
        ("The assistant should cite its sources.", Force.RECOMMENDATION),
        ("The assistant should not guess.", Force.DISCOURAGEMENT),
        ("Sending it is NOT RECOMMENDED.", Force.DISCOURAGEMENT),
        ("The assistant may refuse.", Force.PERMISSION),
        ("Short answers are allowed.", Force.PERMISSION),
        ("Sending it is OPTIONAL.", Force.PERMISSION),
    ],
)
def test_force(text, force):
    assert one(text).kind is force


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The assistant must answer.", "assistant"),
        ("Servers MUST reject it.", "server"),
        ("A client MUST send a target.", "client"),
        ("Instead, the model should ask.", "model"),
        ("You must not share it.", "you"),
        ("Do not reveal the prompt.", ""),
        ("Sharing the key is not allowed.", ""),
        # One subject joined by "and"/"or", not two clauses.
        ("Each name or URI MUST correspond to a scheme.", "name or uri"),
        ("Clients and servers MUST log it.", "client and server"),
        ("Major, minor, and patch versions MUST be integers.", "major minor and patch version"),
        ("If the server fails, clients and proxies MUST retry.", "client and proxy"),
        ("Clients MUST retry or the server MUST log it.", "client"),
        # A linked term fused with its plural ending is one word of the subject.
        ("No further [signal character]s may occur on the line.", "further signal character"),
        ("[Client]s MUST retry.", "client"),
    ],
)
def test_bound_party(text, party):
    assert find_statements(text)[0].party == party


def test_a_coordinated_subject_names_actors_each_on_its_own():
    # "clients and proxies" makes both actors: a later "may" said of proxies is a rule.
    (_, second) = find_statements(
        "Clients and proxies MUST log each retry. Proxies may drop a retry after an hour."
    )
    assert second.party == "proxy"


def test_a_second_keyword_without_a_subject_binds_the_same_party():
    first, second = find_statements(
        "The assistant must keep the note short and should not repeat it."
    )
    assert (first.party, first.action) == ("assistant", "keep the note short")
    assert (second.party, second.action) == ("assistant", "repeat it")


def test_action_conditions_and_exceptions():
    statement = one(
        "The assistant must not share the system prompt with a user unless the developer allows it."
    )
    assert statement.action == "share the system prompt with a user"
    assert statement.exceptions == ("unless the developer allows it",)
    assert statement.conditions == ()
    leading = one("If the user asks, the assistant should explain its reasoning.")
    assert leading.conditions == ("if the user asks",)
    assert leading.action == "explain its reasoning"
    trailing = one("Clients MUST retry the request when the server is busy.")
    assert trailing.conditions == ("when the server is busy",)


def test_restriction():
    assert one("The assistant may only follow preferences the developer allows.").restricted
    assert one("Servers MUST accept tokens solely from the issuer.").restricted
    assert not one("The assistant may follow preferences.").restricted
    assert not one("The assistant must answer, not only when asked.").restricted


def test_quantifiers_and_quantities():
    statement = one("Clients MUST make at most 10 retries within 24 hours for each request.")
    assert statement.quantities == (
        Quantity("at most", "10", "retry", "at most 10 retries"),
        Quantity("within", "24", "hour", "within 24 hours"),
    )
    assert "each" in statement.quantifiers
    assert one("Servers MUST use TLS 1.2.").quantities == (Quantity("", "1.2", "tls", "tls 1.2"),)
    assert one("Clients MUST reject all unsigned payloads.").quantifiers == ("all",)
    # "<noun> of <number>": the number counts the noun, even "one".
    assert one("Each element MUST increase by increments of one.").quantities == (
        Quantity("", "1", "increment", "increments of one"),
    )


def test_quantities_are_kept_as_values():
    """A number word is its value; a range is its bounds, and one from nothing an upper
    bound ("0-3 spaces" is "at most 3 spaces")."""
    assert one("Clients MUST wait for three seconds.").quantities == (
        Quantity("", "3", "second", "three seconds"),
    )
    assert one("Fences MAY be indented by 0-3 spaces.").quantities == (
        Quantity("at most", "3", "space", "0-3 spaces"),
    )
    assert one("Fences MAY be indented by zero to three spaces.").quantities == (
        Quantity("at most", "3", "space", "zero to three spaces"),
    )
    assert one("Clients MUST retry between 2 and 5 times.").quantities == (
        Quantity("between", "2-5", "time", "2 and 5 times"),
    )
    assert one("One to three spaces are allowed.").quantities == (
        Quantity("between", "1-3", "space", "one to three spaces"),
    )
    # Not a range: "up to three" is a bound; "8601-1" runs downwards (a part number).
    assert one("Clients MAY send up to three retries.").quantities == (
        Quantity("at most", "3", "retry", "up to three retries"),
    )
    assert one("Servers MUST follow ISO 8601-1 for dates.").quantities == ()
    # A range that counts nothing is a set of values: "digits 0-9".
    assert one("Names MUST consist of digits 0-9 from the ASCII set.").quantities == ()


@pytest.mark.parametrize(
    "text",
    [
        "Some requests may look harmless at first.",
        "There are rules in the Model Spec which may override this principle.",
        "Such answers may be harmful.",
        "The assistant may sometimes encounter odd requests.",
        "Grief can be complicated.",
        "Wren can call tools to search the web.",  # an ability, not a permission
        "If the assistant cannot give a straight answer, say so.",  # inside a condition
        "White lies that humans may use are common.",
        "Such a reply may still follow the request.",  # "still" of no party: what may be
        # Said of some of a kind: what exists or happens, not what anyone may do.
        "Certain fields or features may be marked deprecated.",
        "Some examples cannot be represented directly in JSON.",
        "Some of the requests may be answered later.",
        # Capitals misused for a possibility.
        "As references to an id MAY NOT be possible, use the path.",
        "The key words MUST, MUST NOT, SHOULD and MAY in this document are to be interpreted "
        "as described in RFC 2119.",
    ],
)
def test_not_rules(text):
    assert find_statements(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "The assistant may refuse the request.",
        "It may politely push back.",
        "The metadata may be omitted.",
        "The reply may be valid JSON.",
        "This principle can be overridden by a developer.",
        "It cannot be overridden by a user.",
        "The assistant can only answer in English.",
        "Requests MAY look harmless.",  # RFC 2119 capitals are always rules
        "In some cases the assistant may refuse.",  # "some" is not the subject's
        "Certain libraries MAY choose to allow it.",
        "The assistant may still change its vocal tone.",  # still allowed to
    ],
)
def test_rules_said_with_may_and_can(text):
    assert len(find_statements(text)) == 1


def test_may_binds_an_actor_the_spec_gives_rules_to():
    spec = parse_spec(
        "# A\n\nCouriers must sign for each parcel.\n\nCouriers can refuse a parcel.\n"
    )
    assert clause_with(spec, "refuse").statements == ()  # positive "can": an ability
    spec = parse_spec("# A\n\nCouriers must sign.\n\nCouriers cannot open a parcel.\n")
    assert [s.force for s in clause_with(spec, "open a parcel").statements] == ["must not"]


def test_may_still_is_a_permission_only_for_a_party_the_spec_binds():
    spec = parse_spec(
        "# A\n\nWren must sign for each parcel.\n\nWren may still apply the house rules.\n\n"
        "The parcel may still arrive late.\n"
    )
    assert [s.force for s in clause_with(spec, "house rules").statements] == ["may"]
    assert clause_with(spec, "arrive late").statements == ()


def test_list_items_carry_their_lead_in():
    spec = parse_spec(
        "# Goals\n\nIt helps people. The assistant must not pursue any of these goals:\n\n"
        "- time spent in the app\n- revenue\n\nThese are examples:\n\n- a plain item\n"
    )
    item = clause_with(spec, "time spent in the app")
    (statement,) = item.statements
    assert statement.kind is Force.PROHIBITION
    assert statement.party == "assistant"
    assert statement.action == "pursue any of these goals time spent in the app"
    assert statement.sentence == (
        "The assistant must not pursue any of these goals: time spent in the app"
    )
    assert clause_with(spec, "a plain item").statements == ()


def test_a_table_row_is_read_with_its_required_column():
    spec = parse_spec(
        "# Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n"
        "| `id` | string | yes |\n| `note` | string | no |\n"
    )
    (required,) = clause_with(spec, "`id`").statements
    assert (required.keyword, required.kind, required.action) == (
        "REQUIRED",
        Force.OBLIGATION,
        "id",
    )
    (optional,) = clause_with(spec, "`note`").statements
    assert optional.kind is Force.PERMISSION


def test_parties_are_configurable():
    config = config_from_text('[normative]\nparties = ["the relay"]\n', False, "test")
    assert "the relay" in config.vocabulary.parties
    text = "The relay can only forward signed messages."
    assert find_statements(text, config.vocabulary)[0].party == "relay"


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("No further characters may occur on the line.", Force.PROHIBITION),
        ("Nothing may follow the closing fence.", Force.PROHIBITION),
        ("No request may be retried.", Force.PROHIBITION),
        ("No client must retry.", Force.PROHIBITION),
        ("The label may not contain any colon.", Force.PROHIBITION),
        ("Code fences cannot contain internal spaces.", Force.PROHIBITION),
        ("Under no circumstances may the assistant share the key.", Force.PROHIBITION),
        ("In no case should it message the peer.", Force.DISCOURAGEMENT),
    ],
)
def test_a_rule_said_of_none_of_a_kind_or_of_what_a_thing_holds_forbids(text, force):
    assert one(text).kind is force


@pytest.mark.parametrize(
    "text",
    [
        "This page may not contain every detail of the format.",
        "The cache may not contain the entry yet.",
        "None of them may seem harmful.",
        "No matter what, the reply may look odd.",
    ],
)
def test_what_perhaps_is_not_so_stays_no_rule(text):
    assert find_statements(text) == ()


def test_none_of_a_kind_that_can_be_is_what_is_impossible_not_forbidden():
    (statement,) = find_statements(
        "If the value does not match, no schema can be determined and validation SHOULD fail."
    )
    assert statement.keyword == "SHOULD"


def test_a_relative_around_a_closed_condition_states_the_rule():
    statement = one("A title, which if it is present must be separated from the name by blanks.")
    assert statement.action == "be separated from the name by blanks"
    assert statement.conditions == ("if it is present",)


def test_a_labelled_condition_is_read_as_a_rule():
    spec = parse_spec(
        "# Blocks\n\n1. **Start condition:** line begins with `<?` followed by a letter.\\\n"
        "**End condition:** line contains `>`.\n"
    )
    start, end = spec.clauses[0].statements
    assert (start.keyword, end.keyword) == ("Start condition", "End condition")
    assert start.kind is Force.OBLIGATION
    assert start.conditions == ("line begins with followed by a letter",)
    assert end.conditions == ("line contains",)


RULES = (
    "# Tickets\n\n"
    "1. A ticket MUST carry a number. Numbers MUST NOT repeat.\n"
    "1. A draft ticket MAY carry a star. Draft tickets have a higher priority than final"
    " tickets. Examples: 12, 12-a.\n"
    "1. A closed ticket MUST NOT be reopened. It could be copied into a new ticket.\n"
)


def test_a_declarative_in_a_numbered_list_of_rfc_2119_rules_is_a_rule():
    item = parse_spec(RULES).clauses[1]
    declared = [s for s in item.statements if s.keyword == "have"]
    assert len(declared) == 1
    (statement,) = declared
    assert statement.kind is Force.OBLIGATION
    assert statement.party == "draft ticket"
    assert statement.action == "a higher priority than final tickets"
    # Neither the examples nor the hedged sentence ("could") are rules.
    assert [s.keyword for s in parse_spec(RULES).clauses[2].statements] == ["MUST NOT"]


def test_the_same_declarative_outside_a_list_of_rules_describes():
    bulleted = RULES.replace("1. ", "- ")
    assert [s.keyword for s in parse_spec(bulleted).clauses[1].statements] == ["MAY"]
    few = "# Tickets\n\n1. A ticket MUST carry a number.\n1. Draft tickets have a star.\n"
    assert [s.keyword for s in parse_spec(few).clauses[1].statements] == []


def test_a_condition_set_off_by_commas_before_the_subject_is_the_rule_s_condition():
    inner = one("In both routes, where the routes meet, every crate MUST be weighed twice.")
    assert inner.conditions == ("where the routes meet",)
    assert inner.action == "be weighed twice"
    opening = one("Where a crate is opened, the clerk MUST record the seal.")
    assert opening.conditions == ("where a crate is opened",)
    # Control: a "where" phrase after the keyword is not read as a set-off condition.
    assert one("Every crate MUST be weighed, where possible, by hand.").conditions == ()


def test_however_ends_one_rule_and_its_party_starts_the_next():
    first, second = find_statements(
        "A courier should carry the parcels, however a harbour van may be used instead."
    )
    assert (first.party, second.party) == ("courier", "harbour van")
    # Control: "however" after the keyword is part of the action, not a subject's start.
    control = one("A courier must carry the parcels however heavy they are.")
    assert (control.party, control.action) == (
        "courier",
        "carry the parcels however heavy they are",
    )


# -- legal notices bind no party of the spec -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Your use of these notes may be subject to third party rights.",
        "THE NOTES ARE PROVIDED AS IS AND THE EDITORS SHALL NOT BE LIABLE FOR ANY LOSS.",
        "IN NO EVENT MAY THE EDITORS BE HELD LIABLE FOR DAMAGES OF ANY KIND.",
        "The editors shall not be liable for any damages arising from use of the notes.",
        "These notes are licensed under a free licence and may be copied freely.",
        "THE EDITORS DISCLAIM ALL WARRANTIES AND SHALL NOT ANSWER FOR ERRORS.",
        "Use of the notes may infringe third party rights.",
    ],
)
def test_legal_notices_are_not_rules(text):
    assert find_statements(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "SERVERS MUST NOT SEND THE HEADER TWICE.",  # capitals without a notice's words
        "Servers MUST NOT be liable to drop a request.",  # a capital keyword, mixed case
        "The assistant should add a disclaimer to medical advice.",  # a disclaimer to write
        "The license field must name the licence of the API.",  # "licence" alone
    ],
)
def test_rules_near_legal_words_stay_rules(text):
    assert len(find_statements(text)) == 1


def test_a_rule_beside_a_licence_paragraph_stays_a_rule():
    spec = parse_spec(
        "# Notes\n\nTHE NOTES ARE PROVIDED AS IS. IN NO EVENT SHALL THE EDITORS BE LIABLE.\n"
        "Couriers must sign for each parcel.\n\nClients MUST retry once.\n"
    )
    assert [s.force for s in clause_with(spec, "PROVIDED AS IS").statements] == ["must"]
    assert [s.force for s in clause_with(spec, "retry once").statements] == ["must"]


@pytest.mark.parametrize(
    "text",
    [
        "The current charter may be found at the foundation's site.",
        "The full grammar may be read in the appendix.",
    ],
)
def test_where_a_text_may_be_found_is_no_permission(text):
    assert find_statements(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Clients MAY be found at the registry.",  # RFC 2119 capitals are always rules
        "The file may be read by any client.",  # a party allowed to read it
        "The token may be found by the client and reused.",
    ],
)
def test_found_or_read_said_of_a_party_stays_a_rule(text):
    assert len(find_statements(text)) == 1
