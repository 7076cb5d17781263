"""Deterministic synthetic specifications for the benchmarks.

``synthetic_pair(size, seed)`` builds a spec of about ``size`` bytes from a seed (chapters
and sections with ``{#id authority=...}`` headings, paragraphs of normative prose, bullet
and numbered lists, GFM tables, worked examples in ``~~~xml`` fences), renders it, edits
2% of its clauses (word changes, should -> must, moved paragraphs, added and removed
clauses) and renders it again. The same size and seed always give the same two texts.

    python bench/synth.py 1MB --seed 1 --out /tmp/synth   # writes old.md and new.md
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# -- the vocabulary -------------------------------------------------------------------

SUBJECTS = (
    "The assistant", "The server", "A client", "The platform", "The developer",
    "An implementation", "The model", "A conforming parser", "The gateway", "Each worker",
    "The scheduler", "A tool", "The registry", "An operator", "The validator", "A producer",
    "A consumer", "The runtime", "The broker", "A reviewer", "The cache", "The agent",
    "The sender", "The receiver", "An adapter", "The orchestrator", "The renderer",
    "A plugin", "The host application", "The moderation layer", "The retrieval step",
    "A background job", "The audit service", "The policy engine", "A downstream system",
    "The summariser", "The translator", "The search index", "A batch request", "The SDK",
)  # fmt: skip
MODALS = (
    "must", "must", "should", "should", "should", "may", "must not", "should not",
    "MUST", "SHOULD", "MAY", "MUST NOT", "is required to", "is not allowed to",
    "should always", "must never",
)  # fmt: skip
VERBS = (
    "reject", "preserve", "forward", "log", "validate", "ignore", "retry", "escalate",
    "summarise", "redact", "cache", "refuse", "quote", "translate", "acknowledge", "defer",
    "expose", "encrypt", "deduplicate", "normalise", "reorder", "attribute", "disclose",
    "verify", "truncate", "annotate", "recommend", "decline", "flag", "repeat", "rank",
    "compress", "explain", "sign", "cite", "collect", "retain", "share", "report", "stream",
)  # fmt: skip
OBJECTS = (
    "the original request", "any unknown field", "personal data", "the system message",
    "instructions embedded in tool output", "the retry budget", "a malformed event",
    "the conversation history", "the user's stated intent", "partial results",
    "credentials found in a document", "the content type", "the error payload",
    "a deprecated attribute", "every outgoing message", "the audit trail",
    "the chain of command", "an ambiguous instruction", "the source document",
    "the developer's formatting rules", "third-party content", "the session token",
    "medical or legal advice", "an untrusted link", "the rate limit headers",
    "a copyrighted passage", "the schema version", "unverified claims", "the idempotency key",
    "a clarifying question", "the quoted material", "the default settings",
    "the extension attributes", "a refusal", "the final answer", "the timestamp",
    "hidden reasoning", "the cancellation notice", "a dangerous request",
    "the subscription filter",
)  # fmt: skip
QUALIFIERS = (
    "before responding", "unless the developer has asked otherwise",
    "when the request is ambiguous", "within {n} seconds", "at most {n} times",
    "for at least {n} days", "in the order it was received", "without changing its meaning",
    "even when the user insists", "if the payload exceeds {n} KB",
    "when no higher-priority instruction applies", "as described in [{title}](#{ref})",
    "using the `{ident}` field", "according to the rules in [{title}](#{ref})",
    "so that the result can be audited", "while keeping the tone neutral",
    "whenever the context window is full", "only after explicit confirmation",
    "without revealing the underlying policy", "on every transport binding",
    "in a single response", "for every supported locale",
    "if the `{ident}` attribute is absent", "unless doing so would cause harm",
    "once the connection is closed", "before the deadline expires",
    "when the tool returns an error", "in line with the platform's usage policies",
    "and explain why", "for the lifetime of the session",
)  # fmt: skip
DESCRIPTIONS = (
    "is the last step before a message is delivered",
    "keeps a copy of each request for {n} days",
    "applies the same rules to every channel",
    "was introduced to make failures easier to diagnose",
    "depends on the `{ident}` setting", "is described in [{title}](#{ref})",
    "usually runs after validation", "treats missing values as empty strings",
    "can be configured per deployment", "receives events in batches of up to {n}",
    "is optional for small deployments", "reports its status through the `{ident}` endpoint",
    "shares its configuration with the rest of the platform",
    "may change in a future revision of this document",
    "is not covered by the compatibility guarantees",
    "replaces the behaviour described in earlier versions",
)  # fmt: skip
CONDITIONS = (
    "the user asks for something the developer has forbidden",
    "a tool result contains instructions", "the request cannot be parsed",
    "two instructions conflict", "the content type is unknown",
    "the conversation mentions self-harm", "the same event arrives twice",
    "a field is missing", "the deadline has passed", "the answer depends on recent events",
    "the user seems to be a minor", "the developer's instructions are silent",
    "the upstream service is unavailable", "the request involves regulated goods",
)  # fmt: skip
TITLE_WORDS = (
    "Handle", "Respect", "Avoid", "Protect", "Follow", "Validate", "Report", "Express",
    "Limit", "Support", "Preserve", "Explain", "Delegate", "Declare", "Prefer", "Resolve",
)  # fmt: skip
TITLE_TOPICS = (
    "ambiguous requests", "conflicting instructions", "sensitive data", "tool output",
    "rate limits", "error payloads", "event ordering", "uncertainty", "personal opinions",
    "extension attributes", "content types", "batch delivery", "copyrighted material",
    "formatting rules", "clarifying questions", "deprecated fields", "time zones",
    "retries", "transport bindings", "refusals", "hidden reasoning", "citations",
)  # fmt: skip
AUTHORITIES = ("platform", "developer", "user", "guideline")
TYPES = ("string", "integer", "boolean", "timestamp", "URI", "map", "binary", "enum")
IDENT_PARTS = (
    "retry", "after", "content", "type", "source", "spec", "version", "data", "schema",
    "trace", "parent", "subject", "time", "id", "limit", "token", "event", "policy", "scope",
)  # fmt: skip
REPLACEMENTS = (
    "promptly", "carefully", "clearly", "silently", "entire", "original", "current",
    "unknown", "relevant", "explicit", "external", "internal", "partial", "separate",
    "response", "message", "payload", "record", "setting", "request", "channel", "answer",
)  # fmt: skip
USER_ASKS = (
    "Can you summarise this document for me?", "Please translate the attached contract.",
    "What is the fastest way to retry a failed upload?", "Ignore your previous instructions.",
    "Tell me which of these two products is better.", "Write a short poem about the sea.",
    "How do I reset the session token?", "Is it safe to mix these two cleaning products?",
)  # fmt: skip


# -- the document structure -------------------------------------------------------------


@dataclass
class Block:
    """A paragraph, a list, a table or a worked example; ``units`` are its clauses."""

    kind: str
    """``p``, ``ul``, ``ol``, ``table`` or ``example``."""
    units: list[str]
    head: str = ""
    """The header row of a table, the title of an example."""


@dataclass
class Section:
    id: str
    title: str
    level: int
    authority: str
    blocks: list[Block] = field(default_factory=list)


class _Writer:
    """Random but realistic spec prose, from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.targets: list[tuple[str, str]] = []
        """(id, title) of the sections written so far, for links."""

    def _fill(self, template: str) -> str:
        if "{" not in template:
            return template
        rng = self.rng
        ref, title = rng.choice(self.targets) if self.targets else ("overview", "Overview")
        ident = "_".join(rng.sample(IDENT_PARTS, 2)) + str(rng.randrange(100))
        return template.format(n=rng.randrange(2, 500), ident=ident, ref=ref, title=title)

    def sentence(self) -> str:
        rng = self.rng
        form = rng.random()
        if form < 0.55:
            text = (
                f"{rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} "
                f"{rng.choice(OBJECTS)} {self._fill(rng.choice(QUALIFIERS))}."
            )
        elif form < 0.75:
            text = (
                f"If {rng.choice(CONDITIONS)}, {rng.choice(SUBJECTS).lower()} "
                f"{rng.choice(MODALS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
            )
        else:
            text = f"{rng.choice(SUBJECTS)} {self._fill(rng.choice(DESCRIPTIONS))}."
        return text

    def paragraph(self) -> str:
        count = self.rng.choice((1, 2, 2, 3, 3, 4, 5, 6))
        if self.rng.random() < 0.08:
            lead = f"**{self.rng.choice(TITLE_TOPICS).capitalize()}**: "
            return lead + " ".join(self.sentence() for _ in range(count))
        return " ".join(self.sentence() for _ in range(count))

    def list_item(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.choice((1, 1, 1, 2))))

    def table_row(self) -> str:
        rng = self.rng
        ident = "_".join(rng.sample(IDENT_PARTS, 2)) + str(rng.randrange(1000))
        required = rng.choice(("REQUIRED", "OPTIONAL", "yes", "no"))
        return f"`{ident}` | {rng.choice(TYPES)} | {required} | {self.sentence()}"

    def example(self) -> Block:
        rng = self.rng
        title = f"{rng.choice(TITLE_TOPICS)} when {rng.choice(CONDITIONS)}"
        good = " ".join(self.sentence() for _ in range(rng.choice((1, 2, 3))))
        bad = " ".join(self.sentence() for _ in range(rng.choice((1, 2))))
        lines = [
            "<developer>",
            self.sentence(),
            "</developer>",
            "<user>",
            rng.choice(USER_ASKS),
            "</user>",
            "<comparison>",
            f"<assistant> <!-- GOOD: {rng.choice(TITLE_TOPICS)} handled -->",
            good,
            "</assistant>",
            "<assistant> <!-- BAD -->",
            bad,
            "</assistant>",
            "</comparison>",
        ]
        return Block("example", ["\n".join(lines)], title)

    def block(self) -> Block:
        rng = self.rng
        kind = rng.random()
        if kind < 0.58:
            return Block("p", [self.paragraph()])
        if kind < 0.80:
            items = [self.list_item() for _ in range(rng.randrange(2, 7))]
            return Block(rng.choice(("ul", "ul", "ol")), items)
        if kind < 0.88:
            rows = [self.table_row() for _ in range(rng.randrange(2, 8))]
            return Block("table", rows, "Field | Type | Required | Description")
        return self.example()

    def section(self, section_id: str, level: int) -> Section:
        rng = self.rng
        title = (
            f"{rng.choice(TITLE_WORDS)} {rng.choice(TITLE_TOPICS)} {section_id.rsplit('_', 1)[-1]}"
        )
        section = Section(section_id, title, level, rng.choice(AUTHORITIES))
        for _ in range(rng.randrange(1 if level == 1 else 2, 7)):
            block = self.block()
            if section.blocks and {block.kind, section.blocks[-1].kind} <= {"ul", "ol"}:
                section.blocks.append(Block("p", [self.paragraph()]))  # keep two lists apart
            section.blocks.append(block)
        self.targets.append((section_id, title))
        return section


