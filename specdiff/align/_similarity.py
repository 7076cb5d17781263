"""Text similarity and candidate lookup for fuzzy matching, without comparing all pairs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model.document import ClauseKind
from ..parse import conformance_input, field_name, fold, plain_text
from ._steps import may_be_one_step

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model.document import Clause

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_MIN_SENTENCE_WORDS = 5
#: A shingle shared by more clauses than this says nothing about which one is meant.
_COMMON_SHINGLE = 40
#: How many best candidates (by shared shingles) get a full similarity computation.
_CANDIDATES = 8

#: Kinds that may be paired with each other: prose can change form, code and examples cannot.
_FAMILY = {
    ClauseKind.PARAGRAPH: "prose",
    ClauseKind.LIST_ITEM: "prose",
    ClauseKind.BLOCKQUOTE: "prose",
    ClauseKind.ADMONITION: "prose",
    ClauseKind.TABLE_ROW: "row",
    ClauseKind.CODE: "code",
    ClauseKind.EXAMPLE: "example",
    ClauseKind.HTML: "html",
    ClauseKind.COMPONENT: "component",
}


def family(clause: Clause) -> str:
    """The family of kinds a clause may change between ("prose", "code", ...)."""
    return _FAMILY[clause.kind]


def compatible(a: Clause, b: Clause) -> bool:
    """Whether ``a`` may have become ``b``: prose may change form, code and examples may not;
    a step of an algorithm becomes a step that does the same (see :mod:`._steps`)."""
    if _FAMILY[a.kind] != _FAMILY[b.kind]:
        return False
    a_step, b_step = a.kind is ClauseKind.LIST_ITEM, b.kind is ClauseKind.LIST_ITEM
    if (a_step or b_step) and _FAMILY[a.kind] == "prose":
        return may_be_one_step(a.text, b.text, a_step=a_step, b_step=b_step)
    if a.kind is ClauseKind.CODE and b.kind is ClauseKind.CODE:
        formats = {_data_format(a), _data_format(b)} - {""}
        return len(formats) < 2 and same_test(a.text, b.text) and not _other_sample(a, b)
    return True


def _other_sample(a: Clause, b: Clause) -> bool:
    """Whether two data samples (JSON or YAML mappings) are samples of different things:
    they share at least ``OTHER_SAMPLE_KEYS`` top-level keys holding plain values, and
    every one of those values differs (``"name": "avatar", "in": "formData"`` is not
    ``"name": "freeForm", "in": "query"``, however alike the key names make their
    texts). A sample edited keeps some value (its name, where it goes) while others
    change; one of a single shared key is that value edited (``"$ref"`` following a
    renamed path, ``"type": "basic"`` -> ``"type": "http"``)."""
    old, new = top_scalars(a), top_scalars(b)
    shared = old.keys() & new.keys()
    return len(shared) >= OTHER_SAMPLE_KEYS and all(old[key] != new[key] for key in shared)


#: Shared plain values, all changed, that make two data samples samples of two things.
OTHER_SAMPLE_KEYS = 2


#: Fence languages that are formats of data or documents, by the model they write: a
#: sample in one is not a sample in another edited (a JSON instance is not the XML
#: document that shows it, however many names they share). JSON, YAML and TOML write one
#: model, trees of data: an example rewritten from JSON to YAML is that example.
_FORMATS = {
    "json": "tree",
    "jsonc": "tree",
    "json5": "tree",
    "yaml": "tree",
    "yml": "tree",
    "toml": "tree",
    "xml": "xml",
    "html": "html",
    "csv": "csv",
}
#: A fence that names none of these, or another language, may become any.


def _data_format(clause: Clause) -> str:
    """The data format a code block's fence names ("" for none, or another language)."""
    words = clause.info.split()
    return _FORMATS.get(words[0].casefold(), "") if words else ""


