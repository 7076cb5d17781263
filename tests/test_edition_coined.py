"""Terms the edition coined, and other renames read with the edit beside them.

1. A term the new version coins and marks as its own (written emphasised, "_loading
   bay_"), never said before, put for the old words in many clauses at once, names what
   they named there: each clause that only trades them reads as before, though the old
   words live on elsewhere (:meth:`Terms.coined`). Controls: the same term written plain
   (a term the spec only uses, as "IRI" for "URI"), or put in one clause only.
2. A term renamed where the sentence also turned its number ("Seal faults are" -> "A
   latch fault is") is still that term.
3. A category noun put for another after a word that stays, in a rule whose other
   words were renamed ("the next item in the sorted parcel list" -> "the next entry in
   the collected parcels map") names the same element.
4. A condition whose terms were renamed and whose event is said with another verb ("the
   crate returns null because of a seal fault" -> "... resolves to null because of a
   latch fault"), or whose "all" became "every", is the same case. Controls: "all"
   with a sum ("together weigh more than"), and "any" for "all", change the case.

5. A term coined for old words may end in words both keep ("top level crate list" ->
   "_root crate list_": "root" put for "top level"), and a step that binds a variable
   under a new name, its other words only the edition's terms, binds what it bound: the
   algorithm renamed the variable (:func:`algorithm_renames` with ``alike``). Control:
   binding steps that also bind something else rename nothing.

Fixtures of our own text.
"""

from __future__ import annotations

from specdiff.classify._statement_words import _terminology
from specdiff.classify._terms import Terms


def _records(old: str, new: str) -> list[tuple[str, str, tuple[str, ...]]]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [(c.old.text if c.old else "", c.severity.name.lower(), c.tags) for c in report.changes]


_DOCK = """# Depot

## Dock

A crate slot is the place on the dock where one crate waits.

Return the crate slot {slot}.

Return the crate slot {spare}.

Return the crate slot named by {label} on the board.

The foreman paints each crate slot yellow in spring.

A crane lifts each crate onto the cart that waits at the dock.
"""

_STEPS = (
    "Return the crate slot {slot}.",
    "Return the crate slot {spare}.",
    "Return the crate slot named by {label} on the board.",
)


def _coined(text: str, marked: str) -> str:
    for step in _STEPS:
        text = text.replace(step, step.replace("crate slot", marked))
    return text


def test_a_term_the_edition_coins_and_marks_is_wording_where_it_replaces_the_old_words() -> None:
    new = _coined(_DOCK, "_loading bay_")
    records = {text: rest for text, *rest in _records(_DOCK, new)}
    assert set(records) == set(_STEPS), records
    assert all(r == ["patch", ("wording",)] for r in records.values()), records


def test_the_coined_term_dropped_again_is_wording_too() -> None:
    # The other way round "loading bay" is retired (none left) and "crate slot" takes
    # over its uses: a term renamed throughout, read by its counts.
    old = _coined(_DOCK, "_loading bay_")
    records = _records(old, _DOCK)
    assert len(records) == 3, records
    assert all(r[1:] == ("patch", ("wording",)) for r in records), records


def _reasons(old: str, new: str) -> list[str]:
    from specdiff.compare import compare_specs
    from specdiff.history.settings import config_from_text
    from specdiff.parse import parse_spec

    report = compare_specs(parse_spec(old), parse_spec(new), config_from_text("", False, "t"))
    return [" ".join(c.details) for c in report.changes]


def test_a_coined_term_is_not_said_to_be_renamed_throughout() -> None:
    # "crate slot" lives on ("The foreman paints each crate slot ..."): the reason names the
    # new version's term and never claims the old words are gone.
    reasons = _reasons(_DOCK, _coined(_DOCK, "_dock loading bay_"))
    assert (
        reasons
        == ["“crate slot” → “dock loading bay”, the term the new version defines for it"] * 3
    )
    # A word the edition put in place of another that keeps some uses ("each crate onto
    # the cart"): the edition's term, not renamed throughout.
    reasons = _reasons(_DOCK, _coined(_DOCK, "_bay_"))
    assert "“crate” → “bay”, the edition's term in its place" in reasons[0], reasons
    assert not any("“crate” → “bay”, renamed throughout" in r for r in reasons), reasons


def test_a_term_gone_from_the_new_version_is_renamed_throughout() -> None:
    # Control: the other way round "bay" is gone from the text; "renamed throughout" is true.
    reasons = _reasons(_coined(_DOCK, "_bay_"), _DOCK)
    assert reasons == [
        "“bay” → “crate”, renamed throughout the document",
        "“bay” → “crate slot”, renamed throughout the document",
        "“bay” → “crate slot”, renamed throughout the document",
    ], reasons


def test_control_a_new_term_written_plain_is_not_the_specs_own() -> None:
    new = _coined(_DOCK, "loading bay")
    records = {text: rest for text, *rest in _records(_DOCK, new)}
    # (The long step keeps most of its words: light rewording there, whatever the term.)
    assert all(records[step][0] == "minor" for step in _STEPS[:2]), records


def test_control_a_coined_term_in_one_clause_only_is_no_term_of_the_edition() -> None:
    step = _STEPS[0]
    new = _DOCK.replace(step, step.replace("crate slot", "_loading bay_"))
    assert [r[1] for r in _records(_DOCK, new)] == ["minor"]


_FAULTS = """# Depot

## Faults

A seal fault stops the cart.

Seal faults are typically the fault of the packer.

The packer logs each seal fault in the book.

A clerk reports every seal fault to the office.
"""