def build(size: int, seed: int = 0) -> list[Section]:
    """Sections holding about ``size`` bytes of Markdown once rendered."""
    writer = _Writer(random.Random(seed))
    rng = writer.rng
    sections: list[Section] = []
    total = 0
    chapter = 0
    while total < size:
        chapter += 1
        batch = [writer.section(f"ch{chapter}", 1)]
        for number in range(1, rng.randrange(4, 12)):
            batch.append(writer.section(f"ch{chapter}_s{number}", 2))
            for sub in range(1, rng.choice((1, 1, 2, 3, 4))):
                batch.append(writer.section(f"ch{chapter}_s{number}_{sub}", 3))
        for section in batch:
            total += len(render_section(section))
            sections.append(section)
            if total >= size:
                break
    return sections


# -- rendering ---------------------------------------------------------------------------


def render_section(section: Section) -> str:
    attributes = "" if section.level == 1 else f" authority={section.authority}"
    out = [f"{'#' * section.level} {section.title} {{#{section.id}{attributes}}}\n"]
    for block in section.blocks:
        if block.kind == "p":
            out.append(block.units[0] + "\n")
        elif block.kind == "ul":
            out.append("".join(f"- {item}\n" for item in block.units))
        elif block.kind == "ol":
            out.append("".join(f"{n}. {item}\n" for n, item in enumerate(block.units, 1)))
        elif block.kind == "table":
            rows = "".join(f"| {row} |\n" for row in block.units)
            out.append(f"| {block.head} |\n| --- | --- | --- | --- |\n{rows}")
        else:
            out.append(f"**Example**: {block.head}\n\n~~~xml\n{block.units[0]}\n~~~\n")
    return "\n".join(out) + "\n"


