"""Classifying changes: which tags a change carries, from an ordered registry of rules.

Each rule is a small named function. For an edited clause the first rule that claims
the edit decides its tags (so a worked example is never judged as prose); for added and
removed clauses the tags follow from what the clause is.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from ..model.changes import StatementChange, VerdictChange
from ..model.document import Clause, ClauseKind, NormativeStatement, Strength, Verdict
from ..parse import (
    canonical_ranges,
    character_ranges,
    edition_date,
    fence_verdict,
    is_anchor_only,
    opens_as_note,
)
from ..parse.statements import words_of
from ._characters import one_character_name
from ._data import (
    block_details,
    deprecation_tag,
    field_cells_changed,
    is_field_row,
    only_prose_retyped,
    required_change,
    required_mark_kept,
    type_line_tag,
    type_tag,
    values_tag,
    without_required_marks,
)
from ._declarations import removed_members
from ._definitions import (
    definition_change,
    definition_constraints_change,
    said_of_term_change,
)
from ._events import said_alike
from ._examples import ANSWER_THRESHOLD, conversation_changed, verdict_changes
from ._grammar import grammar_change
from ._iff import iff_change
from ._notation import canonical_bounds, canonical_notation, code_layout
from ._statements import (
    compare_statements,
    in_capitals,
    in_one_tense,
    opposite,
    rules_reworded,
    voice_words,
)
from ._steps import computes_otherwise, condition_joined, delegated_check, is_step
from ._terms import NO_TERMS, Terms
from ._wording import (
    Swap,
    alternatives_changed,
    code_changed,
    code_spans,
    compared_words,
    hedged_alike,
    in_value_order,
    is_editorial,
    is_substantive,
    members_changed,
    names_nothing,
    numbers_and_negations,
    of_weight,
    one_bound_wording,
    permitted_as_bound,
    restated,
    same_content_words,
    same_forms,
    swapped_words,
    without_restated_acts,
    word_key,
)

__all__ = [
    "EDIT_RULES",
    "Classification",
    "caption_label",
    "caption_rules_kept",
    "classify_edit",
    "content_tags",
    "doubled_word_fixed",
    "is_caption",
    "is_editorial",
]


@dataclass(frozen=True, slots=True)
class Classification:
    """What an edit of a clause amounts to."""

    tags: tuple[str, ...]
    statements: tuple[StatementChange, ...] = ()
    verdicts: tuple[VerdictChange, ...] = ()
    details: tuple[str, ...] = ()
    """Words that carry the change, for the reason ("“minor” → “patch”")."""


EditRule = Callable[[Clause, Clause, Terms], "Classification | None"]


def _example_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    if old.example is None or new.example is None:
        return None
    flips = verdict_changes(old.example, new.example)
    tags = ["example.verdict_flipped"] if flips else []
    # Typography, spelling and markup inside a conversation are editorial, as in prose.
    if conversation_changed(old.example, new.example) and not is_editorial(old.text, new.text):
        tags.append("example.modified")
    if not tags:
        tags.append("editorial" if is_editorial(old.text, new.text) else "wording")
    return Classification(tuple(tags), verdicts=flips)


def is_note(clause: Clause) -> bool:
    """A "Note:" paragraph that states no rule (none in RFC 2119 capitals): commentary,
    as an admonition is."""
    return (
        clause.kind is ClauseKind.PARAGRAPH and not clause.statements and opens_as_note(clause.text)
    )


def _fence_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """Code shown as an example that is now shown as a counter-example (```` ```graphql
    example ```` -> ```` ```graphql counter-example ````), or the reverse: what it taught
    as valid is now invalid. A code block marked neither way shows valid code."""
    if old.kind is not ClauseKind.CODE or new.kind is not ClauseKind.CODE:
        return None
    before, after = _shown_as(old), _shown_as(new)
    if before == after:
        return None
    code = _code_rule(old, new, terms)
    if code is None or "editorial" in code.tags:
        tags: tuple[str, ...] = ("example.verdict_flipped",)
    elif Indel.normalized_similarity(old.text, new.text) < ANSWER_THRESHOLD:
        # Other code under the other mark is another example standing in its place,
        # not this one taught the other way round.
        return Classification(("example.modified",))
    else:
        tags = ("example.verdict_flipped", "example.modified")
    return Classification(tags, verdicts=(VerdictChange(new.text, before, after),))


def _shown_as(clause: Clause) -> str:
    return "counter-example" if fence_verdict(clause.info) is Verdict.BAD else "example"


def _commentary_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """An admonition, or a "Note:" paragraph on both sides (one that stops being a note
    states its rules, or the reverse: read by the normative rule)."""
    if ClauseKind.ADMONITION not in (old.kind, new.kind) and not (is_note(old) and is_note(new)):
        return None
    tags = ("commentary", "editorial") if is_editorial(old.text, new.text) else ("commentary",)
    return Classification(tags)


#: A paragraph that is only a few words in bold (or underscores), maybe with a colon: a
#: run-in title ("**Validation**", "__Static Semantics:__") heading the paragraphs after it.
_RUN_IN_TITLE = re.compile(r"(\*\*|__)(?P<title>[^*_\n]{1,60}?)[:.]?\1[:.]?")
_TITLE_WORDS = 6


def run_in_title(clause: Clause) -> str:
    """The title, when the clause is a run-in title stating no rule; else ""."""
    if clause.kind is not ClauseKind.PARAGRAPH or clause.statements:
        return ""
    match = _RUN_IN_TITLE.fullmatch(clause.text.strip())
    if match is None or len(match["title"].split()) > _TITLE_WORDS:
        return ""
    return match["title"].strip()


def _run_in_title_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """A run-in title retitled ("**Semantics**" -> "**Static Semantics**") names what the
    paragraphs under it say, as a heading does: a section renamed is a patch, and so is
    this. What those paragraphs say is compared where they stand."""
    before, after = run_in_title(old), run_in_title(new)
    if not before or not after:
        return None
    if is_editorial(old.text, new.text):
        return Classification(("editorial",))
    return Classification(("wording",), details=(f"run-in title “{before}” → “{after}”",))


def _normative_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    changes = compare_statements(
        old.statements, new.statements, old.text, new.text, terms.topic, terms
    )
    changes = required_mark_kept(old, new, changes)
    if not changes:
        return None
    tags = tuple(dict.fromkeys(c.tag for c in changes))
    return Classification(tags, statements=changes)


def _delegated_check_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """A step that states an algorithm's check with the same force, the check now (or
    before) made by an algorithm it calls: the check's rule is restated, what it checks
    is reported on the steps of the algorithm called (see :func:`delegated_check`)."""
    name = delegated_check(old, new)
    if not name or is_editorial(old.text, new.text):
        return None
    return Classification(("wording.substantive",), details=(f"the check made by {name}",))


def _condition_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """A test step of an algorithm whose condition gained or lost a part, the step
    otherwise the same: the steps it guards (the rules they check, the errors they throw)
    now apply in fewer cases ("and {defaultValue} does not exist": an exception added to
    them) or in more (that part dropped: the exception removed; an "or" part added or
    dropped: when they apply changed)."""
    found = condition_joined(old, new)
    if found is None:
        return None
    joint, part, added = found
    phrase = f"{joint} {part}"
    if joint == "and":
        tag = "normative.exception_added" if added else "normative.exception_removed"
    else:
        tag = "normative.changed"
    change = StatementChange(
        tag,
        None if added else phrase,
        phrase if added else None,
        new.text if added else old.text,
    )
    return Classification((tag,), statements=(change,))


def _table_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """A field table row that became REQUIRED (or stopped being) is strengthened (weakened);
    a field whose Type accepts fewer types is restricted (more: broadened; others: changed),
    and so is one whose description lists fewer valid values ("Valid values are ...");
    a field whose other cells (but its description) changed carries other data."""
    if old.kind is not ClauseKind.TABLE_ROW or new.kind is not ClauseKind.TABLE_ROW:
        return None
    values = values_tag(old, new)
    tags = tuple(
        tag for tag in (required_change(old, new), type_tag(old, new), values and values[0]) if tag
    )
    if tags:
        return Classification(tags, details=(values[1],) if values else ())
    if field_cells_changed(old, new):
        return Classification(("wording.substantive",))
    return None


def _grammar_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """A grammar production that lets a document say more (an optional symbol added:
    "Variable : Type DefaultValue?" -> "... DefaultValue? Directives[Const]?") adds a
    permission; one that lets it say less restricts what was allowed. A symbol the
    document renamed throughout is the same symbol (see :func:`grammar_change`)."""
    found = grammar_change(old.text, new.text, terms.renamed)
    if found is None:
        return None
    tag, detail = found
    return Classification((tag,), details=(detail,))


def _type_line_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """ "Type: `URI-reference`" -> "Type: `URI`" on a line of its own: the field's type
    changed, read as a table's Type cell is (not as an identifier renamed in code)."""
    tag = type_line_tag(old, new)
    if tag is None:
        return None
    renamed = _type_renamed(old.text, new.text, terms)
    if renamed:
        # The type the document renamed where it defines it ("`URI` - String expression
        # ..." -> "`URI-reference` - String expression ..."), followed here: the field
        # accepts what it did; a change to the definition is reported at the definition.
        return Classification(
            ("wording",), details=(f"{renamed}, the type renamed where it is defined",)
        )
    return Classification((tag,))


