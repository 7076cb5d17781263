"""Rules a rewritten text restates, read as kept (issue 10 Deliver 2, fx12-restated): a
keyword set in underscore emphasis is still the keyword; "do so" put for an act said
before it is the ellipsis filled in; the "or" half of a "whether ... must" question is
asked, not a rule. Controls: a rule really dropped, or an act really changed, stays so."""

from __future__ import annotations

from specdiff.classify._statements import compare_statements
from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.statements import find_statements


def _tags(old: str, new: str) -> list[str]:
    changes = compare_statements(find_statements(old), find_statements(new), old, new)
    return [c.tag for c in changes]


def _keywords(text: str) -> list[str]:
    return [s.keyword for s in find_statements(text)]


# -- a keyword in underscore emphasis --------------------------------------------------------

_STARRED = (
    "Stops are *always* optional within a route, a stop may be skipped and the route is valid."
)
_UNDERSCORED = (
    "Stops are _always_ optional within a _route_, a stop may be skipped and the route is"
    " valid (so long as the route does not become empty)."
)


def test_a_keyword_in_underscore_emphasis_is_read():
    assert _keywords("Stops are _always_ optional.") == ["always"]
    assert _keywords("Couriers __must__ sign.") == ["must"]


def test_emphasis_respelled_with_underscores_keeps_the_rule_either_way():
    assert _tags(_STARRED, _UNDERSCORED) == []
    assert _tags(_UNDERSCORED, _STARRED) == []


def test_an_underscored_keyword_really_dropped_is_removed():
    # Control: the rule goes when the adverb goes, whatever its emphasis was.
    new = (
        "Stops are sometimes optional within a route, a stop may be skipped and the route is valid."
    )
    assert _tags(_UNDERSCORED, new) == ["normative.removed"]


def test_a_keyword_inside_an_identifier_is_no_keyword():
    # Control: snake_case joins the word to another; it is a name, not "always"/"must".
    assert _keywords("Set the flag allow_always to skip checks.") == []
    assert _keywords("Set must_sign to true.") == []


# -- "do so" for the act said before ----------------------------------------------------------

_ELLIDED = "A courier may add stops, but must not where the route forbids it."
_DO_SO = "A courier may add stops, but must not do so where the route forbids it."


def test_do_so_filling_an_ellipsis_changes_no_rule_either_way():
    assert _tags(_ELLIDED, _DO_SO) == []
    assert _tags(_DO_SO, _ELLIDED) == []


def test_another_act_in_the_ellipsis_is_a_changed_rule():
    # Control: the act written out is not the one said before it.
    new = "A courier may add stops, but must not drop stops where the route forbids it."
    assert _tags(_ELLIDED, new) == ["normative.changed"]


# -- the "or" half of a "whether ... must" question ---------------------------------------------

_ASKED = (
    "To load a van, the route and the depot need to be known, as well as whether it must be"
    " loaded in order, or may be loaded at random."
)


def test_the_or_half_of_a_whether_question_is_no_rule():
    assert _keywords(_ASKED) == []
    restated = (
        "To load the first van, the route and the home depot must be known, as well as whether"
        " the parcels must be loaded in order, or normally at random."
    )
    assert _tags(_ASKED, restated) == ["normative.added"]  # "must be known": a new rule
    assert "normative.removed" not in _tags(_ASKED, restated)


def test_an_or_after_a_main_clause_modal_is_still_a_rule():
    # Controls: the modal before the "if" is the main clause's; a "whether" question with
    # no modal in it leaves the "or must" phrase its own rule.
    assert _keywords("Servers must reject the request if it is malformed, or must log it.") == [
        "must",
        "must",
    ]
    assert _keywords("Servers check whether the token is valid, or must reject the request.") == [
        "must"
    ]


# -- a rule said twice, one saying dropped ----------------------------------------------------

_FORMAT = (
    "A reply must contain an entry with key `notes`. If the job finished without raising"
    " any warnings, this entry {modal} be present."
)
_TWICE = (
    "If no warnings were raised during the job, the `notes` entry {modal} be present in the reply."
)


def _replies(format_rule: str, twice: str | None) -> str:
    notes = "The `notes` entry is a list of warnings, each a map."
    return "\n\n".join(
        [
            "# Replies",
            "## Reply Format",
            format_rule,
            "## Notes",
            notes,
            *([twice] if twice else []),
            "Each warning names the step that raised it.",
        ]
    )


def _dropped(old: str, new: str):
    [change] = [
        c
        for c in compare_specs(parse_spec(old), parse_spec(new)).changes
        if str(c.scope) == "clause" and c.new is None
    ]
    return change