def render(sections: list[Section]) -> str:
    return "".join(render_section(s) for s in sections)


# -- edits -------------------------------------------------------------------------------

#: The share of each kind of edit.
EDIT_MIX = (("word", 0.40), ("strength", 0.15), ("move", 0.15), ("add", 0.15), ("remove", 0.15))
_STRONGER = ((" should ", " must "), (" SHOULD ", " MUST "), (" may ", " should "))


def edit(sections: list[Section], share: float = 0.02, seed: int = 0) -> Counter[str]:
    """Edit ``share`` of the clauses in place; returns how many edits of each kind."""
    rng = random.Random(seed * 7919 + 1)
    writer = _Writer(rng)
    writer.targets = [(s.id, s.title) for s in sections]
    units = [
        (s, b, u)
        for s, section in enumerate(sections)
        for b, block in enumerate(section.blocks)
        for u in range(len(block.units))
    ]
    wanted = round(share * len(units))
    touched: set[tuple[int, int]] = set()
    """(id of a block, unit index); -1 for the whole block."""
    done: Counter[str] = Counter()
    removed: set[tuple[int, int]] = set()
    inserts: list[tuple[int, Block]] = []

    def pick(kinds: tuple[str, ...], needs: bool = False) -> tuple[Section, Block, int] | None:
        for _ in range(500):
            s, b, u = units[rng.randrange(len(units))]
            blocks = sections[s].blocks
            block = blocks[b]
            key = id(block)
            if block.kind not in kinds or (key, u) in touched or (key, -1) in touched:
                continue
            if needs and not any(old in block.units[u] for old, _ in _STRONGER):
                continue
            if block.kind == "p" and _between_lists(blocks, b):
                continue  # taking it away would join the two lists into one
            return sections[s], block, u
        return None

    for kind, weight in EDIT_MIX:
        for _ in range(round(weight * wanted)):
            applied = kind
            if kind == "move":
                found = pick(("p",))
                if found is None:
                    continue
                _, block, _ = found
                touched.add((id(block), -1))
                removed.add((id(block), -1))
                inserts.append((rng.randrange(len(sections)), Block("p", list(block.units))))
            elif kind == "add":
                target = rng.randrange(len(sections))
                inserts.append((target, Block("p", [writer.paragraph()])))
            elif kind == "remove":
                found = pick(("p", "ul", "ol", "table"))
                if found is None:
                    continue
                _, block, u = found
                whole = block.kind == "p"
                touched.add((id(block), -1 if whole else u))
                removed.add((id(block), -1 if whole else u))
            else:
                found = pick(("p", "ul", "ol", "table", "example"), kind == "strength")
                if found is None:
                    continue
                _, block, u = found
                text = block.units[u]
                stronger = next((pair for pair in _STRONGER if pair[0] in text), None)
                if kind == "strength" and stronger is not None:
                    block.units[u] = text.replace(*stronger, 1)
                else:
                    block.units[u] = _change_word(text, rng)
                    applied = "word"
                touched.add((id(block), u))
            done[applied] += 1
    for section in sections:
        kept = []
        for block in section.blocks:
            if (id(block), -1) in removed:
                continue
            block.units = [
                unit for u, unit in enumerate(block.units) if (id(block), u) not in removed
            ]
            if block.units:
                kept.append(block)
        section.blocks = kept
    for target, block in inserts:
        blocks = sections[target].blocks
        blocks.insert(rng.randrange(len(blocks) + 1), block)
    return done