def _type_renamed(old: str, new: str, terms: Terms) -> str:
    """`` `URI` → `URI-reference` `` when the only type a type line changed is one the
    new version defines under a new name (see :meth:`Terms.type_renamed`), else ""."""
    old_spans, new_spans = code_spans(old), code_spans(new)
    lost = [a for a in old_spans if a not in new_spans]
    gained = [b for b in new_spans if b not in old_spans]
    if len(lost) != 1 or len(gained) != 1 or not terms.type_renamed(lost[0], gained[0]):
        return ""
    if not is_editorial(old.replace(f"`{lost[0]}`", f"`{gained[0]}`"), new):
        return ""
    return f"`{lost[0]}` → `{gained[0]}`"


def _deprecation_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """A field or feature newly called deprecated (or no longer): a change of status, on top
    of whatever the edit did to the row's data or the rules around it."""
    if ClauseKind.CODE in (old.kind, new.kind):
        return None
    tag = deprecation_tag(old.text, new.text)
    if tag is None:
        return None
    found = _table_rule(old, new, terms) or _normative_rule(old, new, terms)
    if found is None:
        return Classification((tag,))
    return Classification((*found.tags, tag), found.statements, found.verdicts)


def _code_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """Identifiers and literals in code (and symbols in formulas): a renamed one changes
    what readers type.
    Fenced JSON, YAML and TOML are read as data: only a different tree is a change."""
    data = block_details(old, new)
    if data is not None:
        substantive = bool(data) and not only_prose_retyped(old, new)
        return Classification(("wording.substantive",) if substantive else ("editorial",))
    if old.kind is ClauseKind.CODE or new.kind is ClauseKind.CODE:
        same = old.text.split() == new.text.split()
        if not same and (_spaced_freely(old) or _spaced_freely(new)):
            # `["blue", "black"]` and `["blue","black"]` are one array in JavaScript.
            same = code_tokens(old.text, _commas_ignored(old)) == code_tokens(
                new.text, _commas_ignored(new)
            )
        if not same:
            # Layout in any code: whitespace, and parentheses around a whole rule's
            # right-hand side (`name = ( a / b )` is `name = a / b`).
            same = code_layout(old.text) == code_layout(new.text)
        if not same and _written_in(old, "html") and _written_in(new, "html"):
            # A sample of HTML (```` ``` html ````): "<li><p>" and "<li>\n<p>" render the
            # same; "<em>a</em> <em>b</em>" and "<em>a</em><em>b</em>" do not.
            same = html_layout(old.text) == html_layout(new.text)
        if _input_and_output(old) and _input_and_output(new):
            # A conformance example states an input and the exact output expected of it:
            # the input's indentation and blank lines are what it tests, not layout; in
            # the HTML output only whitespace between block-level tags is ("<li><p>" ->
            # "<li>\n<p>" renders the same), never inside <pre> or text.
            same = example_layout(old.text) == example_layout(new.text)
        if not same and _plain_sentences(old) and _plain_sentences(new):
            # A fenced block of plain sentences, no code in it ("This is an example of a
            # non-normative counter-example."): a word respelled there is spelling, as
            # in prose ("counter-example" -> "counterexample").
            same = is_editorial(old.text, new.text)
        if same:
            return Classification(("editorial",))
        gone = _members_gone(old, new)
        if gone:
            # A member of a type the spec declares (not an example of one) is gone:
            # whatever reads it breaks, however few characters changed.
            return Classification(("member.removed",), details=(gone,))
        return Classification(("wording.substantive",))
    # A formula is read like code once its notation is written one way (and a range of
    # characters quoted as code, "`a` to `z`", is the range "a-z").
    # A character glossed as code after its name ("a forward slash (`/`)") is the
    # character the name says: no literal readers type differently.
    before, after = one_character_name(old.text), one_character_name(new.text)
    if code_changed(canonical_notation(before), canonical_notation(after)):
        renamed = _renamed_in_code(old.text, new.text, terms)
        if renamed:
            # The name of an attribute or field the whole document renamed (reported
            # where it is defined), followed where it is mentioned: terminology.
            shown = "; ".join(f"`{a}` → `{b}`" for a, b in renamed)
            return Classification(
                ("wording",), details=(f"{shown}, renamed throughout the document",)
            )
        return Classification(("wording.substantive",))
    return None


#: Words that order two things, so that exchanging them reverses what is said: "`a` is
#: preferred to `b`", "`a` takes precedence over `b`", "`a` comes before `b`".
_ORDERING = re.compile(
    r"\b(?:preferred|prefer|precedence|priority|before|after|than|over|instead|precedes"
    r"|follows|outranks|overrides|wins)\b",
    re.IGNORECASE,
)
_DOTS = re.compile(r"\.{2,}|\u2026")


def _swapped_operands_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """Two code spans that exchanged places around a word that orders them ("An
    interpretation `<strong><em>...</em></strong>` is always preferred to
    `<em><strong>..</strong></em>`" -> the other way round), all else the same: the
    order stated is reversed. An ellipsis written with two dots or three is one."""
    if ClauseKind.CODE in (old.kind, new.kind) or "`" not in old.text:
        return None
    before, after = code_spans(old.text), code_spans(new.text)
    if len(before) != 2 or len(after) != 2:
        return None
    a, b = (_DOTS.sub("...", span) for span in before)
    if a == b or [_DOTS.sub("...", span) for span in after] != [b, a]:
        return None
    old_frame = _CODE_SPAN_TEXT.sub("`x`", old.text)
    new_frame = _CODE_SPAN_TEXT.sub("`x`", new.text)
    between = old_frame.split("`x`")[1] if old_frame.count("`x`") == 2 else ""
    if not _ORDERING.search(between) or not is_editorial(old_frame, new_frame):
        return None
    change = StatementChange(
        "normative.reversed",
        f"`{before[0]}` … `{before[1]}`",
        f"`{after[0]}` … `{after[1]}`",
        new.text,
        old.text,
    )
    return Classification(("normative.reversed",), statements=(change,))


_CODE_SPAN_TEXT = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def _members_gone(old: Clause, new: Clause) -> str:
    """The members of types declared in code that the new block dropped, as a reason
    shows them ("`__Directive.onField` removed"), or "" (none, or code shown as an
    example, whose types declare nothing readers rely on)."""
    if old.kind is not ClauseKind.CODE or new.kind is not ClauseKind.CODE:
        return ""
    if fence_verdict(old.info) is not None or fence_verdict(new.info) is not None:
        return ""
    gone = removed_members(old.text, new.text)
    return ", ".join(f"`{member}`" for member in gone) + " removed" if gone else ""


