"""Known edits applied to a spec, with the change records the differ owes for each.

:func:`mutate` applies several edits of chosen kinds to a :class:`specgen.Doc` (a
generated spec, or a fixture read with :func:`specgen.from_markdown`) and returns the new
doc with one :class:`Edit` per edit: its kind, the record the differ must report
(``expected``), records it may report besides (``optional``: the clauses a section
record already covers), and its footprint, used to blame a wrong record on the edit that
caused it. :func:`score` then matches a report against the edits.

Edits of one trial never touch the same clause, and a section whose clause sequence
changed (a clause added, removed or moved) takes no second such edit, so each edit is
unambiguous: a moved clause is the only one that leaves its section's longest common
subsequence.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from specgen import (
    ADJECTIVES,
    AUTHORITIES,
    DETERMINERS,
    OBLIGATIONS,
    PLURALS,
    PREPOSITIONS,
    VERBS,
    Answer,
    Doc,
    ExampleBlock,
    ListBlock,
    Para,
    Raw,
    Row,
    Sec,
    Table,
    Words,
    _is_rule,
    clause_count,
    join_sentences,
    random_example,
    random_paragraph,
    slug,
    split_sentence,
)

from specdiff.classify.differ import names_a_thing
from specdiff.parse import fold, plain_text

if TYPE_CHECKING:
    import random
    from collections.abc import Callable

    from specgen import Block

    from specdiff.model.changes import Change, Report

KINDS = (
    "clause.added",
    "clause.removed",
    "clause.modified",
    "clause.moved_within",
    "clause.moved_across",
    "clause.moved_modified",
    "editorial",
    "normative.strengthened",
    "normative.weakened",
    "normative.reversed",
    "example.verdict_flipped",
    "section.renamed",
    "section.reidentified",
    "section.reattributed",
    "section.added",
    "section.removed",
    "section.merged",
    "rewrapped",
    "identifier.renamed",
    "example.typography",
    "html.comment_added",
    "table.row_across_objects",
    "table.header_renamed",
    "sentence.merged",
    "sentence.split",
    "phrase.moved",
    "list.item_added",
    "list.item_removed",
    "exception.added",
    "exception.removed",
    "exception.sentence_added",
    "exception.paragraph_added",
    "list.member_added",
    "condition.added",
    "restriction",
    "quantity.changed",
    "action.opposite",
    "voice.passive",
    "paragraph.split_to_list",
    "object.swapped",
    "modal.adverb",
    "quantity.reworded",
    "action.nominalised",
    "range.notation",
    "range.changed",
)
"""Every kind of edit :func:`mutate` knows. ``rewrapped`` is a control: a paragraph
hard-wrapped at another width, for which no record may appear; so is
``html.comment_added`` (a comment to tools is no clause)."""
GENERATED_ONLY = frozenset(
    {"identifier.renamed", "table.row_across_objects", "table.header_renamed"}
    | {"phrase.moved", "list.item_added", "list.item_removed", "exception.removed"}
    | {"quantity.changed", "action.opposite", "voice.passive", "object.swapped"}
    | {"modal.adverb", "quantity.reworded", "action.nominalised"}
    | {"range.notation", "range.changed", "list.member_added"}
)
"""Kinds that need what only generated specs hold: identifiers in code, field tables, a
sentence ending in a place phrase, a list under a lead-in (the sample spec's lists are
kept verbatim), "unless curators ask otherwise", "within N days", a verb with a known
opposite, a rule "Wren must <verb> <the thing> ..." to say in the passive or whose
thing's adjective to swap, a plain sentence "Curators <verb> ..." to say with a modal, a
rule whose verb has a noun ("inspect" / "inspection"), a range of letters ("in letters
('c' to 'k')") to write in another notation or change."""


@dataclass(frozen=True)
class Expect:
    """A change record the differ should report."""

    scope: str
    kind: str
    section: str | None
    old_section: str | None
    key: str = ""
    """For clause records: a sentence found in the record's old or new text."""
    tags: frozenset[str] = frozenset()
    """Tags the record must carry."""
    extra_ok: frozenset[str] = frozenset()
    """Tags it may carry besides."""
    severity: str | None = None
    link: str = ""
    """For reference.broken records: the anchor the record's clause links to."""

    def matches(self, change: Change) -> bool:
        if self.link:
            return "reference.broken" in change.tags and any(
                f"(#{self.link})" in s.text for s in (change.old, change.new) if s
            )
        if str(change.scope) != self.scope or str(change.kind) != self.kind:
            return False
        if self.section is not None and change.section != self.section:
            return False
        if self.old_section is not None and change.old_section != self.old_section:
            return False
        return not (
            self.key and not any(self.key in _plain(s.text) for s in (change.old, change.new) if s)
        )

    def exact(self, change: Change) -> bool:
        """Whether a matching record is also right in its tags and severity."""
        # A link into a section another edit removed or re-identified breaks: not wrong.
        tags = set(change.tags) - {"reference.broken"}
        if not self.tags <= tags or not tags - self.tags <= self.extra_ok:
            return False
        return self.severity is None or str(change.severity) == self.severity


@dataclass
class Edit:
    kind: str
    expected: list[Expect]
    optional: list[Expect] = field(default_factory=list)
    sentences: set[str] = field(default_factory=set)
    """Plain text of every sentence the edit touched (either side)."""
    sections: set[str] = field(default_factory=set)
    """Every section id the edit touched (either side)."""
    note: str = ""

    def touches(self, change: Change) -> bool:
        if str(change.scope) == "section":
            return bool({change.section, change.old_section} & self.sections)
        texts = [_plain(s.text) for s in (change.old, change.new) if s]
        return any(sentence in text for sentence in self.sentences for text in texts)


def _plain(text: str) -> str:
    return fold(plain_text(text))


# -- applying edits -----------------------------------------------------------------------


class _Mutator:
    def __init__(self, doc: Doc, rng: random.Random, words: Words) -> None:
        self.doc = doc
        self.old = doc
        self.rng = rng
        self.words = words
        self.touched: set[int] = set()
        """ids of blocks (old or new objects) already edited."""
        self.busy: set[str] = set()
        """Sections whose clause sequence changed."""
        self.frozen: set[str] = set()
        """Sections removed, merged, added, or that took a merge: no other edit inside."""
        self.renamed: set[str] = set()
        """Sections that took a section edit (renamed, reidentified, re-attributed)."""
        self.origin: dict[str, str] = {}
        """New id -> old id, for re-identified sections."""

    def was(self, section_id: str) -> str:
        """The id a section had in the old doc."""
        return self.origin.get(section_id, section_id)

    # -- helpers -------------------------------------------------------------------------
    def _blocks(
        self, want: type | tuple[type, ...], *, free: bool = False, where: object = None
    ) -> list[tuple[int, int]]:
        """(section position, block position) of untouched blocks of a type."""
        found = []
        for p, section in enumerate(self.doc.sections):
            if section.id in self.frozen or (free and section.id in self.busy):
                continue
            for b, block in enumerate(section.blocks):
                if (
                    isinstance(block, want)
                    and id(block) not in self.touched
                    and (where is None or where(block))  # type: ignore[operator]
                ):
                    found.append((p, b))
        return found

    def _set_blocks(self, position: int, blocks: list[Block]) -> None:
        section = self.doc.sections[position]
        self.doc = self.doc.with_section(position, replace(section, blocks=tuple(blocks)))

    def _replace_block(self, p: int, b: int, new: Block) -> Block:
        blocks = list(self.doc.sections[p].blocks)
        old = blocks[b]
        blocks[b] = new
        self._set_blocks(p, blocks)
        self.touched.update({id(old), id(new)})
        return old

    def _attributes(self, doc: Doc, position: int) -> dict[str, str]:
        chain = []
        current: int | None = position
        while current is not None:
            chain.append(doc.sections[current])
            current = doc.parent(current)
        merged: dict[str, str] = {}
        for section in reversed(chain):
            if section.authority:
                merged["authority"] = section.authority
            for pair in section.extra.split():
                name, _, value = pair.partition("=")
                merged[name] = value
        return merged

    def _key(self, block: Block, avoid: int = -1) -> str:
        choices = [s for i, s in enumerate(block.sentences) if i != avoid]
        return _plain(choices[0] if choices else block.sentences[0])

    def _edit(self, kind: str, expect: Expect, blocks: list[Block], sections: set[str]) -> Edit:
        sentences = {_plain(s) for block in blocks for s in block.sentences}
        return Edit(kind, [expect], sentences=sentences, sections=sections)

    # -- clause edits --------------------------------------------------------------------
    def clause_added(self) -> Edit | None:
        spots = [
            p
            for p, s in enumerate(self.doc.sections)
            if s.id not in self.frozen | self.busy and s.level > 1
        ]
        if not spots:
            return None
        p = self.rng.choice(spots)
        section = self.doc.sections[p]
        block: Block = (
            random_example(self.words) if self.rng.random() < 0.2 else random_paragraph(self.words)
        )
        blocks = list(section.blocks)
        blocks.insert(self.rng.randint(0, len(blocks)), block)
        self._set_blocks(p, blocks)
        self.touched.add(id(block))
        self.busy.add(section.id)
        tags = _content_tags(block, "added")
        expect = Expect(
            "clause", "added", section.id, None, self._key(block), tags, severity="minor"
        )
        return self._edit("clause.added", expect, [block], {section.id})

    def clause_removed(self) -> Edit | None:
        spots = self._blocks((Para, ExampleBlock), free=True)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        section = self.doc.sections[p]
        blocks = list(section.blocks)
        block = blocks.pop(b)
        self._set_blocks(p, blocks)
        self.touched.add(id(block))
        self.busy.add(section.id)
        tags = _content_tags(block, "removed")
        severity = "major" if "normative.removed" in tags else "minor"
        expect = Expect(
            "clause",
            "removed",
            None,
            self.was(section.id),
            self._key(block),
            tags,
            severity=severity,
        )
        return self._edit("clause.removed", expect, [block], {section.id})

    def clause_modified(self) -> Edit | None:
        """Two of four sentences rewritten (not the rule, if any): substantive rewording."""

        def rewritable(block: Block) -> bool:
            return sum(1 for s in block.sentences if not _RULE.search(s)) >= 3

        spots = self._blocks(Para, where=rewritable)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, Para)
        plain = [i for i, s in enumerate(old.sentences) if not _RULE.search(s)]
        keep, targets = plain[0], plain[1:3]
        sentences = list(old.sentences)
        for i in targets:
            sentences[i] = self.words.sentence()
        new = replace(old, sentences=tuple(sentences))
        self._replace_block(p, b, new)
        section = self.doc.sections[p].id
        expect = Expect(
            "clause",
            "modified",
            section,
            self.was(section),
            _plain(old.sentences[keep]),
            frozenset({"wording.substantive"}),
            severity="minor",
        )
        return self._edit("clause.modified", expect, [old, new], {section})

    def _move(self, kind: str, *, across: bool, edit_text: bool) -> Edit | None:
        # A clause that is moved and edited must stay recognisable: long enough that an
        # appended sentence does not make up most of it.
        spots = self._blocks(Para, free=True, where=lambda x: not edit_text or len(x.text) >= 150)
        self.rng.shuffle(spots)
        for p, b in spots:
            source = self.doc.sections[p]
            block = source.blocks[b]
            assert isinstance(block, Para)
            if across:
                targets = [
                    q
                    for q, s in enumerate(self.doc.sections)
                    if q != p and s.level > 1 and s.id not in self.frozen | self.busy
                ]
                if not targets:
                    continue
                q = self.rng.choice(targets)
                moved: Block = block
                variant = ""
                if edit_text:
                    moved, variant = self._retouch(block)
                rest = list(source.blocks)
                rest.pop(b)
                self._set_blocks(p, rest)
                dest = list(self.doc.sections[q].blocks)
                dest.insert(self.rng.randint(0, len(dest)), moved)
                self._set_blocks(q, dest)
                self.touched.update({id(block), id(moved)})
                self.busy.update({source.id, self.doc.sections[q].id})
                before = self._attributes(self.old, self.old.index(self.was(source.id)))
                after = self._attributes(self.doc, q)
                tags = {"moved.across_sections"}
                severity = "patch"
                if before != after:
                    tags.add("moved.attributes_differ")
                    severity = "minor"
                if edit_text:
                    tags.add("modified")
                if variant == "strengthened":
                    tags.add("normative.strengthened")
                    severity = "major"
                expect = Expect(
                    "clause",
                    "moved",
                    self.doc.sections[q].id,
                    self.was(source.id),
                    self._key(block),
                    frozenset(tags),
                    frozenset({"wording", "wording.substantive"}),
                    severity=None if variant == "sentence" else severity,
                )
                sections = {source.id, self.doc.sections[q].id}
                edit = self._edit(kind, expect, [block, moved], sections)
                edit.note = variant
                return edit
            # Within the section: at least two clauses between the old and new place.
            sizes = [clause_count(x) for x in source.blocks]
            places = []
            for j in range(len(source.blocks) + 1):
                if j in (b, b + 1):
                    continue
                low, high = (j, b) if j < b else (b + 1, j)
                if sum(sizes[low:high]) >= 2:
                    places.append(j)
            if not places:
                continue
            j = self.rng.choice(places)
            blocks = list(source.blocks)
            blocks.insert(j, block)
            blocks.pop(b if j > b else b + 1)
            self._set_blocks(p, blocks)
            self.touched.add(id(block))
            self.busy.add(source.id)
            expect = Expect(
                "clause",
                "moved",
                source.id,
                self.was(source.id),
                self._key(block),
                frozenset({"moved.within_section"}),
                severity="patch",
            )
            return self._edit(kind, expect, [block], {source.id})
        return None

    def _retouch(self, block: Para) -> tuple[Para, str]:
        """A moved clause's edit: a sentence appended, or its "should" made "must"."""
        should = re.compile(r"(?<= )should\b(?! not| never| always)")
        rules = [i for i, s in enumerate(block.sentences) if should.search(s)]
        if rules and self.rng.random() < 0.4:
            sentences = list(block.sentences)
            i = self.rng.choice(rules)
            sentences[i] = should.sub("must", sentences[i], count=1)
            return replace(block, sentences=tuple(sentences)), "strengthened"
        return replace(block, sentences=(*block.sentences, self.words.sentence())), "sentence"

    def clause_moved_within(self) -> Edit | None:
        return self._move("clause.moved_within", across=False, edit_text=False)

    def clause_moved_across(self) -> Edit | None:
        return self._move("clause.moved_across", across=True, edit_text=False)

    def clause_moved_modified(self) -> Edit | None:
        return self._move("clause.moved_modified", across=True, edit_text=True)

    def editorial(self) -> Edit | None:
        """A typo, a punctuation change or markup on one word of a sentence."""
        spots = self._blocks(Para, where=lambda x: len(x.sentences) >= 2)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, Para)
        i = self.rng.randrange(1, len(old.sentences))
        words = old.sentences[i].split(" ")
        long = [
            k
            for k, w in enumerate(words)
            if k and w.isalpha() and len(w) >= 6 and w.lower() not in _NOT_TYPOS
        ]
        variant = self.rng.choice(("typo", "punctuation", "markup"))
        if variant == "typo" and long:
            k = self.rng.choice(long)
            w = words[k]
            c = self.rng.choice([c for c in range(1, len(w) - 2) if w[c] != w[c + 1]])
            words[k] = w[:c] + w[c + 1] + w[c] + w[c + 2 :]
        elif variant == "markup" and long:
            k = self.rng.choice(long)
            words[k] = self.rng.choice(("*{}*", "**{}**", "_{}_")).format(words[k])
        else:
            variant = "punctuation"
            # Not inside an obligation phrase ("should, not" would change its reading).
            k = self.rng.choice(
                [
                    k
                    for k in range(1, len(words) - 1)
                    if words[k][-1].isalpha() and words[k].lower() not in _MODALS
                ]
            )
            words[k] += ","
        sentences = list(old.sentences)
        sentences[i] = " ".join(words)
        new = replace(old, sentences=tuple(sentences))
        self._replace_block(p, b, new)
        section = self.doc.sections[p].id
        expect = Expect(
            "clause",
            "modified",
            section,
            self.was(section),
            self._key(old, avoid=i),
            frozenset({"editorial"}),
            severity="patch",
        )
        edit = self._edit("editorial", expect, [old, new], {section})
        edit.note = variant
        return edit

    def _reword(self, kind: str, swaps: list[tuple[str, str]]) -> Edit | None:
        """Replace an obligation phrase in a rule sentence (``should`` -> ``must`` ...)."""
        patterns = [(re.compile(rf"(?<= ){a}\b(?! not| never| always)"), b) for a, b in swaps]

        def has(block: Block) -> bool:
            return any(p.search(s) for p, _ in patterns for s in block.sentences)

        spots = self._blocks(Para, where=has)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, Para)
        options = [
            (i, pattern, new)
            for i, s in enumerate(old.sentences)
            for pattern, new in patterns
            if pattern.search(s)
        ]
        i, pattern, word = self.rng.choice(options)
        sentences = list(old.sentences)
        sentences[i] = pattern.sub(word, sentences[i], count=1)
        new = replace(old, sentences=tuple(sentences))
        self._replace_block(p, b, new)
        section = self.doc.sections[p].id
        expect = Expect(
            "clause",
            "modified",
            section,
            self.was(section),
            self._key(old, avoid=i),
            frozenset({kind}),
            severity="major",
        )
        edit = self._edit(kind, expect, [old, new], {section})
        edit.note = f"{pattern.pattern} -> {word}"
        return edit

    def strengthened(self) -> Edit | None:
        return self._reword("normative.strengthened", [("should", "must"), ("may", "must")])

    def weakened(self) -> Edit | None:
        return self._reword(
            "normative.weakened", [("must", "should"), ("must", "may"), ("must not", "should not")]
        )

    def reversed(self) -> Edit | None:
        return self._reword(
            "normative.reversed",
            [("should", "should not"), ("is allowed", "is not allowed"), ("must not", "must")],
        )

    def verdict_flipped(self) -> Edit | None:
        spots = self._blocks(ExampleBlock, where=lambda x: bool(x.answers))
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, ExampleBlock)
        k = self.rng.randrange(len(old.answers))
        answers = list(old.answers)
        flipped = "BAD" if answers[k].verdict == "GOOD" else "GOOD"
        answers[k] = Answer(flipped, answers[k].reason, answers[k].text)
        source = old.source
        if source:
            labels = list(_LABEL.finditer(source))
            assert len(labels) == len(answers)
            label = labels[k]
            source = source[: label.start(1)] + flipped + source[label.end(1) :]
        new = replace(old, answers=tuple(answers), source=source)
        self._replace_block(p, b, new)
        section = self.doc.sections[p].id
        expect = Expect(
            "clause",
            "modified",
            section,
            self.was(section),
            _plain(old.question),
            frozenset({"example.verdict_flipped"}),
            severity="major",
        )
        return self._edit("example.verdict_flipped", expect, [old, new], {section})

    # -- section edits -------------------------------------------------------------------
    def _sections(self, *, leaf: bool = False, clean: bool = False, level: int = 2) -> list[int]:
        """Positions of sections free for a section edit."""
        found = []
        for p, s in enumerate(self.doc.sections):
            if s.level < level or s.id in self.frozen or s.id in self.renamed:
                continue
            if leaf and not self.doc.is_leaf(p):
                continue
            if clean and (s.id in self.busy or any(id(x) in self.touched for x in s.blocks)):
                continue
            if clean and not s.blocks:
                continue
            found.append(p)
        return found

    def _section_edit(self, kind: str, expect: Expect, ids: set[str]) -> Edit:
        return Edit(kind, [expect], sections=ids)

    def section_renamed(self) -> Edit | None:
        spots = self._sections()
        if not spots:
            return None
        p = self.rng.choice(spots)
        section = self.doc.sections[p]
        title = self.words.title()
        # A heading without {#id} takes the slug of its title: the id changes with it.
        new_id = section.id if section.explicit else slug(title)
        self.doc = self.doc.with_section(p, replace(section, title=title, id=new_id))
        self.renamed.update({section.id, new_id})
        self.origin[new_id] = self.was(section.id)
        expect = Expect("section", "renamed", new_id, self.was(section.id), severity="patch")
        edit = self._section_edit("section.renamed", expect, {section.id, new_id})
        if new_id != section.id:
            edit.optional = [_broken(section.id)]
        return edit

    def section_reidentified(self) -> Edit | None:
        spots = [p for p in self._sections() if self.doc.sections[p].explicit]
        if not spots:
            return None
        p = self.rng.choice(spots)
        section = self.doc.sections[p]
        new_id = self.words.ident()
        self.doc = self.doc.with_section(p, replace(section, id=new_id))
        self.renamed.update({section.id, new_id})
        self.origin[new_id] = section.id
        expect = Expect("section", "reidentified", new_id, section.id, severity="major")
        edit = self._section_edit("section.reidentified", expect, {section.id, new_id})
        edit.optional = [_broken(section.id)]
        return edit

    def section_reattributed(self) -> Edit | None:
        spots = [p for p in self._sections() if self.doc.sections[p].authority]
        if not spots:
            return None
        p = self.rng.choice(spots)
        section = self.doc.sections[p]
        assert section.authority is not None
        value = self.rng.choice([a for a in AUTHORITIES if a != section.authority])
        self.doc = self.doc.with_section(p, replace(section, authority=value))
        self.renamed.add(section.id)
        raised = AUTHORITIES.index(value) < AUTHORITIES.index(section.authority)
        tag = "attribute.raised" if raised else "attribute.lowered"
        expect = Expect(
            "section",
            "attributes",
            section.id,
            section.id,
            tags=frozenset({tag}),
            severity="major",
        )
        return self._section_edit("section.reattributed", expect, {section.id})

    def section_added(self) -> Edit | None:
        spots = [p for p in self._sections(leaf=True) if self.doc.sections[p].level >= 2]
        if not spots:
            return None
        p = self.rng.choice(spots)
        anchor = self.doc.sections[p]
        blocks: list[Block] = [random_paragraph(self.words) for _ in range(self.rng.randint(2, 3))]
        if self.rng.random() < 0.3:
            blocks.append(random_example(self.words))
        fresh = Sec(
            self.words.ident(),
            self.words.title(),
            anchor.level,
            self.rng.choice(AUTHORITIES),
            tuple(blocks),
        )
        sections = list(self.doc.sections)
        sections.insert(p + 1, fresh)
        self.doc = replace(self.doc, sections=tuple(sections))
        self.frozen.add(fresh.id)
        self.touched.update(id(x) for x in blocks)
        expect = Expect("section", "added", fresh.id, None, severity="minor")
        expect = replace(expect, tags=_section_tags(blocks, "added"))
        edit = self._section_edit("section.added", expect, {fresh.id})
        edit.optional = [
            Expect("clause", "added", fresh.id, None, key) for x in blocks for key in _keys(x)
        ]
        edit.sentences = {_plain(s) for x in blocks for s in x.sentences}
        return edit

    def section_removed(self) -> Edit | None:
        spots = [
            p for p in self._sections(leaf=True, clean=True) if self.doc.sections[p].level >= 3
        ]
        if not spots:
            return None
        p = self.rng.choice(spots)
        gone = self.doc.sections[p]
        sections = list(self.doc.sections)
        sections.pop(p)
        self.doc = replace(self.doc, sections=tuple(sections))
        self.frozen.add(gone.id)
        normative = any(x.normative for x in gone.blocks)
        expect = Expect(
            "section",
            "removed",
            None,
            self.was(gone.id),
            tags=_section_tags(gone.blocks, "removed"),
            severity="major" if normative else "minor",
        )
        edit = self._section_edit("section.removed", expect, {gone.id})
        edit.optional = [
            Expect("clause", "removed", None, gone.id, key) for x in gone.blocks for key in _keys(x)
        ]
        edit.optional.append(_broken(gone.id))
        edit.sentences = {_plain(s) for x in gone.blocks for s in x.sentences}
        return edit

    def section_merged(self) -> Edit | None:
        spots = []
        for p in self._sections(leaf=True, clean=True, level=3):
            for q in self.doc.siblings(p):
                target = self.doc.sections[q]
                if (
                    self.doc.is_leaf(q)
                    and target.id not in self.frozen | self.busy
                    and target.id not in self.renamed
                ):
                    spots.append((p, q))
        if not spots:
            return None
        p, q = self.rng.choice(spots)
        source, target = self.doc.sections[p], self.doc.sections[q]
        before = self._attributes(self.doc, p)
        self._set_blocks(q, [*target.blocks, *source.blocks])
        sections = list(self.doc.sections)
        sections.pop(p)
        self.doc = replace(self.doc, sections=tuple(sections))
        self.frozen.update({source.id, target.id})
        self.touched.update(id(x) for x in source.blocks)
        # Links to an anchor the author chose break; one derived from a title in words goes
        # with the title, as a rename's does (a title naming a field is that field's address).
        chosen = source.explicit or names_a_thing(source.title)
        severity, tags = (
            ("major", frozenset()) if chosen else ("minor", frozenset({"anchor.from_title"}))
        )
        expect = Expect("section", "merged", target.id, source.id, tags=tags, severity=severity)
        edit = self._section_edit("section.merged", expect, {source.id, target.id})
        after = self._attributes(self.doc, self.doc.index(target.id))
        extra = frozenset({"moved.attributes_differ"}) if before != after else frozenset()
        edit.optional = [
            Expect(
                "clause",
                "moved",
                target.id,
                source.id,
                key,
                frozenset({"moved.across_sections"}),
                extra,
            )
            for x in source.blocks
            for key in _keys(x)
        ]
        edit.optional.append(_broken(source.id))
        edit.sentences = {_plain(s) for x in source.blocks for s in x.sentences}
        return edit

    def _plain_sentence_edit(
        self,
        kind: str,
        pattern: re.Pattern[str],
        substitute: Callable[[re.Match[str]], str],
        substantive: bool,
    ) -> Edit | None:
        """The first match of ``pattern`` in a sentence stating no rule, in a paragraph
        picked at random, replaced by ``substitute(match)``: a modified clause, substantive
        (MINOR) or editorial (PATCH)."""

        def plain(sentence: str) -> bool:
            return bool(pattern.search(sentence)) and not _RULE.search(sentence)

        spots = self._blocks(Para, where=lambda block: any(map(plain, block.sentences)))
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, Para)
        i = next(k for k, s in enumerate(old.sentences) if plain(s))
        sentences = list(old.sentences)
        sentences[i] = pattern.sub(substitute, sentences[i], count=1)
        new = replace(old, sentences=tuple(sentences))
        self._replace_block(p, b, new)
        section = self.doc.sections[p].id
        expect = Expect(
            "clause",
            "modified",
            section,
            self.was(section),
            self._key(old, avoid=i),
            frozenset({"wording.substantive" if substantive else "editorial"}),
            severity="minor" if substantive else "patch",
        )
        return self._edit(kind, expect, [old, new], {section})

    def identifier_renamed(self) -> Edit | None:
        """An identifier in a code span renamed: never a spelling fix."""
        return self._plain_sentence_edit(
            "identifier.renamed",
            re.compile(r"`([a-z]+_[a-z]+)`"),
            lambda _: f"`{self.words.ident()}`",
            substantive=True,
        )

    def list_member_added(self) -> Edit | None:
        """``Curators gather ...`` -> ``Curators and apprentices gather ...`` in a sentence
        stating no rule: what it says is said of more things, substantive rewording."""
        return self._plain_sentence_edit(
            "list.member_added",
            _PLURAL_SUBJECT,
            lambda m: f"{m[1]} and apprentices ",
            substantive=True,
        )

    def _range_edit(self, kind: str, rewrite: Callable[[str, str], str]) -> Edit | None:
        """A range of letters in a plain sentence written anew by ``rewrite(low, high)``."""
        return self._plain_sentence_edit(
            kind, _RANGE, lambda m: rewrite(m[1], m[2]), substantive=kind == "range.changed"
        )

    def range_notation(self) -> Edit | None:
        """A range of letters in another notation ("('c' to 'k')" -> "[c-k]"): editorial."""
        form = self.rng.choice(_RANGE_FORMS)
        return self._range_edit("range.notation", form.format)

    def range_changed(self) -> Edit | None:
        """A range of letters whose upper end moved, perhaps written another way too: the
        text says something else."""
        form = self.rng.choice(_RANGE_FORMS)
        step = self.rng.choice((-2, -1, 1, 2))
        return self._range_edit("range.changed", lambda a, b: form.format(a, chr(ord(b) + step)))

    def example_typography(self) -> Edit | None:
        """Curly quotes, a dash, an ellipsis or a misspelling in a worked example's answer."""
        spots = self._blocks(ExampleBlock, where=lambda x: bool(x.answers))
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, ExampleBlock)
        k = self.rng.randrange(len(old.answers))
        text = old.answers[k].text
        words = text.split(" ")
        variant = self.rng.choice(("quotes", "dash", "ellipsis", "spelling"))
        long = [j for j, w in enumerate(words) if j and w.isalpha() and w.islower() and len(w) >= 6]
        if variant == "spelling" and long:
            j = self.rng.choice(long)
            w = words[j]
            c = self.rng.choice([c for c in range(1, len(w) - 2) if w[c] != w[c + 1]])
            words[j] = w[:c] + w[c + 1] + w[c] + w[c + 2 :]
        elif variant == "dash" and len(words) > 3:
            j = self.rng.randrange(1, len(words) - 1)
            words[j] = words[j] + self.rng.choice((" —", " ---", " --", " –"))
        elif variant == "ellipsis" and text.endswith("."):
            words[-1] = words[-1].removesuffix(".") + self.rng.choice(("…", "..."))
        elif len(words) > 2:
            variant = "quotes"
            j = self.rng.randrange(1, len(words) - 1)
            words[j] = f"“{words[j]}”"
        else:
            return None  # a one- or two-word answer ("Sure.") offers no spot
        new_text = " ".join(words)
        answers = list(old.answers)
        answers[k] = Answer(answers[k].verdict, answers[k].reason, new_text)
        source = old.source.replace(text, new_text, 1) if old.source else ""
        if old.source and source == old.source:
            return None
        new = replace(old, answers=tuple(answers), source=source)
        self._replace_block(p, b, new)
        section = self.doc.sections[p].id
        expect = Expect(
            "clause",
            "modified",
            section,
            self.was(section),
            _plain(old.question),
            frozenset({"editorial"}),
            severity="patch",
        )
        edit = self._edit("example.typography", expect, [old, new], {section})
        edit.note = variant
        return edit

    def html_comment_added(self) -> Edit | None:
        """A comment to tools between two blocks: no clause, so no record."""
        spots = [
            p
            for p, s in enumerate(self.doc.sections)
            if s.id not in self.frozen and s.blocks and s.level > 1
        ]
        if not spots:
            return None
        p = self.rng.choice(spots)
        section = self.doc.sections[p]
        blocks = list(section.blocks)
        comment = Raw(self.rng.choice(_COMMENTS), 0)
        j = self.rng.randint(0, len(blocks))
        blocks.insert(j, comment)
        self._set_blocks(p, blocks)
        self.touched.add(id(comment))
        neighbours = blocks[max(j - 1, 0) : j + 2]
        sentences = {_plain(s) for x in neighbours for s in x.sentences}
        return Edit("html.comment_added", [], sentences=sentences)

    def table_row_across_objects(self) -> Edit | None:
        """A field removed from one object's table and another added to another object's,
        with the same type and description: a removal and an addition, never a move. The
        row removed is a rule removed (documents using the field no longer conform, major);
        the row added allows a new field (minor)."""
        tables = self._blocks(Table, free=True)
        self.rng.shuffle(tables)
        for (p, b), (q, c) in itertools.permutations(tables, 2):
            if p == q:
                continue
            source, target = self.doc.sections[p], self.doc.sections[q]
            old_table, other = source.blocks[b], target.blocks[c]
            assert isinstance(old_table, Table) and isinstance(other, Table)
            if len(old_table.rows) < 2:
                continue
            k = self.rng.randrange(len(old_table.rows))
            gone = old_table.rows[k]
            owner = other.rows[0].anchor.removesuffix("-" + other.rows[0].name)
            name = self.words.ident()
            added = Row(f"{owner}-{name}", name, gone.type, gone.description)
            smaller = replace(old_table, rows=old_table.rows[:k] + old_table.rows[k + 1 :])
            self._replace_block(p, b, smaller)
            j = self.rng.randint(0, len(other.rows))
            bigger = replace(other, rows=(*other.rows[:j], added, *other.rows[j:]))
            self._replace_block(q, c, bigger)
            self.busy.update({source.id, target.id})
            key = _plain(gone.description)
            removed = Expect(
                "clause",
                "removed",
                None,
                self.was(source.id),
                key,
                tags=frozenset({"normative.removed"}),
                severity="major",
            )
            appeared = Expect("clause", "added", target.id, None, key, severity="minor")
            return Edit(
                "table.row_across_objects",
                [removed, appeared],
                sentences={key},
                sections={source.id, target.id},
            )
        return None

    def table_header_renamed(self) -> Edit | None:
        """A column of a field table renamed in its header, no row touched: the header row
        says the table's cells are something else, a change of its own (never none)."""
        tables = self._blocks(Table)
        if not tables:
            return None
        p, b = self.rng.choice(tables)
        section = self.doc.sections[p]
        old = section.blocks[b]
        assert isinstance(old, Table)
        k = self.rng.randrange(len(old.header))
        header = list(old.header)
        header[k] = self.rng.choice(_COLUMN_NAMES[header[k]])
        new = replace(old, header=(header[0], header[1], header[2]))
        self._replace_block(p, b, new)
        key = _plain(" | ".join(new.header))
        expect = Expect(
            "clause",
            "modified",
            section.id,
            self.was(section.id),
            key,
            frozenset({"wording.substantive"}),
            severity="minor",
        )
        sentences = {key, _plain(" | ".join(old.header))}
        return Edit("table.header_renamed", [expect], sentences=sentences, sections={section.id})

    # -- reading rules (issue 10) --------------------------------------------------------
    def _sentence_edit(
        self,
        kind: str,
        tags: set[str],
        severity: str | None,
        pick: Callable[[Para], list[int]],
        change: Callable[[list[str], int], list[str]],
        extra_ok: frozenset[str] = frozenset(),
    ) -> Edit | None:
        """Rewrite the sentences of one paragraph at a spot ``pick`` offers."""
        spots = [(p, b) for p, b in self._blocks(Para) if pick(self.doc.sections[p].blocks[b])]  # type: ignore[arg-type]
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, Para)
        i = self.rng.choice(pick(old))
        new = replace(old, sentences=tuple(change(list(old.sentences), i)))
        self._replace_block(p, b, new)
        section = self.doc.sections[p].id
        key = _plain(old.sentences[0] if i else old.sentences[-1])
        expect = Expect(
            "clause",
            "modified",
            section,
            self.was(section),
            key,
            frozenset(tags),
            extra_ok,
            severity=severity,
        )
        edit = self._edit(kind, expect, [old, new], {section})
        edit.note = old.sentences[i]
        return edit

    def sentence_merged(self) -> Edit | None:
        """``"A. B."`` -> ``"A; b."``: punctuation only, no rule changes."""

        def pick(x: Para) -> list[int]:
            return [i for i in range(1, len(x.sentences) - 1) if "; " not in x.sentences[i]]

        def change(sentences: list[str], i: int) -> list[str]:
            sentences[i : i + 2] = [join_sentences(sentences[i], sentences[i + 1])]
            return sentences

        return self._sentence_edit("sentence.merged", {"editorial"}, "patch", pick, change)

    def sentence_split(self) -> Edit | None:
        """``"A; b."`` -> ``"A. B."``."""

        def pick(x: Para) -> list[int]:
            return [i for i, t in enumerate(x.sentences) if "; " in t]

        def change(sentences: list[str], i: int) -> list[str]:
            sentences[i : i + 1] = list(split_sentence(sentences[i]))
            return sentences

        return self._sentence_edit("sentence.split", {"editorial"}, "patch", pick, change)

    def phrase_moved(self) -> Edit | None:
        """A sentence's closing place ("beside the amber ledger") moves to the end of the
        sentence before it: the same words, so no rule changes."""

        def pick(x: Para) -> list[int]:
            return [
                i
                for i in range(1, len(x.sentences))
                if _closing_place(x.sentences[i]) and ";" not in x.sentences[i - 1]
            ]

        def change(sentences: list[str], i: int) -> list[str]:
            place = _closing_place(sentences[i])
            sentences[i] = sentences[i].removesuffix(f" {place}.") + "."
            sentences[i - 1] = f"{sentences[i - 1].removesuffix('.')} {place}."
            return sentences

        return self._sentence_edit("phrase.moved", {"wording"}, "patch", pick, change)

    def _rule_edit(
        self, kind: str, tag: str, pattern: re.Pattern[str], change: Callable[[str], str]
    ) -> Edit | None:
        """Rewrite one rule sentence that ``pattern`` finds."""

        def pick(x: Para) -> list[int]:
            return [i for i, t in enumerate(x.sentences) if pattern.search(t)]

        def rewrite(sentences: list[str], i: int) -> list[str]:
            sentences[i] = change(sentences[i])
            return sentences

        return self._sentence_edit(kind, {tag}, "major", pick, rewrite)

    def exception_added(self) -> Edit | None:
        return self._rule_edit(
            "exception.added",
            "normative.exception_added",
            re.compile(r"^Wren (?:must|should)(?: not)? (?!.*\bunless\b)"),
            lambda t: t.removesuffix(".") + " unless a courier asks for it.",
        )

    def exception_removed(self) -> Edit | None:
        return self._rule_edit(
            "exception.removed",
            "normative.exception_removed",
            re.compile(r"^Wren .* unless curators ask otherwise\.$"),
            lambda t: t.replace(" unless curators ask otherwise", ""),
        )

    def exception_sentence_added(self) -> Edit | None:
        """``Wren must X.`` -> ``Wren must X. An exception is when a courier asks for it.``:
        an exception stated as a sentence of its own belongs to the rule before it."""
        rule = re.compile(r"^Wren (?:must|should)(?: not)? (?!.*\bunless\b)")

        def pick(x: Para) -> list[int]:
            return [
                i
                for i, t in enumerate(x.sentences)
                if rule.search(t)
                and t.endswith(".")  # not a list's lead-in ("... read or heard:")
                and not (i + 1 < len(x.sentences) and "exception" in x.sentences[i + 1])
            ]

        def change(sentences: list[str], i: int) -> list[str]:
            sentences.insert(i + 1, "An exception is when a courier asks for it.")
            return sentences

        return self._sentence_edit(
            "exception.sentence_added", {"normative.exception_added"}, "major", pick, change
        )

    def exception_paragraph_added(self) -> Edit | None:
        """A paragraph "An exception is when a courier asks for it." put after a paragraph
        that ends with a rule (``Wren must X.``): an exception to that rule, as if it stood
        in the rule's own paragraph."""
        rule = re.compile(r"^Wren (?:must|should)(?: not)? (?!.*\bunless\b).*\.$")
        spots = [
            (p, b)
            for p, b in self._blocks(Para, free=True)
            if rule.search(self.doc.sections[p].blocks[b].sentences[-1])  # type: ignore[union-attr]
        ]
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        section = self.doc.sections[p]
        block = Para(sentences=("An exception is when a courier asks for it.",))
        blocks = list(section.blocks)
        blocks.insert(b + 1, block)
        self._set_blocks(p, blocks)
        self.touched.update((id(block), id(section.blocks[b])))
        self.busy.add(section.id)
        expect = Expect(
            "clause",
            "added",
            section.id,
            None,
            self._key(block),
            frozenset({"normative.exception_added"}),
            severity="major",
        )
        return self._edit("exception.paragraph_added", expect, [block], {section.id})

    def condition_added(self) -> Edit | None:
        """``Wren must X.`` -> ``If the tide is high, Wren must X.``: the rule now binds
        only when the condition holds, a different requirement."""
        return self._rule_edit(
            "condition.added",
            "normative.changed",
            re.compile(r"^Wren (?:must|should)(?: not)? (?!.*\b(?:if|when|unless)\b)"),
            lambda t: f"If the tide is high, {t}",
        )

    def restriction(self) -> Edit | None:
        return self._rule_edit(
            "restriction",
            "normative.restricted",
            re.compile(r"^Wren (?:may|must|should) (?!not\b|only\b|never\b|always\b)"),
            lambda t: re.sub(r"^Wren (may|must|should) ", r"Wren \1 only ", t),
        )

    def quantity_changed(self) -> Edit | None:
        def change(text: str) -> str:
            found = _WITHIN.search(text)
            assert found is not None
            number = int(found.group(1))
            variant = self.rng.choice(("number", "unit", "comparator"))
            if variant == "number":
                new = f"within {number + self.rng.randint(1, 20)} days"
                if self.rng.random() < 0.5:  # another number, written in words
                    new = f"within {_NUMBER_NAMES[number + self.rng.randint(1, 4)]} days"
            elif variant == "unit":
                new = f"within {number} hours"
            else:
                new = f"after {number} days"
            return text[: found.start()] + new + text[found.end() :]

        return self._rule_edit("quantity.changed", "normative.changed", _WITHIN, change)

    def quantity_reworded(self) -> Edit | None:
        """``within 5 days`` -> ``within five days``: the same number in words."""

        def change(sentences: list[str], i: int) -> list[str]:
            found = _WITHIN.search(sentences[i])
            assert found is not None
            number = _NUMBER_NAMES[int(found.group(1))]
            sentences[i] = _WITHIN.sub(f"within {number} days", sentences[i], count=1)
            return sentences

        def pick(x: Para) -> list[int]:
            return [i for i, t in enumerate(x.sentences) if _WITHIN.search(t)]

        return self._sentence_edit("quantity.reworded", {"wording"}, "patch", pick, change)

    def action_nominalised(self) -> Edit | None:
        """``Wren must inspect the amber ledger ...`` -> ``Wren must perform the inspection
        of the amber ledger ...`` (a light verb carries the act said as a noun: the same
        rule), or ``... must skip the inspection of ...`` (a verb of its own: another rule)."""
        verbs = "|".join(_NOUNS)
        pattern = re.compile(rf"^Wren ({_MODALS}) ({verbs}) ({_THING}) ")

        def pick(x: Para) -> list[int]:
            return [i for i, t in enumerate(x.sentences) if pattern.search(t)]

        light = self.rng.random() < 0.5
        carrier = self.rng.choice(("perform", "undergo")) if light else "skip"

        def rewrite(sentences: list[str], i: int) -> list[str]:
            found = pattern.search(sentences[i])
            assert found is not None
            modal, verb, thing = found.groups()
            said = f"Wren {modal} {carrier} the {_NOUNS[verb]} of {thing} "
            sentences[i] = said + sentences[i][found.end() :]
            return sentences

        if light:
            return self._sentence_edit("action.nominalised", {"wording"}, "patch", pick, rewrite)
        tags = {"normative.changed"}
        return self._sentence_edit("action.nominalised", tags, "major", pick, rewrite)

    def action_opposite(self) -> Edit | None:
        """``Wren must assemble ...`` -> ``Wren must dismantle ...``: the same modal."""
        verbs = "|".join(_OPPOSITE_VERBS)
        pattern = re.compile(rf"^Wren (?:must|should|may)(?: not)? (?:{verbs}) ")

        def change(text: str) -> str:
            return re.sub(
                rf"^(Wren (?:must|should|may)(?: not)? )({verbs}) ",
                lambda m: f"{m.group(1)}{_OPPOSITE_VERBS[m.group(2)]} ",
                text,
            )

        return self._rule_edit("action.opposite", "normative.reversed", pattern, change)

    def voice_passive(self) -> Edit | None:
        """``Wren must polish the amber ledger beside ...`` -> ``The amber ledger must be
        polished beside ...``: the same rule in the passive, the agent left out."""
        pattern = re.compile(rf"^Wren ({_MODALS}) ({_VERB_WORDS}) ({_THING}) ")

        def pick(x: Para) -> list[int]:
            return [i for i, t in enumerate(x.sentences) if pattern.search(t)]

        def rewrite(sentences: list[str], i: int) -> list[str]:
            found = pattern.search(sentences[i])
            assert found is not None
            modal, verb, thing = found.groups()
            passive = f"{thing.capitalize()} {modal} be {participle(verb)} "
            sentences[i] = passive + sentences[i][found.end() :]
            return sentences

        return self._sentence_edit("voice.passive", {"wording"}, "patch", pick, rewrite)

    def modal_adverb(self) -> Edit | None:
        """``Curators polish ...`` -> ``Curators will always polish ...`` (or "can always",
        "might never", or "might polish ... and never weigh it": a coordinated "never"
        shares the modal): what happens or can happen, said with a modal; no rule appears.
        The rewording may read light or substantive, never normative."""
        pattern = re.compile(rf"^({_PLURAL_WORDS}) ({_VERB_WORDS}) ", re.IGNORECASE)

        def pick(x: Para) -> list[int]:
            return [i for i, t in enumerate(x.sentences) if pattern.search(t)]

        def rewrite(sentences: list[str], i: int) -> list[str]:
            modal = self.rng.choice(
                ("will always", "can always", "might never", "would never", "might", "will")
            )
            sentences[i] = pattern.sub(rf"\1 {modal} \2 ", sentences[i], count=1)
            if (
                modal in ("might", "will")
                and sentences[i].endswith(".")
                and ";" not in sentences[i]
            ):
                # A second verb phrase under the same modal: "might polish ... and
                # never weigh it" is what might happen, no "never" rule.
                # Picked from the sentence, not drawn: the other kinds' draws stay as they were.
                adverb = ("and never", ", and always", "or never")[len(sentences[i]) % 3]
                verb = sorted(VERBS)[len(sentences[i]) % len(VERBS)]
                sentences[i] = (
                    f"{sentences[i][:-1]}{' ' if adverb[0] != ',' else ''}{adverb} {verb} it."
                )
            return sentences

        wording = frozenset(("wording", "wording.substantive"))
        return self._sentence_edit("modal.adverb", set(), None, pick, rewrite, wording)

    def object_swapped(self) -> Edit | None:
        """``Wren must label the amber crate ...`` -> ``... the crimson crate ...``: the
        same modal and verb, another object (a word of weight swapped, the rule otherwise
        as it was), so another requirement. The new word is new to the paragraph: a word
        moved from elsewhere in it would be no swap."""
        determiners = "|".join(DETERMINERS)
        adjectives = "|".join(ADJECTIVES)
        pattern = re.compile(
            rf"^Wren (?:must|should|may)(?: not)? [a-z]+ (?:{determiners}) ({adjectives}) "
        )

        def pick(x: Para) -> list[int]:
            return [i for i, t in enumerate(x.sentences) if pattern.search(t)]

        def rewrite(sentences: list[str], i: int) -> list[str]:
            found = pattern.search(sentences[i])
            assert found is not None
            used = set(re.findall(r"[a-z]+", " ".join(sentences).lower()))
            fresh = self.rng.choice([a for a in ADJECTIVES if a not in used])
            sentences[i] = sentences[i][: found.start(1)] + fresh + sentences[i][found.end(1) :]
            return sentences

        return self._sentence_edit("object.swapped", {"normative.changed"}, "major", pick, rewrite)

    def _lead_lists(self, *, size: int) -> list[tuple[int, int]]:
        return self._blocks(
            ListBlock, free=True, where=lambda x: bool(x.lead) and len(x.items) >= size
        )

    def list_item_added(self) -> Edit | None:
        """An item added under "Wren must not pursue any of these goals:": a new rule."""
        spots = self._lead_lists(size=1)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, ListBlock)
        item = self.words.sentence()
        items = list(old.items)
        items.insert(self.rng.randint(0, len(items)), item)
        new = replace(old, items=tuple(items))
        self._replace_block(p, b, new)
        section = self.doc.sections[p]
        self.busy.add(section.id)
        expect = Expect(
            "clause",
            "added",
            section.id,
            None,
            _plain(item),
            frozenset({"normative.added"}),
            severity="minor",
        )
        edit = Edit("list.item_added", [expect], sentences={_plain(item)}, sections={section.id})
        edit.note = old.lead
        return edit

    def list_item_removed(self) -> Edit | None:
        """An item removed from under a normative lead-in: a rule removed."""
        spots = self._lead_lists(size=2)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, ListBlock)
        items = list(old.items)
        item = items.pop(self.rng.randrange(len(items)))
        new = replace(old, items=tuple(items))
        self._replace_block(p, b, new)
        section = self.doc.sections[p]
        self.busy.add(section.id)
        expect = Expect(
            "clause",
            "removed",
            None,
            self.was(section.id),
            _plain(item),
            frozenset({"normative.removed"}),
            severity="major",
        )
        edit = Edit("list.item_removed", [expect], sentences={_plain(item)}, sections={section.id})
        edit.note = old.lead
        return edit

    def paragraph_split_to_list(self) -> Edit | None:
        """A paragraph whose first sentence stays a paragraph and whose other sentences,
        rules among them, become the items of a list below it: every rule is stated as
        before, so each clause is only regrouped."""

        def splittable(x: Para) -> bool:
            first, rest = x.sentences[0], x.sentences[1:]
            return (
                len(rest) >= 2
                and not _is_rule(first)
                and len(first.split()) >= 5
                and any(_is_rule(t) for t in rest)
            )

        spots = self._blocks(Para, free=True, where=splittable)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, Para)
        lead = Para((old.sentences[0],))
        items = ListBlock(old.sentences[1:], ordered=self.rng.random() < 0.5)
        blocks = list(self.doc.sections[p].blocks)
        blocks[b : b + 1] = [lead, items]
        self._set_blocks(p, blocks)
        self.touched.update({id(old), id(lead), id(items)})
        section = self.doc.sections[p].id
        self.busy.add(section)
        restructured = frozenset({"restructured"})
        expected = [
            Expect(
                "clause",
                "modified",
                section,
                self.was(section),
                _plain(old.sentences[0]),
                restructured,
                severity="patch",
            ),
            # The old paragraph stays the lead or one of the items, depending on how alike
            # they are: any of the new clauses but one is added.
            *(
                Expect("clause", "added", section, None, "", restructured, severity="patch")
                for _ in items.items
            ),
        ]
        edit = Edit(
            "paragraph.split_to_list",
            expected,
            sentences={_plain(t) for t in old.sentences},
            sections={section},
        )
        edit.note = old.sentences[0]
        return edit

    def rewrapped(self) -> Edit | None:
        spots = self._blocks(Para, where=lambda x: len(x.text) > 100)
        if not spots:
            return None
        p, b = self.rng.choice(spots)
        old = self.doc.sections[p].blocks[b]
        assert isinstance(old, Para)
        new = replace(old, wrap=self.rng.choice([w for w in (0, 50, 64, 79) if w != old.wrap]))
        self._replace_block(p, b, new)
        return Edit("rewrapped", [], sentences={_plain(s) for s in old.sentences})