#: The marks of a conformance example's input, what it tests: runs of one character
#: other than a letter, digit, space or tab (``***``, ``_``, ``[``, a no-break space),
#: line breaks with the next line's indentation.
_MARK = re.compile(r"([^\w \t\n]|_)\1*|\n[ \t]*")
#: A token of an input: a word, a run of one mark character, a line break (with any
#: blank lines after it; indentation aside).
_TOKEN = re.compile(r"[^\W_]+|([^\w \t\n]|_)\1*|\n[ \t\n]*")
#: Two inputs whose tokens are at least this alike are one test edited: a case added to
#: a line of cases ("&#35; &#992;" -> "&#35; &#992; &#0;"), a block laid out anew, a
#: URL's path gained a "/". Below it, another test ("__foo__" is not "__foo\nbar__").
SAME_TOKENS = 0.85


@lru_cache(maxsize=4096)
def same_test(a: str, b: str) -> bool:
    """Whether two code blocks may be one block edited: always, unless both are
    conformance examples (an input, a line holding only ".", the output expected), which
    are told apart by their input. An input is the same test when it keeps its marks and
    only the words between them changed ("and * foo bar*" -> "a * foo bar*", "11*15*32"
    -> "5*6*78": one test of emphasis with other filler); when it keeps all the other's
    lines (a case added or dropped), or one of them where both have several (a case of
    a list of cases edited); or when its tokens are nearly all kept and the output shows
    the same elements (a URL's path gained a "/"). One whose delimiters changed is
    another test ("___foo_ bar__" is not "____foo__ bar__"): two examples, however alike
    their characters are. (Only a veto: the layers still want the texts alike.)"""
    old, new = conformance_input(a), conformance_input(b)
    if old is None or new is None:
        # A conformance example does not become a sample of code that tests nothing.
        return old is None and new is None
    old_lines = {line.strip() for line in old.split("\n") if line.strip()}
    new_lines = {line.strip() for line in new.split("\n") if line.strip()}
    if old_lines <= new_lines or new_lines <= old_lines:
        return True
    if len(old_lines) > 1 and len(new_lines) > 1 and old_lines & new_lines:
        return True
    if _marks(old) == _marks(new):
        return True
    return _alike(_tokens(old), _tokens(new)) >= SAME_TOKENS and _tags(a) == _tags(b)


def input_likeness(a: str, b: str) -> float:
    """How alike the inputs of two conformance examples are, token by token (0 when
    either is no conformance example)."""
    old, new = conformance_input(a), conformance_input(b)
    if old is None or new is None:
        return 0.0
    return _alike(_tokens(old), _tokens(new))


def same_output_elements(a: str, b: str) -> bool:
    """Whether two conformance examples expect output of the same elements, in order."""
    return _tags(a) == _tags(b)


def _alike(a: list[str], b: list[str]) -> float:
    return Indel.normalized_similarity(a, b)


def _marks(text: str) -> list[str]:
    """The marks of an input, its first line's indentation included, each with what
    flanks it: what such an input tests is its delimiter runs and whether a space, a word
    or other punctuation stands on each side (``**foo bar* baz**`` and ``**foo*bar**``
    have the same marks, but one closes the inner ``*`` after a word and before a space,
    the other between two words: two tests). A line's start or end flanks as a space
    does ("*_*" -> "foo *_*" keeps its test)."""
    given = "\n" + text
    found = []
    for match in _MARK.finditer(given):
        mark = match.group()
        if mark[0] == "\n":
            found.append(mark)
            continue
        start, end = match.span()
        after = given[end] if end < len(given) else "\n"
        found.append(f"{_flank(given[start - 1])}{mark}{_flank(after)}")
    return found


def _flank(char: str) -> str:
    """What stands beside a mark: a space (or a line's start or end), a word, or
    punctuation."""
    if char.isspace():
        return " "
    return "w" if char.isalnum() else "."


#: An HTML tag's name, opening or closing.
_TAG = re.compile(r"<(/?[A-Za-z][\w-]*)")


def _tags(example: str) -> list[str]:
    """The elements of a conformance example's expected output, in order: what the test
    shows of its input (a delimiter dropped from "*foo *bar* baz*" leaves one <em>)."""
    output = example.split("\n")
    return _TAG.findall("\n".join(output[output.index(".", 1) + 1 :]))


