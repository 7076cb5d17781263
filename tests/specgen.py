"""Generated Markdown specs for the differ's property and mutation tests.

A spec is built as a small structured model (:class:`Doc`: sections holding blocks) and
rendered to Markdown, so that a test can edit the model and know exactly what it did.
Clause texts are drawn from word lists with a seeded :class:`random.Random`, so they are
realistic, distinct from one another, and free of accidental obligation words: only the
sentences made normative on purpose contain must, should, may or "is allowed".

Also here: :func:`from_markdown`, which reads a fixture spec into the same model (its
lists, tables and code kept verbatim as fixed blocks), and Hypothesis strategies.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from hypothesis import strategies as st

if TYPE_CHECKING:
    from collections.abc import Callable

    from specdiff.model.document import Clause, Spec

AUTHORITIES = ("root", "system", "developer", "user", "guideline")
"""Highest first, as in ``history/specdiff.toml``."""

# -- word lists ---------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


# No entry may be an obligation word (must, shall, should, may, never, always, required,
# allowed, optional, recommended, not, do) or one of the short words the editorial check
# treats as meaningful (all, any, only, more, less ...).

NOUNS = _words(
    """
archive badge ballot banner basket battery beacon bicycle blanket blueprint boiler bookshelf
bracket brochure budget bulletin cabinet calendar camera canal candle canvas capsule caravan
carpet catalogue cellar chapter chimney cipher circuit clipboard cockpit compass concert
contract corridor cottage courier crate curtain cushion dashboard diagram diary dinghy
dispatch doorway drawer dungeon easel elevator envelope estate fabric fountain freighter
furnace gallery garage garden gazette glacier greenhouse harbour hammock helmet hangar
highway hostel invoice island journal kettle kiosk ladder lantern ledger lighthouse locker
luggage magazine manuscript market meadow microscope monument mosaic museum notebook orchard
paddock pamphlet parcel pavilion pendulum pharmacy pier pillow pipeline planetarium plaza
portrait postcard pottery printer quarry railway receipt recipe register reservoir ribbon
rooftop saddle satchel scaffold schedule scooter sculpture shelter shipment signpost sketch
spreadsheet stadium stairway stencil studio submarine suitcase switchboard tablet tapestry
telescope terrace textbook thermostat timetable toolbox tractor trailer trellis tunnel
turbine umbrella valley vault vineyard voucher wagon warehouse windmill workshop yacht
"""
)

ADJECTIVES = _words(
    """
amber ancient brisk bronze coastal compact copper crimson dusty eastern elegant faded
fragile frosty gentle gilded granite hollow humble icy ivory jagged lavender leafy lofty
lunar marble mellow misty modest northern oaken olive painted pale polished quiet rustic
sandy scarlet shallow silver slender smoky southern spare sturdy sunny tidy timber tranquil
velvet vivid weathered western whimsical wooden woollen
"""
)

VERBS = _words(
    """
archive assemble borrow calibrate catalogue collect compare compile decorate deliver
describe dismantle display distribute document examine export fold forward gather inspect
label measure mend monitor organise package paint polish prepare print publish record repair
replace restore review sample scan schedule sketch sort stack store summarise survey trace
translate transport tune update varnish verify weigh wrap
"""
)

GERUNDS = _words(
    """
archiving borrowing cataloguing collecting copying decorating delivering displaying
exporting forwarding labelling measuring painting polishing printing publishing recording
repairing restoring sampling scanning sketching sorting storing tracing translating
transporting varnishing weighing wrapping
"""
)

PREPOSITIONS = _words(
    """
beside behind beneath near inside above across along around within
"""
)
DETERMINERS = _words(
    """
the every each this that
"""
)
PLURALS = _words(
    """
curators engineers gardeners librarians pilots surveyors technicians editors archivists
cartographers clerks couriers drivers inspectors mechanics painters porters printers
"""
)
REASONS = (
    """
