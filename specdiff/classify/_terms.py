"""Terms a new version renamed throughout: "sender" -> "producer" everywhere, or "OpenAPI
definition" -> "OpenAPI Description". A rename is terminology: each rule or sentence that
uses the term reads as before under its new name, so it is no new requirement there.

A word or two (or a word with the word before it) is renamed when the old version used
it at least twice and the new one retired it (at most one use in ten left, as in a
history note) while its replacement took over at least half of the uses it lost. A word written with a digit is a value ("SHA-256",
"TLS 1.2"), never a term renamed. A term is first tested on the texts only one version
has (most swapped words cannot be retired, whatever the rest says); only a term that
passes is counted in the whole document, one term at a time, and the new version's
figures come from the old one's and the texts that differ.

A term of two words is counted where it stands on its own: "line break" inside "hard line
break", a longer term both versions use, is that other term, so "line break" is retired
when only "hard line break" is left of it. And a term named with the word before it may
be renamed to more than one successor ("OpenAPI Description" -> "OpenAPI document" here,
"OpenAPI definition" there): each successor used more than once, and together the terms
after that word gaining at least half of the uses the old one lost. So may a term of two
words whose successors name the same kind of thing by its last word ("OpenAPI
Description" -> "OAS document" here, "OpenAPI document" there).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain, islice, pairwise
from typing import TYPE_CHECKING

from ..parse import plain_text, unfolded_plain_text
from ..parse.statements import singular
from ._grammar import Productions, listed_alternatives
from ._wording import names_nothing

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

_WORD = re.compile(r"\w+")
#: Uses of the old term that make "the whole spec" more than one sentence.
_MIN_USES = 2
#: A term is retired when at most one use in this many is left.
_RETIRED = 10
#: A substitution made in at least this many clauses of an edition is its terminology.
_EDITION_CLAUSES = 3
#: A term the edition renamed lost at least one use in this many (see
#: :meth:`Terms.edition_renamed`) ...
_GIVEN_WAY = 5
#: ... and its successor gained at least one use for this many it lost.
_TAKEN_OVER = 10
#: Texts counted in one go (see ``_Counts._add``).
_CHUNK = 500


class _Counts:
    def __init__(self, texts: Iterable[str] = ()) -> None:
        self.words: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.triples: Counter[tuple[str, str, str]] = Counter()
        self._before: dict[tuple[str, str], list[tuple[str, int]]] | None = None
        self.contrasts: list[str] = []
        """The texts (plain lower-case words) that set something against another."""
        self._heads: dict[str, list[tuple[str, str]]] | None = None
        self._tails: dict[str, list[tuple[str, str]]] | None = None
        self._spelling: dict[str, str] = {}
        """One str object per distinct word (see :meth:`_words`)."""
        self._add(texts, 1)

    def _words(self, text: str) -> list[str]:
        """The plain lower-case words of ``text``, each word as the one str object this
        count holds for it: a pair or triple of them then finds its counted twin by
        identity, without comparing characters scattered over the heap (half the time
        of counting at 1 MB; more on bigger specs, whose counts outgrow the CPU caches)."""
        found = _WORD.findall(plain_text(text).casefold())
        return list(map(self._spelling.setdefault, found, found))

    def _add(self, texts: Iterable[str], sign: int) -> None:
        """Count the words of ``texts`` in (``sign`` 1) or take them out (-1)."""
        # One update per counter for a chunk of texts, chained, rather than three per
        # text: the counts are made from every text of the old version, and the calls
        # cost about a third of the counting. Chunks keep the words of only a few hundred
        # texts alive at a time (all of a 16 MB spec's would be some 150 MB).
        remaining = iter(texts)
        while each := [self._words(text) for text in islice(remaining, _CHUNK)]:
            words = chain.from_iterable(each)
            pairs = chain.from_iterable(map(pairwise, each))
            triples = chain.from_iterable(zip(w, w[1:], w[2:], strict=False) for w in each)
            if sign > 0:
                self.words.update(words)
                self.pairs.update(pairs)
                self.triples.update(triples)
            else:
                self.words.subtract(words)
                self.pairs.subtract(pairs)
                self.triples.subtract(triples)

    def edited(self, removed: Iterable[str], added: Iterable[str]) -> _Counts:
        """The counts of a version that has these texts removed and added: two versions
        share most of their texts, so the second one's counts come from the first's
        without reading the shared texts again."""
        counts = _Counts()
        counts._spelling = self._spelling
        counts.words = self.words.copy()
        counts.pairs = self.pairs.copy()
        counts.triples = self.triples.copy()
        counts._add(removed, -1)
        counts._add(added, 1)
        return counts

    def longer_terms(self, term: tuple[str, str]) -> list[tuple[str, int]]:
        """The words that may name a thing written before ``term``, with their uses: the
        longer terms it may be the tail of ("hard" for "line break")."""
        if self._before is None:
            index: dict[tuple[str, str], list[tuple[str, int]]] = {}
            # Read once per distinct first word, not once per triple (one word heads
            # many triples); the triples are every three words of the whole version.
            naming: dict[str, bool] = {}
            for (first, second, third), n in self.triples.items():
                if n > 0:
                    names = naming.get(first)
                    if names is None:
                        names = naming[first] = not names_nothing(first)
                    if names:
                        index.setdefault((second, third), []).append((first, n))
            self._before = index
        return self._before.get(term, [])

    def gained_after(self, head: str, older: _Counts) -> int:
        """Uses of the terms named with ``head`` first that this version gained on
        ``older``, added up over the terms that gained."""
        if self._heads is None:
            heads: dict[str, list[tuple[str, str]]] = {}
            for pair, n in self.pairs.items():
                if n > 0:
                    heads.setdefault(pair[0], []).append(pair)
            self._heads = heads
        return sum(max(0, self.pairs[p] - older.pairs[p]) for p in self._heads.get(head, []))

    def gained_before(self, tail: str, older: _Counts) -> int:
        """Uses of the terms whose last word is ``tail`` ("OpenAPI document", "OAS
        document"), named with a word that names something, that this version gained on
        ``older``, added up over the terms that gained."""
        if self._tails is None:
            tails: dict[str, list[tuple[str, str]]] = {}
            for pair, n in self.pairs.items():
                if n > 0 and not names_nothing(pair[0]):
                    tails.setdefault(pair[1], []).append(pair)
            self._tails = tails
        return sum(max(0, self.pairs[p] - older.pairs[p]) for p in self._tails.get(tail, []))

    def count(self, words: tuple[str, ...]) -> int:
        """Uses of one word or a pair of words."""
        return self.words[words[0]] if len(words) == 1 else self.pairs[(words[0], words[1])]


class _Uses:
    """Uses of one word (a str) or of words in a row (a tuple), read like a Counter."""

    def __init__(self, version: _Version) -> None:
        self._version = version

    def __getitem__(self, key: str | tuple[str, ...]) -> int:
        return self._version.uses((key,) if isinstance(key, str) else key)


class _Version:
    """The term counts of a whole version, read one term at a time: the same figures as
    :class:`_Counts` of all its texts, without counting every word, pair and triple.

    Those counters outgrow the CPU caches as the spec grows (85,000 triples at 16 MB),
    so that making them cost more per word the bigger the spec, while a comparison asks
    about a few terms. The old version keeps its words as one text instead, each text's
    words two spaces apart between single spaces (" a  b  c "), one text a line: the
    uses of words in a row are the places where they stand so (``str.count`` where no
    two occurrences can overlap, each place otherwise). The new version's uses are the
    old one's, less those in the texts only the old version has, plus those in the texts
    only it has (``edits``).
    """

    def __init__(
        self,
        words: str,
        older: _Version | None = None,
        edits: tuple[_Counts, _Counts] | None = None,
    ) -> None:
        self._words = words
        self._older = older
        self._edits = edits
        self._known: dict[tuple[str, ...], int] = {}
        self._longer: dict[tuple[str, str], list[tuple[str, int]]] = {}
        self.words = self.pairs = self.triples = _Uses(self)
        self.contrasts: list[str] = []
        """The texts (plain lower-case words) that set something against another."""

    @classmethod
    def of(cls, texts: Iterable[str]) -> _Version:
        # A text without markup is read as written, not folded first (its plain text is
        # its words with the spaces between them folded, and no word is made of spaces):
        # one split and join fewer for each of the some 100,000 texts of a 16 MB spec.
        words = _WORD.findall
        lines = ("  ".join(words(unfolded_plain_text(text).casefold())) for text in texts)
        return cls("\n".join(f" {line} " for line in lines))

    def edited(self, edits: tuple[_Counts, _Counts]) -> _Version:
        """The version that has the texts of ``edits[0]`` removed and those of ``edits[1]``
        added."""
        return _Version("", self, edits)

    def uses(self, words: tuple[str, ...]) -> int:
        known = self._known.get(words)
        if known is None:
            if self._older is not None and self._edits is not None:
                removed, added = self._edits
                known = self._older.uses(words) - _in(removed, words) + _in(added, words)
            elif not words or not all(_WORD.fullmatch(w) for w in words):
                known = 0  # no text has it as its words
            elif len(words) == 2:  # read with the longer terms it stands in, asked next
                self.longer_terms((words[0], words[1]))
                known = self._known[words]
            else:
                needle = f" {'  '.join(words)} "
                if len(set(words)) == len(words):
                    known = self._words.count(needle)
                else:  # "a a" twice in "a a a": the places overlap
                    known, at = 0, self._words.find(needle)
                    while at >= 0:
                        known, at = known + 1, self._words.find(needle, at + 1)
            self._known[words] = known
        return known

    def count(self, words: tuple[str, ...]) -> int:
        """Uses of one word or a pair of words."""
        return self.uses(words[:2])

    def longer_terms(self, term: tuple[str, str]) -> list[tuple[str, int]]:
        """The words that may name a thing written before ``term``, with their uses (the
        old version only): see :meth:`_Counts.longer_terms`."""
        found = self._longer.get(term)
        if found is None:
            found = self._read_pair(term, None)
            assert found is not None
        return found

    def own_uses_exceed(self, term: tuple[str, ...], limit: int) -> bool:
        """Whether ``term`` (one word or two) stands on its own (see :func:`_own_uses`)
        more than ``limit`` times for sure: uses of one word, uses of two with no word
        before them in their text or one that names nothing. The text is read only until
        that many are found: a word used all over the spec ("data") is told from a term
        the edits may have retired in the first few pages, where counting it costs a
        scan of the whole text per term asked (the number of terms asked grows with the
        edits, so that counting grew with the square of the spec's size). A text read to
        its end leaves the counts :meth:`uses` and :meth:`longer_terms` would make."""
        if limit < 0:
            return True
        if not term or len(term) > 2 or not all(_WORD.fullmatch(w) for w in term):
            return False  # no text has it as its words: no use at all
        if len(term) == 2:
            pair = (term[0], term[1])
            found = self._longer.get(pair)
            if found is None:
                found = self._read_pair(pair, limit)
                if found is None:
                    return True
            return self._known[pair] - sum(n for _, n in found) > limit
        known = self._known.get(term)
        if known is None:
            needle, words, uses = f" {term[0]} ", self._words, 0
            at = words.find(needle)
            while at >= 0:
                uses += 1
                if uses > limit:
                    return True
                at = words.find(needle, at + 1)
            known = self._known[term] = uses
        return known > limit

    def _read_pair(self, term: tuple[str, str], limit: int | None) -> list[tuple[str, int]] | None:
        """:meth:`longer_terms`, read from the text and kept; with a ``limit``, None as
        soon as more than that many uses stand on their own (see :meth:`own_uses_exceed`),
        and nothing kept then."""
        firsts: Counter[str] = Counter()
        uses = own = 0
        if all(_WORD.fullmatch(w) for w in term):
            needle, words = f" {term[0]}  {term[1]} ", self._words
            at = words.find(needle)
            while at >= 0:
                uses += 1
                if at > 0 and words[at - 1] == " ":  # a word before it in the same text
                    first = words[words.rfind(" ", 0, at - 1) + 1 : at - 1]
                    firsts[first] += 1
                    own += limit is not None and names_nothing(first)
                else:
                    own += 1
                if limit is not None and own > limit:
                    return None
                at = words.find(needle, at + 1)
        # The uses of the term and of each longer one are known now: the readings ask
        # for them next.
        self._known[term] = uses
        self._known.update(((first, *term), n) for first, n in firsts.items())
        found = [(first, n) for first, n in firsts.items() if not names_nothing(first)]
        self._longer[term] = found
        return found

    def gained_after(self, head: str, older: _Version) -> int:
        """See :meth:`_Counts.gained_after` (this being the new version, ``older`` the
        old one): a term gains only from the texts only this version has."""
        assert self._edits is not None and older is self._older
        removed, added = self._edits
        return sum(
            max(0, n - removed.pairs[pair]) for pair, n in added.pairs.items() if pair[0] == head
        )

    def gained_before(self, tail: str, older: _Version) -> int:
        """See :meth:`_Counts.gained_before`, as :meth:`gained_after`."""
        assert self._edits is not None and older is self._older
        removed, added = self._edits
        return sum(
            max(0, n - removed.pairs[pair])
            for pair, n in added.pairs.items()
            if pair[1] == tail and not names_nothing(pair[0])
        )


#: A span written emphasised, as specs mark the terms they define: "_response
#: position_", "*term*", "__term__" (a word inside it, not an identifier's underscore).
_EMPHASIS = re.compile(r"(?<![\w*])([_*]{1,2})(?=\w)([^_*\n]{1,60}?)(?<=\w)\1(?![\w*])")


def _in(counts: _Counts, words: tuple[str, ...]) -> int:
    """Uses of one, two or three words in a row in ``counts``."""
    if len(words) == 1:
        return counts.words[words[0]]
    if len(words) == 2:
        return counts.pairs[(words[0], words[1])]
    return counts.triples[(words[0], words[1], words[2])] if len(words) == 3 else 0


class Terms:
    """Which swapped words are a term renamed across the whole document."""

    def __init__(
        self,
        old_texts: Callable[[], Iterable[str]] = tuple,
        new_texts: Callable[[], Iterable[str]] = tuple,
        old_clauses: Callable[[], Iterable[tuple[bool, str]]] = tuple,
        new_clauses: Callable[[], Iterable[tuple[bool, str]]] = tuple,
    ) -> None:
        self._sources = (old_texts, new_texts)
        self._clauses = (old_clauses, new_clauses)
        """Each version's clauses in order, each with whether it is a list item."""
        self._counts: list[tuple[_Version, _Version]] = []
        """Made on first use; shared with the views :meth:`under` makes."""
        self._texts: list[tuple[Counter[str], Counter[str]]] = []
        """Each version's texts, counted; made on first use and shared, like the counts."""
        self._only: list[tuple[Counter[str], Counter[str]]] = []
        """The texts only the old version has and those only the new one has, counted;
        made on first use and shared, like the counts."""
        self._edits: list[tuple[_Counts, _Counts]] = []
        """The counts of the texts only the old version has and of those only the new one
        has; made on first use and shared, like the counts."""
        self.topic: frozenset[str] = frozenset()
        """The words of the headings the clause at hand stands under (its section's and
        its parent's): a rule may restate them without narrowing what it governs."""
        self._definitions: list[tuple[dict[str, str], dict[str, str]]] = []
        """Made on first use, like the counts; shared with the views too."""
        self._defined: list[frozenset[tuple[str, ...]]] = []
        """The terms both versions define (``[term](@id)``), made on first use, shared."""
        self._algorithms: list[tuple[dict[str, str], dict[str, str]]] = []
        """The algorithms each version defines (:func:`_algorithms`), made on first use."""
        self._productions: list[tuple[Productions, Productions]] = []
        """The grammar productions each version lists as alternatives
        (:func:`listed_alternatives`), made on first use, shared."""
        self.clause_texts: tuple[str, str] = ("", "")
        """The old and new text of the clause at hand, where a reading needs them."""
        self._plain: list[tuple[list[str], str, dict[str, list[int]]]] = []
        self._added_runs: dict[int, frozenset[str]] = {}
        """The texts only one version has, as plain words (:meth:`_plain_edits`), shared."""
        self._substitutions: dict[tuple[str, str], bool] = {}
        """What :meth:`substituted` found, shared with the views."""
        self._renames: dict[tuple[str, str, str, str], bool] = {}
        """What :meth:`renamed` found, shared with the views: the rules of one clause and
        the clauses of one edit ask about the same swap again."""
        self._coined: dict[tuple[str, str], bool] = {}
        """What :meth:`coined` found, shared with the views."""
        self._emphasised: list[frozenset[str]] = []
        """The terms (one to three plain words) the texts only the new version has write
        emphasised; made on first use, shared."""

    def under(self, topic: frozenset[str]) -> Terms:
        """The same document's terms, for a clause under headings with these words."""
        view = Terms(*self._sources, *self._clauses)
        view._counts = self._counts
        view._texts = self._texts
        view._only = self._only
        view._edits = self._edits
        view._definitions = self._definitions
        view._defined = self._defined
        view._algorithms = self._algorithms
        view._productions = self._productions
        view._plain = self._plain
        view._added_runs = self._added_runs
        view._substitutions = self._substitutions
        view._renames = self._renames
        view._coined = self._coined
        view._emphasised = self._emphasised
        view.topic = topic
        view.clause_texts = self.clause_texts
        return view

    def within(self, old_text: str, new_text: str) -> Terms:
        """The same terms, for the clause whose two versions are these texts."""
        view = self.under(self.topic)
        view.clause_texts = (old_text, new_text)
        return view

    def _both(self) -> tuple[_Version, _Version]:
        if not self._counts:
            old_texts, _ = self._versions()
            old = _Version.of(old_texts.elements())
            new = old.edited(self._edited())
            old.contrasts = [
                " ".join(_WORD.findall(plain_text(t).casefold()))
                for t in old_texts
                if _may_contrast(t) and _CONTRAST_HINT.search(t)
            ]
            self._counts.append((old, new))
        return self._counts[0]

    def _versions(self) -> tuple[Counter[str], Counter[str]]:
        if not self._texts:
            old_source, new_source = self._sources
            self._texts.append((Counter(old_source()), Counter(new_source())))
        return self._texts[0]

    def _edited_texts(self) -> tuple[Counter[str], Counter[str]]:
        """The texts only the old version has, and those only the new one has: each
        difference of the two versions' counters taken once (a pass over every text of
        both), for the counts and the plain words alike."""
        if not self._only:
            old_texts, new_texts = self._versions()
            self._only.append((old_texts - new_texts, new_texts - old_texts))
        return self._only[0]

    def _edited(self) -> tuple[_Counts, _Counts]:
        """The counts of the texts only the old version has, and of those only the new one
        has."""
        if not self._edits:
            removed, added = self._edited_texts()
            self._edits.append((_Counts(removed.elements()), _Counts(added.elements())))
        return self._edits[0]

    def _retirable(self, term: tuple[str, ...], *, in_new: bool = False, own: bool = False) -> bool:
        """Whether the version that has ``term`` (the old one; the new one with ``in_new``)
        may be the one that uses it: at least twice, and at most one use in ten left in
        the other version. With ``own`` (the old version only), the uses where it stands
        on its own (see :func:`_own_uses`). False means it is not; true, that it may be.

        Read from the few texts only one version has, this spares most comparisons the
        counts of the whole document (:meth:`_both`, whose counters of every pair and
        triple of words get slower to read than the text grows): most words swapped in
        a clause are used all over both versions. The other version has the same uses
        but ``lost`` (those in texts only this version has) and with ``gained`` (in
        texts only it has); all uses are at least ``lost``. So what is ``left``, all -
        ``lost`` + ``gained``, is at most a tenth of all only if ``lost`` >= 10 *
        ``gained`` and ``lost`` - ``gained`` >= 2 * 9 / 10.

        Own uses leave out those inside a longer term that both versions use. Such a
        term in texts of both kinds here is one: its uses come off ``lost`` and
        ``gained``. One only in texts the new version has may be one: its uses come off
        ``gained``, which only lowers it. Any other only lowers ``lost``."""
        having, other = self._edited()[::-1] if in_new else self._edited()
        lost, gained = having.count(term), other.count(term)
        if own and len(term) == 2:
            before = dict(having.longer_terms((term[0], term[1])))
            for first, n in other.longer_terms((term[0], term[1])):
                lost -= before.get(first, 0)
                gained -= n
        return lost >= _RETIRED * gained and _RETIRED * (lost - gained) >= _MIN_USES * (
            _RETIRED - 1
        )

    def type_renamed(self, gone: str, fresh: str) -> bool:
        """Whether the type named ``gone`` (as written in code) is the one the new version
        defines as ``fresh``: the old version defines ``gone`` and not ``fresh``, the new
        one ``fresh`` and not ``gone``, and the new definition keeps every word of the old
        one, the old name followed ("`Object` - Either a `String` or a `Map`" ->
        "`Any` - Either a `String` or a `Map`, or an `Integer`"). Whatever the new
        definition adds is a change of the definition, reported where it stands."""
        if not self._definitions:
            old_source, new_source = self._sources
            self._definitions.append((_definitions(old_source()), _definitions(new_source())))
        old, new = self._definitions[0]
        if gone not in old or fresh not in new or fresh in old or gone in new:
            return False
        followed = old[gone].replace(f"`{gone}`", f"`{fresh}`")
        kept = Counter(_WORD.findall(plain_text(followed).casefold()))
        return not kept - Counter(_WORD.findall(plain_text(new[fresh]).casefold()))

    def algorithm_renamed(self, gone: str, fresh: str) -> bool:
        """Whether the algorithm named ``gone`` (lower case) is the one the new version
        defines as ``fresh``: the old version defines ``gone`` and not ``fresh``, the new
        one ``fresh`` and not ``gone``, each with the same parameters ("DetectCycles(
        fragmentDefinition, visited):" -> "DetectFragmentCycles(fragmentDefinition,
        visited):"). A step that calls it by its new name calls what it called; a change
        of what the algorithm does is reported in its steps. One that also takes other
        parameters is another algorithm, whatever its name."""
        if not self._algorithms:
            old_source, new_source = self._sources
            self._algorithms.append((_algorithms(old_source()), _algorithms(new_source())))
        old, new = self._algorithms[0]
        if gone not in old or fresh not in new or fresh in old or gone in new:
            return False
        return old[gone] == new[fresh]

    def alternatives(self, name: str, *, in_new: bool) -> frozenset[str]:
        """The symbols (lower case) the old (or, with ``in_new``, the new) version's
        grammar lists, one per line, as the alternatives of the nonterminal ``name``
        (lower case): "ExecutableDefinition :" then "- OperationDefinition", "-
        FragmentDefinition". Empty when it lists none for it, or two different lists."""
        if not self._productions:
            old_source, new_source = self._clauses
            self._productions.append(
                (listed_alternatives(old_source()), listed_alternatives(new_source()))
            )
        return self._productions[0][1 if in_new else 0].get(name, frozenset())

    def defined(self) -> frozenset[tuple[str, ...]]:
        """The terms both versions mark where they define them (CommonMark's
        ``[term](@id)``), each as its lower-case words, the last one singular."""
        if not self._defined:
            old_source, new_source = self._sources
            old, new = _marked_terms(old_source()), _marked_terms(new_source())
            self._defined.append(old & new)
        return self._defined[0]

    def says(self, phrase: str, new: bool) -> bool:
        """Whether the old (or, with ``new``, the new) version says ``phrase`` (three
        words or more, read as plain lower-case words) somewhere: each three words of it
        in a row are in that version's text."""
        words = _WORD.findall(plain_text(phrase).casefold())
        if len(words) < 3:
            return False
        counts = self._both()[1 if new else 0]
        return all(counts.triples[t] > 0 for t in zip(words, words[1:], words[2:], strict=False))

    def qualifier_retired(self, qualifier: str, noun: str, *, in_new: bool) -> bool:
        """Whether a word before a noun ("query" in "query document") is one the version
        that has it (the new one with ``in_new``) always gave that noun, and the other
        version never does: a term named with and without a word, one version's usage
        throughout. The compound is used at least twice in the one version and at most one
        use in ten of that in the other, and each version names the thing by the bare noun
        at least as often (the old GraphQL spec says "document" 69 times, "query
        document" 14; the new one only "document"), so the noun alone already named it.
        And the clause at hand (:attr:`clause_texts`), where it has the word, names the
        same thing by the bare noun too ("If a document contains only one operation ...
        Otherwise, if a GraphQL query document contains ..."): the word told nothing
        apart there. A word dropped from a clause that never says the bare noun ("followed
        by an uppercase ASCII letter" -> "... an ASCII letter") may narrow what it says,
        however the whole version now writes it. A word written with a digit is a value,
        never part of a term."""
        if any(ch.isdigit() for ch in qualifier + noun):
            return False
        own = _WORD.findall(plain_text(self.clause_texts[1 if in_new else 0]).casefold())
        if not any(w == noun and (i == 0 or own[i - 1] != qualifier) for i, w in enumerate(own)):
            return False
        term = (qualifier, noun)
        if not self._retirable(term, in_new=in_new):
            return False
        old, new = self._both()
        having, lacking = (new, old) if in_new else (old, new)
        used, left = having.pairs[term], lacking.pairs[term]
        if used < _MIN_USES or left * _RETIRED > used:
            return False
        return all(c.words[noun] - c.pairs[term] >= used for c in (old, new))

    def renamed(self, gone: str, fresh: str, before: str = "", after: str = "") -> bool:
        """Whether ``gone`` -> ``fresh`` renames a term throughout the document
        (:meth:`_renamed_as_written`), or is the plural of such a rename: "transports"
        -> "protocols" where the new version renamed "transport" to "protocol" (or
        one side's plural: "transports" -> "protocol"). The
        counts are of words as written, so a term renamed mostly in the singular has too
        few plural uses of its own to be found retired; each rule that says the plural
        still reads as before under the new name (found on releases far apart, where the
        rename and its plurals pile up)."""
        key = (gone, fresh, before, after)
        known = self._renames.get(key)
        if known is None:
            known = self._renames[key] = self._renamed(gone, fresh, before, after)
        return known

    def _renamed(self, gone: str, fresh: str, before: str, after: str) -> bool:
        """:meth:`renamed`, read (not remembered)."""
        if self._renamed_as_written(gone, fresh, before, after):
            return True
        # A plural put for the singular, or the other way round ("Field errors are" ->
        # "An execution error is": the sentence turned its number too), is read in the
        # singular as well.
        one, other = _singular_term(gone), _singular_term(fresh)
        if (one, other) == (gone, fresh) or one == other:
            return False  # no other form to read
        return self._renamed_as_written(one, other, before, after)

    def _renamed_as_written(self, gone: str, fresh: str, before: str = "", after: str = "") -> bool:
        """Whether ``gone`` -> ``fresh`` (one or two lower-case words each; ``before``
        and ``after``, the words before and after them on both sides, or '') renames a
        term throughout the document: as written ("sender" -> "producer", "horizontal
        rule" -> "thematic break", "newline" -> "line ending"), with the word before
        ("OpenAPI definition" -> "OpenAPI Description"), or with the word after ("field
        error" -> "execution error", where "field" itself stays in use)."""
        if any(ch.isdigit() for ch in gone + fresh):
            return False
        old_words, new_words = tuple(gone.split()), tuple(fresh.split())
        if not 1 <= len(old_words) <= 2 or not 1 <= len(new_words) <= 2:
            return False
        if len(old_words) == len(new_words) == 1 and self.algorithm_renamed(gone, fresh):
            return True
        if len(old_words) == len(new_words) == 1 and self._verb_renamed(gone, fresh):
            return True
        # Each reading below first asks whether the old version retired a term: the words
        # as written, or, for one word, with the word after or before them.
        retired = [old_words]
        if len(old_words) == len(new_words) == 1:
            retired += [(*old_words, after)] if after else []
            retired += [(before, *old_words)] if before else []
        if not any(self._retirable(term, own=True) for term in retired):
            return False
        old, new = self._both()
        if _replaced(old, new, old_words, new_words):
            return not _contrasted(old, old_words, new_words)
        if len(old_words) == len(new_words) == 2 and _handed_down(old, new, old_words, new_words):
            return not _contrasted(old, old_words, new_words)
        if (
            after
            and len(old_words) == len(new_words) == 1
            and _replaced(old, new, (*old_words, after), (*new_words, after))
        ):
            return not _contrasted(old, (*old_words, after), (*new_words, after))
        if before and len(old_words) == len(new_words) == 1:
            gone_term, fresh_term = (before, *old_words), (before, *new_words)
            return (
                _replaced(old, new, gone_term, fresh_term)
                or _shared_out(old, new, gone_term, fresh_term)
            ) and not _contrasted(old, old_words, new_words)
        return False

    def coined(self, gone: str, fresh: str) -> bool:
        """Whether ``fresh`` (one to three lower-case words) is a term the new version
        coins and marks as its own, put for ``gone`` across the edition: the old version
        never says it; the new one writes it emphasised, as specs mark the terms they
        define ("_response position_", "_Unicode scalar value_"); and it took the place
        of ``gone`` in many clauses at once (:meth:`substituted`). The edition named
        what the old words named there, so each clause that only trades them reads as
        before, though the old words live on elsewhere in their wider sense ("field",
        "code point"). A term another standard names and the spec only uses ("URI" ->
        "IRI", written plain) is no term of its own: that swap may change what a rule
        allows. Nor is a value (a digit) or a word of grammar or weight."""
        key = (gone, fresh)
        known = self._coined.get(key)
        if known is None:
            known = self._coined[key] = self._read_coined(gone, fresh)
        return known

    def _read_coined(self, gone: str, fresh: str) -> bool:
        words = tuple(_WORD.findall(_article_words(fresh)))
        if not 1 <= len(words) <= 3 or any(ch.isdigit() for ch in fresh + gone):
            return False
        # Cheapest first: most words asked are written plain in the new texts.
        if " ".join(words) not in self._emphasised_terms():
            return False
        if any(names_nothing(w) for w in words) or not self.substituted(gone, fresh):
            return False
        old, _ = self._both()
        return old.uses(words) == 0

    def coins_terms(self) -> bool:
        """Whether the texts only the new version has write any term emphasised, so
        that it may coin one (:meth:`coined`)."""
        return bool(self._emphasised_terms())

    def _emphasised_terms(self) -> frozenset[str]:
        """The terms the texts only the new version has write emphasised ("_response
        position_", "*response position*"), as plain words; read once."""
        if not self._emphasised:
            _, only_new = self._edited_texts()
            found = set()
            for text in only_new:
                if "_" not in text and "*" not in text:
                    continue
                for span in _EMPHASIS.findall(text):
                    words = _article_words(span[1])
                    if 1 <= words.count(" ") + 1 <= 3 and words:
                        found.add(words)
            self._emphasised.append(frozenset(found))
        return self._emphasised[0]

    def substituted(self, gone: str, fresh: str) -> bool:
        """Whether the edition put ``fresh`` for ``gone`` (a few lower-case words each)
        in many places at once: in at least :data:`_EDITION_CLAUSES` texts only the old
        version has, ``gone`` stands between words that, with ``fresh`` between them
        instead, the texts only the new version has read too ("valid queries must" ->
        "valid operations must"). A term of the edition, not a change of each rule that
        uses it, even where the old word lives on in a narrower sense ("query" for one
        kind of operation). A swap made in a rule or two ("servers must reject" ->
        "clients must reject" once) is no such term; nor is a value (a digit), nor a
        word of grammar or of weight: a quantifier or a negation put in many rules at
        once ("any" -> "each") changes each of them."""
        if gone == fresh or any(ch.isdigit() for ch in gone + fresh):
            return False
        old_words, new_words = (
            _WORD.findall(_article_words(gone)),
            _WORD.findall(_article_words(fresh)),
        )
        if not old_words or not new_words:
            return False
        if any(names_nothing(w) for w in set(old_words) ^ set(new_words)):
            return False  # a word of grammar or of weight ("any" -> "each", "not"): no term
        key = (" ".join(old_words), " ".join(new_words))
        known = self._substitutions.get(key)
        if known is None:
            known = self._substitutions[key] = self._count_substituted(*key)
        return known

    def own_word(self, gone: str, fresh: str, before: str = "", after: str = "") -> bool:
        """Whether ``fresh`` is the document's own word for what ``gone`` said where one
        was put for the other (one lower-case word each; ``before`` and ``after``, the
        words beside them on both sides that may name the thing, or ''): the new version
        says ``gone`` nowhere, in no form, and the old version already said ``fresh`` in
        the company the swap keeps ("event publishers" -> "event producers" where the
        spec says "event producer" throughout; "how to receive events" -> "how to
        consume events" where it says "consume events"). The text says what it said in
        the document's vocabulary, as a term renamed throughout does, though the retired
        word stood in one place only (too few uses for :meth:`renamed`).

        A word put for one the document still uses says something else ("a new minor
        version" -> "a new patch version": "minor" lives on), as does a word the old
        version sets against the other ("X rather than Y"), a value (a digit), or a word
        new in that company (no evidence that the document names the same thing so)."""
        if not (before or after) or gone == fresh:
            return False
        if " " in gone or " " in fresh or any(ch.isdigit() for ch in gone + fresh):
            return False
        gone_forms, fresh_forms = _inflections(gone), _inflections(fresh)
        if gone_forms & fresh_forms:
            return False
        # Read first in the few texts that changed: the word went with them, and no text
        # only the new version has says it (most swapped words fail here, without the
        # counts of the whole document).
        removed, added = self._edited()
        if any(added.count((f,)) for f in gone_forms):
            return False
        if not any(removed.count((f,)) for f in gone_forms):
            return False
        old, new = self._both()
        if any(new.count((f,)) for f in gone_forms):
            return False
        company = 0
        for form in fresh_forms:
            company += old.count((before, form)) if before else 0
            company += old.count((form, after)) if after else 0
        return company > 0 and not _contrasted(old, (gone,), (fresh,))

    def edition_renamed(self, gone: str, fresh: str) -> bool:
        """Whether ``gone`` -> ``fresh`` is a term the edition renamed, read in wording
        that states no rule's change: :meth:`substituted` in many clauses, and the old
        term giving way to the new one across the whole document. It lost at least
        :data:`_EDITION_CLAUSES` uses and one in :data:`_GIVEN_WAY` of all it had ("query"
        196 -> 128 uses, "throw" 7 -> 1), and the new term gained at least one use for
        each :data:`_TAKEN_OVER` the old one lost: a substitution whose old term keeps
        its uses is an edit of those clauses, not the edition's language ("a new minor
        version" -> "a new patch version" while "minor" is used as much as before; "URI"
        -> "IRI" while "URI" is used more). Nor is a word turned into one that holds it
        ("ordered" / "unordered", "TypeSystemDefinition" -> "TypeSystemDefinitionOrExtension"):
        it names something else, the other's opposite or more than it."""
        if not self.substituted(gone, fresh):
            # One form of a term renamed throughout in its bare form: "throws" ->
            # "raises" where the edition put "raise" for "throw" ("queries" -> "query").
            base = (singular(gone), singular(fresh))
            return (
                " " not in gone + fresh
                and base != (gone, fresh)
                and base[0] != base[1]
                and self.edition_renamed(*base)
            )
        old_words, new_words = (
            tuple(_WORD.findall(_article_words(gone))),
            tuple(_WORD.findall(_article_words(fresh))),
        )
        if len(old_words) > 3 or len(new_words) > 3:
            return False
        if len(old_words) == len(new_words) == 1 and (
            old_words[0] in new_words[0] or new_words[0] in old_words[0]
        ):
            return False
        # What the old term lost and the new one gained are in the edited texts alone; the
        # whole old text is read (a scan per term asked) only for terms that pass on them.
        edits = self._edited()
        lost = _bare_change(edits, old_words, new_words)
        gained = -_bare_change(edits, new_words, old_words)
        if lost < _EDITION_CLAUSES or gained * _TAKEN_OVER < lost:
            return False
        old, _ = self._both()
        return lost * _GIVEN_WAY >= _bare_uses(old, old_words, new_words)

    def _count_substituted(self, gone: str, fresh: str) -> bool:
        removed, _, lines_with = self._plain_edits()
        # One word either side: the slot the term fills (a wider window would miss the
        # clauses whose neighbouring words were edited too).
        slot = re.compile(rf"(?:^|(\S+) ){re.escape(gone)}(?= (\S+)|$)", re.MULTILINE)
        clauses = 0
        # Only the texts holding the term's rarest word can hold the term: reading every
        # removed text for every term asked made this grow with the square of the edits.
        rarest = min((lines_with.get(w, []) for w in gone.split()), key=len)
        for line in (removed[i] for i in rarest):
            for m in slot.finditer(line):
                before, after = m.group(1), m.group(2)
                if before is None and after is None:
                    continue  # the term alone: no slot to match
                window = [w for w in (before, fresh, after) if w]
                if " ".join(window) in self._runs_added(len(" ".join(window).split())):
                    clauses += 1
                    break
            if clauses >= _EDITION_CLAUSES:
                return True
        return False

    def _runs_added(self, length: int) -> frozenset[str]:
        """Every run of ``length`` words in a row in the texts only the new version has;
        made once per length (a search of all those texts per window asked grew with the
        square of the edits)."""
        runs = self._added_runs.get(length)
        if runs is None:
            _, added, _ = self._plain_edits()
            found: set[str] = set()
            for line in added.split("\n"):
                words = line.split()
                found.update(
                    " ".join(words[i : i + length]) for i in range(len(words) - length + 1)
                )
            runs = self._added_runs[length] = frozenset(found)
        return runs

    def _plain_edits(self) -> tuple[list[str], str, dict[str, list[int]]]:
        """The texts only the old version has, as plain lower-case words (one per text),
        those only the new one has, one line each between spaces, and for each word the
        old texts (by their place in the first) that hold it; made once."""
        if not self._plain:
            only_old, only_new = self._edited_texts()
            removed = [_article_words(t) for t in sorted(only_old)]
            added = "\n".join(f" {_article_words(t)} " for t in only_new)
            lines_with: dict[str, list[int]] = {}
            for i, line in enumerate(removed):
                for word in set(line.split()):
                    lines_with.setdefault(word, []).append(i)
            self._plain.append((removed, added, lines_with))
        return self._plain[0]

    def _verb_renamed(self, gone: str, fresh: str) -> bool:
        """Whether ``gone`` -> ``fresh``, one form of a verb for the same form of another
        ("evaluating" -> "executing", "evaluated" -> "executed"), renames the verb
        throughout: counted over all its forms, the old verb retired but for a few uses
        in another sense the new version kept untouched ("the result of evaluating
        {Value}", at most one use in :data:`_VERB_LEFT` left), and the new verb taking
        over at least half of the uses it lost. A verb keeps other senses a noun seldom
        has, so one form may stay in use where the verb as a whole is gone. A verb
        swapped in a rule or two ("must reject" -> "must accept") leaves the old verb in
        use: no rename."""
        old_forms, new_forms = _verb_forms(gone, fresh)
        if not old_forms:
            return False
        # First from the texts only one version has, as :meth:`_retirable` reads: the
        # verb retired loses at least four uses there for each one the new texts keep.
        removed, added = self._edited()
        lost = sum(removed.words[w] for w in old_forms)
        if lost < _MIN_USES or lost < _VERB_LEFT * sum(added.words[w] for w in old_forms):
            return False
        old, new = self._both()
        used = sum(old.count((w,)) for w in old_forms)
        left = sum(new.count((w,)) for w in old_forms)
        if used < _MIN_USES or left * _VERB_LEFT > used:
            return False
        gained = sum(new.count((w,)) - old.count((w,)) for w in new_forms)
        return 2 * gained >= used - left and not _contrasted(old, (gone,), (fresh,))


def _bare_uses(version: _Version, term: tuple[str, ...], other: tuple[str, ...]) -> int:
    """Uses of ``term`` in ``version`` outside ``other`` when ``other`` holds it ("variables"
    outside "query variables"): a word dropped from a term leaves the rest's uses as they
    were, so only those elsewhere tell whether the shorter term took over."""
    uses = version.uses(term)
    if _holds(other, term):
        uses -= version.uses(other)
    return uses


def _bare_change(
    edits: tuple[_Counts, _Counts], term: tuple[str, ...], other: tuple[str, ...]
) -> int:
    """Uses of ``term`` outside ``other`` (see :func:`_bare_uses`) the edited texts took
    away: the old version's less the new one's, read from the texts only one version has."""
    removed, added = edits
    change = _in(removed, term) - _in(added, term)
    if _holds(other, term):
        change -= _in(removed, other) - _in(added, other)
    return change


def _holds(other: tuple[str, ...], term: tuple[str, ...]) -> bool:
    return len(other) > len(term) and any(
        other[k : k + len(term)] == term for k in range(len(other) - len(term) + 1)
    )


def _article_words(text: str) -> str:
    """``text`` as plain lower-case words, "an" written "a": the article follows the
    word after it ("an error" -> "a field error" keeps the slot)."""
    return " ".join("a" if w == "an" else w for w in _WORD.findall(plain_text(text).casefold()))


#: A verb renamed throughout keeps at most one use in this many, over all its forms.
_VERB_LEFT = 4
#: The endings that make a word a verb's form: "evaluating", "evaluated" (a word ending
#: in "-e" or "-s" may as well be a noun, "source" or "sources").
_VERB_ENDINGS = ("ing", "ed")
#: The endings of all a verb's forms, the bare stem's included: "evaluat" + "e", "es",
#: "ed", "ing"; "accept" + "", "s", "ed", "ing".
_FORM_ENDINGS = ("", "s", "e", "es", "ed", "ing")


def _verb_forms(gone: str, fresh: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The forms of the two verbs, when ``gone`` and ``fresh`` are the same form of two
    verbs (both "-ing", or both "-ed"); empty otherwise. Both stems have four letters or
    more, so short words ("bed", "red") are no verbs here."""
    for ending in _VERB_ENDINGS:
        if gone.endswith(ending) and fresh.endswith(ending):
            old_stem, new_stem = gone[: -len(ending)], fresh[: -len(ending)]
            if len(old_stem) < 4 or len(new_stem) < 4 or not (old_stem + new_stem).isalpha():
                return (), ()
            return (
                tuple(old_stem + e for e in _FORM_ENDINGS),
                tuple(new_stem + e for e in _FORM_ENDINGS),
            )
    return (), ()


#: Words that set one term against another: "used the term "absolute URI" instead of
#: "non-relative URI"", "a URI rather than a URL".
_CONTRAST = r"(?:instead of|rather than|in place of)"
_CONTRAST_HINT = re.compile(rf"\b{_CONTRAST}\b", re.IGNORECASE)


def _may_contrast(text: str) -> bool:
    """Whether ``text`` may hold one of :data:`_CONTRAST`'s phrases: a test of plain
    substrings, much cheaper than the regex, which has no literal start under
    IGNORECASE and so tries every position of every text of the old version. The
    letters of "tead", "rather" and "place" match only their ASCII capitals under
    IGNORECASE (unlike "s" and "i"), so ``lower()`` finds every text the regex does."""
    lowered = text.lower()
    return "tead" in lowered or "rather" in lowered or "place" in lowered


def _contrasted(old: _Version, gone: tuple[str, ...], fresh: tuple[str, ...]) -> bool:
    """Whether the old version sets the two terms against each other, a few words apart
    ("used the term "absolute URI" instead of "non-relative URI"", either way round): it
    tells them apart, so the one is no new name of the other, however the new version
    uses them."""
    if not old.contrasts:
        return False
    a, b = (re.escape(" ".join(term)) for term in (gone, fresh))
    within = r"(?:\w+ ){0,6}"
    pattern = re.compile(
        rf"\b(?:{a}) {within}{_CONTRAST} {within}(?:{b})\b"
        rf"|\b(?:{b}) {within}{_CONTRAST} {within}(?:{a})\b"
    )
    return any(pattern.search(text) for text in old.contrasts)


def _replaced(old: _Version, new: _Version, gone: tuple[str, ...], fresh: tuple[str, ...]) -> bool:
    """The old term retired (used at least twice, then at most one use in ten left, say
    in a history note), and the new one taking over at least half of its uses."""
    uses = _retired_uses(old, new, gone)
    if uses is None:
        return False
    used, left = uses
    return 2 * (new.count(fresh) - old.count(fresh)) >= used - left


def _shared_out(
    old: _Version, new: _Version, gone: tuple[str, str], fresh: tuple[str, str]
) -> bool:
    """The old term, named with the word before it, retired, its uses taken over by
    several terms after that word: ``fresh`` is one of them, gaining more than one use,
    and together they gained at least half of the uses the old term lost."""
    lost = _uses_lost(old, new, gone, fresh)
    return lost is not None and 2 * new.gained_after(gone[0], old) >= lost


def _handed_down(
    old: _Version, new: _Version, gone: tuple[str, ...], fresh: tuple[str, ...]
) -> bool:
    """The old two-word term retired, its uses taken over by several terms for the same
    kind of thing, named by the last word of ``fresh`` ("OpenAPI Description" -> "OAS
    document" here, "OpenAPI document" there): ``fresh`` gaining more than one use, and
    together the terms with its last word gaining at least half of the uses the old term
    lost."""
    lost = _uses_lost(old, new, gone, fresh)
    return lost is not None and 2 * new.gained_before(fresh[1], old) >= lost


def _uses_lost(
    old: _Version, new: _Version, gone: tuple[str, ...], fresh: tuple[str, ...]
) -> int | None:
    """The uses the old term lost, when it is retired and ``fresh`` gains more than one
    use; None otherwise."""
    uses = _retired_uses(old, new, gone)
    if uses is None:
        return None
    used, left = uses
    if new.count(fresh) - old.count(fresh) < _MIN_USES:
        return None
    return used - left


def _retired_uses(old: _Version, new: _Version, term: tuple[str, ...]) -> tuple[int, int] | None:
    """The uses of ``term`` on its own in each version (see :func:`_own_uses`) when the
    old version used it at least twice and the new one has at most one use in ten of
    that left; None otherwise.

    The uses the term lost, ``used`` - ``left``, come from the texts only one version
    has; they are at most ``most_lost`` (see :func:`_most_lost`). A term retired keeps
    ``left`` <= ``used`` / 10, so ``used`` <= 10 / 9 * ``most_lost``: a term the old
    version uses more often on its own is not retired, which the old text tells after
    as many uses, without counting them all."""
    edits = new._edits
    if edits is not None and new._older is old:
        most_lost = _most_lost(term, *edits)
        if old.own_uses_exceed(term, _RETIRED * most_lost // (_RETIRED - 1)):
            return None
    used, left = _own_uses(old, new, term)
    if used < _MIN_USES or left * _RETIRED > used:
        return None
    return used, left


def _most_lost(term: tuple[str, ...], removed: _Counts, added: _Counts) -> int:
    """The most uses on its own (see :func:`_own_uses`) that ``term`` (one word or two)
    may lose between the versions, read from the texts only one version has.

    The new version has ``left`` = ``used`` - R + A uses of the term (R in the texts
    only the old version has, A in those only the new one has), less those in longer
    terms the new version still uses. Each such longer term, "hard line break" with n
    uses in the old version and n - R3 + A3 in the new, takes n off ``used`` and
    n - R3 + A3 off ``left``: ``used`` - ``left`` = R - A - (R3 - A3) summed over them,
    which is at most R - A plus A3 - R3 over the longer terms where A3 > R3."""
    most = _in(removed, term) - _in(added, term)
    if len(term) == 2:
        for first, n in added.longer_terms((term[0], term[1])):
            most += max(0, n - removed.triples[(first, term[0], term[1])])
    return most


def _own_uses(old: _Version, new: _Version, term: tuple[str, ...]) -> tuple[int, int]:
    """Uses of ``term`` in each version where it stands on its own: not the tail of a
    longer term that both versions use ("hard line break" for "line break")."""
    used, left = old.count(term), new.count(term)
    if len(term) != 2:
        return used, left
    for first, n in old.longer_terms((term[0], term[1])):
        kept = new.triples[(first, term[0], term[1])]
        if kept > 0:
            used, left = used - n, left - kept
    return used, left


#: A list item that defines a name written as code: "`URI` - String expression
#: conforming to ...", "`Map`: a dictionary of ...".
_DEFINITION = re.compile(r"^`(?P<name>[^`\n]+)`\s*(?:[-:\u2013\u2014]\s+)(?P<text>\S.*)$", re.S)


def _definitions(texts: Iterable[str]) -> dict[str, str]:
    """The names each text defines (see ``_DEFINITION``), with their definitions; a name
    defined twice is left out, since neither definition is the one."""
    found: dict[str, str] = {}
    twice: set[str] = set()
    for text in texts:
        if not text.startswith("`"):
            continue
        match = _DEFINITION.match(text)
        if match is None:
            continue
        name = match.group("name")
        if name in found:
            twice.add(name)
        found[name] = match.group("text")
    return {name: text for name, text in found.items() if name not in twice}


#: The line that opens an algorithm (spec-md): its name and parameters, then a colon
#: ("DetectCycles(fragmentDefinition, visited) :", in braces or not).
_ALGORITHM = re.compile(r"\{?(?P<name>[A-Za-z_]\w*)\((?P<parameters>[^()]*)\)\}?\s*:")


def _algorithms(texts: Iterable[str]) -> dict[str, str]:
    """The algorithms ``texts`` define, each name (lower case) with its parameters
    (spaces aside); a name defined twice is left out, as neither definition is the one."""
    found: dict[str, str] = {}
    twice: set[str] = set()
    for text in texts:
        if not text.endswith(":") or "(" not in text:
            continue
        match = _ALGORITHM.fullmatch(text.strip())
        if match is None:
            continue
        name = match.group("name").casefold()
        if name in found:
            twice.add(name)
        found[name] = "".join(match.group("parameters").split())
    return {name: parameters for name, parameters in found.items() if name not in twice}


_MARKED_TERM = re.compile(r"\[([^\[\]]+)\]\(@")


def _singular_term(term: str) -> str:
    """``term`` (lower-case words) with its last word singular ("transport bindings" ->
    "transport binding"): the noun of a term is its last word."""
    head, _, last = term.rpartition(" ")
    one = singular(last)
    return f"{head} {one}" if head else one


def _inflections(word: str) -> frozenset[str]:
    """``word`` (lower case) and the forms a plain inflection gives it and its singular:
    "publishers" -> "publisher", "publishers"; "consume" -> "consumes", "consumed",
    "consuming". Candidates, not a dictionary: a form no text says counts nothing."""
    forms = {word}
    for base in {word, singular(word)}:
        stem = base[:-1] if base.endswith("e") else base
        forms |= {base, base + "s", base + "es", base + "d", stem + "ed", stem + "ing"}
    return frozenset(forms)


def _marked_terms(texts: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """The terms ``[term](@id)`` marks in ``texts`` (see :meth:`Terms.defined`)."""
    found = set()
    for text in texts:
        if "(@" not in text:
            continue
        for term in _MARKED_TERM.findall(text):
            words = _WORD.findall(plain_text(term).casefold())
            if words:
                found.add((*words[:-1], singular(words[-1])))
    return frozenset(found)


#: No document to look at (a clause compared on its own): nothing counts as renamed.
NO_TERMS = Terms()