_RULE = OBLIGATIONS
#: A range of letters as the generator writes it, and other ways of writing one.
_RANGE = re.compile(r"\('([a-z])' to '([a-z])'\)")
#: A plain sentence's plural subject ("Curators gather ..."), to list one more with it.
_PLURAL_SUBJECT = re.compile(rf"^({'|'.join(p.capitalize() for p in PLURALS)}) ")
_RANGE_FORMS = (
    "[{}-{}]",
    "{}-{}",
    "{}\u2013{}",
    "`{}` through `{}`",
    "('{}' - '{}')",
    '"{}" to "{}"',
)
#: Words a misspelling of which may change the meaning (the differ rightly refuses to
#: call such an edit a typo fix): never the target of an editorial edit.
_MODALS = frozenset({"must", "shall", "should", "may", "is", "are", "do"})
_NOT_TYPOS = frozenset(
    {"should", "always", "unless", "before", "except", "without", "cannot", "within", "curators"}
    | {"otherwise", "courier"}
)
_WITHIN = re.compile(r"\bwithin (\d+) days\b")
#: Verbs of the generated rules and their opposites (a test oracle of its own).
_OPPOSITE_VERBS = {
    "assemble": "dismantle",
    "dismantle": "assemble",
    "collect": "distribute",
    "distribute": "collect",
    "display": "hide",
    "store": "discard",
    "export": "import",
    "publish": "withhold",
    "wrap": "unwrap",
    "fold": "unfold",
}
_MODALS = "must not|must|should not|should|may"
#: Numbers in words, for saying a number of days the other way (a test oracle of its own).
_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905
)
#: Verbs of the generated rules and the nouns made of them (a test oracle of its own).
_NOUNS = {
    "calibrate": "calibration",
    "collect": "collection",
    "compile": "compilation",
    "decorate": "decoration",
    "examine": "examination",
    "inspect": "inspection",
    "prepare": "preparation",
    "restore": "restoration",
    "replace": "replacement",
    "translate": "translation",
    "transport": "transportation",
    "measure": "measurement",
}
_VERB_WORDS = "|".join(VERBS)
_PLURAL_WORDS = "|".join(PLURALS)
_THING = r"(?:the|every|each|this|that) \w+ \w+"