#: Languages in which spaces around punctuation outside strings are layout.
_FREELY_SPACED = frozenset(
    {"js", "javascript", "json", "jsonc", "ts", "typescript", "graphql", "gql"}
)
#: Languages whose commas are layout too: GraphQL's lexical grammar ignores them as it
#: ignores whitespace ("{ a, b }" and "{ a b }" are one selection set).
_COMMAS_IGNORED = frozenset({"graphql", "gql"})
_CODE_TOKEN = re.compile(
    r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|[,;:()\[\]{}]|[^\s"',;:()\[\]{}]+"""
)


def _fence_language(clause: Clause) -> str:
    """The first word of a code block's info string ("" for none, or for no code block)."""
    words = clause.info.split() if clause.kind is ClauseKind.CODE else []
    # "```!graphql": spec-md marks a counter-example with a "!" before the language.
    return words[0].lstrip("!").lower() if words else ""


#: A block of plain sentences: words and sentence punctuation only (no brackets, braces,
#: operators, markup or code characters), ending a sentence.
_PLAIN_SENTENCES = re.compile(r"[A-Za-z0-9\s.,;:!?'\u2018\u2019\u201c\u201d-]*[A-Za-z][.!?]")
#: Fence languages whose text is a test input, however plain it reads: a word there is
#: what the example feeds its reader.
_INPUT_LANGUAGES = frozenset({"markdown", "md", "example"})
#: A block of plain sentences has at least this many words.
_PLAIN_WORDS = 3


def _plain_sentences(clause: Clause) -> bool:
    """Whether a code block holds only plain sentences ("This is an example of a
    non-normative counter-example."), not code and not a test's input."""
    text = clause.text.strip()
    return (
        clause.kind is ClauseKind.CODE
        and _fence_language(clause) not in _INPUT_LANGUAGES
        and _PLAIN_SENTENCES.fullmatch(text) is not None
        and len(re.findall(r"[A-Za-z]+", text)) >= _PLAIN_WORDS
    )


def _written_in(clause: Clause, language: str) -> bool:
    return _fence_language(clause).lower() == language


def _spaced_freely(clause: Clause) -> bool:
    return _fence_language(clause) in _FREELY_SPACED


def _commas_ignored(clause: Clause) -> bool:
    return _fence_language(clause) in _COMMAS_IGNORED


def code_tokens(text: str, commas_ignored: bool = False) -> list[str]:
    """The tokens of code in a freely spaced language: strings whole, punctuation, and
    the runs between; the spaces between them are layout (and the commas, where the
    language ignores them)."""
    tokens = _CODE_TOKEN.findall(text)
    return [t for t in tokens if t != ","] if commas_ignored else tokens


#: HTML elements that make blocks: whitespace next to their tags is not rendered.
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|dd|details|div|dl|dt|figcaption|figure|footer"
    "|form|h[1-6]|head|header|hr|html|li|main|nav|ol|p|pre|section|summary|table|tbody|td"
    "|tfoot|th|thead|tr|ul"
)
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})(?=[\s/>])[^<>]*>", re.IGNORECASE)
#: Whitespace between two tags (whether either is a block-level tag is checked apart).
_BETWEEN_TAGS = re.compile(r"(<[^<>]*>)[ \t\n]+(?=(<[^<>]*>))")
#: A <pre> element's opening tag and its content (up to its closing tag).
_PRE = re.compile(r"(<pre\b[^<>]*>)(.*?)(?=</pre>|\Z)", re.IGNORECASE | re.DOTALL)


def example_layout(text: str) -> str:
    """A conformance example as it tests: its input exactly, and its expected HTML output
    without whitespace between tags when one of them is a block-level tag, nor at line
    ends (neither is rendered), except inside ``<pre>`` (where whitespace is content).
    Text that is no input-and-output example is returned as it is."""
    lines = text.split("\n")
    if "." not in lines[1:-1]:
        return text
    cut = lines.index(".", 1)
    return "\n".join(lines[: cut + 1]) + "\n" + html_layout("\n".join(lines[cut + 1 :]))


def html_layout(html: str) -> str:
    """HTML without whitespace between two tags one of which is a block-level tag, nor
    at line ends, except inside ``<pre>`` (where whitespace is content)."""
    parts: list[str] = []
    start = 0
    for pre in _PRE.finditer(html):
        # Up to and with the <pre> tag is HTML (the line break before it is not
        # rendered); its content is kept as it is.
        parts.append(_html_layout(html[start : pre.end(1)]))
        parts.append(pre.group(2))
        start = pre.end(2)
    parts.append(_html_layout(html[start:]))
    return "".join(parts)


def _html_layout(html: str) -> str:
    """HTML outside <pre> without the whitespace that is not rendered: at line ends, and
    between two tags one of which opens or closes a block (between two inline tags,
    "<em>a</em> <em>b</em>", a space is a space)."""
    html = re.sub(r"[ \t]+(?=\n|\Z)", "", html)

    def join(match: re.Match[str]) -> str:
        tag = match.group(1)
        if _BLOCK_TAG.fullmatch(tag) or _BLOCK_TAG.fullmatch(match.group(2)):
            return tag
        return match.group()

    return _BETWEEN_TAGS.sub(join, html)


def _input_and_output(clause: Clause) -> bool:
    """Whether a code block is a conformance example: an input, a line holding only
    ``.``, and the output expected of it (as the CommonMark spec writes its examples)."""
    lines = clause.text.split("\n")
    return clause.kind is ClauseKind.CODE and "." in lines[1:-1]


def _renamed_in_code(old: str, new: str, terms: Terms) -> list[tuple[str, str]]:
    """The identifiers in code that ``new`` writes under the names the whole document
    renamed them to, when that and editorial edits are all that changed ([] if not)."""
    old_spans, new_spans = code_spans(old), code_spans(new)
    lost = sorted(set(old_spans) - set(new_spans))
    gained = sorted(set(new_spans) - set(old_spans))
    renamed = [
        (a, b)
        for a in lost
        for b in gained
        if " " not in a + b and terms.renamed(a.casefold(), b.casefold())
    ]
    if not renamed:
        return []
    followed = old
    for a, b in renamed:
        followed = followed.replace(f"`{a}`", f"`{b}`")
    return renamed if is_editorial(followed, new) else []


def _editorial_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    before, after = old.text, new.text
    if old.kind is ClauseKind.LIST_ITEM and new.kind is ClauseKind.LIST_ITEM:
        before, after = _without_list_joint(before), _without_list_joint(after)
    return Classification(("editorial",)) if is_editorial(before, after) else None


#: ", and" closing a list item: it joins the item to the next one, like punctuation
#: ("1. MINOR version when ..., and" / "1. PATCH version when ..."). A closing "or" is
#: kept: dropping it may turn alternatives into a list of things that all hold.
_LIST_JOINT = re.compile(r"[,;]?\s+and\s*$")


def _without_list_joint(text: str) -> str:
    return _LIST_JOINT.sub("", text.rstrip())


#: A copyright notice: "Copyright (c) 2015, ...", "© 2015-present ...".
_COPYRIGHT = re.compile(r"^[\s*_]*(?:copyright\b|\u00a9|\(c\))", re.IGNORECASE)
#: The years a notice names: "2015", "2015-2016", "2015–present", "(c)" and "©" alike.
_NOTICE_YEARS = re.compile(
    r"\b(?:19|20)\d\d(?:\s*(?:-+|\u2013|\u2014|to)\s*(?:(?:19|20)\d\d|present|now)\b)?"
    r"|\u00a9|\(c\)",
    re.IGNORECASE,
)


