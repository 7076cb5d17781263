"""The vocabulary of changes: their scopes, kinds, tags and severity levels.

Every tag and every ``scope.kind`` name is declared once, in :data:`TAG_TERMS` and
:data:`KIND_TERMS`, with all that specdiff says about it: its default severity, the
sentence that explains that severity, and the phrase the release summary counts it
with. The policy, the reasons and the summary read their views from these two tables,
so adding a tag is one entry here (and ``tests/test_vocabulary.py`` fails if the entry
lacks a part).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum


class Level(IntEnum):
    """Severity of a change and size of a release, ordered: ``NONE < PATCH < MINOR < MAJOR``."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Level:
        return cls[name.upper()]


class Scope(str, Enum):
    DOCUMENT = "document"
    """A whole file of a spec made of many files."""
    SECTION = "section"
    CLAUSE = "clause"

    def __str__(self) -> str:
        return self.value


class ChangeKind(str, Enum):
    """What happened to a section or clause (see the ``specdiff.compare/1`` contract)."""

    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    MOVED = "moved"
    RENAMED = "renamed"
    REIDENTIFIED = "reidentified"
    ATTRIBUTES = "attributes"
    MERGED = "merged"
    SPLIT = "split"

    def __str__(self) -> str:
        return self.value


SECTION_KINDS: tuple[ChangeKind, ...] = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.RENAMED,
    ChangeKind.REIDENTIFIED,
    ChangeKind.MOVED,
    ChangeKind.ATTRIBUTES,
    ChangeKind.MERGED,
    ChangeKind.SPLIT,
)
CLAUSE_KINDS: tuple[ChangeKind, ...] = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.MODIFIED,
    ChangeKind.MOVED,
)
DOCUMENT_KINDS: tuple[ChangeKind, ...] = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.RENAMED,
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """How the release summary counts what changes do: ``reverses`` ``1 rule`` / ``2 rules``."""

    verb: str
    one: str
    many: str


@dataclass(frozen=True, slots=True)
class Term:
    """One word of the change vocabulary: a tag, or a ``scope.kind`` name."""

    name: str
    severity: Level | None
    """The default severity. None only for a tag that never decides one: ``modified``
    marks a moved clause that was also edited, and the tags of the edit decide."""
    reason: str
    """Why a change has the severity this term gave it, one sentence. A template for
    :func:`specdiff.policy.reasons.explain`, which fills in ``{forces}`` (the first
    statement with this tag, `` (“should” → “must”)``), ``{verdict}`` (the first flipped
    answer, `` (GOOD → BAD)``), ``{attributes}`` (``authority user → system``),
    ``{subject}`` (``a section`` or ``the clause``), ``{section}`` and
    ``{old_section}`` (ids), ``{renamed_anchor}``, and for specs made of many files
    ``{document}`` and ``{old_document}`` (paths)."""
    summary: Phrase
    rank: int
    """Where the release summary names it among what a release does: lower first."""
    reason_without_statements: str | None = None
    """The reason instead, for a change that carries no statement change (a whole
    section or clause added or removed)."""
    rules: str | None = None
    """For a tag that changes statements: what happened to the rules, for the summary's
    notable lines (``2 rules`` ``strengthened in`` ``“Honesty”: “should” → “must”``)."""
    quotes_one_side: bool = False
    """Whether those lines also quote a statement change with only one side (the phrase
    of an exception added or removed), not only old → new pairs."""
    reason_with_subsections: str | None = None
    """The reason instead, for a section removed (added) with sub-sections: its tags
    cover theirs, and ``{subsections}`` (``its 2 sub-sections``) says so."""


_SECTION = ("section", "sections")
_CLAUSE = ("clause", "clauses")
_EXAMPLE = ("worked example", "worked examples")
_FILE = ("file", "files")
_FEATURE = ("field or feature", "fields or features")


def _does(verb: str, nouns: tuple[str, str]) -> Phrase:
    return Phrase(verb, *nouns)


def _rule(verb: str) -> Phrase:
    return Phrase(verb, "rule", "rules")


PATCH, MINOR, MAJOR = Level.PATCH, Level.MINOR, Level.MAJOR