def _tokens(text: str) -> list[str]:
    """The tokens of an input, every line break one token whatever the indentation."""
    return ["\n" if match.group()[0] == "\n" else match.group() for match in _TOKEN.finditer(text)]


def same_field(a: Clause, b: Clause, *, same_place: bool) -> bool:
    """Whether two table rows may be one row edited. Rows whose anchors differ are
    different fields (another object's, in an API spec), unless they sit in the same
    table and name the same field (the anchor alone was renamed)."""
    if a.kind is not ClauseKind.TABLE_ROW or b.kind is not ClauseKind.TABLE_ROW:
        return True
    if not a.anchors or not b.anchors or anchor_words(a.anchors[0]) == anchor_words(b.anchors[0]):
        return True
    return same_place and field_name(a.text).casefold() == field_name(b.text).casefold()


#: Fence info words of blocks read as data trees.
_DATA_FENCES = frozenset({"json", "yaml", "yml"})


def top_keys(clause: Clause) -> frozenset[str]:
    """The top-level keys of a fenced JSON or YAML block that holds a mapping (empty for
    anything else): what a data example is an example of."""
    if clause.kind is not ClauseKind.CODE:
        return frozenset()
    words = clause.info.split()
    if not words or words[0].casefold() not in _DATA_FENCES:
        return frozenset()
    return _top_keys(clause.text)


@lru_cache(maxsize=1024)
def _top_keys(text: str) -> frozenset[str]:
    data = _data(text)
    return frozenset(str(k) for k in data) if isinstance(data, dict) else frozenset()


#: Fences under which a JSON object is often written (older specs fence JSON as ``js``).
_SCRIPT_FENCES = frozenset({"", "js", "javascript"})


def top_scalars(clause: Clause) -> dict[str, str]:
    """The top-level keys of a JSON or YAML mapping that hold a plain value (a string,
    number or boolean), with that value as written back; empty for anything else. A
    block fenced as JavaScript, or not at all, counts when it reads as a JSON object."""
    if clause.kind is not ClauseKind.CODE:
        return {}
    words = clause.info.split()
    language = words[0].casefold() if words else ""
    if language in _DATA_FENCES:
        return _top_scalars(clause.text, yaml_too=True)
    if language in _SCRIPT_FENCES and clause.text.lstrip().startswith("{"):
        return _top_scalars(clause.text, yaml_too=False)
    return {}


@lru_cache(maxsize=1024)
def _top_scalars(text: str, *, yaml_too: bool) -> dict[str, str]:
    data = _data(text) if yaml_too else _json(text)
    if not isinstance(data, dict):
        return {}
    return {
        str(key): str(value)
        for key, value in data.items()
        if isinstance(value, str | int | float | bool)
    }


def _json(text: str) -> object:
    import json

    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


@lru_cache(maxsize=1024)
def _data(text: str) -> object:
    """A JSON or YAML text read as data (None when it reads as neither)."""
    import json

    import yaml

    try:
        return json.loads(text)
    except ValueError:
        try:
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (ValueError, RecursionError, yaml.YAMLError):
            return None


def anchor_words(anchor: str) -> str:
    """An anchor without its naming convention: ``parameterAllowEmptyValue`` and
    ``parameter-allow-empty-value`` name the same field."""
    return "".join(ch for ch in anchor.casefold() if ch.isalnum())