def _copyright_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """A copyright notice whose years changed ("Copyright (c) 2015, Facebook, Inc." ->
    "Copyright (c) 2015-2016, Facebook, Inc."): the notice of the release it stands in,
    dated again as a front matter's ``date:`` is; no claim of the text changed. A notice
    that names another holder or other terms is read as words."""
    if old.kind is not ClauseKind.PARAGRAPH or new.kind is not ClauseKind.PARAGRAPH:
        return None
    if not (_COPYRIGHT.match(old.text) and _COPYRIGHT.match(new.text)):
        return None
    if words_of(_NOTICE_YEARS.sub(" ", old.text)) != words_of(_NOTICE_YEARS.sub(" ", new.text)):
        return None
    before = ", ".join(
        m.group(0) for m in _NOTICE_YEARS.finditer(old.text) if m.group(0)[0].isdigit()
    )
    after = ", ".join(
        m.group(0) for m in _NOTICE_YEARS.finditer(new.text) if m.group(0)[0].isdigit()
    )
    return Classification(("wording",), details=(f"the copyright years: “{before}” → “{after}”",))


def _edition_rule(old: Clause, new: Clause, terms: Terms) -> Classification | None:
    """The line that dates the document ("*Working Draft - October 2015*" -> "*Working
    Draft - April 2016*"): it names the release it stands in, as a front matter's
    ``date:`` does, and changes with every release; no claim of the text changed. A date
    inside a sentence ("keys issued before March 2020 must be rotated") is not such a
    line and is read as words."""
    if old.kind is not ClauseKind.PARAGRAPH or new.kind is not ClauseKind.PARAGRAPH:
        return None
    if old.statements or new.statements:
        return None
    before, after = edition_date(old.text), edition_date(new.text)
    if before is None or after is None:
        return None
    shown = f"the document's date: “{before}” → “{after}”"
    return Classification(("wording",), details=(shown,))


def _definition_rule(
    old: Clause, new: Clause, terms: Terms, *, shows_example: bool = False
) -> Classification | None:
    """The sentence that defines a term (``[term](@id) is ...``) admits another number,
    range, member or narrowing word: what the language allows changed, as a rule's
    requirement does, though no modal says so (see :mod:`._definitions`)."""
    if _excepting(old.text) != _excepting(new.text) and (
        excepted := _exception_edit(old, new, shows_example=shows_example)
    ):
        return excepted  # the exception is what changed, and says so more exactly
    found = definition_change(old, new)
    if found is None and not old.statements and not new.statements:
        # What a sentence says a defined term is or can do ("An HTML block can interrupt a
        # paragraph"), no rule of a party read in it: the language's rule too.
        found = said_of_term_change(old, new, terms.defined())
    if found is None:
        return None
    before, after = found
    change = StatementChange("normative.changed", before or None, after or None, new.text, old.text)
    return Classification(("normative.changed",), statements=(change,))


def _wording_rule(
    old: Clause, new: Clause, terms: Terms, *, shows_example: bool = False
) -> Classification | None:
    """Rewording that leaves every obligation's force as it was.

    ``shows_example``: the paragraph introduces a worked example (code right after it) that
    both versions show alike. What it names in the example, the example shows: a term put
    for another ("the interior spaces" -> "the interior whitespace", "a referenced schema
    definition" -> "a referenced model definition") names the same thing shown, unless it
    is the other's opposite ("valid" -> "invalid": the caption now teaches the example the
    other way round). A rewrite of most of its words, numbers, negations, ranges and
    members of a list still say something else: what the example does not show."""
    if is_caption(old) and is_caption(new):
        label = caption_label(old.text, new.text, numbered_only=not shows_example)
        if label:
            # "A comment:" -> "A comment (type 2):": what follows named by its kind.
            return Classification(("wording",), details=(label,))
    if doubled := doubled_word_fixed(old.text, new.text):
        # "Both right and right-flanking" -> "Both left and right-flanking".
        return Classification(("wording",), details=(doubled,))
    # An algorithm called by the name the new version defines it under is the same call.
    called, algorithms = _algorithms_followed(old.text, new.text, terms)
    if algorithms:
        detail = f"{_rename_detail(algorithms)}, the algorithm renamed where it is defined"
        if is_editorial(called, new.text):
            return Classification(("wording",), details=(detail,))
    # A range of characters in another notation ("('a' to 'z')" -> "[a-z]") is the same.
    old_text, new_text = canonical_ranges(called), canonical_ranges(new.text)
    # So is a count between bounds said strictly or not ("0 < N < 5 spaces" is "1 ≤ N ≤ 4").
    old_text, new_text = canonical_bounds(old_text), canonical_bounds(new_text)
    # So is a character named in full or glossed ("a forward slash (`/`)" is "a slash").
    old_text, new_text = one_character_name(old_text), one_character_name(new_text)
    # "of indentation" added where the text says "indented" names the act again: no word.
    old_text, new_text = without_restated_acts(old_text, new_text)
    # "could not" -> "cannot" in the one sentence of a rule: its tense, no word of it.
    old_text, new_text = in_one_tense(old.statements, new.statements, old_text, new_text)
    # "an error occurs when resolving" / "an error is thrown while resolving": one event.
    old_text, new_text = said_alike(old_text, new_text)
    # Forms of one word count as one word: "indented" / "indentation", "much" / "many".
    old_words = compared_words(old_text)
    new_words = same_forms(old_words, compared_words(new_text))
    # A term renamed throughout ("newline" -> "line ending") is the same term: it is
    # followed before the rewording is measured.
    old_words, followed_renames, coined = _renames_followed(old_words, new_words, terms)
    similarity = Indel.normalized_similarity(old_words, new_words)
    # One term put for another ("a new minor version" -> "a new patch version") says
    # something else however few words changed; see swapped_words for what is not a swap.
    # Terminology is not: a category noun after the word naming the thing, or a term the
    # new version renamed throughout (each rule using it reads as before).
    # A bound reworded within its class ("at least two" -> "no fewer than two") swaps no
    # word: swaps count only where they remain with every bound said the one way.
    # Named values listed in another order ("carriage return (`U+000D`), newline (`U+000A`)")
    # swap no words either.
    # A rule or section renumbered with its target is no word swapped ("rule 13" -> "rule
    # 15"): see ``_REFERENCE_INDEX``.
    old_order = in_value_order(_unindexed(old_text))
    new_order = in_value_order(_unindexed(new_text))
    swaps = swapped_words(old_order, new_order)
    if swaps and not swapped_words(one_bound_wording(old_order), one_bound_wording(new_order)):
        swaps = []
    # A category noun swapped after "this" is swapped after "the" too, in the same text:
    # "this field is REQUIRED ... Otherwise, the field MAY" -> "this property ... the
    # property": "the" points back at the thing "this" did.
    categories = {_lower(s)[:2] for s in swaps if s.category}
    # A swap of words inside a term already followed ("code point" -> "Unicode scalar",
    # part of "code point" -> "Unicode scalar value") is that rename.
    terminology = [
        s
        for s in swaps
        if s.category
        or _lower(s)[:2] in categories
        or terms.renamed(*_lower(s))
        or (_edition_renamed(s, terms) and not _opposed(s))
    ]
    inside = [s for s in swaps if s not in terminology and _within_renames(s, followed_renames)]
    terminology += inside
    swaps = [s for s in swaps if s not in terminology]
    # One hedge put for another ("(often in parallel)" -> "(normally in parallel)"), or
    # the document's own word put for one it no longer says anywhere ("event publishers"
    # -> "event producers", see Terms.own_word): the same thing said, in other words.
    alike = [
        s
        for s in swaps
        if not _opposed(s) and (hedged_alike(s.old, s.new) or terms.own_word(*_lower(s)))
    ]
    swaps = [s for s in swaps if s not in alike]
    ignored = (
        {w for s in (*terminology, *alike) for w in s.words()[0]},
        {w for s in (*terminology, *alike) for w in s.words()[1]},
    )
    # An exception put in or taken out, all else kept: the statement holds in fewer cases
    # (or in more), whether or not a modal states it.
    if _excepting(old_text) != _excepting(new_text) and (
        excepted := _exception_edit(old, new, old_text, new_text, shows_example=shows_example)
    ):
        return excepted
    # "**required**" -> "**REQUIRED**" in a field's row: the one obligation, not reworded.
    old_rules, new_rules = without_required_marks(old, new)
    if rules_reworded(old_rules, new_rules, old_text, new_text, ignored, terms):
        return Classification(("wording.substantive",))
    # Words in another order, and a rule said in the other voice ("clerks must strip the
    # seal" -> "the seal must be stripped"), are the same words; so are the same values
    # listed in another order with fewer words of grammar.
    voice = voice_words(old.statements, new.statements)
    # So is a text that says every word it said, one verb said as its noun ("indented four
    # spaces" -> "preceded by four spaces of indentation").
    if shows_example:
        swaps = [s for s in swaps if _opposed(s)]
    if is_substantive(similarity) and not (
        (shows_example and _caption_reworded(old_text, new_text, similarity))
        or _same_words(old_text, new_text, voice)
        or same_content_words(old_text, new_text)
        or restated(old_text, new_text)
    ):
        return Classification(("wording.substantive",))
    # A number or a negation that appeared or went ("two classes" -> "one class",
    # "can be" -> "cannot be") says something else, however little else changed. A range
    # from one that is allowed is the bound at its top, as a rule's is (none is always
    # allowed): "allowing 1--3 spaces" says what "allowing up to three spaces" does.
    if _counted(old_text, old.statements) != _counted(new_text, new.statements):
        return Classification(("wording.substantive",))
    # So does an exception announced or dropped ("... its list marker. Exceptions:"): the
    # rule it follows holds in fewer cases than it said.
    if _excepting(old_text) != _excepting(new_text):
        return Classification(("wording.substantive",))
    # So does a range of characters whose ends moved ("a-z" -> "a-f").
    old_ranges, new_ranges = character_ranges(old_text), character_ranges(new_text)
    if Counter(old_ranges) != Counter(new_ranges):
        shown = f"“{', '.join(old_ranges) or '—'}” → “{', '.join(new_ranges) or '—'}”"
        return Classification(("wording.substantive",), details=(shown,))
    if swaps:
        return Classification(("wording.substantive",), details=(_swap_detail(swaps),))
    # A member joined to or taken from a list ("spaces, `"`" -> "spaces, tabs, `"`"); not
    # a bound said another way ("no more than four" -> "four or fewer").
    # (A term renamed throughout is followed first: "no spaces, line breaks, or `<`" ->
    # "no line endings or `<`" drops "spaces".)
    followed_text = _with_renames(old_text, followed_renames)
    if members_changed(
        one_bound_wording(followed_text), one_bound_wording(new_text)
    ) or alternatives_changed(old_text, new_text):
        return Classification(("wording.substantive",))
    # A step of an algorithm binds implementations by what it computes: a qualifier added
    # to it ("an empty list" -> "an empty ordered list") is a different result. Substantive,
    # not a rule changed: one step rarely shows whether the algorithm's outcome did.
    if is_step(old) and is_step(new) and computes_otherwise(followed_text, new_text):
        return Classification(("wording.substantive",))
    named = [
        s
        for s in terminology
        if not s.category and _lower(s)[:2] not in categories and s not in inside
    ]
    renames = [(s.old_phrase, s.new_phrase) for s in named]
    # What each rename is, so the reason claims no more than was found: old words gone
    # from the document, renamed throughout; a term the edition put in their place while
    # some uses stay ("query" 196 -> 128 uses: :meth:`Terms.edition_renamed`); or a term
    # the edition coined while the old words keep a wider sense ("code point").
    kept_on = {(s.old_phrase, s.new_phrase) for s in named if not terms.renamed(*_lower(s))}
    # A stretch a swap already quotes is named once ("Field errors" -> "execution error",
    # not also its followed part "Field errors" -> "error").
    quoted = {gone for gone, _ in renames}
    renames += [
        pair
        for pair in followed_renames
        if (len(pair[0].split()) != len(pair[1].split()) or _within_renames_any(inside, pair))
        and pair[0] not in quoted
    ]
    details = (f"{_swap_detail(alike)}, said in other words",) if alike else ()
    if renames:
        throughout = [pair for pair in renames if pair not in coined and pair not in kept_on]
        edition = [pair for pair in renames if pair in kept_on and pair not in coined]
        defined = [coined[pair] for pair in renames if pair in coined]
        said = []
        if throughout:
            said.append(f"{_rename_detail(throughout)}, renamed throughout the document")
        if edition:
            said.append(f"{_rename_detail(edition)}, the edition's term in its place")
        if defined:
            said.append(f"{_rename_detail(defined)}, the term the new version defines for it")
        return Classification(("wording",), details=("; ".join(said), *details))
    # The same words in another order: a phrase moved into the next sentence.
    return Classification(("wording",), details=details)