keeps the context; answers the question; follows the request; ignores the question;
invents a detail; skips the check; stays on topic; misreads the request; gives a clear
answer; repeats the mistake
""".replace("\n", " ")
    .strip()
    .split("; ")
)


def article(phrase: str) -> str:
    return f"{'an' if phrase[0] in 'aeiou' else 'a'} {phrase}"


def third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


class Words:
    """Draws phrases from the word lists; remembers what it made so nothing repeats."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def pick(self, words: list[str]) -> str:
        return self.rng.choice(words)

    def noun_phrase(self) -> str:
        return f"{self.pick(DETERMINERS)} {self.pick(ADJECTIVES)} {self.pick(NOUNS)}"

    def _fresh(self, make: Callable[[], str]) -> str:
        for _ in range(1000):
            text = make()
            if text not in self.used:
                self.used.add(text)
                return text
        raise AssertionError("word lists exhausted")

    def sentence(self) -> str:
        """A plain, non-normative sentence."""

        def make() -> str:
            if self.rng.random() < 0.5:
                subject = self.pick(PLURALS).capitalize()
                verb = self.pick(VERBS)
            else:
                subject = article(f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)}").capitalize()
                verb = third_person(self.pick(VERBS))
            return (
                f"{subject} {verb} {self.noun_phrase()} "
                f"{self.pick(PREPOSITIONS)} {self.noun_phrase()}."
            )

        return self._fresh(make)

    def rule(self, keyword: str) -> str:
        """A normative sentence: ``Wren {keyword} ...`` or ``{Gerund} ... {keyword}.``"""

        def make() -> str:
            if keyword in ("is allowed", "is not allowed"):
                return (
                    f"{self.pick(GERUNDS).capitalize()} {self.noun_phrase()} "
                    f"{self.pick(PREPOSITIONS)} {self.noun_phrase()} {keyword}."
                )
            verb, thing = self.pick(VERBS), self.noun_phrase()
            place = f"{self.pick(PREPOSITIONS)} {self.noun_phrase()}"
            # Some rules carry a number or an exception, chosen from the words already
            # drawn (not by another draw, so the random stream stays what it was).
            if keyword in ("must", "should") and len(verb) % 3 == 0:
                place = f"{place} within {2 + len(thing) % 7} days"
            if keyword in ("must not", "should not") and len(verb) % 3 == 1:
                place = f"{place} unless curators ask otherwise"
            return f"Wren {keyword} {verb} {thing} {place}."

        return self._fresh(make)

    def title(self) -> str:
        def make() -> str:
            verb = self.pick(VERBS).capitalize()
            return f"{verb} the {self.pick(ADJECTIVES)} {self.pick(NOUNS)}"

        return self._fresh(make)

    def ident(self) -> str:
        def make() -> str:
            return f"{self.pick(ADJECTIVES)}_{self.pick(NOUNS)}"

        return self._fresh(make)


# -- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    """A paragraph: a list of sentences, optionally hard-wrapped when rendered."""

    sentences: tuple[str, ...]
    wrap: int = 0
    """Hard-wrap width (0: one line)."""

    kind = "paragraph"

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def render(self) -> str:
        if self.wrap:
            return textwrap.fill(self.text, width=self.wrap, break_on_hyphens=False)
        return self.text

    @property
    def normative(self) -> bool:
        return any(_is_rule(s) for s in self.sentences)


@dataclass(frozen=True)
class Answer:
    verdict: str
    """``GOOD`` or ``BAD``."""
    reason: str
    text: str


@dataclass(frozen=True)
class ExampleBlock:
    """An ``**Example**: title`` paragraph and its ``~~~xml`` conversation."""

    title: str
    question: str
    answers: tuple[Answer, ...]
    source: str = ""
    """For a fixture's example: its Markdown, kept verbatim (labels edited in place)."""

    kind = "example"
    normative = False

    @property
    def sentences(self) -> tuple[str, ...]:
        return (self.title, self.question, *(a.text for a in self.answers))

    def render(self) -> str:
        if self.source:
            return self.source
        lines = [f"**Example**: {self.title}", "", "~~~xml", "<user>", self.question, "</user>"]
        lines.append("<comparison>")
        for answer in self.answers:
            lines += [
                f"<assistant> <!-- {answer.verdict}: {answer.reason} -->",
                answer.text,
                "</assistant>",
            ]
        lines += ["</comparison>", "~~~"]
        return "\n".join(lines)


