"""Grammar productions read as the languages they define (issue 10, lane fx11-reword); the
spec pairs are in tests/fixtures/diff/grammar_productions.txt."""

from __future__ import annotations

import pytest

from specdiff.classify._grammar import grammar_change


def _renamed(gone: str, fresh: str) -> bool:
    return (gone, fresh) == ("berthtype", "mooringtype")


@pytest.mark.parametrize(
    ("old", "new", "tag"),
    [
        ("Slot : { Crate+ }", "Slot : Label? { Crate+ }", "normative.added"),
        ("Slot : Label? { Crate+ }", "Slot : { Crate+ }", "normative.restricted"),
        # An alternative on its own line, a lookahead beside the new symbol.
        (
            "moor Name Lines[Const]",
            "moor Name Fenders? Lines[Const] [lookahead != `{`]",
            "normative.added",
        ),
        # A terminal in code made optional-and-new: the keyword may now be written.
        ("Slot : Name `on` Crate", "Slot : Name `fast`? `on` Crate", "normative.added"),
        # A symbol renamed throughout is followed; the optional one added still counts.
        ("Berth : BerthType+", "Berth : Label? MooringType+", "normative.added"),
        # An optional symbol made required: fewer documents.
        ("Slot : Label? Crate", "Slot : Label Crate", "normative.restricted"),
    ],
)
def test_a_language_that_grows_or_shrinks(old: str, new: str, tag: str) -> None:
    found = grammar_change(old, new, _renamed)
    assert found is not None and found[0] == tag


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Slot : Label? Crate", "Slot : Tag? Crate"),  # a symbol put for another
        ("Slot : Label Crate", "Slot : Label Crate [lookahead != Crate]"),  # a lookahead
        ("Slot : Label? Crate", "Dock : Label? Crate Name?"),  # another production
        ("Kind : one of dock moor", "Kind : one of dock moor anchor"),  # read elsewhere
        ("The leaf node", "The leaf node is here"),  # words, not grammar
        ("Slot : Label? Crate", "Label? Crate Name?"),  # a production and a bare alternative
    ],
)
def test_no_language_change_is_read(old: str, new: str) -> None:
    assert grammar_change(old, new, _renamed) is None