#: How much of a caption a rewording keeps while it still says what its example shows,
#: and how much shorter or longer it may get (a reason added or sentences dropped say more
#: or less than the example shows).
_CAPTION_KEPT = 0.6
_CAPTION_LENGTH = 0.8


#: A short parenthetical: a name or a label, not a sentence.
_PARENTHETICAL = re.compile(r"\s*\(([^()]{1,40})\)")
_LABEL_WORDS = 3
#: The name of a numbered kind, rule or case: "type 2", "rule 7b", "case (a)".
_NUMBERED_NAME = re.compile(r"[^\W\d_]+\s+(?:\d+[a-z]?|[a-z]|\([a-z0-9]+\))", re.IGNORECASE)


def caption_label(old: str, new: str, *, numbered_only: bool = False) -> str:
    """The parenthetical that a caption gained (or lost), when that is all that changed
    and it only names what follows ("A comment:" -> "A comment (type 2):", "CDATA:" ->
    "CDATA (type 5):"): at most three words, none of weight (a negation, a modal, "only",
    "unless": "(unless quoted)" says what the example does not show). Else "".
    ``numbered_only``: the example after the caption changed too, so the caption may say
    something of the new one; only a name of a numbered kind ("type 2", "rule 7b") is
    taken as a name then ("(in titles)" may narrow what the new example shows)."""
    if "(" not in old + new:
        return ""
    old_labels, new_labels = _PARENTHETICAL.findall(old), _PARENTHETICAL.findall(new)
    if not is_editorial(_PARENTHETICAL.sub("", old), _PARENTHETICAL.sub("", new)):
        return ""
    gained = [p for p in new_labels if p not in old_labels]
    lost = [p for p in old_labels if p not in new_labels]
    if not gained and not lost:
        return ""
    for label in (*gained, *lost):
        words = words_of(label).split()
        if not words or len(words) > _LABEL_WORDS or any(of_weight(w) for w in words):
            return ""
        if numbered_only and not _NUMBERED_NAME.fullmatch(label.strip()):
            return ""
    shown = "; ".join([*(f"“({p})” added" for p in gained), *(f"“({p})” dropped" for p in lost)])
    return f"{shown}, a name for what the example shows"


#: A word paired with a compound of itself: "right and right-flanking", "left nor left-".
_DOUBLED = re.compile(r"\b(?P<word>[^\W\d_]+)(?P<joint>\s+(?:and|or|nor)\s+)(?P=word)-(?=\w)")


def doubled_word_fixed(old: str, new: str) -> str:
    """The slip corrected when ``old`` paired a word with a compound of itself ("Both right
    and right-flanking", which names one thing twice) and ``new`` puts another word in
    its first place, all else the same ("Both left and right-flanking"): the pair the
    text meant, as a typo fixed is. Else ""."""
    if "-" not in old:
        return ""
    for match in _DOUBLED.finditer(old):
        start, end = match.start("word"), match.end("word")
        pattern = re.escape(old[:start]) + r"(?P<fixed>[^\W\d_]+)" + re.escape(old[end:])
        fixed = re.fullmatch(pattern, new)
        if fixed is not None and fixed["fixed"] != match["word"]:
            doubled = f"{match['word']}{match['joint']}{match['word']}-"
            return f"“{doubled}” → “{fixed['fixed']}{match['joint']}{match['word']}-”, a word said twice"
    return ""