def test_a_term_renamed_in_another_number_is_still_that_term_both_ways() -> None:
    renamed = _FAULTS.replace("seal fault", "latch fault").replace(
        "Seal faults are typically the fault of the packer.",
        "A latch fault is typically the fault of a packer.",
    )
    for old, new in ((_FAULTS, renamed), (renamed, _FAULTS)):
        records = {text: rest for text, *rest in _records(old, new)}
        said = next(t for t in records if "typically" in t)
        assert records[said] == ["patch", ("wording",)], records


def test_control_the_plural_term_swapped_once_is_substantive() -> None:
    new = _FAULTS.replace("Seal faults are", "Latch faults are")
    assert [r[1] for r in _records(_FAULTS, new)] == ["minor"]


_ORDER = """# Depot

## Order

When a clerk reads a sorted parcel list at dusk, the clerk must check each crate from the sorted parcel list in the order given. The clerk must finish each crate before moving on to the next item in the sorted parcel list.

The night shift keeps the sorted parcel list beside the scales.

Drivers copy the sorted parcel list before they leave the yard.
"""


def test_a_category_noun_put_for_another_in_a_renamed_rule_is_wording_both_ways() -> None:
    renamed = _ORDER.replace("sorted parcel list", "collected parcels map")
    renamed = renamed.replace("next item", "next entry")
    for old, new in ((_ORDER, renamed), (renamed, _ORDER)):
        records = {text[:30]: rest for text, *rest in _records(old, new)}
        assert records[
            "When a clerk reads a sorted pa" if old is _ORDER else "When a clerk reads a collected"
        ] == ["patch", ("wording",)], records


def test_control_another_noun_for_the_category_is_substantive() -> None:
    renamed = _ORDER.replace("sorted parcel list", "collected parcels map")
    renamed = renamed.replace("next item", "next truck")
    records = {text[:30]: rest for text, *rest in _records(_ORDER, renamed)}
    assert records["When a clerk reads a sorted pa"][0] != "patch", records


_KEPT = ["Couriers carry parcels by day.", "A depot opens at dawn."]


def _terms(old: list[str], new: list[str]) -> Terms:
    return Terms(lambda: [*_KEPT, *old], lambda: [*_KEPT, *new])


_SEALS = [
    "A seal fault stops the cart.",
    "The packer logs each seal fault in the book.",
    "A clerk reports every seal fault to the office.",
]


def test_a_condition_with_a_term_renamed_and_its_event_said_otherwise_is_the_same() -> None:
    terms = _terms(_SEALS, [t.replace("seal fault", "latch fault") for t in _SEALS])
    old = "the crate returns null because of a seal fault"
    new = "the crate resolves to null because of a latch fault"
    assert not _terminology(old, new, terms)  # the verb alone is no term
    from specdiff.classify._events import as_event

    assert _terminology(as_event(old), as_event(new), terms)
    assert _terminology(
        as_event(new),
        as_event(old),
        _terms([t.replace("seal fault", "latch fault") for t in _SEALS], _SEALS),
    )


def test_all_and_every_are_one_quantifier_in_a_condition_but_not_with_a_sum() -> None:
    terms = _terms([], [])
    assert _terminology(
        "all crates on the cart are sealed", "every crate on the cart is sealed", terms
    )
    assert _terminology(
        "every crate on the cart is sealed", "all crates on the cart are sealed", terms
    )
    assert not _terminology(
        "all crates together weigh more than ten tonnes",
        "every crate weighs more than ten tonnes",
        terms,
    )
    assert not _terminology(
        "all crates on the cart are sealed", "any crate on the cart is sealed", terms
    )


_LOADING = """# Depot

## Loading

LoadTruck(truck):

- Let {crates} be the top level crate list in {truck}.
- Weigh each crate in {crates}.
- Return {crates}.

LoadVan(van):

- Let {crates} be the top level crate list in {van}.
- Seal each crate in {crates}.

LoadCart(cart):

- Let {crates} be the top level crate list in {cart}.
- Count each crate in {crates}.

A porter stands at the root of the ramp.
"""

#: The edition coins "_root crate list_" for "top level crate list" ("root" was said
#: before, in another sense) and names the variable after it.
_ROOTED = _LOADING.replace("top level crate list", "_root crate list_").replace(
    "{crates}", "{rootCrates}"
)


def test_a_binding_step_with_a_coined_term_renames_its_variable() -> None:
    records = {text: rest for text, *rest in _records(_LOADING, _ROOTED)}
    assert records["Let {crates} be the top level crate list in {truck}."] == [
        "patch",
        ("wording",),
    ], records
    assert records["Weigh each crate in {crates}."] == ["patch", ("wording",)], records
    assert all(r == ["patch", ("wording",)] for r in records.values()), records


def test_the_coined_term_given_up_again_reads_as_before_too() -> None:
    # The other way round the coined term and the variable named after it are retired
    # (none left) and the old words take over their uses: terms renamed throughout.
    records = _records(_ROOTED, _LOADING)
    assert len(records) == 7, records
    assert all(r[1:] == ("patch", ("wording",)) for r in records), records


def test_control_binding_steps_that_bind_something_else_rename_nothing() -> None:
    other = _ROOTED.replace("_root crate list_ in", "_root crate list_ and the spare crates in")
    records = {text: rest for text, *rest in _records(_LOADING, other)}
    assert records["Let {crates} be the top level crate list in {truck}."][0] == "minor"
    assert records["Weigh each crate in {crates}."][0] == "minor", records