def test_a_rule_said_again_elsewhere_dropped_is_no_rule_removed():
    kept = _FORMAT.format(modal="must not")
    change = _dropped(_replies(kept, _TWICE.format(modal="should not")), _replies(kept, None))
    assert change.tags == ("restated",)
    assert str(change.severity) != "major"


def test_a_rule_the_other_place_states_less_bindingly_is_removed():
    # Control: the saying that stands is only a recommendation; the dropped one bound.
    kept = _FORMAT.format(modal="should not")
    change = _dropped(_replies(kept, _TWICE.format(modal="must not")), _replies(kept, None))
    assert "normative.removed" in change.tags
    assert str(change.severity) == "major"


def test_a_rule_the_other_place_states_for_another_case_is_removed():
    # Control: the rule that stands is for a job that failed, not one without warnings.
    kept = (
        "A reply must contain an entry with key `notes`. If the job failed before it started,"
        " this entry must not be present."
    )
    change = _dropped(_replies(kept, _TWICE.format(modal="should not")), _replies(kept, None))
    assert "normative.removed" in change.tags


def test_a_rule_said_again_elsewhere_added_is_no_new_rule():
    kept = _FORMAT.format(modal="must not")
    [change] = [
        c
        for c in compare_specs(
            parse_spec(_replies(kept, None)),
            parse_spec(_replies(kept, _TWICE.format(modal="should not"))),
        ).changes
        if str(c.scope) == "clause" and c.old is None
    ]
    assert change.tags == ("restated",)
    assert str(change.severity) == "patch"


# -- what follows from a rule, said after it ---------------------------------------------------


def test_a_consequence_after_the_rule_is_not_its_action():
    [rule] = find_statements("A courier MUST sign the slip, and the depot will keep the copy.")
    assert rule.action == "sign the slip"
    # A name respelled in what follows changes no requirement, either way round.
    old = "A parcel MUST carry a code, and the code will name a route in the old ledger."
    new = "A parcel MUST carry a code, and the code will name a route in the route book."
    assert _tags(old, new) == []
    assert _tags(new, old) == []


def test_a_changed_act_before_a_consequence_is_still_changed():
    # Control: the act the rule requires changed; what follows it did not.
    old = "A courier MUST sign the slip, and the depot will keep the copy."
    new = "A courier MUST stamp the slip, and the depot will keep the copy."
    assert _tags(old, new) == ["normative.changed"]
    # A second rule after "and" keeps its own keyword: both read.
    assert [
        s.keyword for s in find_statements("A courier MUST sign it, and the depot MUST keep it.")
    ] == [
        "MUST",
        "MUST",
    ]


def test_a_rule_of_another_party_for_a_like_case_is_no_second_saying():
    # Control: "a field error" and "a query error" share a head noun, not a party.
    kept = "If the count is below zero, a query error should be raised."
    added = "If the count is below zero, a field error should be raised."
    [change] = [
        c
        for c in compare_specs(
            parse_spec(_replies(kept, None)), parse_spec(_replies(kept, added))
        ).changes
        if str(c.scope) == "clause" and c.old is None
    ]
    assert "normative.added" in change.tags


# -- one prohibition said of one thing or of many ------------------------------------------------

_MANY = (
    "Stamps on crates or pallets are never allowed, because they are the sealed units of any load."
)
_ONE = "A stamp is not allowed on sealed units. A sealed unit is any crate or pallet of a load."


def test_a_prohibition_said_in_the_singular_pairs_with_its_plural_either_way():
    assert _tags(_MANY, _ONE) == []
    assert _tags(_ONE, _MANY) == []


def test_another_prohibition_in_the_singular_is_still_removed_and_added():
    # Control: nothing the old rule forbade is named by the new one.
    other = "A courier is not allowed in the loading bay."
    assert _tags(_MANY, other) == ["normative.removed", "normative.added"]


# -- a qualifier said again as a condition ---------------------------------------------------------


def test_a_qualifier_said_as_an_as_long_as_condition_restricts_nothing_either_way():
    old, new = "Sealed crates may be stacked.", "Crates may be stacked as long as they are sealed."
    assert _tags(old, new) == []
    assert _tags(new, old) == []


def test_a_new_as_long_as_condition_still_restricts():
    # Control: "sealed" is new to the clause; the permission now holds in fewer cases.
    assert _tags("Crates may be stacked.", "Crates may be stacked as long as they are sealed.") == [
        "normative.restricted"
    ]