def _caption_reworded(old: str, new: str, similarity: float) -> bool:
    """Whether the caption of an example both versions show alike is only reworded around
    the same names: most of its words kept, about as long, every code span it quotes from
    the example kept, and no word that narrows ("only", "non-relative") put in or taken
    out. What it says of the example, the example shows ("will be queried only if the
    `$someTest` is provided a `false` value" -> "will only be queried if the variable
    `$someTest` has the value `false`"). Its numbers, negations and opposite terms are
    still read after this."""
    if similarity < _CAPTION_KEPT:
        return False
    before, after = words_of(old).split(), words_of(new).split()
    if min(len(before), len(after)) < _CAPTION_LENGTH * max(len(before), len(after)):
        return False
    if _narrowing(before) != _narrowing(after):
        return False
    return Counter(code_spans(old)) == Counter(code_spans(new))


def _narrowing(words: list[str]) -> Counter[str]:
    """The words of a text that narrow what it speaks of: "only", "solely", "non-..."."""
    return Counter(w for w in words if w in _RESTRICTING or w.startswith("non-"))


_RESTRICTING = frozenset(("only", "solely", "exclusively", "except", "unless"))


def _opposed(swap: Swap) -> bool:
    """Whether a swap puts a word for its opposite ("valid" -> "invalid")."""
    before, after = swap.words()
    return any(opposite(a, b) for a in before for b in after)


#: A number that names which rule, section or example is meant, not how many of a thing:
#: "rule 13", "the laziness rule, #4,", "section 4.2", "§ 3", "Example 42", "rules #1--4".
#: Renumbered with its target, it points at the same thing ("rule 13" -> "rule 15" once two rules
#: come before it): a reference, not a quantity. A step's number is left counted: "go to
#: step 3" -> "go to step 4" in an algorithm changes what is done next.
_REFERENCE_INDEX = re.compile(
    r"(?P<noun>\b(?:rule|section|example|chapter|appendix|figure|clause|principle)s?"
    r"\b(?:[ \t]*,?[ \t]*#|[ \t]+)|§[ \t]*|(?<![\w&#`])#)\d+(?:\.\d+)*"
    # ... and the rest of a range or list of them: "rules 1--10", "rule #1, #2, or #3".
    r"(?:(?:[ \t]*(?:-+|\u2013|\u2014)[ \t]*|[ \t]*,?[ \t]*(?:or|and|to|through)[ \t]+#?|"
    r"[ \t]*,[ \t]*#)\d+(?:\.\d+)*)*(?![\w.]*\d)(?!\s*%)",
    re.IGNORECASE,
)


def _unindexed(text: str) -> str:
    """``text`` without the numbers that point at a rule, section or example."""
    if not any(c.isdigit() for c in text):
        return text
    return _REFERENCE_INDEX.sub(r"\g<noun>", text)


def _counted(text: str, statements: tuple[NormativeStatement, ...]) -> Counter[str]:
    """The numbers and negations of a clause, each range from one that a permission
    allows ("One to three lamps are allowed", "the rule allowing 1--3 spaces") counted as
    the bound at its top. Numbers that point at a rule or section are no quantity
    (``_REFERENCE_INDEX``)."""
    counts = numbers_and_negations(
        words_of(one_bound_wording(permitted_as_bound(_unindexed(text))))
    )
    for statement in statements:
        if statement.strength is not Strength.MAY or statement.negative:
            continue
        for quantity in statement.quantities:
            from_one = quantity.comparator == "between" and quantity.number.startswith("1-")
            if from_one and counts["1"] > 0:
                counts["1"] -= 1
                counts["at most"] += 1
    return +counts


_EXCEPTING_WORDS = frozenset(("except", "exception", "exceptions", "unless"))


def _excepting(text: str) -> Counter[str]:
    """The words of a text that announce an exception, "exceptions" counted as "except"."""
    words = words_of(text).split()
    return Counter(
        "except" if w.startswith("exception") else w for w in words if w in _EXCEPTING_WORDS
    )


#: An exception as a phrase: "unless ...", "except ...", "with the exception of ..." to the
#: end of its sentence or parenthesis (a parenthesis right after it, its reason, with
#: it), or a lead-in that announces exceptions listed after it ("Exceptions:").
_EXCEPTION_PHRASE = re.compile(
    r"(?:^|(?<=[.!?]\s))[\s*_]*(?:unless|except)\b[^,.;:()]*,"
    r"|(?<=[\w)\]`*_])[,;]?\s*\(?\b(?:unless|except|with\s+the\s+exceptions?\s+of)\b[^.;:()]*(?:\([^()]*\))?\)?"
    r"|\s*\bexceptions?\s*:",
    re.IGNORECASE,
)
_REASON_AFTER = re.compile(r"(?<=\S)\s*\([^()]*\)\s*$")
#: "Unless noted otherwise": a default the document may override elsewhere, not an exception.
_DEFAULT_HEDGE = re.compile(
    r"\b(?:noted|stated|specified|indicated|mentioned|described|defined)\s+otherwise\b"
    r"|\botherwise\s+(?:noted|stated|specified|indicated|mentioned|described|defined)\b",
    re.IGNORECASE,
)


def _exception_edit(
    old_clause: Clause,
    new_clause: Clause,
    old: str = "",
    new: str = "",
    *,
    shows_example: bool = False,
) -> Classification | None:
    """An exception put into a text or taken out of it, every other word kept ("...
    verbatim, unless there are two or more empty lines in a row." -> "... verbatim."):
    the statement now holds in fewer cases (or in more), as a rule's exception does (see
    :func:`_excepting`). None when more than the exception changed, or when it only
    defers to the rest of the document ("Unless noted otherwise, ..."), and in the
    caption of examples both versions show alike: they show what holds, as before.
    ``old`` and ``new``: the clauses' texts as read (their notation written one way),
    when not as written."""
    if shows_example and is_caption(old_clause) and is_caption(new_clause):
        return None
    old, new = old or old_clause.text, new or new_clause.text
    before, after = _EXCEPTION_PHRASE.findall(old), _EXCEPTION_PHRASE.findall(new)
    gone = [p for p in before if p not in after]
    came = [p for p in after if p not in before]
    if bool(gone) == bool(came):
        return None
    if any(_DEFAULT_HEDGE.search(p) for p in (*gone, *came)):
        return None  # "unless noted otherwise": what the document says elsewhere, not here
    if words_of(_EXCEPTION_PHRASE.sub(" ", old)) != words_of(_EXCEPTION_PHRASE.sub(" ", new)):
        return None
    # Quoted without the reason in parentheses after it, or the parenthesis around it.
    phrase = _REASON_AFTER.sub("", (gone or came)[0].strip(" ,;"))
    phrase = " ".join(phrase.strip(" ,;()").split())
    if gone:
        change = StatementChange("normative.exception_removed", phrase, None, old, old)
    else:
        change = StatementChange("normative.exception_added", None, phrase, new, old)
    return Classification((change.tag,), statements=(change,))


#: An algorithm called or defined (spec-md): its name right before its parameters.
_CALLED = re.compile(r"\b([A-Za-z_]\w*)\(")


def _algorithms_followed(old: str, new: str, terms: Terms) -> tuple[str, list[tuple[str, str]]]:
    """``old`` with each algorithm it calls (or defines) under a name the new version
    renamed it to where it defines it (:meth:`Terms.algorithm_renamed`:
    "DetectCycles(...)" -> "DetectFragmentCycles(...)") written as ``new`` writes it, and
    those renames (old, new)."""
    if "(" not in old:
        return old, []
    lost = sorted(set(_CALLED.findall(old)) - set(_CALLED.findall(new)))
    gained = sorted(set(_CALLED.findall(new)) - set(_CALLED.findall(old)))
    renames = [
        (a, b) for a in lost for b in gained if terms.algorithm_renamed(a.casefold(), b.casefold())
    ]
    for a, b in renames:
        old = re.sub(rf"\b{re.escape(a)}\(", f"{b}(", old)
    return old, renames