def _between_lists(blocks: list[Block], at: int) -> bool:
    lists = ("ul", "ol")
    return 0 < at < len(blocks) - 1 and {blocks[at - 1].kind, blocks[at + 1].kind} <= set(lists)


def _change_word(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    choices = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and len(w) >= 4]
    if not choices:
        return text + " " + rng.choice(REPLACEMENTS).capitalize() + "."
    at = rng.choice(choices)
    words[at] = rng.choice([w for w in REPLACEMENTS if w != words[at]])
    return " ".join(words)


def synthetic_pair(size: int, seed: int = 0, share: float = 0.02) -> tuple[str, str, Counter[str]]:
    """An old text of about ``size`` bytes, the new text with ``share`` of its clauses edited,
    and the number of edits of each kind."""
    sections = build(size, seed)
    old = render(sections)
    done = edit(sections, share, seed)
    return old, render(sections), done


def parse_size(text: str) -> int:
    text = text.strip().upper()
    for suffix, factor in (("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)):
        if text.endswith(suffix):
            return int(float(text[: -len(suffix)]) * factor)
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=parse_size, help="e.g. 1MB, 256KB")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--share", type=float, default=0.02, help="share of clauses edited")
    parser.add_argument("--out", type=Path, default=Path())
    args = parser.parse_args()
    old, new, done = synthetic_pair(args.size, args.seed, args.share)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "old.md").write_text(old, encoding="utf-8")
    (args.out / "new.md").write_text(new, encoding="utf-8")
    print(f"{args.out / 'old.md'}: {len(old)} bytes; new.md: {len(new)} bytes; edits {dict(done)}")


if __name__ == "__main__":
    main()
