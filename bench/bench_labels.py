"""Labelled benchmark: how often specdiff reads real spec changes as a maintainer would.

    python bench/bench_labels.py                         # prints a Markdown report
    python bench/bench_labels.py --json                  # machine-readable results
    python bench/bench_labels.py --update BENCHMARKS.md  # rewrites "## Labelled changes"
    python bench/bench_labels.py --sealed                # scores only the sealed pairs

The labels in ``bench/labels/*.toml`` were written by reading the two versions of each
pair in ``../shared/corpus`` (or ``$SPECDIFF_CORPUS``), never from specdiff's output.
Each label names a section, short quotes of the old and/or new text, the kind of change,
the severities and tags a careful maintainer would accept, and a category. This script
runs ``specdiff compare OLD NEW --format json`` (the stable ``specdiff.compare/1``
contract) on each pair, finds the change record each label is about, and judges it.

A spec made of many files (``../shared/corpus-multi``) has one folder per version: its
pair names the two folders, and each label names the file it is about (``document``).

A whole section added or removed is one change for a reader and one record for specdiff:
a clause label inside it is judged by the section's record (``covered_by_section``), whose
severity and tags stand for the section's most severe part (``section_severities``).

A pair marked ``sealed = true`` holds labels written for a later, one-time measurement
of how the reading does on text nobody tuned it on: it is left out of every run unless
``--sealed`` is given, so that working on the reading never shows its results.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parent.parent
LABELS_DIR = Path(__file__).resolve().parent / "labels"
SECTION_TITLE = "Labelled changes"

SEVERITIES = ("major", "minor", "patch", "none")
CLAUSE_KINDS = ("added", "removed", "modified", "moved")
SECTION_KINDS = (
    "added",
    "removed",
    "renamed",
    "reidentified",
    "moved",
    "attributes",
    "merged",
    "split",
)
KINDS = (
    *(f"clause {k}" for k in CLAUSE_KINDS),
    *(f"section {k}" for k in SECTION_KINDS),
    "none",  # a real non-change (reflowed text ...): nothing, or only patch, is right
)
CATEGORIES = (
    "modal",
    "epistemic",
    "list",
    "number",
    "exception",
    "restriction",
    "condition",
    "editorial",
    "example",
    "table",
    "rename",
    "move",
    "comment",
    "section",
    "attribute",
    "rewording",
    "boilerplate",
    "reference",
    "identifier",
    "normative",
    "data",
)
REQUIRED_KEYS = ("section", "kind", "severity", "category", "note")
OPTIONAL_KEYS = ("quote_old", "quote_new", "tags_any", "tags_not", "document")
MAX_QUOTE = 300


# -- finding the corpus --------------------------------------------------------------------


def corpus_dir() -> Path:
    """``$SPECDIFF_CORPUS``, else ``../shared/corpus`` beside this checkout, else beside
    the main checkout when this is a git worktree (worktrees live elsewhere)."""
    override = os.environ.get("SPECDIFF_CORPUS")
    if override:
        return Path(override)
    beside = REPO.parent / "shared" / "corpus"
    if beside.is_dir():
        return beside
    main = _main_checkout()
    if main is not None and (main.parent / "shared" / "corpus").is_dir():
        return main.parent / "shared" / "corpus"
    return beside


def spec_folder(corpus: Path, name: str) -> Path:
    """The folder of one corpus spec: ``corpus/<name>`` for specs of one file, else
    ``corpus-multi/<name>`` beside it (specs made of many files, one folder per version)."""
    single = corpus / name
    if single.is_dir():
        return single
    return corpus.parent / "corpus-multi" / name


def _main_checkout() -> Path | None:
    # ``.git`` of a worktree is a file pointing into the main repository's ``.git``.
    dot_git = REPO / ".git"
    if not dot_git.is_file():
        return None
    text = dot_git.read_text(encoding="utf-8").strip()
    if not text.startswith("gitdir:"):
        return None
    gitdir = Path(text.split(":", 1)[1].strip())
    # <main>/.git/worktrees/<name>
    return gitdir.parent.parent.parent if gitdir.parent.name == "worktrees" else None


# -- labels --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    corpus: str
    old: str
    new: str
    # Held out: labelled by reading before specdiff ran on the pair, so its accuracy is
    # reported apart (the main figures keep meaning "the labels the reading was tuned on").
    heldout: bool = False
    # Sealed: not scored unless asked for (``--sealed``), see the module docstring.
    sealed: bool = False

    @property
    def name(self) -> str:
        return f"{self.corpus} {self.old} → {self.new}"


@dataclass
class Label:
    pair: Pair
    index: int
    section: str
    kind: list[str]
    severity: list[str]
    category: str
    note: str
    quote_old: str | None = None
    quote_new: str | None = None
    # For a spec made of many files: the file the label is about (its path in the version
    # folder, the same on both sides); records of other files never answer it.
    document: str | None = None
    tags_any: list[list[str]] = field(default_factory=list)
    tags_not: list[str] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.pair.corpus}:{self.pair.old}→{self.pair.new} #{self.index}"


def as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def load_label_file(path: Path) -> tuple[Pair, list[Label]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    head = data["pair"]
    pair = Pair(
        head["corpus"],
        head["old"],
        head["new"],
        heldout=bool(head.get("heldout", False)),
        sealed=bool(head.get("sealed", False)),
    )
    labels = []
    for index, raw in enumerate(data.get("label", []), start=1):
        labels.append(
            Label(
                pair=pair,
                index=index,
                section=raw["section"],
                kind=as_list(raw["kind"]),
                severity=as_list(raw["severity"]),
                category=raw["category"],
                note=raw["note"],
                quote_old=raw.get("quote_old"),
                quote_new=raw.get("quote_new"),
                document=raw.get("document"),
                # Each item is one acceptable tag or a set of tags that must all be there.
                tags_any=[as_list(item) for item in raw.get("tags_any", [])],
                # Tags (or ``prefix.*``) that would misread the change, e.g. a rule tag on
                # an epistemic "may".
                tags_not=list(raw.get("tags_not", [])),
            )
        )
    return pair, labels


def load_all(folder: Path = LABELS_DIR) -> list[tuple[Pair, list[Label]]]:
    return [load_label_file(path) for path in sorted(folder.glob("*.toml"))]


# -- text normalisation ------------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "*": " ",
        "_": " ",
        "`": " ",
        "\\": " ",
    }
)
_TYPOGRAPHY = str.maketrans({k: v for k, v in _TRANSLATE.items() if chr(k) not in "*_`\\"})
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def normalise(text: str) -> str:
    """What a quote must survive: whitespace, typographic quotes and dashes, emphasis and
    code markup, and case (records may keep either the source or a cleaned text, so both
    sides go through the same mill)."""
    text = text.translate(_TRANSLATE).replace("---", "-").replace("--", "-")
    return " ".join(text.split()).casefold()


def without_links(text: str) -> str:
    """``[text](target)`` -> ``text``, for records that keep link text only."""
    return _LINK.sub(r"\1", text)


_LEAD = re.compile(r"^(?:[-+>|] |\d+[.)] )")
_TRAIL = re.compile(r" \|$")


_QUOTED_LINE = re.compile(r"^ {0,3}> ?", re.MULTILINE)


def _variants(quote: str) -> set[str]:
    """The quote, and the quote without the source markup a record may not keep: a list
    bullet, a block-quote marker, or the outer pipes of a table row."""
    return {quote, _TRAIL.sub("", _LEAD.sub("", quote))}


def _unquoted(quote: str) -> set[str]:
    """A quote of a block quote's paragraph over several lines repeats the ``>`` marker at
    each line start; a record keeps the paragraph's text without them. (Not used for the
    literal match: an example's ``>`` lines are code, and the record keeps them.)"""
    lines = quote.splitlines()
    if len(lines) > 1 and all(_QUOTED_LINE.match(line) for line in lines):
        return {_QUOTED_LINE.sub("", quote)}
    return set()