@dataclass(frozen=True)
class Admonition:
    """A ``!!! meta "Commentary"`` block."""

    sentences: tuple[str, ...]

    kind = "admonition"
    normative = False

    def render(self) -> str:
        body = textwrap.fill(" ".join(self.sentences), width=76)
        return '!!! meta "Commentary"\n' + textwrap.indent(body, "    ")


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is a clause of its own."""

    items: tuple[str, ...]
    ordered: bool = False
    lead: str = ""
    """A paragraph ending in a colon just before the list ("Wren must not ... these:")."""

    kind = "list"

    @property
    def normative(self) -> bool:
        return bool(self.lead) and _is_rule(self.lead)

    @property
    def sentences(self) -> tuple[str, ...]:
        return (self.lead, *self.items) if self.lead else self.items

    def render(self) -> str:
        items = "\n".join(
            f"{n}. {item}" if self.ordered else f"- {item}"
            for n, item in enumerate(self.items, start=1)
        )
        return f"{self.lead}\n\n{items}" if self.lead else items


@dataclass(frozen=True)
class Raw:
    """Markdown kept verbatim (a fixture's lists, tables, code): never edited."""

    source: str
    clauses: int
    """How many clauses the parser reads from it."""
    sentences: tuple[str, ...] = ()
    normative: bool = False

    kind = "raw"

    def render(self) -> str:
        return self.source


@dataclass(frozen=True)
class Row:
    """A field of an object: its anchor (named after the object), name, type, meaning."""

    anchor: str
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Table:
    """A field table, as API specs write them: one row per field, each with an anchor."""

    rows: tuple[Row, ...]
    header: tuple[str, str, str] = ("Field Name", "Type", "Description")

    kind = "table"
    normative = False

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(row.description for row in self.rows)

    def render(self) -> str:
        lines = [f"| {' | '.join(self.header)} |", "| --- | --- | --- |"]
        lines += [
            f'| <a name="{r.anchor}"></a>{r.name} | `{r.type}` | {r.description} |'
            for r in self.rows
        ]
        return "\n".join(lines)


Block = Para | ExampleBlock | Admonition | ListBlock | Raw | Table


def clause_count(block: Block) -> int:
    if isinstance(block, ListBlock):
        return len(block.items) + bool(block.lead)
    if isinstance(block, Table):
        return len(block.rows)
    if isinstance(block, Raw):
        return block.clauses
    return 1


@dataclass(frozen=True)
class Sec:
    id: str
    title: str
    level: int
    authority: str | None = None
    blocks: tuple[Block, ...] = ()
    explicit: bool = True
    """Whether the heading carries ``{#id}`` (else the parser derives a slug)."""
    extra: str = ""
    """More of the attribute block, e.g. ``tags=under_18``."""

    def heading(self) -> str:
        attributes = [f"#{self.id}"] if self.explicit else []
        if self.authority:
            attributes.append(f"authority={self.authority}")
        if self.extra:
            attributes.append(self.extra)
        block = f" {{{' '.join(attributes)}}}" if attributes else ""
        return f"{'#' * self.level} {self.title}{block}"


@dataclass(frozen=True)
class Doc:
    sections: tuple[Sec, ...]
    preamble: tuple[Block, ...] = field(default=())
    """Blocks before the first heading."""

    def render(self) -> str:
        parts = [b.render() for b in self.preamble]
        for section in self.sections:
            parts.append(section.heading())
            parts.extend(b.render() for b in section.blocks)
        return "\n\n".join(parts) + "\n"

    # -- structure -----------------------------------------------------------------------
    def index(self, section_id: str) -> int:
        return next(i for i, s in enumerate(self.sections) if s.id == section_id)

    def get(self, section_id: str) -> Sec:
        return self.sections[self.index(section_id)]

    def parent(self, position: int) -> int | None:
        level = self.sections[position].level
        for i in range(position - 1, -1, -1):
            if self.sections[i].level < level:
                return i
        return None

    def is_leaf(self, position: int) -> bool:
        nxt = position + 1
        return (
            nxt >= len(self.sections) or self.sections[nxt].level <= self.sections[position].level
        )

    def siblings(self, position: int) -> list[int]:
        parent = self.parent(position)
        level = self.sections[position].level
        return [
            i
            for i, s in enumerate(self.sections)
            if i != position and s.level == level and self.parent(i) == parent
        ]

    def subtree_end(self, position: int) -> int:
        """The position just after the section's last descendant."""
        level = self.sections[position].level
        end = position + 1
        while end < len(self.sections) and self.sections[end].level > level:
            end += 1
        return end

    def with_section(self, position: int, section: Sec) -> Doc:
        sections = list(self.sections)
        sections[position] = section
        return replace(self, sections=tuple(sections))

    def effective_authority(self, position: int) -> str | None:
        current: int | None = position
        while current is not None:
            if self.sections[current].authority:
                return self.sections[current].authority
            current = self.parent(current)
        return None


#: Obligation words, as the product brief lists them (a test oracle, independent of the
#: parser's vocabulary).
OBLIGATIONS = re.compile(
    r"\b(?:must|shall|should|may|never|always|do not|don't|(?:is|are)(?: not| never)? allowed"
    r"|(?:is|are)(?: not)? required)\b|\b(?:REQUIRED|RECOMMENDED|OPTIONAL)\b",
    re.IGNORECASE,
)


def _is_rule(sentence: str) -> bool:
    return bool(OBLIGATIONS.search(sentence))


# -- random specs -------------------------------------------------------------------------

KEYWORDS = ("should", "must", "should", "must not", "may", "is allowed", "should not")


def random_paragraph(words: Words, *, normative: bool | None = None, size: int = 0) -> Para:
    """A paragraph of ``size`` sentences (3 to 5 when 0), one of them a rule if normative."""
    rng = words.rng
    size = size or rng.choice((3, 4, 4, 5))
    if normative is None:
        normative = rng.random() < 0.55
    sentences = [words.sentence() for _ in range(size)]
    if normative:
        sentences[rng.randrange(1, size)] = words.rule(rng.choice(KEYWORDS))
    if rng.random() < 0.2:
        # An identifier in code, as API specs name fields and settings in prose; some
        # name the range of characters it takes, chosen from the identifier's length
        # (not by another draw, so the random stream stays what it was).
        k = rng.choice([i for i, s in enumerate(sentences) if not _is_rule(s)])
        ident = words.ident()
        sentences[k] = sentences[k].removesuffix(".") + f" through `{ident}`{_range_of(ident)}."
    wrap = rng.choice((0, 0, 0, 72, 60))
    if size == 5:
        # Long paragraphs join their first two sentences with a semicolon.
        sentences[:2] = [join_sentences(sentences[0], sentences[1])]
    return Para(tuple(sentences), wrap)


def _range_of(ident: str) -> str:
    """For one identifier in three: the letters it is written in, "in letters ('c' to 'k')"."""
    if len(ident) % 3:
        return ""
    low = "abcdefgh"[len(ident) % 8]
    high = chr(ord(low) + 3 + len(ident) % 11)
    return f" in letters ('{low}' to '{high}')"


def join_sentences(first: str, second: str) -> str:
    """``"A." + "B."`` -> ``"A; b."`` (a name keeps its capital)."""
    if not second.startswith("Wren"):
        second = second[0].lower() + second[1:]
    return f"{first.removesuffix('.')}; {second}"


def split_sentence(joined: str) -> tuple[str, str]:
    """The inverse of :func:`join_sentences`."""
    first, second = joined.split("; ", 1)
    return f"{first}.", second[0].upper() + second[1:]


def random_example(words: Words) -> ExampleBlock:
    rng = words.rng
    title = words.title().lower()
    question = words.sentence().removesuffix(".") + "?"
    verdicts = ["GOOD", "BAD"] if rng.random() < 0.8 else ["GOOD"]
    rng.shuffle(verdicts)
    answers = tuple(Answer(v, rng.choice(REASONS), words.sentence()) for v in verdicts)
    return ExampleBlock(title, question, answers)


def random_block(words: Words) -> Block:
    roll = words.rng.random()
    if roll < 0.12:
        items = tuple(words.sentence() for _ in range(words.rng.randint(2, 4)))
        # A list under a normative lead-in: each item carries its force.
        lead = f"Wren must not pursue any of these goals of the {items[0].split()[1]}:"
        return ListBlock(items, lead=lead)
    if roll < 0.22:
        return random_example(words)
    if roll < 0.28:
        return Admonition((words.sentence(), words.sentence()))
    return random_paragraph(words)


def slug(title: str) -> str:
    """GitHub's heading slug for the plain titles :class:`Words` makes."""
    return title.lower().replace(" ", "-")


def random_doc(rng: random.Random, sections: int = 20, words: Words | None = None) -> Doc:
    """A spec of about ``sections`` sections: an H1 overview, H2 parts, H3 rules, a few
    H4 details.

    Rule sections have an authority and at least three paragraphs (plus, often, a list,
    an example or a commentary block); about one in six has no explicit id (its id is
    the slug of its title). Some parts have no text of their own.
    """
    words = words or Words(rng)
    intro = random_paragraph(words, normative=False)
    out = [Sec("overview", "Wren behaviour spec", 1, None, (intro,))]
    while len(out) < sections:
        blocks = (random_paragraph(words),) if rng.random() < 0.7 else ()
        out.append(Sec(words.ident(), words.title(), 2, None, blocks))
        for _ in range(rng.randint(2, 4)):
            if len(out) >= sections:
                break
            out.append(_rule_section(words, 3))
            if rng.random() < 0.12 and len(out) < sections:
                out.append(_rule_section(words, 4))
    return Doc(tuple(out))


def random_table(words: Words, owner: str) -> Table:
    """A field table of 2 to 4 rows whose anchors are named after ``owner``."""
    rows = []
    for _ in range(words.rng.randint(2, 4)):
        name = words.ident()
        field_type = words.pick(("string", "integer", "boolean", "object"))
        rows.append(Row(f"{owner}-{name}", name, field_type, words.sentence()))
    return Table(tuple(rows))


def _rule_section(words: Words, level: int) -> Sec:
    rng = words.rng
    blocks: list[Block] = [random_paragraph(words) for _ in range(3)]
    for _ in range(rng.randint(0, 2)):
        blocks.insert(rng.randint(1, len(blocks)), random_block(words))
    title = words.title()
    explicit = rng.random() >= 0.17
    ident = words.ident() if explicit else slug(title)
    if rng.random() < 0.25:
        blocks.insert(rng.randint(1, len(blocks)), random_table(words, ident))
    return Sec(ident, title, level, rng.choice(AUTHORITIES), tuple(blocks), explicit)


# -- fixture specs ------------------------------------------------------------------------


def from_markdown(text: str, spec: Spec) -> Doc:
    """A fixture spec (with explicit ids) as a :class:`Doc`.

    Top-level paragraphs become editable :class:`Para` blocks (sentences split at full
    stops) and examples :class:`ExampleBlock`; everything else (lists, tables, code,
    block quotes, commentary) is kept verbatim as :class:`Raw`, a run of adjacent such
    clauses as one block.
    """
    from specdiff.model.document import ClauseKind

    lines = text.split("\n")
    sections = []
    for section in spec.sections:
        if not section.level:
            continue
        blocks: list[Block] = []
        cursor = section.span.start + 1
        raw_start = 0
        for index in section.clauses:
            clause = spec.clauses[index]
            top = clause.parent is None
            if top and clause.kind is ClauseKind.PARAGRAPH:
                blocks.append(Para(tuple(_split_sentences(clause.text))))
            elif top and clause.kind is ClauseKind.EXAMPLE and clause.example is not None:
                source = "\n".join(lines[clause.span.start - 1 : clause.span.end]).strip("\n")
                blocks.append(replace(_example_from(clause), source=source))
            else:
                previous = blocks[-1] if blocks else None
                gap = lines[cursor - 1 : clause.span.start - 1]
                if isinstance(previous, Raw) and not any(not line.strip() for line in gap):
                    start = raw_start
                    clauses = previous.clauses + 1
                    normative = previous.normative or clause.is_normative
                    sentences = (*previous.sentences, clause.text)
                    blocks.pop()
                else:
                    start = cursor
                    clauses, normative, sentences = 1, clause.is_normative, (clause.text,)
                raw_start = start
                source = "\n".join(lines[start - 1 : clause.span.end]).strip("\n")
                blocks.append(Raw(source, clauses, sentences, normative))
            cursor = clause.span.end + 1
        authority = section.attribute("authority")
        extra = " ".join(f"{k}={v}" for k, v in section.attributes if k != "authority")
        sections.append(
            Sec(section.id, section.title, section.level, authority, tuple(blocks), True, extra)
        )
    return Doc(tuple(sections))


def _split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]