def _edition_renamed(swap: Swap, terms: Terms) -> bool:
    """Whether a swap is a term the edition renamed (:meth:`Terms.edition_renamed`): its
    words, or the stretch they stand in when a word kept in another form splits them
    ("grouped field set" -> "collected fields map", see :meth:`Swap.stretch`)."""
    if terms.edition_renamed(*_lower(swap)[:2]):
        return True
    stretch = swap.stretch()
    return stretch is not None and terms.edition_renamed(*stretch)


def _lower(swap: Swap) -> tuple[str, str, str, str]:
    return swap.old.casefold(), swap.new.casefold(), swap.before, swap.after


def _swap_detail(swaps: list[Swap]) -> str:
    return _rename_detail([(s.old_phrase, s.new_phrase) for s in swaps])


def _rename_detail(pairs: list[tuple[str, str]]) -> str:
    phrases = list(dict.fromkeys(pairs))
    shown = "; ".join(f"“{old}” → “{new}”" for old, new in phrases[:3])
    more = len(phrases) - 3
    return f"{shown}; and {more} more" if more > 0 else shown


#: Punctuation a word keeps when split from plain text, not quoted in a reason.
_PUNCTUATION = ".,;:!?"


def _with_renames(text: str, renames: list[tuple[str, str]]) -> str:
    """``text`` with each renamed term (old, new, as written) written the new way."""
    for old, new in renames:
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text


def _renames_followed(
    old: list[str], new: list[str], terms: Terms
) -> tuple[list[str], list[tuple[str, str]], dict[tuple[str, str], tuple[str, str]]]:
    """``old`` (words as compared) with each term that the new version renamed throughout
    ("line break" -> "line ending", "newline" -> "line ending") written as ``new`` writes
    it, those renames as written, and those of them that are terms the edition coined
    while the old words live on elsewhere (no rename throughout), each with the whole
    term to name. A rename may open or close a longer edited stretch ("crates, mooring"
    -> "tie", where "mooring rings" became "tie rings")."""
    old_keys, new_keys = [word_key(w) for w in old], [word_key(w) for w in new]
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    followed: list[str] = []
    renames = []
    coined: dict[tuple[str, str], tuple[str, str]] = {}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        found = _rename_in(old_keys, new_keys, (i1, i2, j1, j2), terms) if op == "replace" else None
        if found is None:
            followed += old[i1:i2]
            continue
        a1, a2, b1, b2, tail = found
        followed += [*old[i1:a1], *new[b1:b2], *old[a2:i2]]
        pair = _shown(old[a1:a2], new[b1:b2])
        renames.append(pair)
        if tail is not None:
            # A coined term is named whole, with the words both sides keep after it.
            coined[pair] = _shown(old[a1 : a2 + tail], new[b1 : b2 + tail])
    return followed, renames, coined


def _shown(old: list[str], new: list[str]) -> tuple[str, str]:
    """Two runs of words as a reason quotes them, without a sentence's punctuation."""
    return " ".join(old).strip(_PUNCTUATION), " ".join(new).strip(_PUNCTUATION)


#: Words on a side of an edited stretch that may hold a rename and a word beside it.
_RENAME_STRETCH = 3


def _rename_in(
    old: list[str], new: list[str], stretch: tuple[int, int, int, int], terms: Terms
) -> tuple[int, int, int, int, int | None] | None:
    """Where in an edited stretch (``old[i1:i2]`` replaced by ``new[j1:j2]``, lower-case
    words) a term renamed throughout stands: the whole stretch, or one or two words at
    its start or at its end on both sides. Last, None for a rename throughout; for a
    term the edition coined for old words that live on elsewhere (:meth:`Terms.coined`),
    how many words after the stretch, kept on both sides, belong to that term ("top
    level selection set" -> "root selection set": 2)."""
    i1, i2, j1, j2 = stretch
    if max(i2 - i1, j2 - j1) > _RENAME_STRETCH:
        return None  # a phrase rewritten: a rename is not read into part of it
    candidates = [(i1, i2, j1, j2)]
    for m in (1, 2):
        for n in (1, 2):
            if (m, n) != (i2 - i1, j2 - j1) and m <= i2 - i1 and n <= j2 - j1:
                candidates += [(i2 - m, i2, j2 - n, j2), (i1, i1 + m, j1, j1 + n)]
    for a1, a2, b1, b2 in candidates:
        if any(names_nothing(w) for w in (*old[a1:a2], *new[b1:b2])):
            continue  # a word of grammar or of weight ("or", "not") names no term
        before = old[a1 - 1] if a1 and not names_nothing(old[a1 - 1]) else ""
        # An algorithm's variable is counted as the word in its braces ("Return
        # {groupedFields}." -> "Return {collectedFieldsMap}."): the braces mark it, they
        # are no part of its name.
        gone, fresh = (" ".join(w.strip("{}") for w in side) for side in (old[a1:a2], new[b1:b2]))
        if max(a2 - a1, b2 - b1) <= 2 and terms.renamed(gone, fresh, before):
            return a1, a2, b1, b2, None
        # A term the edition coined for the old words ("code point" -> "Unicode scalar
        # value") may be three words long, and may end in words both sides keep ("top
        # level selection set" -> "root selection set": "root" put for "top level").
        if terms.coined(gone, fresh):
            return a1, a2, b1, b2, 0
        tail = _coined_with_tail(old, new, (a1, a2, b1, b2), terms) if (a2, b2) == (i2, j2) else 0
        if tail:
            return a1, a2, b1, b2, tail
    return None


def _coined_with_tail(
    old: list[str], new: list[str], stretch: tuple[int, int, int, int], terms: Terms
) -> int:
    """How many words after a stretch (one or two), kept on both sides, make with it a
    term the edition coined for the old ones (:meth:`Terms.coined`); 0 for none."""
    a1, a2, b1, b2 = stretch
    for k in (1, 2):
        tail = old[a2 : a2 + k]
        if len(tail) < k or new[b2 : b2 + k] != tail or b2 - b1 + k > 3:
            return 0
        if any(names_nothing(w) for w in tail):
            return 0
        gone = " ".join(w.strip("{}") for w in old[a1:a2] + tail)
        fresh = " ".join(w.strip("{}") for w in new[b1:b2] + tail)
        if terms.coined(gone, fresh):
            return k
    return 0


_WORD = re.compile(r"\w+")


def _within_renames_any(swaps: list[Swap], rename: tuple[str, str]) -> bool:
    """Whether one of ``swaps`` stands in ``rename`` (see :func:`_within_renames`)."""
    return any(_within_renames(s, [rename]) for s in swaps)


def _within_renames(swap: Swap, renames: list[tuple[str, str]]) -> bool:
    """Whether the words a swap trades all stand in one rename followed (old, new as
    written): the swap is a piece of that term, read whole there."""
    old_words, new_words = swap.words()
    return any(
        old_words <= set(_WORD.findall(gone.casefold()))
        and new_words <= set(_WORD.findall(fresh.casefold()))
        for gone, fresh in renames
    )


def _same_words(old: str, new: str, besides: frozenset[str] = frozenset()) -> bool:
    """Whether two texts have the same words, but for ``besides``."""
    before = Counter(w for w in words_of(old).split() if w not in besides)
    return before == Counter(w for w in words_of(new).split() if w not in besides)