def participle(verb: str) -> str:
    """The past participle of a generated (regular) verb: polished, wrapped, stored."""
    if verb.endswith("e"):
        return f"{verb}d"
    if re.search(r"[^aeiou]y$", verb):
        return f"{verb[:-1]}ied"  # verified
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwy]", verb):
        return f"{verb}{verb[-1]}ed"  # one syllable, short vowel: wrapped, scanned
    return f"{verb}ed"


_PLACE = re.compile(
    r" ((?:" + "|".join(PREPOSITIONS) + r") (?:the|every|each|this|that) \w+ \w+)\.$"
)


def _closing_place(sentence: str) -> str:
    """The place phrase a generated sentence ends with ("beside the amber ledger"), if any."""
    if sentence.endswith("allowed.") or " within " in sentence or " unless " in sentence:
        return ""
    found = _PLACE.search(sentence)
    return found.group(1) if found else ""


_LABEL = re.compile(r"<!--\s*(GOOD|BAD)\b")
_COMMENTS = (
    "<!-- example-tester: skip -->",
    "<!-- TODO: check this against the 2025 review -->",
    "<!--\n  Editors: keep this section in sync with the policy page.\n-->",
)
_APPLY = {
    "clause.added": _Mutator.clause_added,
    "clause.removed": _Mutator.clause_removed,
    "clause.modified": _Mutator.clause_modified,
    "clause.moved_within": _Mutator.clause_moved_within,
    "clause.moved_across": _Mutator.clause_moved_across,
    "clause.moved_modified": _Mutator.clause_moved_modified,
    "editorial": _Mutator.editorial,
    "normative.strengthened": _Mutator.strengthened,
    "normative.weakened": _Mutator.weakened,
    "normative.reversed": _Mutator.reversed,
    "example.verdict_flipped": _Mutator.verdict_flipped,
    "section.renamed": _Mutator.section_renamed,
    "section.reidentified": _Mutator.section_reidentified,
    "section.reattributed": _Mutator.section_reattributed,
    "section.added": _Mutator.section_added,
    "section.removed": _Mutator.section_removed,
    "section.merged": _Mutator.section_merged,
    "rewrapped": _Mutator.rewrapped,
    "identifier.renamed": _Mutator.identifier_renamed,
    "example.typography": _Mutator.example_typography,
    "html.comment_added": _Mutator.html_comment_added,
    "table.row_across_objects": _Mutator.table_row_across_objects,
    "table.header_renamed": _Mutator.table_header_renamed,
    "sentence.merged": _Mutator.sentence_merged,
    "sentence.split": _Mutator.sentence_split,
    "phrase.moved": _Mutator.phrase_moved,
    "list.item_added": _Mutator.list_item_added,
    "list.item_removed": _Mutator.list_item_removed,
    "exception.added": _Mutator.exception_added,
    "exception.removed": _Mutator.exception_removed,
    "exception.sentence_added": _Mutator.exception_sentence_added,
    "exception.paragraph_added": _Mutator.exception_paragraph_added,
    "list.member_added": _Mutator.list_member_added,
    "condition.added": _Mutator.condition_added,
    "restriction": _Mutator.restriction,
    "quantity.changed": _Mutator.quantity_changed,
    "action.opposite": _Mutator.action_opposite,
    "voice.passive": _Mutator.voice_passive,
    "paragraph.split_to_list": _Mutator.paragraph_split_to_list,
    "object.swapped": _Mutator.object_swapped,
    "modal.adverb": _Mutator.modal_adverb,
    "quantity.reworded": _Mutator.quantity_reworded,
    "action.nominalised": _Mutator.action_nominalised,
    "range.notation": _Mutator.range_notation,
    "range.changed": _Mutator.range_changed,
}
assert set(_APPLY) == set(KINDS)


