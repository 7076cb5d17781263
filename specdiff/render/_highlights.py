"""The highlights that open a release entry: at most seven sentences, most important first.

Each candidate is one complete sentence a reader understands without the spec open,
ranked by severity, then by reach (what a change touches: a whole section, a rule, an
answer readers were taught, a link), then by its place in the document. Changes of the
same kind that say the same thing (three sections moved from guideline to user
authority) make one sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.vocabulary import ChangeKind, Level, Scope
from ._quotes import changed_phrases, excerpt_around

if TYPE_CHECKING:
    from ..model.changes import Change, Report, StatementChange

MAX_HIGHLIGHTS = 7
_MAX_NAMES = 3

#: How far a change reaches, by what it is (higher reaches further).
_REACH = {
    "section.removed": 9,
    "document": 9,
    "section.merged": 8,
    "attribute": 8,
    "normative.reversed": 7,
    "normative.removed": 7,
    "normative.strengthened": 6,
    "normative.weakened": 6,
    "normative.restricted": 6,
    "normative.broadened": 6,
    "normative.exception_added": 6,
    "normative.exception_removed": 6,
    "normative.changed": 6,
    "section.added": 5,
    "section.split": 5,
    "example.verdict_flipped": 5,
    "section.reidentified": 4,
    "normative.added": 4,
    "example.added": 3,
    "example.removed": 3,
    "example.moved": 2,
    "section.renamed": 1,
}
_FORCE_WORDS = {
    "normative.reversed": "reversed",
    "normative.strengthened": "strengthened",
    "normative.weakened": "weakened",
    "normative.restricted": "narrowed",
    "normative.broadened": "broadened",
    "normative.exception_added": "given an exception",
    "normative.exception_removed": "stripped of an exception",
    "normative.changed": "changed",
}


@dataclass(frozen=True, slots=True)
class Highlight:
    sentence: str
    severity: Level
    reach: int
    order: int
    changes: tuple[Change, ...]
    """The changes the sentence names (the details can point back at them)."""


def highlights(report: Report, limit: int = MAX_HIGHLIGHTS) -> list[Highlight]:
    """The ``limit`` most important sentences about ``report``, most important first."""
    found: list[Highlight] = []
    grouped: dict[tuple[str, str, str | None, str | None], list[tuple[int, Change]]] = defaultdict(
        list
    )
    for order, change in enumerate(report.changes):
        if change.scope is Scope.SECTION and change.kind is ChangeKind.ATTRIBUTES:
            for name, old, new in change.attributes:
                grouped[("attribute", name, old, new)].append((order, change))
            continue
        found.extend(_highlight(report, change, order))
    for (_, name, old, new), items in grouped.items():
        changes = tuple(c for _, c in items)
        titles = _names([_quote(report.title_of(c.section)) for c in changes])
        many = len(changes) > 1
        if old and new:
            sentence = f"{titles} moved from {old} to {new} {name}."
            if many:
                sentence = f"{len(changes)} sections moved from {old} to {new} {name}: {titles}."
        elif new:
            sentence = f"{titles} now {'carry' if many else 'carries'} {name}={new}."
        else:
            sentence = f"{titles} no longer {'carry' if many else 'carries'} {name}={old}."
        severity = max(c.severity for c in changes)
        found.append(Highlight(sentence, severity, _REACH["attribute"], items[0][0], changes))
    found = _group_alike_rules(report, found)
    found.sort(key=lambda h: (-h.severity, -h.reach, h.order))
    return found[:limit]


def _group_alike_rules(report: Report, found: list[Highlight]) -> list[Highlight]:
    """Three or more rules whose force changed the same way (“should” → “must”) make one
    sentence naming their sections, so they leave room for other highlights."""
    alike: dict[tuple[str, str, str], list[Highlight]] = defaultdict(list)
    for item in found:
        statement = _statement(item.changes[0]) if len(item.changes) == 1 else None
        if statement is not None and statement.old and statement.new:
            alike[(statement.tag, statement.old, statement.new)].append(item)
    kept = [h for h in found if not any(h in group for group in alike.values() if len(group) > 2)]
    for (tag, old, new), group in alike.items():
        if len(group) <= 2:
            continue
        changes = tuple(c for h in group for c in h.changes)
        where = _names(list(dict.fromkeys(_quote(report.title_of(c.section)) for c in changes)))
        sentence = f"{len(group)} rules are {_FORCE_WORDS[tag]} (“{old}” → “{new}”), in {where}."
        severity = max(h.severity for h in group)
        reach = max(h.reach for h in group) + 1
        kept.append(Highlight(sentence, severity, reach, group[0].order, changes))
    return kept


def _highlight(report: Report, change: Change, order: int) -> list[Highlight]:
    def make(sentence: str, reach_key: str) -> list[Highlight]:
        return [Highlight(sentence, change.severity, _REACH[reach_key], order, (change,))]

    if change.scope is Scope.DOCUMENT:
        if change.kind is ChangeKind.RENAMED:
            return make(
                f"The file `{change.old_document}` is now `{change.document}`, so links to "
                f"`{change.old_document}#…` break.",
                "document",
            )
        if change.kind is ChangeKind.ADDED:
            return make(f"The spec gains the file `{change.document}`.", "document")
        return make(f"The file `{change.old_document}` was removed from the spec.", "document")
    title = _quote(
        report.title_of(change.section or change.old_section, old=change.section is None)
    )
    if change.scope is Scope.SECTION:
        old_title = _quote(
            change.old.title if change.old else report.title_of(change.old_section, old=True)
        )
        new_title = _quote(change.new.title if change.new else report.title_of(change.section))
        if change.kind is ChangeKind.ADDED:
            return make(f"{new_title} is a new section.", "section.added")
        if change.kind is ChangeKind.REMOVED:
            return make(f"The section {old_title} was removed.", "section.removed")
        if change.kind is ChangeKind.MERGED:
            merged_into = _quote(report.title_of(change.section))
            return make(f"{old_title} was merged into {merged_into}.", "section.merged")
        if change.kind is ChangeKind.SPLIT:
            source = _quote(report.title_of(change.old_section, old=True))
            return make(f"{new_title} was split out of {source}.", "section.split")
        if change.kind is ChangeKind.REIDENTIFIED:
            # In a spec made of many files, other files link to it as "file.md#id".
            broken = f"{change.old_document or ''}#{change.old_section}"
            return make(
                f"The anchor of {new_title} changed from #{change.old_section} to "
                f"#{change.section}, so links to {broken} break.",
                "section.reidentified",
            )
        if change.kind is ChangeKind.RENAMED:
            return make(f"The section {old_title} is now titled {new_title}.", "section.renamed")
        return []
    statement = _statement(change)
    if statement is not None:
        return make(_rule_sentence(title, statement), statement.tag)
    if "normative.removed" in change.tags and change.old is not None:
        gone = [s.sentence for s in change.statements if s.tag == "normative.removed"]
        if not gone and change.kind is not ChangeKind.REMOVED:
            return []
        removed = excerpt_around(gone[0] if gone else change.old.text, "", 160)
        more = f" (and {len(gone) - 1} more)" if len(gone) > 1 else ""
        return make(
            _end(f"In {title}, this rule was removed{more}: “{removed}”"), "normative.removed"
        )
    if change.verdicts:
        example = _example_name(change)
        if len(change.verdicts) == 1:
            flip = change.verdicts[0]
            sentence = f"In {title}, {example} now marks {flip.new} an answer it marked {flip.old}."
        else:
            sentence = (
                f"In {title}, {len(change.verdicts)} answers of {example} changed verdict "
                "(GOOD ↔ BAD)."
            )
        return make(sentence, "example.verdict_flipped")
    side = change.new or change.old
    if side is not None and side.type == "example":
        example = _example_name(change)
        if change.kind is ChangeKind.ADDED:
            return make(f"{title} gains {example}.", "example.added")
        if change.kind is ChangeKind.REMOVED:
            return make(f"{_capital(example)} was removed from {title}.", "example.removed")
        if change.kind is ChangeKind.MOVED:
            where = (
                f"within {title}"
                if change.old_section == change.section
                else f"from {_quote(report.title_of(change.old_section, old=True))} to {title}"
            )
            edited = " and was edited" if "modified" in change.tags else ""
            return make(f"{_capital(example)} moved {where}{edited}.", "example.moved")
    if "normative.added" in change.tags:
        rule = next((s for s in change.statements if s.tag == "normative.added"), None)
        existed = (
            rule is not None
            and change.old is not None
            and _plain(rule.sentence)[:40] in _plain(change.old.text)
        )
        if existed and change.kind is ChangeKind.MODIFIED and change.old and change.new:
            # The sentence was there; the rule came with the words added to it.
            phrases = changed_phrases(change.old.text, change.new.text, limit=2, width=120)
            if phrases:
                return make(
                    _end(f"{title} gains a rule: {' and '.join(phrases)}"), "normative.added"
                )
        text = rule.sentence if rule is not None else (side.text if side else "")
        return make(
            _end(f"{title} gains a rule: “{excerpt_around(text, '', 160)}”"), "normative.added"
        )
    return []


def _statement(change: Change) -> StatementChange | None:
    """The statement change that says most about ``change`` (force changes first)."""
    for tag in _FORCE_WORDS:
        for statement in change.statements:
            if statement.tag == tag:
                return statement
    return None


def _rule_sentence(title: str, statement: StatementChange) -> str:
    word = _FORCE_WORDS[statement.tag]
    keywords = (
        f" (“{statement.old}” → “{statement.new}”)" if statement.old and statement.new else ""
    )
    old_sentence = statement.old_sentence
    if old_sentence and _plain(old_sentence) != _plain(statement.sentence):
        only_keywords = (
            statement.old
            and statement.new
            and _plain(old_sentence).replace(statement.old, statement.new, 1)
            == _plain(statement.sentence)
        )
        phrases = changed_phrases(old_sentence, statement.sentence, limit=2, width=120)
        if phrases and not only_keywords:
            return _end(f"In {title}, a rule is {word}{keywords}: {' and '.join(phrases)}")
    quote = excerpt_around(statement.sentence, statement.new or "", 160)
    return _end(f"In {title}, a rule is {word}{keywords}: “{quote}”")


def _end(sentence: str) -> str:
    """A full stop, unless the sentence already ends with a quoted one."""
    if sentence.endswith(("”", ".")) and sentence.rstrip("”")[-1:] in ".?!…":
        return sentence
    return sentence + "."


def _example_name(change: Change) -> str:
    side = change.new or change.old
    name = side.title if side is not None else ""
    return f"the worked example “{name}”" if name else "a worked example"


def _plain(text: str) -> str:
    return " ".join(text.split())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote(title: str) -> str:
    return f"“{title}”"


def _names(names: list[str]) -> str:
    if len(names) > _MAX_NAMES:
        names = [*names[:_MAX_NAMES], f"{len(names) - _MAX_NAMES} more"]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