#: Every tag a change can carry, in the order renderers list them.
TAG_TERMS: tuple[Term, ...] = (
    Term(
        "normative.reversed",
        MAJOR,
        "Reverses a rule{forces}: what was required or allowed is now the opposite.",
        _rule("reverses"),
        rank=10,
        rules="reversed in",
    ),
    Term(
        "normative.strengthened",
        MAJOR,
        "Strengthens a rule{forces}: behaviour that was optional or advised becomes required.",
        _rule("strengthens"),
        rank=20,
        rules="strengthened in",
    ),
    Term(
        "normative.weakened",
        MAJOR,
        "Weakens a rule{forces}: behaviour that was required becomes only advised or allowed.",
        _rule("weakens"),
        rank=30,
        rules="weakened in",
    ),
    Term(
        "normative.restricted",
        MAJOR,
        "Restricts a rule{forces}: it now allows or requires less than before.",
        _rule("restricts"),
        rank=32,
        rules="restricted in",
    ),
    Term(
        "normative.broadened",
        MAJOR,
        "Broadens a rule{forces}: it now allows or requires more than before.",
        _rule("broadens"),
        rank=34,
        rules="broadened in",
    ),
    Term(
        "normative.exception_added",
        MAJOR,
        "Adds an exception to a rule{forces}: what it required no longer always holds.",
        _rule("adds an exception to"),
        rank=36,
        rules="given an exception in",
        quotes_one_side=True,
    ),
    Term(
        "normative.exception_removed",
        MAJOR,
        "Removes an exception from a rule{forces}: it now holds where it did not.",
        _rule("removes an exception from"),
        rank=38,
        rules="stripped of an exception in",
        quotes_one_side=True,
    ),
    Term(
        "normative.changed",
        MAJOR,
        "Changes what a rule requires{forces}: same force, different requirement.",
        _rule("changes the requirement of"),
        rank=45,
        rules="changed in",
    ),
    Term(
        "normative.removed",
        MAJOR,
        "Removes a normative statement{forces}: an obligation readers relied on is gone.",
        _rule("removes"),
        rank=50,
        reason_without_statements=(
            "Removes {subject} with normative content: obligations readers relied on are gone."
        ),
        reason_with_subsections=(
            "Removes a section and {subsections}, with normative content: obligations"
            " readers relied on are gone."
        ),
        rules="removed from",
    ),
    Term(
        "member.removed",
        MAJOR,
        "Removes a member of a type the spec declares in code: whatever reads it breaks.",
        _does("removes members from", ("declared type", "declared types")),
        rank=52,
    ),
    Term(
        "normative.added",
        MINOR,
        "Adds a normative statement{forces}: a new obligation.",
        _rule("adds"),
        rank=140,
        reason_without_statements="Adds normative content: new obligations.",
        reason_with_subsections=(
            "Adds a section and {subsections}, with normative content: new obligations."
        ),
    ),
    Term(
        "deprecation.added",
        MINOR,
        "Marks a field or feature deprecated: it still works, but readers are told to stop"
        " relying on it.",
        _does("deprecates", _FEATURE),
        rank=145,
    ),
    Term(
        "deprecation.withdrawn",
        MINOR,
        "Withdraws a deprecation: what readers were told to phase out stays.",
        _does("withdraws the deprecation of", _FEATURE),
        rank=147,
    ),
    Term(
        "example.verdict_flipped",
        MAJOR,
        "Flips the verdict of a worked example's answer{verdict}: behaviour it taught as right"
        " is now wrong, or the reverse.",
        _does("flips the verdict of", _EXAMPLE),
        rank=60,
    ),
    Term("example.removed", MINOR, "Removes a worked example.", _does("removes", _EXAMPLE), 160),
    Term("example.added", MINOR, "Adds a worked example.", _does("adds", _EXAMPLE), 150),
    Term(
        "example.modified",
        MINOR,
        "Changes the conversation of a worked example.",
        _does("edits", _EXAMPLE),
        rank=200,
    ),
    Term(
        "attribute.raised",
        MAJOR,
        "Raises a section attribute ({attributes}), which changes who may override it.",
        _does("raises an attribute of", _SECTION),
        rank=70,
    ),
    Term(
        "attribute.lowered",
        MAJOR,
        "Lowers a section attribute ({attributes}), which changes who may override it.",
        _does("lowers an attribute of", _SECTION),
        rank=80,
    ),
    Term(
        "attribute.authority_changed",
        MAJOR,
        "Moves the section to another level of authority ({attributes}), which changes who"
        " may override it.",
        _does("changes the authority of", _SECTION),
        rank=85,
    ),
    Term(
        "attribute.changed",
        MINOR,
        "Changes a section attribute ({attributes}).",
        _does("changes an attribute of", _SECTION),
        rank=90,
    ),
    Term(
        "wording.substantive",
        MINOR,
        "Rewrites the text substantially, without changing the force of any rule.",
        _does("substantially rewords", _CLAUSE),
        rank=190,
    ),
    Term(
        "wording",
        PATCH,
        "Rewords the text without changing any rule.",
        _does("rewords", _CLAUSE),
        rank=260,
    ),
    Term(
        "editorial",
        PATCH,
        "Editorial: only spelling, punctuation, markup or link targets changed.",
        _does("makes editorial fixes to", _CLAUSE),
        rank=270,
    ),
    Term(
        "commentary",
        PATCH,
        "Commentary only: it explains the spec and instructs nobody.",
        _does("edits", ("commentary block", "commentary blocks")),
        rank=280,
    ),
    Term(
        "modified",
        None,
        "Moves the clause and edits it.",
        _does("edits", _CLAUSE),
        rank=1000,  # the tags of the edit say more; they always come with it
    ),
    Term(
        "moved.attributes_differ",
        MINOR,
        "Moves the clause into a section with different attributes.",
        _does("moves", ("clause under other attributes", "clauses under other attributes")),
        rank=210,
    ),
    Term(
        "identifier.renamed",
        MAJOR,
        "Renames the name the section defines (a field or attribute readers write):"
        " whatever uses the old name breaks.",
        _does("renames the name defined by", _SECTION),
        rank=98,
    ),
    Term(
        "moved.with_parent",
        PATCH,
        "Moves with its parent section: it keeps its parent, whose place in the outline changed.",
        _does("moves", ("section with its parent", "sections with their parents")),
        rank=245,
    ),
    Term(
        "moved.among_siblings",
        PATCH,
        "Moves the section to another place under the same parent: its siblings now come in"
        " another order.",
        _does("reorders", ("section among its siblings", "sections among their siblings")),
        rank=246,
    ),
    Term(
        "moved.across_sections",
        PATCH,
        "Moves the clause to another section with the same attributes.",
        _does("moves", ("clause to another section", "clauses to other sections")),
        rank=250,
    ),
    Term(
        "restructured",
        PATCH,
        "Regroups text with its neighbouring clauses (a paragraph split into list items, or"
        " items merged into a paragraph): a rule it states is changed only where a change"
        " says so, on the clause that now states it.",
        _does("regroups", _CLAUSE),
        rank=255,
    ),
    Term(
        "restated",
        PATCH,
        "Says again, in another form, what the text said, or leaves it said where it linked"
        " to: the rules it stated are stated there as written, and what it allowed is still"
        " allowed.",
        _does("restates", _CLAUSE),
        rank=256,
    ),
    Term(
        "moved.within_section",
        PATCH,
        "Reorders the clause within its section.",
        _does("reorders", _CLAUSE),
        rank=290,
    ),
    Term(
        "reference.broken",
        PATCH,
        "A link in the clause now points at an anchor that no longer exists.",
        _does("breaks", ("link", "links")),
        rank=220,
    ),
    Term(
        "title.kept",
        PATCH,
        "Says the title of a section merged into this one, or split out of it, as a line of"
        " text: the heading's words kept, not new text.",
        _does("keeps as text the title of", _SECTION),
        rank=257,
    ),
    Term(
        "caption.example_kept",
        MINOR,
        "Adds or drops the caption of a worked example both versions show alike: the rule"
        " it states in words is the one the example shows, and the example shows it either"
        " way.",
        _does("adds or drops the caption of", _EXAMPLE),
        rank=258,
    ),
    Term(
        "anchor.added",
        PATCH,
        "Adds an anchor, markup no reader sees (perhaps with a note to editors): links to"
        " it land here.",
        _does("adds", ("anchor", "anchors")),
        rank=259,
    ),
    Term(
        "anchor.from_title",
        MINOR,
        "Merges the section into #{section}; its anchor #{old_section} was derived from its"
        " title and goes with it, as a renamed title's would, so no chosen anchor breaks.",
        _does("merges", ("section into another", "sections into others")),
        rank=114,
    ),
    Term(
        "anchor.kept",
        MINOR,
        "Merges the section into #{section}; links to #{old_section} still land, as this"
        " version still defines that anchor.",
        _does("merges", ("section into another", "sections into others")),
        rank=115,
    ),
    Term(
        "moved.across_documents",
        MAJOR,
        "Moves the section from {old_document} to {document}: links to"
        " {old_document}#{old_section} break.",
        _does("moves", ("section to another file", "sections to other files")),
        rank=105,
    ),
    Term(
        "document.split",
        MINOR,
        "Adds the document {document}, split off {old_document}.",
        _does("splits", ("file in two", "files in two")),
        rank=125,
    ),
    Term(
        "document.merged",
        MAJOR,
        "Merges the document {old_document} into {document}: links to {old_document} break.",
        _does("merges", ("file into another", "files into others")),
        rank=112,
    ),
)