class TextCache:
    """Plain text and word shingles of clauses, computed once and only when needed."""

    def __init__(self) -> None:
        self._plain: dict[int, str] = {}
        self._shingles: dict[int, frozenset[str]] = {}
        self._sentences: dict[int, tuple[str, ...]] = {}
        self._worded: dict[int, tuple[str, ...]] = {}

    def plain(self, clause: Clause) -> str:
        key = id(clause)
        text = self._plain.get(key)
        if text is None:
            # Code is compared as written: its markup characters are its content (the
            # conformance examples `_foo __bar___` and `*foo bar *` are two examples, though
            # both read "foo bar" once emphasis marks are dropped as in prose).
            if clause.kind is ClauseKind.CODE:
                text = fold(clause.text).lower()
            else:
                text = plain_text(clause.text).lower()
            self._plain[key] = text
        return text

    def shingles(self, clause: Clause) -> frozenset[str]:
        key = id(clause)
        found = self._shingles.get(key)
        if found is None:
            words = _WORD.findall(self.plain(clause))
            if len(words) < 3:
                found = frozenset(words)
            else:
                found = frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2))
            self._shingles[key] = found
        return found

    def sentences(self, clause: Clause) -> tuple[str, ...]:
        key = id(clause)
        found = self._sentences.get(key)
        if found is None:
            found = tuple(
                s
                for s in _SENTENCE.split(self.plain(clause))
                if len(s.split()) >= _MIN_SENTENCE_WORDS
            )
            self._sentences[key] = found
        return found

    def sentence_similarity(self, a: Clause, b: Clause) -> float:
        """The similarity of the two most alike sentences of ``a`` and ``b`` that say
        something in words (:func:`_worded`). A sentence made mostly of values ("For
        instance: 1.1.3 -> 2.0.0 and 2.1.7 -> 2.2.0.") looks like any other such sentence
        letter by letter ("Example: 1.0.0 < 2.0.0 < 2.1.0."), digits and dots alike: it
        is no evidence that a paragraph kept a sentence, and two unrelated paragraphs
        paired on it read as one rule rewritten into another (met comparing releases
        far apart, where such leftovers abound)."""
        theirs = self._worded_sentences(b)
        return max(
            (Indel.normalized_similarity(x, y) for x in self._worded_sentences(a) for y in theirs),
            default=0.0,
        )

    def _worded_sentences(self, clause: Clause) -> tuple[str, ...]:
        """The sentences of ``clause`` that say something in words, read once."""
        key = id(clause)
        found = self._worded.get(key)
        if found is None:
            found = self._worded[key] = tuple(s for s in self.sentences(clause) if _worded(s))
        return found

    def coverage(self, a: Clause, b: Clause) -> float:
        """How much of ``a`` is said in ``b``: for each sentence of ``a``, the similarity
        of the most alike sentence of ``b``, averaged (0 when ``a`` has no sentence)."""
        ours, theirs = self.sentences(a), self.sentences(b)
        if not ours or not theirs:
            return 0.0
        return sum(max(Indel.normalized_similarity(x, y) for y in theirs) for x in ours) / len(ours)

    def similarity(self, a: Clause, b: Clause) -> float:
        """0..1, the normalised Indel similarity of the two plain texts."""
        return Indel.normalized_similarity(self.plain(a), self.plain(b))


_LETTER = re.compile(r"[^\W\d_]")


def _worded(sentence: str) -> bool:
    """Whether ``sentence`` has at least :data:`_MIN_SENTENCE_WORDS` words with a letter
    in them: a sentence of words, not a row of values with a word or two around them."""
    return sum(1 for w in sentence.split() if _LETTER.search(w)) >= _MIN_SENTENCE_WORDS


class ShingleIndex:
    """An inverted index from shingles to clauses, for finding likely partners quickly."""

    def __init__(self, clauses: Iterable[Clause], cache: TextCache) -> None:
        self.cache = cache
        self.postings: dict[str, list[Clause]] = defaultdict(list)
        for clause in clauses:
            for shingle in cache.shingles(clause):
                self.postings[shingle].append(clause)

    def candidates(self, clause: Clause) -> list[Clause]:
        """The clauses sharing the most informative shingles with ``clause``, best first."""
        votes: Counter[int] = Counter()
        by_index: dict[int, Clause] = {}
        for shingle in self.cache.shingles(clause):
            posting = self.postings.get(shingle)
            if not posting or len(posting) > _COMMON_SHINGLE:
                continue
            for other in posting:
                votes[other.index] += 1
                by_index[other.index] = other
        # Ties go to the earlier clause: the shingles come out of a set in hash order, so
        # the Counter's own order (which most_common keeps for ties) differs between runs.
        best = sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:_CANDIDATES]
        return [by_index[index] for index, _ in best]