def _example_from(clause: Clause) -> ExampleBlock:
    example = clause.example
    assert example is not None
    question = next((m.text for m in example.messages if m.role == "user"), "")
    answers = tuple(Answer(str(m.verdict), m.reason or "reason", m.text) for m in example.answers)
    return ExampleBlock(example.title, question, answers)


# -- Hypothesis strategies ----------------------------------------------------------------


BLOCK_KINDS = ("paragraph", "rule", "list", "example", "admonition")


@st.composite
def docs(draw: st.DrawFn, max_sections: int = 10) -> Doc:
    """Specs whose structure Hypothesis draws (and shrinks): heading levels, explicit or
    slug ids, authorities, and per section a run of paragraphs with and without
    obligation words, lists, examples with GOOD/BAD answers and commentary blocks.
    The words come from the word lists, seeded by a drawn number."""
    words = Words(random.Random(draw(st.integers(0, 2**16))))
    sections = [Sec("overview", "Wren behaviour spec", 1, None, ())]
    for _ in range(draw(st.integers(0, max_sections))):
        level = draw(st.integers(2, min(sections[-1].level + 1, 4)))
        title = words.title()
        explicit = draw(st.booleans())
        kinds = draw(st.lists(st.sampled_from(BLOCK_KINDS), max_size=5))
        sections.append(
            Sec(
                words.ident() if explicit else slug(title),
                title,
                level,
                draw(st.sampled_from((None, *AUTHORITIES))),
                tuple(_block_of(kind, words) for kind in kinds),
                explicit,
            )
        )
    return Doc(tuple(sections))