def literal(text: str) -> str:
    """Only whitespace, typography and case: markup characters kept. Example blocks are code,
    where ``*foo**`` and ``_foo__`` differ; ``normalise`` makes them the same quote."""
    return " ".join(text.translate(_TYPOGRAPHY).split()).casefold()


def quote_in_literally(quote: str, text: str) -> bool:
    return any(literal(v) in literal(text) for v in _variants(quote))


def quote_in(quote: str, text: str) -> bool:
    """The quote is in the text, as written or with link targets dropped on both sides."""
    quotes = {normalise(quote)} | {normalise(q) for q in _unquoted(quote)}
    for clean in (normalise, lambda t: normalise(without_links(t))):
        haystack = clean(text)
        if any(clean(v) in haystack for q in quotes for v in _variants(q)):
            return True
    return False


# -- running specdiff ----------------------------------------------------------------------


def run_compare(old: Path, new: Path) -> dict[str, Any]:
    """The JSON record of ``specdiff compare OLD NEW``, through the command line so that
    only the stable contract is relied on."""
    command = [sys.executable, "-m", "specdiff", "compare", str(old), str(new)]
    done = subprocess.run(
        [*command, "--format", "json"], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"specdiff compare failed ({done.returncode}): {done.stderr.strip()}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@dataclass(frozen=True)
class Outline:
    """Section id → (title, parent id) on one side, to match labels that name a heading."""

    sections: dict[str, tuple[str, str | None]]
    # (document, include heading's title, normalised) -> (the file it places, that file's
    # title): spec-md puts the file's top heading where the include heading stands.
    includes: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def chain(self, section_id: str | None) -> list[str]:
        """Ids and titles of the section and its ancestors, normalised."""
        names: list[str] = []
        seen: set[str] = set()
        while section_id and section_id not in seen:
            seen.add(section_id)
            title, parent = self.sections.get(section_id, ("", None))
            names.extend(n for n in (normalise(section_id), normalise(title)) if n)
            section_id = parent
        return names

    def own(self, section_id: str | None) -> list[str]:
        if not section_id:
            return []
        title, _ = self.sections.get(section_id, ("", None))
        return [n for n in (normalise(section_id), normalise(title)) if n]


def outline_of(path: Path) -> Outline:
    # The parser's entry points give the ids specdiff reports; titles let labels name a
    # heading as a reader sees it. A folder is a spec made of many files, read as the
    # command line reads it.
    from specdiff import parse_spec

    if path.is_dir():
        from specdiff.history.spec_files import read_folder
        from specdiff.parse.documents import parse_documents

        files = [(f.path, f.text) for f in read_folder(path)]
        spec = parse_documents(files, parse_spec)
        includes = _include_headings(files, {d.path: d.title for d in spec.documents})
    else:
        spec = parse_spec(path.read_text(encoding="utf-8"))
        includes = {}
    sections = {s.id: (_plain_title(s.title), s.parent) for s in spec.sections if s.level}
    return Outline(sections, includes)


def _include_headings(
    files: list[tuple[str, str]], titles: dict[str, str]
) -> dict[tuple[str, str], tuple[str, str]]:
    from specdiff.parse._prepare import prepare

    found = {}
    for path, text in files:
        for include in prepare(path, text).includes:
            if include.target in titles:
                key = (path, normalise(_plain_title(include.title)))
                found[key] = (include.target, titles[include.target])
    return found


def _plain_title(title: str) -> str:
    # A heading as a reader sees it: no HTML tags, a link shown as its text.
    return without_links(re.sub(r"<[^>]+>", "", title))


def placed_heading(label: Label, old: Outline, new: Outline) -> Label | None:
    """A label on an include heading, as the section the include places: spec-md puts
    the included file's top heading in its place, so that section's record is the one
    a reader meets there ("Appendix: Conformance" is "A. Appendix: Conformance")."""
    for outline in (new, old):
        for (document, title), (target, top) in outline.includes.items():
            if title == normalise(label.section) and label.document in (None, document):
                return replace(label, section=top, document=target)
    return None


# -- matching and judging ------------------------------------------------------------------


@dataclass
class Verdict:
    label: Label
    record: dict[str, Any] | None
    acceptable: bool
    why: str
    # The severities this label's record may carry: the label's own, widened for a clause
    # inside a whole section added or removed (see ``section_severities``).
    severities: list[str] = field(default_factory=list)

    @property
    def missed(self) -> bool:
        return self.record is None and not self.acceptable

    @property
    def false_major(self) -> bool:
        return (
            self.record is not None
            and self.record.get("severity") == "major"
            and "major" not in (self.severities or self.label.severity)
        )


def record_kind(record: dict[str, Any]) -> str:
    return f"{record.get('scope')} {record.get('kind')}"


def side_text(record: dict[str, Any], side: str) -> str:
    block = record.get(side) or {}
    return str(block.get("text") or "")


def quotes_found_literally(label: Label, record: dict[str, Any]) -> int:
    """How many quotes are in the record with their markup as written (see ``literal``)."""
    return sum(
        quote_in_literally(quote, side_text(record, side))
        for quote, side in ((label.quote_old, "old"), (label.quote_new, "new"))
        if quote
    )


def quotes_found(label: Label, record: dict[str, Any]) -> tuple[int, int]:
    """(quotes given, quotes found on their own side of the record). A side that is code
    holds its text as written, where ``*foo*`` and ``_foo_`` are two texts: a quote is
    found there with its markup (``literal``), not with emphasis marks read as spaces."""
    given = found = 0
    for quote, side in ((label.quote_old, "old"), (label.quote_new, "new")):
        if quote:
            given += 1
            if side_type(record, side) == "code":
                found += quote_in_literally(quote, side_text(record, side))
            else:
                found += quote_in(quote, side_text(record, side))
    return given, found


def side_type(record: dict[str, Any], side: str) -> str:
    block = record.get(side) or {}
    return str(block.get("type") or "")


def section_fits(label: Label, record: dict[str, Any], old: Outline, new: Outline) -> bool:
    """The label's section is the record's section or one of its ancestors, either side,
    or a heading on the path the report shows the record under (a row removed from a
    section that was renamed is shown under the new title a reader names)."""
    wanted = normalise(label.section)
    if not wanted:
        # An empty section names what comes before the first heading (front matter).
        return not record.get("section") and not record.get("old_section")
    names = new.chain(record.get("section")) + old.chain(record.get("old_section"))
    names += [normalise(_plain_title(title)) for title in record.get("path") or []]
    return wanted in names


def section_is(label: Label, record: dict[str, Any], old: Outline, new: Outline) -> bool:
    """Whether a section record is about the heading a label names. A split is about the
    new section (its old side names the section it came out of, which stays), a merge
    about the old one (its new side names the section it went into)."""
    wanted = normalise(label.section)
    kind = record.get("kind")
    new_side = new.own(record.get("section")) if kind != "merged" else []
    old_side = old.own(record.get("old_section")) if kind != "split" else []
    return wanted in new_side + old_side


def document_fits(label: Label, record: dict[str, Any]) -> bool:
    if label.document is None:
        return True
    return label.document in (record.get("document"), record.get("old_document"))


def is_section_label(label: Label) -> bool:
    """A label about a heading: its kinds are section changes, or that nothing is reported
    ("section moved" or "none" for one side of two sections swapped)."""
    kinds = [k for k in label.kind if k != "none"]
    return bool(kinds) and all(k.startswith("section") for k in kinds)


def find_record(
    label: Label, records: list[dict[str, Any]], old: Outline, new: Outline
) -> dict[str, Any] | None:
    best: tuple[Any, ...] | None = None
    chosen = None
    for record in records:
        if not document_fits(label, record):
            continue
        given, found = quotes_found(label, record)
        scope_fits = record.get("scope") == ("section" if is_section_label(label) else "clause")
        if is_section_label(label) and record.get("scope") == "section":
            # Section records are found by the heading they are about; quotes only help.
            if not section_is(label, record, old, new):
                continue
        elif not (found and section_fits(label, record, old, new)):
            continue
        text_size = len(side_text(record, "old")) + len(side_text(record, "new"))
        kind = record_kind(record)
        # A heading change may give one record per facet (renamed, reidentified): take the
        # facet the label lists first.
        kind_rank = -label.kind.index(kind) if kind in label.kind else -len(label.kind)
        # Prefer every quote found, then found with its markup as written (two examples
        # may differ only in ``*`` and ``_``), then the expected scope and kind, then the
        # closest (shortest) text.
        literally = quotes_found_literally(label, record)
        key = (found == given, found, literally, scope_fits, kind_rank, -text_size)
        if best is None or key > best:
            best, chosen = key, record
    if chosen is None and is_section_label(label) and "none" not in label.kind:
        # A change expected on an include heading is reported on the heading placed there
        # (an include heading expected unchanged is answered by nothing reported).
        placed = placed_heading(label, old, new)
        if placed is not None and placed != label:
            return find_record(placed, records, old, new)
    return chosen


def tags_ok(label: Label, tags: list[str]) -> bool:
    if any(_tag_present(unwanted, tags) for unwanted in label.tags_not):
        return False
    if not label.tags_any:
        return True
    return any(all(_tag_present(want, tags) for want in item) for item in label.tags_any)


def _tag_present(want: str, tags: list[str]) -> bool:
    if want.endswith("*"):
        return any(t.startswith(want[:-1]) for t in tags)
    return want in tags


# A whole section added or removed is one change for a reader ("Section X removed"), and
# specdiff reports it as one section record. A clause label written for a paragraph inside
# such a section is about that record: the clause's own kind is what the section record
# says of all its clauses.
COVERING_KINDS = {"section removed": "clause removed", "section added": "clause added"}


def covered_by_section(label: Label, record: dict[str, Any] | None) -> bool:
    """A clause label answered by the record of the whole section it lies in."""
    if record is None or is_section_label(label) or record.get("scope") != "section":
        return False
    return COVERING_KINDS.get(record_kind(record)) in label.kind


def section_severities(
    labels: list[Label], records: list[dict[str, Any] | None]
) -> dict[int, list[str]]:
    """For each section record answering clause labels, every severity a reader accepts
    for some part of that section: the section's record carries the severity of its most
    severe part, so a MAJOR for a removed section is true when the readers' own labels say
    a rule inside it was removed, even for the label of a rule-free paragraph beside it."""
    accepted: dict[int, list[str]] = defaultdict(list)
    for label, record in zip(labels, records, strict=True):
        if record is not None and (covered_by_section(label, record) or is_section_label(label)):
            accepted[id(record)] += [s for s in label.severity if s not in accepted[id(record)]]
    return accepted


def section_tags(labels: list[Label], records: list[dict[str, Any] | None]) -> dict[int, set[str]]:
    """For each section record answering clause labels, the tags of it that some labelled
    part of the section may carry (a label of that part does not rule them out). The
    section's tags are the union of its parts' ("normative.added": some paragraph in it
    adds a rule), so a tag one part may carry is no fault of the record for the label of
    a rule-free paragraph beside it, just as the part's severity is not (``section_severities``)."""
    allowed: dict[int, set[str]] = defaultdict(set)
    for label, record in zip(labels, records, strict=True):
        if record is not None and covered_by_section(label, record):
            tags = list(record.get("tags") or [])
            allowed[id(record)] |= {
                t for t in tags if not any(_tag_present(no, [t]) for no in label.tags_not)
            }
    return allowed


def judge(
    label: Label,
    record: dict[str, Any] | None,
    severities: list[str] | None = None,
    other_parts_tags: set[str] | None = None,
) -> Verdict:
    severities = severities or label.severity
    if record is None:
        if "none" in label.severity:
            return Verdict(label, None, True, "nothing reported, as expected", severities)
        return Verdict(label, None, False, "no change record matches this label", severities)
    problems = []
    if record.get("severity") not in severities:
        problems.append(f"severity {record.get('severity')} not in {severities}")
    kind = record_kind(record)
    if covered_by_section(label, record):
        kind = COVERING_KINDS[kind]
    if "none" not in label.kind and kind not in label.kind:
        problems.append(f"kind {kind!r} not in {label.kind}")
    tags = list(record.get("tags") or [])
    # A section record's tags, like its severity, speak for the section's most severe part;
    # where that part is another clause's, they say nothing about this one.
    speaks_for_others = covered_by_section(label, record) and (
        record.get("severity") not in label.severity
    )
    if covered_by_section(label, record) and other_parts_tags:
        # Tags another labelled part of the section may carry say nothing of this one
        # (``section_tags``); what the label requires present is still looked for in all.
        own = [t for t in tags if t not in other_parts_tags]
        rejected = any(_tag_present(unwanted, own) for unwanted in label.tags_not)
        speaks_for_others = speaks_for_others or (not rejected and tags_ok(_wanting(label), tags))
    if not speaks_for_others and not tags_ok(label, tags):
        problems.append(
            f"tags {tags} do not fit any of {label.tags_any} / none of {label.tags_not}"
        )
    return Verdict(label, record, not problems, "; ".join(problems) or "ok", severities)


def _wanting(label: Label) -> Label:
    """The label with only what it wants present (its ``tags_any``)."""
    return replace(label, tags_not=[])


def answer_labels(
    labels: list[Label], records: list[dict[str, Any]], old: Outline, new: Outline
) -> list[dict[str, Any] | None]:
    """The record answering each label (``find_record``), in order."""
    found: list[dict[str, Any] | None] = []
    # The same edit made in two places (one line in two branches of an algorithm) gets two
    # labels with the same quotes: each is answered by its own record where there are two.
    taken: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for label in labels:
        same = (label.document, label.section, label.quote_old, label.quote_new)
        spare = [r for r in records if id(r) not in taken[same]]
        record = find_record(label, spare, old, new) or find_record(label, records, old, new)
        if record is not None:
            taken[same].append(id(record))
        found.append(record)
    return found


def score_pair(pair: Pair, labels: list[Label], corpus: Path) -> list[Verdict]:
    folder = spec_folder(corpus, pair.corpus)
    old_path, new_path = folder / pair.old, folder / pair.new
    records = run_compare(old_path, new_path)["changes"]
    old, new = outline_of(old_path), outline_of(new_path)
    found = answer_labels(labels, records, old, new)
    in_section = section_severities(labels, found)
    parts_tags = section_tags(labels, found)
    return [
        judge(
            label,
            record,
            in_section[id(record)] if covered_by_section(label, record) else None,
            parts_tags[id(record)] if covered_by_section(label, record) else None,
        )
        for label, record in zip(labels, found, strict=True)
    ]


# -- reporting -----------------------------------------------------------------------------


@dataclass
class Summary:
    verdicts: list[Verdict]

    @property
    def total(self) -> int:
        return len(self.verdicts)

    def rate(self, verdicts: list[Verdict]) -> float:
        return sum(v.acceptable for v in verdicts) / len(verdicts) if verdicts else 0.0

    @property
    def accuracy(self) -> float:
        return self.rate(self.verdicts)

    @property
    def false_major_rate(self) -> float:
        return sum(v.false_major for v in self.verdicts) / self.total if self.total else 0.0

    def grouped(self, key: str) -> dict[str, list[Verdict]]:
        groups: dict[str, list[Verdict]] = defaultdict(list)
        for verdict in self.verdicts:
            name = verdict.label.category if key == "category" else verdict.label.pair.name
            groups[name].append(verdict)
        return dict(sorted(groups.items()))

    @property
    def missed(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.missed]

    @property
    def failing(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.acceptable]


def said(record: dict[str, Any] | None) -> str:
    if record is None:
        return "nothing"
    tags = ", ".join(record.get("tags") or []) or "no tags"
    return f"{record_kind(record)} {str(record.get('severity')).upper()} ({tags})"


def label_where(label: Label) -> str:
    quote = label.quote_new or label.quote_old or ""
    short = quote if len(quote) <= 60 else quote[:57] + "..."
    return f"§ {label.section}: “{short}”"


def split_heldout(verdicts: list[Verdict]) -> tuple[Summary, Summary]:
    """(the labels the reading was tuned on, the held-out labels)."""
    return (
        Summary([v for v in verdicts if not v.label.pair.heldout]),
        Summary([v for v in verdicts if v.label.pair.heldout]),
    )


def markdown(summary: Summary, heldout: Summary | None = None) -> str:
    lines = [
        f"## {SECTION_TITLE}",
        "",
        "`python bench/bench_labels.py --update BENCHMARKS.md` (rewrites this section only).",
        f"{summary.total} changes in real spec releases (`bench/labels/*.toml`), each labelled "
        "by reading the two versions: the kind of change, the severities and tags a careful "
        "maintainer would accept, and a category. A label is *acceptable* when the record "
        "specdiff gives for it has an accepted severity, kind and tags; *missed* when no record "
        "is about it; *false major* when specdiff says MAJOR and the label does not accept it. "
        "A label on a paragraph of a section that is wholly added or removed is answered by "
        "the section's one record, whose severity is that of the section's most severe "
        "labelled part.",
        f"Measured on commit `{_commit()}`; `python bench/bench_labels.py` also lists every "
        "label that fails, with what specdiff said.",
        "",
        "| measure | result | target (issue 10) |",
        "| --- | ---: | ---: |",
        f"| acceptable | {summary.accuracy:.1%} ({sum(v.acceptable for v in summary.verdicts)}"
        f" / {summary.total}) | ≥ 95% |",
        f"| missed | {len(summary.missed)} | 0 |",
        f"| false-major rate | {summary.false_major_rate:.1%} "
        f"({sum(v.false_major for v in summary.verdicts)}) | ≤ 2% |",
        "",
        *breakdown(summary),
    ]
    if heldout is not None and heldout.total:
        lines += ["", *heldout_markdown(heldout)]
    return "\n".join(lines) + "\n"


def heldout_markdown(heldout: Summary) -> list[str]:
    """The held-out labels' own figures: pairs marked ``heldout = true``, labelled by
    reading before specdiff ran on them. Their first scoring estimates accuracy on new
    text; once their failures guide a fix, these figures no longer do."""
    return [
        "### Held-out labels",
        "",
        f"{heldout.total} more labels on pairs marked `heldout = true`, written the same way "
        "and committed before specdiff ran on their pairs; they are not counted in the figures "
        'above. Their first scoring, the estimate for unseen text, is under "Held-out '
        'labelled changes"; fixes made since from their failures mean the figures below '
        "are no longer a held-out estimate.",
        "",
        "| measure | held-out result |",
        "| --- | ---: |",
        f"| acceptable | {heldout.accuracy:.1%} ({sum(v.acceptable for v in heldout.verdicts)}"
        f" / {heldout.total}) |",
        f"| missed | {len(heldout.missed)} |",
        f"| false-major rate | {heldout.false_major_rate:.1%} "
        f"({sum(v.false_major for v in heldout.verdicts)}) |",
        "",
        *breakdown(heldout),
    ]


def breakdown(summary: Summary) -> list[str]:
    """Acceptable labels per category and per pair, as two Markdown tables."""
    lines: list[str] = []
    for key in ("category", "pair"):
        lines += [
            *([""] if lines else []),
            f"| {key} | labels | acceptable |",
            "| --- | ---: | ---: |",
        ]
        for name, group in summary.grouped(key).items():
            lines.append(f"| {name} | {len(group)} | {summary.rate(group):.0%} |")
    return lines


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def failures_text(summary: Summary) -> str:
    lines = [f"\nmissed ({len(summary.missed)}):"]
    lines += [f"  {v.label.ref} {label_where(v.label)}" for v in summary.missed]
    lines.append(f"\nnot acceptable ({len(summary.failing)}):")
    for verdict in summary.failing:
        label = verdict.label
        lines.append(f"  {label.ref} [{label.category}] {label_where(label)}")
        lines.append(
            f"    label: {' | '.join(label.kind)} {'/'.join(label.severity)}"
            + (f" tags {label.tags_any}" if label.tags_any else "")
        )
        lines.append(f"    specdiff: {said(verdict.record)}: {verdict.why}")
        if verdict.record and verdict.record.get("reason"):
            lines.append(f"    reason: {verdict.record['reason']}")
    return "\n".join(lines) + "\n"


def as_json(summary: Summary) -> dict[str, Any]:
    def entry(verdict: Verdict) -> dict[str, Any]:
        record = verdict.record or {}
        return {
            "label": verdict.label.ref,
            "category": verdict.label.category,
            "acceptable": verdict.acceptable,
            "missed": verdict.missed,
            "false_major": verdict.false_major,
            "why": verdict.why,
            "record": {k: record.get(k) for k in ("id", "scope", "kind", "severity", "tags")}
            if verdict.record
            else None,
        }

    return {
        "labels": summary.total,
        "accuracy": summary.accuracy,
        "missed": len(summary.missed),
        "false_major_rate": summary.false_major_rate,
        "per_category": {
            name: {"labels": len(group), "accuracy": summary.rate(group)}
            for name, group in summary.grouped("category").items()
        },
        "per_pair": {
            name: {"labels": len(group), "accuracy": summary.rate(group)}
            for name, group in summary.grouped("pair").items()
        },
        "results": [entry(v) for v in summary.verdicts],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--update", metavar="FILE", type=Path, help="rewrite its section")
    parser.add_argument(
        "--sealed",
        action="store_true",
        help="score only the pairs marked sealed = true (a one-time held-out measurement)",
    )
    args = parser.parse_args(argv)
    if args.sealed and args.update:
        parser.error("--sealed reports apart: it does not rewrite BENCHMARKS.md")
    corpus = corpus_dir()
    if not corpus.is_dir():
        print(f"skipped: corpus not found at {corpus} (set SPECDIFF_CORPUS)")
        return 0
    verdicts: list[Verdict] = []
    left_sealed = 0
    for pair, labels in load_all():
        if pair.sealed != args.sealed:
            left_sealed += len(labels) if pair.sealed else 0
            continue
        verdicts += score_pair(pair, labels, corpus)
    if args.sealed:
        sealed = Summary(verdicts)
        print(markdown(sealed).replace(f"## {SECTION_TITLE}", "## Sealed labels", 1))
        print(failures_text(sealed))
        return 0
    if left_sealed and not args.json:
        print(f"({left_sealed} labels on sealed pairs not scored: see --sealed)\n")
    summary, heldout = split_heldout(verdicts)
    if args.json:
        result = as_json(summary)
        result["heldout"] = as_json(heldout)
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(markdown(summary, heldout) + failures_text(summary))
        if heldout.total:
            print("held-out labels:" + failures_text(heldout))
    if args.update:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from benchmarks_md import update_sections

        update_sections(args.update, markdown(summary, heldout), {SECTION_TITLE})
    return 0


if __name__ == "__main__":
    sys.exit(main())
