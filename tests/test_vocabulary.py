"""The change vocabulary is one table: every tag and kind declares its default severity,
its reason and its summary phrase, and the policy, the reasons and the summary read their
views from it. These tests fail when an entry lacks a part, or when code uses a tag the
table does not declare."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from specdiff.model.changes import DraftChange, Side, StatementChange, VerdictChange
from specdiff.model.vocabulary import (
    CLAUSE_KINDS,
    DOCUMENT_KINDS,
    KIND_NAMES,
    KIND_TERMS,
    SECTION_KINDS,
    TAG_TERMS,
    TAGS,
    TERMS,
    ChangeKind,
    Level,
    Scope,
    Term,
)
from specdiff.policy import DEFAULT_KIND_SEVERITY, DEFAULT_TAG_SEVERITY
from specdiff.policy.reasons import explain

PACKAGE = Path(__file__).resolve().parents[1] / "specdiff"
FIELDS = {
    "forces", "verdict", "attributes", "subject", "section", "old_section", "renamed_anchor",
    "document", "old_document",
}  # fmt: skip
TAG_SHAPE = re.compile(
    r"(normative|example|attribute|wording|moved|reference|document|identifier|deprecation)\.[a-z_]+"
)
BARE_TAGS = {"editorial", "commentary", "modified", "wording"}


def _templates(term: Term) -> list[str]:
    return [t for t in (term.reason, term.reason_without_statements) if t is not None]


@pytest.mark.parametrize("term", [*TAG_TERMS, *KIND_TERMS], ids=lambda t: t.name)
def test_every_term_has_every_part(term: Term) -> None:
    assert term.severity is not None or term.name == "modified", (
        f"{term.name} needs a default severity (only the 'modified' marker has none)"
    )
    for template in _templates(term):
        assert template[:1].isupper() and template.endswith("."), template
        used = {field for _, field, _, _ in string.Formatter().parse(template) if field}
        assert used <= FIELDS, f"{term.name}: unknown fields {used - FIELDS}"
    phrase = term.summary
    assert phrase.verb and phrase.one and phrase.many, f"{term.name} needs a summary phrase"
    if term.name.startswith("normative.") and term.name not in ("normative.added",):
        assert term.rules, f"{term.name} needs the words for its rules in the summary"


def test_names_and_ranks_are_unique() -> None:
    names = [t.name for t in (*TAG_TERMS, *KIND_TERMS)]
    assert len(names) == len(set(names)) == len(TERMS)
    ranks = [t.rank for t in (*TAG_TERMS, *KIND_TERMS)]
    assert len(ranks) == len(set(ranks)), "two terms share a summary rank"


def test_every_kind_has_a_term() -> None:
    kinds = (
        tuple(f"document.{k}" for k in DOCUMENT_KINDS)
        + tuple(f"section.{k}" for k in SECTION_KINDS)
        + tuple(f"clause.{k}" for k in CLAUSE_KINDS)
    )
    assert kinds == KIND_NAMES


def test_the_policy_views_are_derived() -> None:
    assert tuple(DEFAULT_TAG_SEVERITY) == tuple(t for t in TAGS if t != "modified")
    assert tuple(DEFAULT_KIND_SEVERITY) == KIND_NAMES
    assert all(DEFAULT_TAG_SEVERITY[t.name] is t.severity for t in TAG_TERMS if t.severity)


def _draft(scope: Scope, kind: ChangeKind, tag: str | None, *, statements: bool) -> DraftChange:
    side = Side("The assistant must cite sources.", (3, 3), "paragraph")
    return DraftChange(
        id="0123456789",
        scope=scope,
        kind=kind,
        section="new_id",
        old_section="old_id",
        tags=(tag,) if tag else (),
        old=side,
        new=side,
        attributes=(("authority", "user", "system"),),
        statements=(StatementChange(tag or "normative.added", "should", "must", "s."),)
        if statements
        else (),
        verdicts=(VerdictChange("answer", "GOOD", "BAD"),),
    )


@pytest.mark.parametrize("term", [*TAG_TERMS, *KIND_TERMS], ids=lambda t: t.name)
def test_every_reason_reads_as_a_sentence(term: Term) -> None:
    scope_name, _, kind_name = term.name.partition(".")
    if scope_name in ("document", "section", "clause") and term in KIND_TERMS:
        scope, kind, tag = Scope(scope_name), ChangeKind(kind_name), None
    else:
        scope, kind, tag = Scope.CLAUSE, ChangeKind.MODIFIED, term.name
    for statements in (True, False):
        reason = explain(_draft(scope, kind, tag, statements=statements), term.name, Level.MAJOR)
        assert reason and "{" not in reason and "}" not in reason, reason
        assert reason.endswith("."), reason


def test_the_reason_fields_are_filled_in() -> None:
    draft = _draft(Scope.CLAUSE, ChangeKind.MODIFIED, "normative.strengthened", statements=True)
    assert explain(draft, "normative.strengthened", Level.MAJOR) == (
        "Strengthens a rule (“should” → “must”): behaviour that was optional or advised "
        "becomes required."
    )
    section = _draft(Scope.SECTION, ChangeKind.REMOVED, "normative.removed", statements=False)
    assert explain(section, "normative.removed", Level.MAJOR) == (
        "Removes a section with normative content: obligations readers relied on are gone."
    )
    renamed = _draft(Scope.SECTION, ChangeKind.RENAMED, None, statements=False)
    assert explain(renamed, "section.renamed", Level.PATCH) == (
        "Renames the section; its anchor, derived from the title, becomes #new_id (was #old_id)."
    )
    assert explain(renamed, "policy.kinds.section.renamed", Level.NONE) == (
        "Set to none by the project's policy (policy.kinds.section.renamed)."
    )


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


@pytest.mark.parametrize(
    "path",
    sorted((PACKAGE / "classify").rglob("*.py")) + sorted((PACKAGE / "parse").rglob("*.py")),
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_the_classifier_uses_only_declared_tags(path: Path) -> None:
    used = {
        value
        for value in _string_constants(path)
        if TAG_SHAPE.fullmatch(value) or value in BARE_TAGS
    }
    assert used <= set(TAGS), f"declare these tags in model/vocabulary.py: {used - set(TAGS)}"