#: Other names for the columns of a generated field table: none makes its cells requirements.
_COLUMN_NAMES = {
    "Field Name": ("Name", "Property", "Key"),
    "Type": ("Kind", "Value Type", "Schema"),
    "Description": ("Meaning", "Purpose", "Notes"),
}


def _broken(anchor: str) -> Expect:
    """Clauses that link to ``anchor``, which no longer exists, may be reported."""
    return Expect("clause", "modified", None, None, link=anchor)


def _keys(block: Block) -> list[str]:
    """One key per clause the block holds."""
    if isinstance(block, (ListBlock, Raw, Table)):
        return [_plain(s) for s in block.sentences]
    return [_plain(block.sentences[0])]


def _section_tags(blocks: tuple[Block, ...] | list[Block], verb: str) -> frozenset[str]:
    """The content tags of a section record: what its clauses were."""
    tags: set[str] = set()
    for block in blocks:
        if isinstance(block, ExampleBlock):
            tags.add(f"example.{verb}")
        elif block.normative:
            tags.add(f"normative.{verb}")
    return frozenset(tags)


def _content_tags(block: Block, verb: str) -> frozenset[str]:
    if isinstance(block, ExampleBlock):
        return frozenset({f"example.{verb}"})
    return frozenset({f"normative.{verb}"}) if block.normative else frozenset()


