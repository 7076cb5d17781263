"""One sentence per change saying why it has the severity it has."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.changes import Change
    from ..model.vocabulary import Level

Explainer = Callable[["Change"], str]


def explain(change: Change, decided: str, level: Level) -> str:
    """The reason for ``change``'s severity, given what decided it."""
    if decided.startswith("policy."):
        return f"Set to {level} by the project's policy ({decided})."
    explainer = _TAG_REASONS.get(decided) or _KIND_REASONS.get(decided, _fallback)
    return explainer(change)


def _fallback(change: Change) -> str:
    return f"A {change.scope} was {change.kind}."


def _forces(change: Change, tag: str) -> str:
    found = [s for s in change.statements if s.tag == tag]
    if not found:
        return ""
    first = found[0]
    if first.old and first.new:
        arrow = f"“{first.old}” → “{first.new}”"
    else:
        arrow = f"“{first.old or first.new}”"
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return f" ({arrow}{more})"


def _attribute_words(change: Change) -> str:
    return ", ".join(
        f"{name} {old or '(none)'} → {new or '(none)'}" for name, old, new in change.attributes
    )


def _subject(change: Change) -> str:
    return "a section" if change.scope == "section" else "the clause"


_TAG_REASONS: dict[str, Explainer] = {
    "normative.reversed": lambda c: (
        f"Reverses a rule{_forces(c, 'normative.reversed')}: what was required or allowed is now the opposite."
    ),
    "normative.strengthened": lambda c: (
        f"Strengthens a rule{_forces(c, 'normative.strengthened')}: behaviour that was optional or advised becomes required."
    ),
    "normative.weakened": lambda c: (
        f"Weakens a rule{_forces(c, 'normative.weakened')}: behaviour that was required becomes only advised or allowed."
    ),
    "normative.removed": lambda c: (
        f"Removes a normative statement{_forces(c, 'normative.removed')}: an obligation readers relied on is gone."
        if c.statements
        else f"Removes {_subject(c)} with normative content: obligations readers relied on are gone."
    ),
    "normative.added": lambda c: (
        f"Adds a normative statement{_forces(c, 'normative.added')}: a new obligation."
        if c.statements
        else "Adds normative content: new obligations."
    ),
    "example.verdict_flipped": lambda c: (
        "Flips the verdict of a worked example's answer"
        + (f" ({c.verdicts[0].old} → {c.verdicts[0].new})" if c.verdicts else "")
        + ": behaviour it taught as right is now wrong, or the reverse."
    ),
    "example.removed": lambda c: "Removes a worked example.",
    "example.added": lambda c: "Adds a worked example.",
    "example.modified": lambda c: "Changes the conversation of a worked example.",
    "attribute.raised": lambda c: (
        f"Raises a section attribute ({_attribute_words(c)}), which changes who may override it."
    ),
    "attribute.lowered": lambda c: (
        f"Lowers a section attribute ({_attribute_words(c)}), which changes who may override it."
    ),
    "attribute.authority_changed": lambda c: (
        f"Moves the section to another level of authority ({_attribute_words(c)}), which changes who may override it."
    ),
    "attribute.changed": lambda c: f"Changes a section attribute ({_attribute_words(c)}).",
    "wording.substantive": lambda c: (
        "Rewrites the text substantially, without changing the force of any rule."
    ),
    "wording": lambda c: "Rewords text that carries no obligation.",
    "editorial": lambda c: "Editorial: only spelling, punctuation, markup or link targets changed.",
    "commentary": lambda c: "Commentary only: it explains the spec and instructs nobody.",
    "moved.attributes_differ": lambda c: (
        "Moves the clause into a section with different attributes."
    ),
    "moved.across_sections": lambda c: (
        "Moves the clause to another section with the same attributes."
    ),
    "moved.within_section": lambda c: "Reorders the clause within its section.",
    "reference.broken": lambda c: (
        "A link in the clause now points at an anchor that no longer exists."
    ),
}

_KIND_REASONS: dict[str, Explainer] = {
    "section.added": lambda c: "Adds a section.",
    "section.removed": lambda c: "Removes a section that held no normative statements.",
    "section.renamed": lambda c: (
        "Renames the section; its meaning is unchanged."
        if c.section == c.old_section
        else f"Renames the section; its anchor, derived from the title, becomes #{c.section} (was #{c.old_section})."
    ),
    "section.reidentified": lambda c: (
        f"Changes the section's anchor (#{c.old_section} → #{c.section}): links to the old anchor break."
    ),
    "section.moved": lambda c: "Moves the section under a new parent.",
    "section.attributes": lambda c: f"Changes a section attribute ({_attribute_words(c)}).",
    "section.merged": lambda c: (
        f"Merges the section into #{c.section}: links to #{c.old_section} break."
    ),
    "section.split": lambda c: f"Splits part of #{c.old_section} into a new section.",
    "clause.added": lambda c: "Adds text that carries no obligation.",
    "clause.removed": lambda c: "Removes text that carried no obligation.",
    "clause.modified": lambda c: "Changes the clause.",
    "clause.moved": lambda c: "Moves the clause.",
}