#: The rules for an edited clause, in the order they are tried.
EDIT_RULES: tuple[tuple[str, EditRule], ...] = (
    ("example", _example_rule),
    ("fence verdict", _fence_rule),
    ("commentary", _commentary_rule),
    ("run-in title", _run_in_title_rule),
    ("deprecation", _deprecation_rule),
    ("table", _table_rule),
    ("type line", _type_line_rule),
    ("delegated check", _delegated_check_rule),
    ("condition", _condition_rule),
    ("normative", _normative_rule),
    ("grammar", _grammar_rule),
    ("swapped operands", _swapped_operands_rule),
    ("code", _code_rule),
    ("editorial", _editorial_rule),
    ("edition", _edition_rule),
    ("copyright", _copyright_rule),
    ("definition", _definition_rule),
    ("wording", _wording_rule),
)


def classify_edit(
    old: Clause,
    new: Clause,
    terms: Terms = NO_TERMS,
    statements: tuple[StatementChange, ...] | None = None,
    *,
    shows_example: bool = False,
) -> Classification:
    """The tags of a clause whose text changed; ``terms`` tells which words the new
    version renamed throughout, and the words of the headings the clause stands under.
    ``statements``, when given, are the changes to its rules as read with its
    neighbouring clauses (a paragraph split into list items), which the normative rule
    then reports instead of its own reading. ``shows_example``: the clause introduces a
    worked example that both versions show alike (see :func:`caption_rules_kept`)."""
    for name, rule in EDIT_RULES:
        if name == "normative":
            if statements is None:
                found = rule(old, new, terms)
            else:
                found = _given_statements(required_mark_kept(old, new, statements))
            if found is not None and shows_example and is_caption(old) and is_caption(new):
                found = _given_statements(caption_rules_kept(found.statements))
        elif name == "wording":
            found = _wording_rule(old, new, terms, shows_example=shows_example)
        elif name == "definition":
            found = _definition_rule(old, new, terms, shows_example=shows_example)
        else:
            found = rule(old, new, terms)
        if found is not None:
            return _with_conditions(old, new, _always_excepted(old, new, found))
    raise AssertionError("the wording rule always applies")  # pragma: no cover


def _always_excepted(old: Clause, new: Clause, found: Classification) -> Classification:
    """``found``, but a rule that lost its "always" as it gained an exception ("a blank
    line is always needed, except at the end" -> "a blank line is needed, except at the
    end, and except after a comment") read as that exception added (and the other way
    round, removed): the rule is still said, in the plain present, and "always" went
    because it no longer always holds. A rule that lost or gained "always" and no
    exception stays as read."""
    gone = found.tags == ("normative.removed",)
    if not (gone or found.tags == ("normative.added",)) or not all(
        ((c.old if gone else c.new) or "").casefold() == "always"
        and (c.new if gone else c.old) is None
        for c in found.statements
    ):
        return found
    shorter, longer = (old.text, new.text) if gone else (new.text, old.text)
    if sum(_excepting(longer).values()) <= sum(_excepting(shorter).values()):
        return found
    before = [w for w in words_of(shorter).split() if w != "always"]
    after = [w for w in words_of(longer).split() if w != "always"]
    opcodes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    if any(op in ("delete", "replace") for op, *_ in opcodes):
        return found  # more than the exception changed: the rule as read stands
    phrase = " ".join(w for op, _, _, j1, j2 in opcodes if op == "insert" for w in after[j1:j2])
    if not any(w in _EXCEPTING_WORDS for w in phrase.split()):
        return found
    if gone:
        change = StatementChange("normative.exception_added", None, phrase, new.text, old.text)
    else:
        change = StatementChange("normative.exception_removed", phrase, None, old.text, old.text)
    return Classification((change.tag,), statements=(change,))


#: What a reading may have found besides a rule's conditions changed: a rewrite it could
#: not read (the conditions are what changed), or a new rule beside them.
_BESIDE_CONDITIONS = frozenset(("wording.substantive", "normative.added"))


def _with_conditions(old: Clause, new: Clause, found: Classification) -> Classification:
    """``found``, with the change of a rule stated with a condition list ("X iff A and
    B", see :mod:`._iff`), or of the constraints a definition puts on the literal
    strings it admits ("not including the string `--`" -> "does not start with `>`, ...
    and does not contain `--`", see :func:`._definitions.constraints_change`), when the
    clause was rewritten or gained a rule beside it: its conditions are what the rule
    requires, though no modal says so. A reading that kept
    the meaning (wording, editorial, a term renamed) or found the rule's force changed
    stands as it is."""
    if not set(found.tags) <= _BESIDE_CONDITIONS:
        return found
    changed = iff_change(old.text, new.text) or definition_constraints_change(old, new)
    if changed is None:
        return found
    tag, lost, gained = changed
    change = StatementChange(tag, _quoted(lost), _quoted(gained), new.text, old.text)
    tags = tuple(t for t in found.tags if t != "wording.substantive")
    return Classification(
        (tag, *tags), statements=(change, *found.statements), details=found.details
    )


#: Words a reason quotes of the conditions lost or gained, at most.
_QUOTED_CONDITION = 12


def _quoted(conditions: str) -> str | None:
    words = conditions.split()
    if len(words) > _QUOTED_CONDITION:
        return " ".join(words[:_QUOTED_CONDITION]) + " …"
    return conditions or None


def is_caption(clause: Clause) -> bool:
    """Whether a paragraph announces what follows it: its text ends with a colon ("The
    title may be omitted:", "Spaces are allowed at the end:")."""
    return clause.kind is ClauseKind.PARAGRAPH and clause.text.rstrip().endswith(":")


def caption_rules_kept(changes: tuple[StatementChange, ...]) -> tuple[StatementChange, ...]:
    """The changes to the rules of a caption whose worked examples the new version still
    shows alike, without a rule it stopped saying in lower case paired with one it now
    says with the same keyword ("The title may be omitted:" -> "The title, the link text
    and even the destination may be omitted:" over the same ``[link](/uri)``): the caption
    says again, of more, what its examples show, and an example that shows more is added
    as one. A rule said in RFC 2119 capitals is always a rule, and a rule turned the other
    way ("cannot contain spaces" -> "can only contain spaces if ...") is no rule said
    again, caption or not."""
    gone = [c for c in changes if c.tag == "normative.removed" and c.old and not in_capitals(c.old)]
    came = [c for c in changes if c.tag == "normative.added" and c.new and not in_capitals(c.new)]
    dropped: set[int] = set()
    for removed in gone:
        mate = next((a for a in came if id(a) not in dropped and _said_again(removed, a)), None)
        if mate is not None:
            dropped.update((id(removed), id(mate)))
    return tuple(c for c in changes if id(c) not in dropped)


def _said_again(removed: StatementChange, added: StatementChange) -> bool:
    """The same keyword, as written but for case, on both sides."""
    return (removed.old or "").casefold() == (added.new or "").casefold()


def _given_statements(changes: tuple[StatementChange, ...]) -> Classification | None:
    if not changes:
        return None
    return Classification(tuple(dict.fromkeys(c.tag for c in changes)), statements=changes)


def content_tags(clause: Clause, added: bool) -> tuple[str, ...]:
    """Tags for a clause that appeared (``added``) or disappeared."""
    verb = "added" if added else "removed"
    if clause.kind is ClauseKind.ADMONITION or is_note(clause):
        return ("commentary",)
    if clause.kind is ClauseKind.EXAMPLE or (
        clause.kind is ClauseKind.CODE and fence_verdict(clause.info) is not None
    ):
        return (f"example.{verb}",)
    if clause.statements:
        return (f"normative.{verb}",)
    if (
        added
        and clause.kind in (ClauseKind.HTML, ClauseKind.PARAGRAPH)
        and is_anchor_only(clause.text)
    ):
        # <a name="sec-Old-Title"><!-- Legacy link ... --></a>: an anchor kept for old
        # links, which no reader sees. (One removed is left to the other checks: links
        # to it break.)
        return ("anchor.added",)
    if not added and is_field_row(clause):
        # The row was the rule that allowed its field (see is_field_row); a row added
        # allows a new field, which binds no one: it adds no rule.
        return ("normative.removed",)
    return ()