def mutate(
    doc: Doc, kinds: list[str], rng: random.Random, words: Words | None = None
) -> tuple[Doc, list[Edit]]:
    """Apply one edit of each of ``kinds`` (in that order) where the doc allows it."""
    mutator = _Mutator(doc, rng, words or Words(rng))
    if words is None:
        for section in doc.sections:
            mutator.words.used.update({section.title, section.id})
            for block in section.blocks:
                mutator.words.used.update(block.sentences)
    edits = []
    # Section edits first, so that clause edits see the final structure (attributes).
    for kind in sorted(kinds, key=lambda k: not k.startswith("section.")):
        edit = _APPLY[kind](mutator)
        if edit is not None:
            edits.append(edit)
    return mutator.doc, edits


# -- scoring ------------------------------------------------------------------------------


@dataclass
class Tally:
    """Per edit kind: records owed (one per edit for all kinds but those that owe two),
    records found exactly right, and wrong records blamed on it."""

    edits: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    unexplained: int = 0
    """Records that match no edit at all."""
    records: int = 0
    misses: list[str] = field(default_factory=list)
    """Descriptions of misses and wrong records, for failure messages."""

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.edits[kind] if self.edits[kind] else 1.0

    def precision(self, kind: str) -> float:
        hits = self.found[kind]
        return hits / (hits + self.wrong[kind]) if hits + self.wrong[kind] else 1.0

    def table(self) -> str:
        lines = [f"{'kind':26} {'edits':>5} {'recall':>7} {'precision':>9}"]
        for kind in KINDS:
            if self.edits[kind]:
                lines.append(
                    f"{kind:26} {self.edits[kind]:5d} {self.recall(kind):7.3f} "
                    f"{self.precision(kind):9.3f}"
                )
        lines.append(f"records {self.records}, unexplained {self.unexplained}")
        return "\n".join(lines)