#: Every ``scope.kind``: what a change is when none of its tags decides its severity.
KIND_TERMS: tuple[Term, ...] = (
    # A renamed or removed file breaks links to "file.md#anchor", as a changed anchor does.
    Term("document.added", MINOR, "Adds the document {document}.", _does("adds", _FILE), 118),
    Term(
        "document.removed",
        MAJOR,
        "Removes the document {old_document}: links to it break.",
        _does("removes", _FILE),
        rank=47,
    ),
    Term(
        "document.renamed",
        MAJOR,
        "Renames the document {old_document} → {document}: links to {old_document}#… break.",
        _does("renames", _FILE),
        rank=102,
    ),
    Term(
        "section.added",
        MINOR,
        "Adds a section.",
        _does("adds", _SECTION),
        120,
        reason_with_subsections="Adds a section and {subsections}.",
    ),
    Term(
        "section.removed",
        MINOR,
        "Removes a section that held no normative statements.",
        _does("removes", _SECTION),
        rank=40,
        reason_with_subsections=(
            "Removes a section and {subsections}, none of which held normative statements."
        ),
    ),
    Term(
        "section.renamed",
        PATCH,
        "Renames the section; {renamed_anchor}.",
        _does("renames", _SECTION),
        rank=230,
    ),
    Term(
        "section.reidentified",
        MAJOR,
        "Changes the section's anchor (#{old_section} → #{section}): links to the old anchor"
        " break.",
        _does("changes the anchor of", _SECTION),
        rank=100,
    ),
    Term(
        "section.moved",
        PATCH,
        "Moves the section under a new parent.",
        _does("moves", _SECTION),
        rank=240,
    ),
    Term(
        "section.attributes",
        MINOR,
        "Changes a section attribute ({attributes}).",
        _does("changes the attributes of", _SECTION),
        rank=300,
    ),
    Term(
        "section.merged",
        MAJOR,
        "Merges the section into #{section}: links to #{old_section} break.",
        _does("merges", ("section into another", "sections into others")),
        rank=110,
    ),
    Term(
        "section.split",
        MINOR,
        "Splits part of #{old_section} into a new section.",
        _does("splits out", _SECTION),
        rank=130,
    ),
    Term(
        "clause.added",
        MINOR,
        "Adds text that carries no obligation.",
        _does("adds", _CLAUSE),
        rank=170,
    ),
    Term(
        "clause.removed",
        MINOR,
        "Removes text that carried no obligation.",
        _does("removes", _CLAUSE),
        rank=180,
    ),
    Term("clause.modified", PATCH, "Changes the clause.", _does("edits", _CLAUSE), 310),
    Term("clause.moved", PATCH, "Moves the clause.", _does("moves", _CLAUSE), 320),
)

#: Every tag, in the order renderers list them.
TAGS: tuple[str, ...] = tuple(term.name for term in TAG_TERMS)
#: ``scope.kind`` names, as used in counts and in policy configuration.
KIND_NAMES: tuple[str, ...] = tuple(term.name for term in KIND_TERMS)
#: Tags and kind names to their terms.
TERMS: dict[str, Term] = {term.name: term for term in (*TAG_TERMS, *KIND_TERMS)}