def _block_of(kind: str, words: Words) -> Block:
    if kind in ("paragraph", "rule"):
        return random_paragraph(words, normative=kind == "rule")
    if kind == "list":
        return ListBlock(tuple(words.sentence() for _ in range(words.rng.randint(1, 3))))
    if kind == "example":
        return random_example(words)
    return Admonition((words.sentence(),))


_INLINE = st.sampled_from(
    [
        "Wren should keep the ledger tidy.",
        "Wren must not share the archive.",
        "Copying the ledger is allowed.",
        "Copying the ledger is not allowed.",
        "Curators label the amber crate.",
        "See [the rules](#rules) and [^ab12].",
        "A *marked* and **strong** word, `code` too.",
        "Never open the vault. Always close it.",
        "Do not forward the parcel; you MAY print it.",
        "",
    ]
)


@st.composite
def markdown_specs(draw: st.DrawFn) -> str:
    """Free-form Markdown built from spec-like pieces in any order, including odd ones:
    duplicate ids, malformed attribute blocks, skipped heading levels, empty sections,
    unclosed fences and examples without answers."""
    ids = st.sampled_from(["rules", "intro", "tools", "rules", "a-b", "x"])
    pieces = st.one_of(
        st.builds(
            lambda level, words, ident, authority: f"{'#' * level} {words} {{#{ident}{authority}}}",
            st.integers(1, 6),
            st.sampled_from(["Rules", "Intro", "Tool use", "Ünïcode title", "`code` title"]),
            ids,
            st.sampled_from(["", " authority=root", " authority=user", " authority=", " tags=x"]),
        ),
        st.builds(
            lambda t: f"## {t}", st.sampled_from(["Plain", "Plain", "{#broken", "Two {#a} {#b}"])
        ),
        st.lists(_INLINE, min_size=1, max_size=4).map(" ".join),
        st.lists(_INLINE, min_size=1, max_size=4).map(lambda xs: "\n".join(f"- {x}" for x in xs)),
        st.lists(_INLINE, min_size=1, max_size=3).map(
            lambda xs: "\n".join(f"{n}. {x}" for n, x in enumerate(xs, 1))
        ),
        st.builds(
            lambda title, user, verdict, answer: (
                f"**Example**: {title}\n\n~~~xml\n<user>\n{user}\n</user>\n<comparison>\n"
                f"<assistant> <!-- {verdict}: because -->\n{answer}\n</assistant>\n</comparison>\n~~~"
            ),
            st.sampled_from(["a case", "", "*odd* case"]),
            _INLINE,
            st.sampled_from(["GOOD", "BAD", "good", "MEH"]),
            _INLINE,
        ),
        st.just("~~~xml\n<user>\nunclosed fence"),
        st.just("```\nplain code\n```"),
        st.builds(lambda x: f'!!! meta "Commentary"\n    {x}', _INLINE),
        st.just("| a | b |\n| --- | --- |\n| one | two |"),
        st.builds(lambda x: f"> {x}", _INLINE),
        st.just("---\ntitle: front\n---"),
        st.text(max_size=40),
    )
    return "\n\n".join(draw(st.lists(pieces, max_size=12))) + draw(
        st.sampled_from(["", "\n", "\r\n"])
    )