def score(report: Report, edits: list[Edit], tally: Tally, label: str = "") -> None:
    """Match the report's records against the edits' ground truth, into ``tally``."""
    changes = list(report.changes)
    tally.records += len(changes)
    used: set[int] = set()
    blamed_edits: set[int] = set()
    for edit in edits:
        # Recall is over expected records: an edit that owes two (a field removed from
        # one table, another added to another table) counts twice.
        tally.edits[edit.kind] += len(edit.expected) or 1
        for expect in edit.expected:
            hit = next(
                (i for i, c in enumerate(changes) if i not in used and expect.matches(c)), None
            )
            if hit is not None and expect.exact(changes[hit]):
                used.add(hit)
                tally.found[edit.kind] += 1
            else:
                got = "nothing" if hit is None else _describe(changes[hit])
                tally.misses.append(f"{label} MISS {edit.kind} {edit.note} {expect}: got {got}")
    for i, change in enumerate(changes):
        if i in used:
            continue
        if any(o.matches(change) for e in edits for o in e.optional):
            continue
        blamed = next((e for e in edits if e.touches(change)), None)
        if blamed is None:
            tally.unexplained += 1
            tally.misses.append(f"{label} UNEXPLAINED {_describe(change)}")
        else:
            blamed_edits.add(id(blamed))
            tally.wrong[blamed.kind] += 1
            tally.misses.append(f"{label} WRONG for {blamed.kind}: {_describe(change)}")
    for edit in edits:
        if not edit.expected and id(edit) not in blamed_edits:
            tally.found[edit.kind] += 1  # a control edit: found means nothing reported


def _describe(change: Change) -> str:
    side = change.new or change.old
    text = side.text[:70] if side else ""
    return (
        f"{change.kind_name} {change.old_section}->{change.section} {list(change.tags)} "
        f"{change.severity} {text!r}"
    )
