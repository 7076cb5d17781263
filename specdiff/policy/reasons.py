"""One sentence per change saying why it has the severity it has.

The sentences are declared with the tags and kinds in :mod:`specdiff.model.vocabulary`;
this module fills in their fields from the change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.vocabulary import TERMS

if TYPE_CHECKING:
    from ..model.changes import DraftChange
    from ..model.vocabulary import Level


def explain(change: DraftChange, decided: str, level: Level) -> str:
    """The reason for ``change``'s severity, given what decided it: a policy entry, a tag
    or a ``scope.kind`` name."""
    if decided.startswith("policy."):
        return f"Set to {level} by the project's policy ({decided})."
    term = TERMS[decided]
    template = term.reason
    if term.reason_without_statements is not None and not change.statements:
        template = term.reason_without_statements
    if term.reason_with_subsections is not None and change.subsections:
        template = term.reason_with_subsections
    reason = template.format(
        subsections=_subsections(change.subsections),
        forces=_forces(change, decided),
        verdict=_verdict(change),
        attributes=_attribute_words(change),
        subject="a section" if change.scope == "section" else "the clause",
        section=change.section,
        old_section=change.old_section,
        renamed_anchor=_renamed_anchor(change),
        document=change.document,
        old_document=change.old_document,
    )
    if change.details:
        # Structured content: name the cell or path and both values.
        reason = f"{reason} {_details(change.details)}."
    return reason


def _subsections(count: int) -> str:
    return "its sub-section" if count == 1 else f"its {count} sub-sections"


def _details(details: tuple[str, ...], shown: int = 3) -> str:
    text = "; ".join(details[:shown])
    if len(details) > shown:
        text += f"; and {len(details) - shown} more"
    return text[:1].upper() + text[1:]


def _forces(change: DraftChange, tag: str) -> str:
    """`` (“should” → “must” and 2 more)``: the first statement change with ``tag``."""
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


def _verdict(change: DraftChange) -> str:
    if not change.verdicts:
        return ""
    return f" ({change.verdicts[0].old} → {change.verdicts[0].new})"


def _attribute_words(change: DraftChange) -> str:
    return ", ".join(
        f"{name} {old or '(none)'} → {new or '(none)'}" for name, old, new in change.attributes
    )


def _renamed_anchor(change: DraftChange) -> str:
    if change.section == change.old_section:
        return "its meaning is unchanged"
    return (
        f"its anchor, derived from the title, becomes #{change.section} (was #{change.old_section})"
    )
