"""Reading rules: each normative keyword becomes a statement with its party, force,
action, conditions, exceptions, quantifiers and numbers.

A clause is read in two steps, because one of them needs the whole document:

1. :func:`read_clause` finds the keywords of a clause (:mod:`._normative`) and reads the
   rule around each one. A list item under a normative lead-in ("The assistant must not
   pursue these goals:") is read together with it; a table row is read with its
   ``Required`` column.
2. :func:`settle` keeps the readings that are rules. Lower-case *may* and *can* are rules
   only in their deontic sense: said of a party ("the assistant may refuse"), not of
   something else ("some requests may look harmless", "rules which may override this
   principle"). The parties are the configured ones plus the spec's own actors, which
   :func:`actors` collects from the subjects of its *must* and *should* sentences.

Everything here is a handful of small regular expressions per keyword: reading the rules
of a 250 KB spec costs a few milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from ..model.document import NormativeStatement, Quantity, StatementDetails, Strength
from ._normative import DEFAULT_VOCABULARY, Hit, keyword_hits
from ._ranges import canonical_ranges
from ._text import fold, plain_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ._normative import Vocabulary

__all__ = [
    "DECLARATIVE_VERBS",
    "NUMBER_VALUES",
    "Reading",
    "actors",
    "conjuncts",
    "exception_body",
    "exception_stated",
    "find_statements",
    "party_key",
    "read_clause",
    "read_declaratives",
    "settle",
    "words_of",
]

# -- the words that structure a rule -------------------------------------------------------


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(words.split())


#: Where the subject of a keyword starts: after the last of these before it.
_SUBJECT_BOUNDARY = re.compile(
    r"[;:,()\[\]—–]|\s-\s|\b(?:and|but|or|then|so|while|whereas|because|although|though"
    r"|however|instead|that|which|who|where|if|when|unless)\b",
    re.IGNORECASE,
)
#: Words that open a subordinate clause: a keyword inside one is part of a condition
#: ("If the assistant cannot answer, ..."), not a rule of its own.
_SUBORDINATE = re.compile(
    r"^(?:if|when|whenever|unless|whether|because|since|although|though|while|whereas"
    r"|once|until|before|after|even if|even when|in case|as long as|so long as)\b",
    re.IGNORECASE,
)
#: Words that open an exception or a condition after the action, as token sequences.
_EXCEPTION_MARKERS: tuple[tuple[str, ...], ...] = (
    ("unless",),
    ("except",),
    ("excluding",),
    ("other", "than"),
    ("apart", "from"),
    ("with", "the", "exception", "of"),
    ("save", "for"),
)
_CONDITION_MARKERS: tuple[tuple[str, ...], ...] = (
    ("only", "if"),
    ("only", "when"),
    ("if",),
    ("when",),
    ("whenever",),
    ("provided", "that"),
    ("provided",),
    ("providing", "that"),
    ("as", "long", "as"),
    ("so", "long", "as"),
    ("in", "case"),
    ("on", "condition", "that"),
    ("as", "soon", "as"),
    ("once",),
)
_MARKERS = tuple(
    sorted(
        [(m, True) for m in _EXCEPTION_MARKERS] + [(m, False) for m in _CONDITION_MARKERS],
        key=lambda pair: -len(pair[0]),
    )
)
#: The condition and exception markers, longest first, each with whether it excepts.
MARKERS = _MARKERS
_MARKER_STARTS = frozenset(m[0] for m, _ in _MARKERS)
_RESTRICTIONS = frozenset(("only", "solely", "exclusively"))
_QUANTIFIERS = _set("always all any each every no none never some both either neither")
_COMPARATIVES = frozenset(("more", "less", "fewer", "longer"))
_LEADING_MARKER = re.compile(
    r"^[\s*_\"'“(]*(?:(?P<exception>unless|except(?:\s+(?:when|where|if|for|in))?)"
    r"|(?P<condition>if|when|whenever|provided(?:\s+that)?|as long as|so long as|once"
    r"|in case|only if|only when|otherwise(?=\s*,)))\b",
    re.IGNORECASE,
)
#: The "then" that ends a sentence-opening condition said without a comma: "If the
#: field is absent then the server MUST ...".
_THEN = re.compile(r"\bthen\b", re.IGNORECASE)
_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    "|thirty|forty|fifty|sixty|hundred|thousand|million|once|twice"
)
#: The value of each number word that counts ("three" states what "3" states); "once" and
#: "twice" count times, a unit of their own, and keep their words.
NUMBER_VALUES = {
    word: str(value)
    for value, word in enumerate(_NUMBER_WORDS.split("|")[:13])  # zero to twelve
} | {
    "fifteen": "15",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
}
_COMPARATOR = (
    r"at least|at most|no more than|no fewer than|no less than|not more than|not less than"
    r"|more than|fewer than|less than|greater than|up to|within|exactly|a maximum of"
    r"|a minimum of|maximum of|minimum of|under|over|above|below|after|before|every"
)
_NUMBER = re.compile(rf"(?:\d+(?:[.,:]\d+)*(?:\.x)?%?|{_NUMBER_WORDS})", re.IGNORECASE)
#: A range written as one word: "0-3", "1--8" (en dashes are hyphens in plain words).
_RANGE_WORD = re.compile(r"(\d+(?:\.\d+)?)-+(\d+(?:\.\d+)?)")
#: Words that join the two ends of a range said in words: "one to three", "2 through 5",
#: "between 2 and 5".
_RANGE_JOINS = frozenset(("to", "through"))
_NUMBER_WORDSET = frozenset(_NUMBER_WORDS.split("|"))
_COMPARATORS = frozenset(_COMPARATOR.split("|"))
#: Comparators that say one bound in other words: "up to three" is "at most three", "no
#: fewer than two" is "at least two". A quantity keeps its class, so a comparator reworded
#: within its class is the same quantity (and one moved to the other class is not).
_COMPARATOR_CLASS = {
    **dict.fromkeys(
        ("up to", "no more than", "not more than", "a maximum of", "maximum of"), "at most"
    ),
    **dict.fromkeys(
        ("no fewer than", "no less than", "not less than", "a minimum of", "minimum of"),
        "at least",
    ),
}
#: Bounds said after the number: "three or fewer spaces", "two or more servers".
_TRAILING_COMPARATORS = {
    "or fewer": "at most",
    "or less": "at most",
    "or more": "at least",
}
#: Words after a number that are not its unit.
_NOT_UNITS = _set(
    "a an and or the of to in on at by for is are be as if it its that this with from "
    "than then must should may shall can not"
)
#: Words before a version-like number that name what it counts ("TLS 1.2", "HTTP/2").
_NOT_NAMES = _NOT_UNITS | frozenset(_COMPARATOR.replace("|", " ").split())
_TO_VERB = re.compile(r"\s+to\s+\w")
_RELATIVE_OPENING = re.compile(r"\s*(?:that|which|who)\b", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s*$", re.IGNORECASE)
_TRAILING_CONJUNCTION = re.compile(
    r"(?:(?:^|\s+)\b(?:and|or|but|then|so|while|that|which|who|in which cases?))+$"
)
_POSSIBILITY = re.compile(
    r"\s+be\s+(?:possible|impossible|feasible|infeasible|likely|unlikely)\b", re.IGNORECASE
)
#: Every sentence :data:`_RFC_BOILERPLATE` matches says "interpreted": a search for the
#: word alone (a fast literal scan) rules out most sentences before that pattern, whose
#: ``.*`` between two words costs about three times as much (this is for speed).
_INTERPRETED = re.compile("interpreted", re.IGNORECASE)
_RFC_BOILERPLATE = re.compile(
    r"\b(?:RFC\s*2119|RFC\s*8174|BCP\s*14)\b.*\binterpreted\b|\binterpreted\b.*\b(?:RFC\s*2119|RFC\s*8174|BCP\s*14)\b",
    re.IGNORECASE,
)

#: The words of a legal notice: a disclaimer of warranty or liability, a grant of licence,
#: the rights of third parties. Such a notice binds no party of the spec, so its "may",
#: "shall" or "must" are no rules ("IN NO EVENT SHALL THE AUTHORS BE LIABLE ...", "Your
#: use of this document may be subject to third party rights"). Only phrases that a
#: notice uses and a rule of conformance does not: "disclaimer" (a text a reply may
#: carry) and "licence" alone (the licence field of an API document) are not among them.
_LEGAL_NOTICE = re.compile(
    r"\bprovided\W+as[\s-]is\b|\bin\s+no\s+event\b|\bdisclaim(?:s|ed)?\b"
    r"|\bwarrant(?:y|ies)\s+of\b|\b(?:implied|express)\s+warrant|\bwithout\s+(?:any\s+)?warrant"
    r"|\bbe\s+(?:held\s+)?liable\b|\bmerchantability\b|\bnon-?infringement\b"
    r"|\blicensed\s+under\b|\bthird[\s-]+party\s+rights\b|\bindemnif",
    re.IGNORECASE,
)
#: Of the letters of a sentence, the share in capitals above which it is shouted, as
#: disclaimers are: its capital keywords are the notice's words, not RFC 2119 ones.
_SHOUTED = 0.8


def _legal_notice(text: str, start: int, end: int, hits: tuple[Hit, ...]) -> bool:
    """Whether the sentence is a legal notice whose keywords bind nobody: it says a
    notice's words, and its keywords are lower-case or the whole sentence is in capitals.
    "Servers MUST NOT remove the warranty of ..." in a sentence of mixed case stays a rule."""
    if not _LEGAL_NOTICE.search(text, start, end):
        return False
    if not any(h.written.isupper() for h in hits):
        return True
    letters = [c for c in text[start:end] if c.isalpha()]
    return sum(c.isupper() for c in letters) > _SHOUTED * len(letters)


# -- the senses of may and can --------------------------------------------------------------

#: After *may*/*can*, verbs that describe what happens rather than what a party is
#: allowed to do: "may look harmless", "may result in", "can vary".
_EPISTEMIC_VERBS = _set("""
    seem seems appear look looks sound feel encounter face need want wish find have has
    get receive become grow lead result cause change vary differ depend happen occur arise
    exist conflict contain include hinder prevent waste mean imply involve affect come
    fall fail make prove turn end align reflect indicate suggest signal help hurt harm
    matter apply override outweigh benefit mislead confuse surprise tell know think
    believe expect lack miss contribute undermine increase decrease reduce create pose
    raise expose risk reveal emerge remain stay go take give see notice range span
    evolve continue
    """)
#: Epistemic verbs that are also actions a party may be allowed ("Wren may get the
#: user's confirmation"): a rule when said of a party, else what may happen.
_ACTION_TOO = _set(
    "get make take give see tell help include apply change reveal create raise reduce continue"
)
_EPISTEMIC_ADVERBS = _set(
    "sometimes well possibly occasionally often eventually already inadvertently "
    "unintentionally easily potentially actually still"
)
#: Of those, the ones that say what may happen only when said of something else than a
#: party the spec binds: "the reply may still follow" (what may happen) against "the
#: assistant may still change its tone" (what it is still allowed to do).
_EPISTEMIC_UNLESS_PARTY = _set("still")
#: After *may be* / *can be*: words that judge rather than allow ("may be harmful").
_EVALUATIVE = _set("""
    harmful helpful useful harmless controversial dangerous appropriate inappropriate
    necessary unnecessary important difficult hard easy unclear clear true false wrong
    right possible impossible better worse best worst good bad fine okay ok safe unsafe
    risky beneficial problematic complicated complex confusing misleading sensitive
    relevant irrelevant tempting reasonable unreasonable acceptable unacceptable different
    similar unique common rare likely unlikely unable tempted worth enough sufficient
    insufficient challenging incorrect correct accurate inaccurate ambiguous subtle obvious
    tricky costly expensive great awkward unhelpful sure certain aware unaware due more
    less many much several one part there here so too very quite extremely incredibly
    """)
#: After *may be* / *can be*, participles that say where a text or a thing is to be read,
#: before a word of place: "the charter may be found at <link>", "can be read in section
#: 3". A pointer for the reader, not a permission given to a party.
_LOCATED = _set("found seen read obtained consulted viewed")
_PLACES = _set("at in on under here there within from")
_SKIPPED_ADVERBS = _set(
    "also then even further therefore instead generally politely gently briefly "
    "always never sometimes still only just freely simply additionally optionally "
    "reasonably safely"
)
_IRREGULAR_PARTICIPLES = _set("""
    done made given shown taken set put sent shared told known seen written read built
    held kept left led met paid said sold spent won bound brought bought caught chosen
    drawn driven eaten fed found forgotten got gotten hidden hit hurt laid lent let lost
    meant overridden overwritten run shut split spread struck sworn thrown understood
    withheld woken worn
    """)
_PRONOUNS = _set("it they he she we i one")
#: Verbs that join a subject to a keyword said as an adjective ("is REQUIRED").
_COPULAS = _set("is are be was were")
_RELATIVES = _set("that which who whom whose what")
_ARTICLES = _set("the a an any each every all no some our your its their this that these those")


@dataclass(frozen=True, slots=True)
class Reading:
    """A keyword read as a rule, before the document-wide check of its sense."""

    statement: NormativeStatement
    subject: str
    """The subject as written before the keyword, in plain lower-case words ('' if none)."""
    sense: str
    """``rule`` (certain), ``epistemic`` (certainly not a rule), ``passive`` (*may* or
    *can* on a passive verb: "may be omitted"), ``modal`` (*may* or *can* on an
    action verb: a rule when said of a party), or ``hedged`` (*may still*: a rule only
    when said of a party the spec binds)."""
    verb: str = ""
    """For ``passive``: the participle ("overridden")."""
    embedded: bool = False
    """The subject follows "that", "which" or "who": perhaps a relative clause that
    describes something ("white lies that humans may use ...")."""


def words_of(text: str) -> str:
    """Plain lower-case words and numbers, one space apart: the form actions are kept in."""
    plain = _plain(text)
    if "]" in plain:
        # "[link label]s": a term's link with its plural ending, the word "labels".
        plain = _LINKED_ENDING.sub("", plain)
    return " ".join(_WORD.findall(plain.casefold()))


_LINKED_ENDING = re.compile(r"\](?=[a-z])")


def _plain(text: str) -> str:
    """:func:`plain_text`, skipped for text without any markup (most sentences)."""
    return plain_text(text) if _MARKUP.search(text) else text


_MARKUP = re.compile(r"[\[\]*_`<>\\~]")


_WORD = re.compile(r"[\w.%/'’-]*\w%?|%")


def party_key(subject: str) -> str:
    """The bound party a subject names: ``"The assistant"`` -> ``assistant``,
    ``"Servers"`` -> ``server``; pronouns and relatives give ''."""
    words = [w for w in _PARTY_WORD.findall(subject.casefold()) if w not in _ARTICLES]
    while words and words[-1] in _COPULAS:
        words.pop()  # "this field is REQUIRED": the field is what is required
    if not words or words[-1] in _PRONOUNS or words[-1] in _RELATIVES:
        return ""
    if _COORDINATORS.isdisjoint(words[:-1]):
        return _noun_key(words)
    # "name or URI", "tools and libraries": each noun phrase keyed, joined as written.
    joined = next(w for w in reversed(words[:-1]) if w in _COORDINATORS)
    conjuncts: list[list[str]] = [[]]
    for word in words:
        if word in _COORDINATORS:
            conjuncts.append([])
        else:
            conjuncts[-1].append(word)
    return f" {joined} ".join(_noun_key(c[-2:]) for c in conjuncts if c)


def _noun_key(words: list[str]) -> str:
    ties = [i for i, w in enumerate(words[1:-1], 1) if w in _OF_WORDS]
    if ties and words[ties[0] - 1] not in _NOT_HEADS:
        # "the fields of an Object type": the fields are bound, not "of object type"; the
        # head noun is kept before what it belongs to ("the value of `$schema` within a
        # Schema Object": the value within a schema object), singular as "each field of
        # ..." is.
        whole = words[ties[-1] + 1 :][-3:]
        head, tie = singular(words[ties[0] - 1]), words[ties[-1]]
        return " ".join([head, tie, *whole[:-1], singular(whole[-1])])
    words = words[-3:]
    return " ".join([*words[:-1], singular(words[-1])])


#: Prepositions that tie a bound noun to what it belongs to ("the fields of a type").
_OF_WORDS = frozenset(("of", "in", "within"))
#: Words before "of" that are no noun the rest belongs to: "formats capable of
#: representing maps", "one of the fields" (the bound noun is elsewhere).
_NOT_HEADS = _set("""
    capable able aware independent free full short regardless instead because out
    inside outside ahead most many much few several one two both either neither none
    """)


def conjuncts(party: str) -> tuple[str, ...]:
    """The parties a coordinated party names: "name or uri" -> ("name", "uri")."""
    if " and " not in party and " or " not in party:
        return (party,)
    return tuple(_COORDINATION.split(party))


_COORDINATION = re.compile(r" (?:and|or) ")


_PARTY_WORD = re.compile(r"[\w'’-]+")

#: A step that names a value for the steps after it ("Let {fieldType} be the return type
#: of {field}.", "Let this object type be {objectType}."): it binds nobody, so it does not
#: carry on the rule of the lead-in it hangs from ("... must be a super-set of all
#: interfaces it implements:"), as the steps that then test the named value do.
_NAMING_STEP = re.compile(r"\s*(?:\d+[.)]\s*)?Let\s+(?!us\b)(?![\w]*'s\b)\S.*?\s+be\s", re.DOTALL)


def read_clause(
    text: str,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    *,
    lead_in: str = "",
    header: tuple[str, ...] = (),
) -> tuple[Reading, ...]:
    """The rules a clause states, read one keyword at a time.

    ``lead_in`` is the sentence a list item hangs from ("The assistant must not pursue
    these goals:"); ``header`` the column names of a table row.
    """
    readings = list(_read_text(text, vocabulary))
    if lead_in and not readings and not _NAMING_STEP.match(text):
        readings = _read_item(text, lead_in, vocabulary)
    if header:
        readings.extend(_read_required_column(text, header))
    if "ondition:" in text:
        readings.extend(_read_labelled_conditions(text))
    return tuple(readings)


#: A condition stated under a label of its own, at the start of a clause or of a line:
#: "**Start condition:** line begins with `<!`", "Precondition: the stream is open".
_CONDITION_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=\\ )|(?<=\\))[ \t]*[*_]*"
    r"(?P<label>(?:[A-Z][a-z]+[ -])?(?:[Cc]ondition|[Pp]re-?condition|[Pp]ost-?condition)):"
    r"[*_]*[ \t]+"
)


def _read_labelled_conditions(text: str) -> Iterable[Reading]:
    """Conditions a spec states declaratively, each under its label ("**Start
    condition:** line begins with the string `<!` followed by an ASCII letter."): no
    modal says so, but each defines what implementations do, as a rule does. Read as an
    obligation whose conditions are the labelled text."""
    found = list(_CONDITION_LABEL.finditer(text))
    for n, label in enumerate(found):
        stop = found[n + 1].start() if n + 1 < len(found) else len(text)
        body = text[label.end() : stop].rstrip().rstrip("\\").rstrip()
        condition = words_of(body)
        if not condition:
            continue
        name = label.group("label")
        statement = NormativeStatement(
            keyword=name,
            strength=Strength.MUST,
            negative=False,
            sentence=fold(f"{name}: {plain_text(body)}"),
            reader=partial(
                StatementDetails,
                action=words_of(name),
                conditions=(condition,),
                quantities=tuple(_quantities(condition)),
            ),
        )
        yield Reading(statement, "", "rule")


def _read_text(text: str, vocabulary: Vocabulary) -> Iterable[Reading]:
    hits = keyword_hits(text, vocabulary)
    if not hits:
        return
    by_sentence: dict[int, list[Hit]] = {}
    for hit in hits:
        by_sentence.setdefault(hit.sentence_start, []).append(hit)
    rule_ends = {group[0].sentence_end for group in by_sentence.values()}
    for start, group in by_sentence.items():
        if start in rule_ends and _exception_sentence(text, start) is not None:
            continue  # "An exception is ...: X is not required": said of the rule before
        readings = _read_sentence(text, tuple(group))
        exception = _exception_sentence(text, group[0].sentence_end)
        if exception is None:
            yield from readings
        else:
            yield from (_excepted(reading, exception) for reading in readings)


#: A sentence that states an exception to the rule of the sentence before it: "An
#: exception is if the path item is empty", "The only exception is ...", "This does not
#: apply to ...". What follows the opener is the exception.
_EXCEPTION_OPENER = (
    r"(?:(?:(?:an|one|the)(?:\s+(?:only|one|sole|single))?\s+exception"
    r"(?:\s+to\s+(?:this|that|the\s+(?:above|previous))(?:\s+(?:rule|requirement))?)?"
    r"\s+(?:is|being)|exceptions\s+(?:are|include))"
    r"|(?:this|that)(?:\s+(?:rule|requirement|restriction))?\s+does\s+not\s+apply)\b"
)
_EXCEPTION_SENTENCE = re.compile(
    rf"[\s*_\"'“(]*(?:however,?\s+)?(?={_EXCEPTION_OPENER})", re.IGNORECASE
)
#: The same opener in the plain words an exception is kept in, and the words that may
#: follow it before the exception's own words ("An exception is *if* ...").
_EXCEPTION_OPENER_WORDS = re.compile(rf"^{_EXCEPTION_OPENER}\s*")
_EXCEPTION_MARKER_WORDS = re.compile(
    r"^(?:unless|except|excluding|other than|apart from|with the exception of|save for)\b\s*"
)
_EXCEPTION_BODY_OPENERS = re.compile(r"^(?:if|when|where|whenever|that)\b\s*")


def _exception_sentence(text: str, start: int) -> str | None:
    """The exception a sentence starting at ``start`` states, in plain words from its
    opener on ("an exception is if the path item is empty ..."); None if it states none."""
    opener = _EXCEPTION_SENTENCE.match(text, start)
    if opener is None:
        return None
    stop = _SENTENCE_BREAK.search(text, opener.end())
    words = words_of(_PARENTHESES.sub(" ", text[opener.end() : stop.start() if stop else None]))
    return words if exception_body(words) else None


def exception_stated(text: str) -> str | None:
    """The exception a clause opens with ("An exception is if the path item is empty,
    ..."), in plain words; None when it opens with anything else."""
    return _exception_sentence(text, 0)


def exception_body(phrase: str) -> str:
    """What an exception excepts, without the words that say it is one: "unless the item
    is empty", "except if the item is empty" and "an exception is if the item is empty"
    all give "the item is empty"."""
    body = _EXCEPTION_OPENER_WORDS.sub("", phrase, count=1)
    if body == phrase:
        body = _EXCEPTION_MARKER_WORDS.sub("", phrase, count=1)
    return _EXCEPTION_BODY_OPENERS.sub("", body, count=1)


def _excepted(reading: Reading, exception: str) -> Reading:
    """A rule read with the exception its next sentence states, as if it said "unless"."""
    statement = reading.statement
    reader = statement.reader
    if reader is None:
        return reading
    excepted = NormativeStatement(
        keyword=statement.keyword,
        strength=statement.strength,
        negative=statement.negative,
        sentence=statement.sentence,
        reader=partial(_with_exception, reader, exception),
    )
    return Reading(excepted, reading.subject, reading.sense, reading.verb, reading.embedded)


def _with_exception(reader: Callable[[], StatementDetails], exception: str) -> StatementDetails:
    details = reader()
    return replace(details, exceptions=(*details.exceptions, exception))


def _read_sentence(text: str, hits: tuple[Hit, ...]) -> Iterable[Reading]:
    """The keywords of one sentence: their force now, their details when first asked."""
    start, end = hits[0].sentence_start, hits[0].sentence_end
    if (
        any(h.written.isupper() for h in hits)
        and _INTERPRETED.search(text, start, end)
        and _RFC_BOILERPLATE.search(text, start, end)
    ):
        return  # "The key words MUST ... are to be interpreted as described in RFC 2119"
    if _legal_notice(text, start, end, hits):
        return  # "THE SOFTWARE IS PROVIDED AS IS ... IN NO EVENT SHALL ... BE LIABLE"
    sentence = fold(text[start:end])
    shared: list[list[StatementDetails]] = []  # the sentence is read once for all its rules
    previous = ""
    uncertain = False
    for i, hit in enumerate(hits):
        subject = _near_subject(text, start if i == 0 else hits[i - 1].end, hit.start, start)
        # "Wren should report progress, and must tell ...": the same subject.
        subject, previous = subject or previous, subject or previous
        sense, verb, embedded = "rule", "", False
        if hit.written == "May" and _DATED.match(text, hit.end):
            continue  # "*Working Draft - May 2019*": the month, not a modal
        if i == 0 and hit.phrase.modal and _caption_without_subject(text, start, end, hit):
            # "May yield the result:", "Can return:": a caption said of the example before
            # it, its subject left out; what the example may give, allowed to no one.
            continue
        if not hit.written.isupper() and _in_subordinate_clause(text, start, hit):
            continue  # "Unless a message says it may be shared, ...": part of a condition
        if not hit.written.isupper() and _under_opinion(text, start, hit):
            continue  # "We think that the two cases should be treated the same."
        if (
            hit.phrase.impersonal
            and not hit.written.isupper()
            and _RESTRICTIVE_RELATIVE.search(text, max(start, hit.start - 24), hit.start)
        ):
            # "a list of role names which are required for the execution": the relative
            # tells which names; the rule, if any, is said elsewhere.
            continue
        if (
            hit.phrase.impersonal
            and not hit.written.isupper()
            and _AS_REASON.match(text, start, hit.start)
            and "," not in text[start : hit.start]
        ):
            # "As names are optional, references may use a path": the clause gives the
            # reason for the rule after it; what it says is said as a premise.
            continue
        if not hit.written.isupper() and _EXAMPLE_EXPLAINED.match(text, start, hit.start):
            # "This example is valid as the field may be omitted", "The following example
            # makes it clear that {Letter+} must be greedy": why an example shows what it
            # does; the rule it shows is stated elsewhere.
            continue
        if _allows(hit) and not hit.written.isupper() and _EXAMPLE_OPENING.match(text, start):
            # "For example, an interface may describe a required field and types such
            # as `Person` may then implement it", "In the example above, an optional
            # variable is allowed to be used in a non-null argument": an illustration
            # of what the rules allow, said of the example's things; the rule it shows
            # is stated elsewhere. (A prohibition or an obligation in an example still
            # binds: left as read.)
            continue
        if hit.phrase.modal and not hit.written.isupper():
            if _PURPOSE.search(text, max(start, hit.start - _PURPOSE_REACH), hit.start):
                # "... are provided along with a request so they may be substituted": the
                # purpose of what the sentence says, which allows nothing to anyone.
                continue
            if _either_way(text, start, hit):
                # "Extensions may or may not be supported": what is uncertain; neither
                # keyword allows or forbids anything. A later lower-case "may" of the
                # sentence speaks of what is possible too, unless said of a party.
                uncertain = True
                continue
            if _under_frame(text, start, hit, _CONSEQUENCE):
                continue  # "..., which means that such IRIs cannot be compared as-is"
        # "No further characters may occur", "Nothing may follow the fence": a rule said
        # of none of a kind forbids it to all of them.
        denied = _denied(text, start if i == 0 else hits[i - 1].end, hit)
        if hit.phrase.modal and not hit.written.isupper():
            after = text[hit.end : hits[i + 1].start if i + 1 < len(hits) else end]
            sense, verb = _sense(hit, subject, after, denied=denied)
            if uncertain and sense in ("modal", "passive"):
                sense = "hedged"  # "..., but those may be extended as well"
            embedded = bool(subject) and subject.split()[0] in _RELATIVES
            if embedded and _opens_sentence(text, start, subject.split()[0]):
                # "That field may be omitted": a determiner, not a relative clause.
                subject, embedded = " ".join(subject.split()[1:]), False
        elif hit.phrase.modal and _POSSIBILITY.match(text, hit.end):
            # "references to `operationId` MAY NOT be possible": capitals misused for a
            # possibility; nothing is allowed or forbidden to anyone.
            sense = "epistemic"
        elif _expected_outcome(hit, subject, text, end):
            sense = "epistemic"  # "this rule should prevent most spurious captures"
        statement = NormativeStatement(
            keyword=hit.written,
            strength=hit.phrase.strength,
            negative=hit.phrase.negative != denied,
            sentence=sentence,
            reader=partial(_details_at, text, hits, i, shared),
        )
        yield Reading(statement, subject, sense, verb, embedded)


#: Things a text says of itself or of its design, which bind no one: "this rule", "the
#: change", "these limits". What they "should" do is what the authors expect of them.
_DEVICES = _set(
    "rule rules change changes restriction restrictions requirement requirements approach "
    "design convention conventions heuristic heuristics limit limits constraint constraints "
    "provision provisions mechanism strategy"
)
#: Verbs of an outcome: what a device brings about, not an act anyone performs.
_OUTCOMES = _set(
    "prevent avoid reduce eliminate minimize minimise help suffice catch fix solve resolve "
    "improve ease simplify lead result cause stop"
)
_DETERMINERS = _set("this that these those the such our")


def _expected_outcome(hit: Hit, subject: str, text: str, end: int) -> bool:
    """Whether a lower-case "should" says what a device of the text is expected to bring
    about ("but this rule should prevent most spurious list captures", "the change
    should reduce the load"): an expectation, not a rule. Only a subject that names such
    a device after a determiner, with a verb of an outcome right after the keyword."""
    if hit.written != "should" or hit.phrase.negative:
        return False
    words = subject.split()
    if len(words) < 2 or words[0] not in _DETERMINERS or words[-1] not in _DEVICES:
        return False
    after = words_of(text[hit.end : end]).split()[:2]
    verb = next((w for w in after if w not in _SKIPPED_ADVERBS), "")
    return verb in _OUTCOMES


#: A sentence whose subject is an example ("This example of a cyclic type", "The following
#: counter-example") with a reason or a content clause after it ("is valid as ...",
#: "makes it clear that ...", "is invalid since ..."): what a keyword there says explains
#: the example. A keyword said of the example itself ("The examples must be valid JSON")
#: is not in such a clause.
_EXAMPLE_EXPLAINED = re.compile(
    r"[\s*_\"'“(]*(?:this|these|the\s+following|the\s+above|the|each)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:counter-?)?examples?(?:\s+(?:of|below|above|here)\b[^.;:]*?)?"
    r"\s+(?:is|are|shows?|makes|illustrates|demonstrates|explains|would)\b"
    r"[^.;:]*?\b(?:as|since|because|that|so)\b[^.;:]*$",
    re.IGNORECASE,
)
#: A purpose clause that a *may* or *can* stands in: "so that they can be compared", "in
#: order that it may be read", "along with a request so they may be substituted" (a bare
#: "so" after a comma is a consequence, "..., so servers may cache it", and stays a rule).
_PURPOSE = re.compile(
    r"(?:\bso\s+that|\bin\s+order\s+that|(?<![,;])\s+so)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PURPOSE_REACH = 60
#: A sentence that opens by saying it gives an example ("For example, ...", "For
#: instance ...", "E.g. ...", "As an example, ..."), or speaks of the example beside it
#: ("In the example above, ...", "In the following example, ...", "In this example").
_EXAMPLE_OPENING = re.compile(
    r"[\s*_\"'“(]*(?:for\s+(?:example|instance)|e\.g\.|as\s+an\s+example"
    r"|in\s+(?:the|this|these)\s+(?:(?:above|following|preceding|previous|next|last)\s+)?"
    r"(?:counter-?)?examples?(?:\s+(?:above|below|here))?)\W",
    re.IGNORECASE,
)


def _allows(hit: Hit) -> bool:
    """Whether a keyword allows (a modal "may" or "can", "is allowed", "is permitted",
    "is optional"), denying nothing."""
    if hit.phrase.negative:
        return False
    return hit.phrase.modal or (hit.phrase.impersonal and hit.phrase.strength is Strength.MAY)


#: A day or a year after "May": the month ("May 2019", "May 12, 2019").
_DATED = re.compile(r"[\s*_]+\d{1,4}\b")
#: Words that open a subject naming none of a kind: "No request", "Nothing", "None of".
_DENYING = _set("no nothing none neither nobody")
#: "in no case should ...", "under no circumstances may ...", right before the keyword.
#: (The look-ahead on the first letters is for speed, as in :data:`_OPINION`.)
_NO_CASE = re.compile(
    r"(?=[iua])\b(?:in|under|at)\s+no\s+(?:circumstances?|case|event|time)[\s*_]*$", re.IGNORECASE
)
#: "No matter what ...": a concession, not a subject.
_NOT_DENYING_AFTER = _set("matter doubt longer")


def _denied(text: str, floor: int, hit: Hit) -> bool:
    """Whether a keyword is denied by the words before it: a subject naming none of a
    kind ("No further characters may occur on the line" forbids what "may" alone would
    allow), or "in no case", "under no circumstances" before an inverted modal ("in no
    circumstances should it go off"). Not for *can*: "no schema can be determined"
    says what is impossible, not what is forbidden."""
    if hit.phrase.words.startswith("can"):
        return False
    begin = max(floor, hit.start - _LOOK_BACK)
    window = text[begin : hit.start]
    if _NO_CASE.search(window):
        return True
    if not _might_deny(window):
        return False
    return _denying_subject(window, at_sentence_start=begin == floor)


def _denying_subject(window: str, *, at_sentence_start: bool) -> bool:
    """Whether the subject that ends ``window`` names none of a kind ("No further
    characters", "Nothing")."""
    words = words_of(window[_listed_subject(window, at_sentence_start=at_sentence_start) :]).split()
    if not words or words[0] not in _DENYING:
        return False
    return len(words) == 1 or words[1] not in _NOT_DENYING_AFTER


#: Where a word of :data:`_DENYING` may start in case-folded text: "no" or "neither" not
#: inside a word (the characters before are those :data:`_WORD` takes into a word).
_DENYING_START = re.compile(r"(?<![\w.%/'’-])n(?:o|either)")


def _might_deny(window: str) -> bool:
    """False when no subject in ``window`` can name none of a kind, told by one quick
    search; for speed, as most windows hold no "no", "none", "nothing", "nobody" or
    "neither" at all (finding the subject and its words costs far more). Exact for text
    without markup, whose plain words are its own case-folded words (markup dropped from
    inside a word could join two pieces into one, so such text always says True)."""
    return (
        _MARKUP.search(window) is not None or _DENYING_START.search(window.casefold()) is not None
    )


def _caption_without_subject(text: str, start: int, end: int, hit: Hit) -> bool:
    """Whether a lower- or sentence-case modal opens its sentence, no subject before it,
    and the sentence ends in a colon: a caption introducing what follows."""
    return (
        not hit.written.isupper()
        and not text[start : hit.start].strip(" *_\"'“‘(")
        and text[start:end].rstrip(" *_\n").endswith(":")
    )


def _opens_sentence(text: str, sentence_start: int, word: str) -> bool:
    """Whether ``word`` is the first word of the sentence."""
    head = text[sentence_start : sentence_start + len(word) + 8].lstrip(" *_\"'“‘(")
    return head[: len(word)].casefold() == word and not head[len(word) : len(word) + 1].isalnum()


def _near_subject(text: str, floor: int, position: int, sentence_start: int) -> str:
    """The few plain words just before a keyword, back to a comma or a conjunction: a
    quick look at its subject (the full reading is :func:`_details_at`)."""
    window = text[max(floor, position - 48) : position]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"), window.rfind("("))
    words = words_of(window[cut + 1 :]).split()[-4:]
    # "Certain fields or features may": one subject, when the words before the "or" open
    # the sentence or follow punctuation (not the tail of an earlier rule's action).
    joinable = cut >= 0 or floor == sentence_start
    for j in range(len(words) - 1, -1, -1):
        if words[j] in _RELATIVES:
            return " ".join(words[j:])  # "... which may": the relative is the subject
        if words[j] in _CONJUNCTIONS:
            if (
                joinable
                and words[j] in _COORDINATORS
                and 0 < j < len(words) - 1
                and words[j + 1] not in _PRONOUNS
                and not any(w in _CONJUNCTIONS or w in _RELATIVES for w in words[:j])
            ):
                continue
            return " ".join(words[j + 1 :])
    return " ".join(words)


_CONJUNCTIONS = _set(
    "and but or then so while whereas because although though instead if when unless"
)


def _details_at(
    text: str, hits: tuple[Hit, ...], index: int, shared: list[list[StatementDetails]]
) -> StatementDetails:
    """The full reading of keyword ``index`` of a sentence (read once per sentence)."""
    if not shared:
        shared.append(_sentence_details(text, hits))
    return shared[0][index]


def _sentence_details(text: str, hits: tuple[Hit, ...]) -> list[StatementDetails]:
    start, end = hits[0].sentence_start, hits[0].sentence_end
    raw = text[start:end]
    lead_conditions, lead_exceptions, lead_end = _leading_clause(raw)
    if not lead_end:
        lead_conditions, lead_end = _set_off_condition(raw, hits[0].start - start)
    subjects = [_subject_start(text, start, hits, i) for i in range(len(hits))]
    party = ""
    found = []
    for i, hit in enumerate(hits):
        if i + 1 == len(hits):
            action_end = end
        elif hits[i + 1].phrase.impersonal:
            action_end = hits[i + 1].start  # "... that humans may use X are not allowed"
        else:
            action_end = subjects[i + 1]
        action_text = text[hit.end : action_end]
        if hit.phrase.impersonal and not _TO_VERB.match(action_text):
            # "Sharing keys is not allowed": the subject is what is (not) allowed.
            subject_text = text[_topic_start(text, start, hits, i) : hit.start]
            key = ""
            action, conditions, exceptions = _split_action(f"{subject_text} {action_text}")
        else:
            subject_text = text[subjects[i] : hit.start]
            subject = words_of(subject_text)
            own: list[str] = []
            if _RELATIVE_AROUND_CONDITION.match(subject_text):
                # "which if it is present must ...": the relative binds; the rest is a
                # condition of the rule.
                subject, *own = subject.split(maxsplit=1)
            key = party_key(subject) or (party if not subject else "")
            party = key or party
            action, conditions, exceptions = _split_action(action_text)
            conditions = (*own, *conditions)
        if hit.start - start >= lead_end:
            conditions = (*lead_conditions, *conditions)
            exceptions = (*lead_exceptions, *exceptions)
        scope = f"{words_of(subject_text)} {hit.written.casefold()} {action}"
        found.append(
            StatementDetails(
                party=key,
                action=action,
                restricted=_restricted(scope),
                conditions=conditions,
                exceptions=exceptions,
                quantifiers=_quantifiers(scope),
                quantities=tuple(_quantities(f"{action} {' '.join(conditions)}")),
            )
        )
    return found


def _leading_clause(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """A sentence-opening "If ..., " or "Unless ..., ": it governs every rule after it.
    So does "If ... then" said without a comma before its "then", and "Otherwise, ...":
    the case the sentence before set its condition against ("If the parameter is in
    "path", it is REQUIRED. Otherwise, it MAY be included" allows in another case, it
    does not weaken the requirement)."""
    found = _LEADING_MARKER.match(sentence)
    if found is None:
        return (), (), 0
    comma = sentence.find(",", found.end())
    then = _THEN.search(sentence, found.end()) if found.group("condition") else None
    if then is not None and (comma < 0 or then.start() < comma):
        comma = then.start()
    if comma < 0:
        return (), (), 0
    phrase = words_of(sentence[found.start() : comma])
    if found.group("exception"):
        return (), (phrase,), comma
    return (phrase,), (), comma


#: A "where" condition set off by commas before a sentence's first rule: "Where a
#: default is given, clients MUST use it", "In both use cases, where those keywords are
#: adjacent to `discriminator`, all possible schemas MUST be listed" (the rule holds only
#: there). An "if" or "when" inside a sentence is left alone: "For example, if the query
#: was ..., a server should respond with ..." sets an example's scene, no condition.
_SET_OFF_CONDITION = re.compile(
    r"(?:^[\s*_\"'“(]*|,\s+)(?P<phrase>(?:where|wherever)\b[^,;:]*),",
    re.IGNORECASE,
)


def _set_off_condition(sentence: str, first_rule: int) -> tuple[tuple[str, ...], int]:
    """A condition phrase between commas (or opening the sentence) that ends before the
    sentence's first rule keyword, and where it ends; ((), 0) when there is none."""
    for found in _SET_OFF_CONDITION.finditer(sentence, 0, first_rule):
        phrase = words_of(found.group("phrase"))
        if phrase:
            return (phrase,), found.end() - 1
    return (), 0


def _subject_start(text: str, sentence_start: int, hits: tuple[Hit, ...], i: int) -> int:
    """Where the subject of keyword ``i`` starts: after the last boundary before it, and
    never before the previous keyword."""
    floor = hits[i - 1].end if i else sentence_start
    window = text[floor : hits[i].start]
    around = _RELATIVE_AROUND_CONDITION.search(window)
    if around is not None:
        return floor + around.start()  # "which if it is present must": the relative
    boundaries = list(_SUBJECT_BOUNDARY.finditer(_LINK_SYNTAX.sub(_blank_syntax, window)))
    if not boundaries:
        return floor
    at = _coordinated(window, boundaries, at_sentence_start=i == 0)
    if at < 0:
        return floor
    last = boundaries[at]
    # A relative pronoun is the subject itself: "rules which may override ..."
    if last.group().casefold() in _RELATIVES:
        case = _WHICH_CASE.match(window, last.start())
        if case is not None and _IN_BEFORE.search(window, 0, last.start()):
            # "..., in which case all schemes MUST be satisfied": a connective saying
            # when the rule holds; its subject follows it.
            return floor + case.end()
        return floor + last.start()
    return floor + last.end()


_WHICH_CASE = re.compile(r"which\s+cases?\b", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


#: A Markdown link fused with the word it ends: ``[term]s``, ``[list item]s``. Its brackets
#: are markup inside a word, no boundary ("No further [non-space character]s may occur"
#: is said of no further characters, not of "s").
_LINK_SYNTAX = re.compile(r"(\[)([^\[\]]*)(\])(?=[^\W\d_])")


def _blank_syntax(link: re.Match[str]) -> str:
    """A link with its brackets and target blanked out, the same length (positions keep)."""
    return " " * len(link.group(1)) + link.group(2) + " " * len(link.group(3))


def _coordinated(window: str, boundaries: list[re.Match[str]], *, at_sentence_start: bool) -> int:
    """Which boundary the subject starts after (-1: the window's start). An "and" or "or"
    between short noun phrases joins one subject ("Each name or URI MUST", "Major, minor,
    and patch versions MUST"), not two clauses."""
    k = len(boundaries) - 1
    conjunction = boundaries[k]
    if conjunction.group().casefold() not in _COORDINATORS:
        return k
    after = words_of(window[conjunction.end() :]).split()
    if not 1 <= len(after) <= _CONJUNCT_WORDS or after[0] in _PRONOUNS or after[0] in _RELATIVES:
        return k
    # "No blank lines, spaces, or tabs": a determiner is no word of a listed noun phrase.
    end, j = conjunction.start(), k - 1
    if j >= 0 and boundaries[j].group() == "," and not window[boundaries[j].end() : end].strip():
        end, j = boundaries[j].start(), j - 1  # the comma of "X, Y, and Z"
    found = k
    while True:
        conjunct = [
            w
            for w in words_of(window[boundaries[j].end() if j >= 0 else 0 : end]).split()
            if w not in _ARTICLES
        ]
        # The conjunct next to "and" may be a longer noun phrase; listed ones are short.
        limit = _CONJUNCT_WORDS if found == k else _CONJUNCT_WORDS - 1
        if not 1 <= len(conjunct) <= limit:
            return found
        # A conjunct with a verb of being is a clause of its own, not a noun listed with
        # the subject: "this property is **required** and its value MUST be `true`" binds
        # its value.
        if not _COPULAS.isdisjoint(conjunct):
            return found
        if j < 0:
            return -1 if at_sentence_start else found
        boundary = boundaries[j].group()
        if boundary != ",":
            # "...; clients or servers MUST": the subject starts after the boundary; after
            # a relative or a condition ("that X or Y", "if X or Y") it is left as it was.
            if boundary.casefold() in _RELATIVES or _SUBORDINATE.match(boundary):
                return found
            return j
        found, end, j = j, boundaries[j].start(), j - 1


_COORDINATORS = frozenset(("and", "or"))
_CONJUNCT_WORDS = 3


def _topic_start(text: str, sentence_start: int, hits: tuple[Hit, ...], i: int) -> int:
    """Where the topic of an impersonal keyword starts ("Sharing keys is not allowed"):
    after the last comma, semicolon or colon before it."""
    # A lower-case may/can before it is likely inside the topic ("lies that humans may
    # use ... are not allowed"), so the topic may reach back past it.
    earlier = [hit for hit in hits[:i] if not hit.phrase.modal or hit.written.isupper()]
    floor = earlier[-1].end if earlier else sentence_start
    window = text[floor : hits[i].start]
    return floor + _listed_subject(window, at_sentence_start=floor == sentence_start)


#: What may end the subject of a keyword read quickly: punctuation, and the "and" / "or"
#: of a list (which :func:`_coordinated` tells from a clause's).
#: (The look-ahead on the first characters is for speed, as in :data:`_OPINION`.)
_LIST_BOUNDARY = re.compile(r"(?=[;:,()ao])(?:[;:,()]|\b(?:and|or)\b)", re.IGNORECASE)


def _listed_subject(window: str, *, at_sentence_start: bool) -> int:
    """Where the subject that ends ``window`` starts: after its last comma, semicolon,
    colon or parenthesis, unless that comma lists the subject's members ("No spaces,
    tabs, or line endings are allowed" is said of all three, not of "or line endings")."""
    boundaries = list(_LIST_BOUNDARY.finditer(window))
    punctuation = [b.end() for b in boundaries if b.group().casefold() not in _COORDINATORS]
    if not punctuation:
        return 0
    at = _coordinated(window, boundaries, at_sentence_start=at_sentence_start)
    # Never after the last punctuation: an "and" there may join two long conjuncts.
    return min(0 if at < 0 else boundaries[at].end(), punctuation[-1])


_LOOK_BACK = 240


def _in_subordinate_clause(text: str, sentence_start: int, hit: Hit) -> bool:
    """Whether a lower-case keyword sits in an "if ..."/"when ..." clause of its sentence."""
    if hit.written.isupper() or hit.phrase.imperative:
        return False
    # A bounded look back: a sentence of thousands of keywords stays linear.
    window = text[max(sentence_start, hit.start - _LOOK_BACK) : hit.start]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"), window.rfind("("))
    segment = window[cut + 1 :].lstrip(" *_\"'“(")
    if _SUBORDINATE.match(segment):
        return True
    if _COORDINATED_CLAUSE.match(segment) and _opens_subordinate(window[: max(cut, 0)]):
        # "Because we might target another format, and we shouldn't rely on HTML": the
        # "and" goes on with the reason; after an opening "Because ...," a main clause
        # would follow without one.
        return True
    if segment.strip().casefold() == "or" and _alternative_asked(window[: max(cut, 0)]):
        # "whether it must be run serially, or may be run in parallel": a verb phrase
        # with no subject of its own, the other half of a "whether ... or" question,
        # says what is asked, not a rule (as the first half's modal does not).
        return True
    if _RELATIVE_AROUND_CONDITION.fullmatch(segment.rstrip()):
        # "a title, which if it is present must be separated ...": the condition has its
        # own verb and closed; the keyword is the relative's ("which ... must").
        return False
    # "... and the user asks whether the assistant can help": a subordinator mid-segment
    return _SUBORDINATOR_INSIDE.search(segment) is not None


#: A subordinator anywhere in a segment (first letters looked ahead for speed, as in
#: :data:`_OPINION`).
_SUBORDINATOR_INSIDE = re.compile(
    r"(?=[iwub])\b(?:if|whether|unless|when|because)\b", re.IGNORECASE
)


_COORDINATED_CLAUSE = re.compile(r"\s*(?:and|or)\s", re.IGNORECASE)
#: A modal in a "whether" clause within one segment: "whether it must be ...".
_WHETHER_MODAL = re.compile(
    r"(?=[wW])\bwhether\b[^,;:()]*?\b(?:must|shall|should|may|might|can|could)\b",
    re.IGNORECASE,
)


def _alternative_asked(before: str) -> bool:
    """Whether the last segment of ``before`` (after its last comma, semicolon, colon or
    parenthesis) asks "whether" something must or may be ("as well as whether it must be
    run serially"), so that an "or" after it gives the other alternative (not "Servers
    must reject it whether or not it is signed": no modal in the question)."""
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("("))
    return _WHETHER_MODAL.search(before, cut + 1) is not None


#: A sentence opened by "As" + a clause: "As names are optional, ...".
_AS_REASON = re.compile(r"[\s*_\"'“(]*as\s", re.IGNORECASE)


def _opens_subordinate(before: str) -> bool:
    """Whether ``before`` (the sentence up to a comma) is a subordinate clause that opens
    the sentence, perhaps after a label ("A: Because ..."), with no comma inside it."""
    lead = before[max(before.rfind(":"), before.rfind(";")) + 1 :].lstrip(" *_\"'“(")
    return "," not in lead and bool(_SUBORDINATE.match(lead))


#: A relative pronoun, then a condition with a subject and a finite verb of its own, then
#: (at the keyword) nothing more: "which if it is present", "that when one is given".
_RELATIVE_AROUND_CONDITION = re.compile(
    r"(?<![\w-])(?:which|who|that)\s+(?:if|when|unless|once)\s+\w+(?:\s+\w+)?\s+"
    r"(?:is|are|was|were|has|have|does|do)\s+(?:not\s+)?\w+\s*$",
    re.IGNORECASE,
)


#: Words by which the authors give their opinion: a lower-case modal under them says
#: what they think best, not what binds anyone ("We think that the two cases should be
#: treated the same"). RFC 2119 capitals stay rules.
_OPINION = re.compile(
    # The look-ahead on the first letters is for speed: a pattern opening with \b gets no
    # literal prefix from the engine, and failing at once on every other letter makes the
    # scans of these windows about twice as fast. It matches what the pattern alone does.
    r"(?=[wiaoy])\b(?:(?:we|i)\s+(?:(?:would\s+)?(?:think|believe|feel|argue)|suspect)"
    r"|in\s+(?:our|my)\s+(?:view|opinion)|arguably|it\s+(?:would\s+)?seems?"
    # A reading the text puts forward to weigh ("It is tempting to think of this in terms
    # of columns: the blocks must be indented ..."), not a rule it states.
    r"|it\s+is\s+tempting\s+to\s+(?:think|say|assume|suppose|conclude|read)"
    r"|(?:one|you|we)\s+(?:might|may|could)\s+(?:think|expect|assume|suppose))\b",
    re.IGNORECASE,
)


def _under_opinion(text: str, sentence_start: int, hit: Hit) -> bool:
    """Whether a keyword stands under an opinion said earlier in its clause (a semicolon
    opens a clause of its own). An opinion inside a condition ("If it seems that ...,")
    or a relative clause ("defaults that we believe are helpful") governs only that."""
    return _under_frame(text, sentence_start, hit, _OPINION)


#: Words that draw a consequence of what was said: a lower-case *may* or *can* under them
#: says what follows from it, what is possible or not ("which means that IRIs encoded
#: this way cannot be compared to IRIs as-is"), not what a party is allowed. RFC 2119
#: capitals ("This means that it MAY be sent") and *must* stay rules. (The look-ahead
#: on the first letters is for speed, as in :data:`_OPINION`.)
_CONSEQUENCE = re.compile(
    r"(?=[wtim])\b(?:(?:which|this|that|it)\s+(?:means|implies)|meaning|it\s+follows)\s+that\b",
    re.IGNORECASE,
)
#: A relative pronoun right after the noun it restricts (no comma between): "names which
#: are required", "the fields that are allowed".
_RESTRICTIVE_RELATIVE = re.compile(r"[^,;:\s]\s+(?:which|that|who)\s+$", re.IGNORECASE)
#: "may or may not", "might or might not", "can or cannot": either way round.
_EITHER_WAY_AFTER = re.compile(
    r"\s+or\s+(?:may\s+not|might\s+not|can\s*not|can['’]t)\b", re.IGNORECASE
)
_EITHER_WAY_BEFORE = re.compile(r"\b(?:may|might|can)\s+or\s+$", re.IGNORECASE)


def _either_way(text: str, sentence_start: int, hit: Hit) -> bool:
    """Whether a lower-case *may* or *can* is one half of "may or may not" ("can or
    cannot"): it says that something is uncertain, not that it is allowed."""
    if hit.phrase.negative:
        return bool(_EITHER_WAY_BEFORE.search(text, max(sentence_start, hit.start - 12), hit.start))
    return bool(_EITHER_WAY_AFTER.match(text, hit.end))


#: A condition opened anywhere in a segment (first letters looked ahead for speed).
_CONDITION_INSIDE = re.compile(r"(?=[iwu])\b(?:if|when|whether|unless)\b", re.IGNORECASE)


def _under_frame(text: str, sentence_start: int, hit: Hit, frame: re.Pattern[str]) -> bool:
    """Whether a keyword stands under ``frame`` (an opinion, a consequence) said earlier
    in its clause, and not only inside a condition or a relative clause of its own."""
    window = text[max(sentence_start, hit.start - _LOOK_BACK) : hit.start]
    for found in frame.finditer(window, window.rfind(";") + 1):
        before = window[: found.start()]
        cut = max(before.rfind(","), before.rfind(":"), before.rfind("("))
        segment = before[cut + 1 :].lstrip(" *_\"'“(")
        if _SUBORDINATE.match(segment) or _CONDITION_INSIDE.search(segment):
            continue
        if segment.split()[-1:] and segment.split()[-1].casefold() in _RELATIVES:
            continue
        return True
    return False


def _split_action(action_text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The verb phrase, and the condition and exception phrases that follow it."""
    # Parenthetical asides ("(see [?](#be_engaging))") are references, not requirements;
    # a range of characters in parentheses ("letters ('a' to 'z')") is part of the action.
    aside = _PARENTHESES.sub(" ", canonical_ranges(_plain(action_text)))
    plain = _TRAILING_CONJUNCTION.sub(
        "", words_of(_without_consequence(_without_other_case(aside)))
    )
    words = plain.split()
    cuts: list[tuple[int, bool]] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _MARKER_STARTS and not (word == "if" and i and words[i - 1] in ("as", "even")):
            for marker, exception in _MARKERS:
                if tuple(words[i : i + len(marker)]) == marker:
                    cuts.append((i, exception))
                    # "except when ...": one exception, not an exception and a condition
                    i += len(marker) + (exception and i + len(marker) < len(words))
                    break
            else:
                i += 1
            continue
        i += 1
    if not cuts:
        return _without_pro_form(_without_alternative(plain)), (), ()
    conditions: list[str] = []
    exceptions: list[str] = []
    for n, (start, exception) in enumerate(cuts):
        stop = cuts[n + 1][0] if n + 1 < len(cuts) else len(words)
        (exceptions if exception else conditions).append(" ".join(words[start:stop]))
    action = _without_pro_form(_without_alternative(" ".join(words[: cuts[0][0]])))
    return action, tuple(conditions), tuple(exceptions)


#: A verb phrase standing for the one said before it: "may provide more, but must not do
#: so where ...". It names no action of its own, as the same rule with the verb left out
#: ("but must not where ...") names none: what follows it is the rule's own.
_PRO_FORM = re.compile(r"^do (?:so|that|this)\b\s*")


def _without_pro_form(action: str) -> str:
    return _PRO_FORM.sub("", action, count=1)


#: ", otherwise ..." / "; otherwise ...": what holds when the condition before it does
#: not ("must name the operation if there are several, otherwise there is only one").
_OTHER_CASE = re.compile(r"[,;]\s*otherwise\b")


def _without_other_case(text: str) -> str:
    """An action without the case set against its condition: what holds when the
    condition fails is another case (a rule of its own where a keyword states it), not
    part of the condition. "Or otherwise" without the comma qualifies, and stays."""
    found = _OTHER_CASE.search(text)
    if found is None or not _CONDITION_INSIDE.search(text, 0, found.start()):
        return text
    return text[: found.start()]


#: ", and the value will correspond to ...": a clause joined after the rule's action with
#: a subject of its own and "will"/"would", telling what follows from the rule.
_WHAT_FOLLOWS = re.compile(
    r",\s*(?:and|so)\s+(?:the|this|that|these|those|its|their|it|they)\b[^,;:]{0,80}?"
    r"\s(?:will|would)\s",
    re.IGNORECASE,
)


def _without_consequence(text: str) -> str:
    """An action without the clause after it that tells what follows ("MUST be present in
    the payload, and the value will name a schema"): that clause has its own subject and
    verb and binds no one (a rule of its own would have its own keyword)."""
    found = _WHAT_FOLLOWS.search(text)
    return text if found is None else text[: found.start()]


#: What an action is said in place of: "may be used instead of two spaces", "must be a
#: string rather than a number". It names what the action replaces; what the rule
#: requires or allows is the action before it.
_ALTERNATIVE = re.compile(r"\s(?:instead of|rather than|in place of)\s.*$")


def _without_alternative(action: str) -> str:
    """An action without the alternative it is said in place of (unless that is all)."""
    cut = _ALTERNATIVE.sub("", action)
    return cut if cut.strip() else action


def _restricted(plain: str) -> bool:
    """ "may only", "solely", "exclusively" (not "not only", not "only if")."""
    words = plain.split()
    return any(
        word in _RESTRICTIONS
        and (i == 0 or words[i - 1] != "not")
        and (i + 1 == len(words) or words[i + 1] not in ("if", "when"))
        for i, word in enumerate(words)
    )


def _quantifiers(plain: str) -> tuple[str, ...]:
    words = plain.split()
    return tuple(
        word
        for i, word in enumerate(words)
        if word in _QUANTIFIERS and not (i + 1 < len(words) and words[i + 1] in _COMPARATIVES)
    )


def _quantities(plain: str) -> Iterable[Quantity]:
    """Numbers in plain lower-case words, with the comparator before them and their unit
    after (or the name before a version number: "tls 1.2"). A number is kept as its value
    ("three" -> "3"), and a range as its bounds: "0-3 spaces" and "zero to three spaces"
    say "at most 3 spaces"; "1-3" and "between one and three" are "between" "1-3"."""
    words = plain.split()
    if not any(w[0].isdigit() or w in _NUMBER_WORDSET for w in words):
        return
    skip_to = -1
    for first, written in enumerate(words):  # where the number (or the range) starts
        if first <= skip_to:
            continue
        i, word, low = first, written, ""  # where it ends, its last number, a range's first
        ends = _RANGE_WORD.fullmatch(written)
        if ends is not None and float(ends[1]) < float(ends[2]):
            low, word = ends.groups()
        elif not _NUMBER.fullmatch(written):
            continue
        elif _range_from(words, first):
            low, i = written, first + 2
            word = words[i]
            skip_to = i
        comparator = ""
        for size in (3, 2, 1):
            if not low and first >= size and " ".join(words[first - size : first]) in _COMPARATORS:
                comparator = " ".join(words[first - size : first])
                break
        before_at = first - len(comparator.split()) - 1
        before = words[before_at] if before_at >= 0 and not comparator else ""
        counted = ""
        if before == "of" and before_at >= 1 and words[before_at - 1] not in _NOT_NAMES:
            counted = words[before_at - 1]  # "increments of one", "a timeout of 30"
        if before in _NOT_NAMES or before == "between" or _NUMBER.fullmatch(before):
            before = ""
        number = word.rstrip("%")
        unit = "%" if word.endswith("%") else ""
        trailing = " ".join(words[i + 1 : i + 3]) if not comparator and not low else ""
        after = i + 1
        if trailing in _TRAILING_COMPARATORS:
            after = i + 3
        else:
            trailing = ""
        written_unit = ""
        if not unit and after < len(words) and words[after] not in _NOT_UNITS:
            written_unit = words[after]
            unit = written_unit
        if not unit and before:
            unit = before  # "TLS 1.2": the number counts versions of TLS
        if not unit and counted:
            unit = counted
        if comparator == "every" and not unit:
            continue
        if low and not written_unit:
            continue  # "digits 0-9", "letters a to z": a set of values, not a count
        if number in ("once", "one") and not (low or comparator or written_unit or counted):
            continue
        named = f"{counted} of" if counted and unit == counted else before
        said = " ".join(words[first : i + 1])
        text = " ".join(filter(None, (comparator, named, said, trailing, written_unit)))
        bound = _COMPARATOR_CLASS.get(comparator) or _TRAILING_COMPARATORS.get(trailing, comparator)
        value = NUMBER_VALUES.get(number, number)
        if low:
            low = NUMBER_VALUES.get(low, low)
            # A range from nothing is a bound: "0-3 spaces" is "at most 3 spaces".
            bound, value = ("at most", value) if low == "0" else ("between", f"{low}-{value}")
        yield Quantity(bound, value, singular(unit), text)


def _range_from(words: list[str], i: int) -> bool:
    """Whether the number at ``i`` opens a range said in words: "one to three",
    "2 through 5", "between 2 and 5" (not "up to three": "up" is no number)."""
    if i + 2 >= len(words) or not _NUMBER.fullmatch(words[i + 2]):
        return False
    join = words[i + 1]
    return join in _RANGE_JOINS or (join == "and" and i > 0 and words[i - 1] == "between")


def singular(word: str) -> str:
    """A rough singular, enough to tell "servers" and "a server" apart from "clients"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _sense(hit: Hit, subject: str, action_text: str, *, denied: bool = False) -> tuple[str, str]:
    """Whether a keyword is certainly a rule, certainly not, or a may/can whose sense
    depends on its subject; with the participle of a passive. ``denied``: the subject
    names none of a kind ("No further characters may occur")."""
    if not hit.phrase.modal or hit.written.isupper():
        return "rule", ""
    if _existential(subject):
        return "epistemic", ""  # "Certain fields may be marked ...": what some things are
    words = _PARTY_WORD.findall(_plain(action_text).casefold())
    if hit.phrase.negative != denied and _forbids_content(words):
        # "The label may not contain any colon", "Code fences cannot contain spaces",
        # "No line may contain a tab": what a thing must not hold, not what perhaps it
        # does not ("the page may not contain every detail", "... may not contain it yet").
        # Said of a relative ("links, which may not ...") the usual reading decides.
        last = subject.rsplit(maxsplit=1)[-1] if subject else ""
        return ("modal", "") if last in _RELATIVES else ("rule", "")
    if denied and words and words[0] != "be" and words[0] not in _SENSE_VERBS:
        # "No further characters may occur", "no other field may appear here": said of
        # none of a kind, even a verb of what happens forbids it ("none of them may seem
        # harmful" still says what may seem).
        return "rule", ""
    position = 0
    hedged = False
    while position < len(words) and _skipped(words, position):
        if words[position] in _EPISTEMIC_UNLESS_PARTY and hit.written.casefold() == "may":
            hedged = True
        elif words[position] in _EPISTEMIC_ADVERBS:
            return "epistemic", ""
        position += 1
    sense, verb = _sense_of_verb(words, position, subject)
    if hedged and sense != "epistemic":
        return "hedged", verb
    return sense, verb


#: Verbs of what a thing holds: negated, in a spec, they state what it must not hold.
_CONTENT_VERBS = _set("contain contains include includes")
#: After them, words that deny only some, or only for now: "may not contain every detail".
_ONLY_SOME = _set("every all both necessarily always yet")
#: Verbs of seeming and judging: said of none of a kind they still say what may seem.
_SENSE_VERBS = _set("seem seems look looks sound sounds feel feels think believe know expect")


def _forbids_content(words: list[str]) -> bool:
    """Whether the words after a negated *may* or *can* say what a thing must not hold:
    "contain any backtick", "contain other links" (not "contain every detail")."""
    if not words or words[0] not in _CONTENT_VERBS:
        return False
    return not any(w in _ONLY_SOME for w in words[1:6])


#: Words that only stress the subject: "may itself be a modified type".
_REFLEXIVES = _set("itself themselves")


def _skipped(words: list[str], position: int) -> bool:
    """Whether the word at ``position`` after a *may* or *can* is an adverb the verb after
    it is read past ("may also be"), or a reflexive or an adverb of manner before "be" +
    an article: "may itself be a modified type", "may recursively be a modified type"
    say what a thing can be, as "may be a modified type" does. (Before a participle the
    word stays the verb, as it was read: "types that cannot naturally be represented".)"""
    word = words[position]
    if word in _SKIPPED_ADVERBS:
        return True
    if word not in _REFLEXIVES and not word.endswith("ly"):
        return False
    return words[position + 1 : position + 2] == ["be"] and any(
        w in _ARTICLES for w in words[position + 2 : position + 3]
    )


def _sense_of_verb(words: list[str], position: int, subject: str) -> tuple[str, str]:
    """The sense of a *may* or *can* from the verb at ``position`` of the words after it."""
    verb = words[position] if position < len(words) else ""
    if verb == "be":
        position += 1
        while position < len(words) and words[position] in _SKIPPED_ADVERBS:
            position += 1
        after = words[position] if position < len(words) else ""
        if after in _LOCATED and position + 1 < len(words) and words[position + 1] in _PLACES:
            return "epistemic", ""  # "The charter may be found at ...": where it is said
        if _is_participle(after):
            return "passive", after
        if not after or after in _EVALUATIVE or after in _ARTICLES or after.endswith("ing"):
            return "epistemic", ""  # "may be harmful", "may be a good idea", "may be giving"
        return "passive", after  # "may be empty", "may be valid JSON": a state allowed
    if not verb or (verb in _EPISTEMIC_VERBS and verb not in _ACTION_TOO):
        return "epistemic", ""
    last = subject.rsplit(maxsplit=1)[-1] if subject else ""
    if last in _RELATIVES:
        return "epistemic", ""  # "rules which may override this principle"
    return "modal", verb


def _existential(subject: str) -> bool:
    """A subject that speaks of some of a kind ("some requests", "certain fields or
    features", "some of which"): a *may* or *can* said of it tells what happens or
    exists, not what a party is allowed."""
    words = subject.split()
    if not words or words[0] not in _EXISTENTIAL:
        return False
    if len(words) > 1 and words[1] == "of":
        return True
    # "some cases the assistant": the determiner belongs to an earlier phrase.
    return not any(w in _ARTICLES or w in _PRONOUNS for w in words[1:])


_EXISTENTIAL = _set("some certain many several most various numerous")


def _is_participle(word: str) -> bool:
    if word in _IRREGULAR_PARTICIPLES:
        return True
    return len(word) > 4 and word.endswith(("ed", "en")) and word not in ("open", "often")


def _read_item(text: str, lead_in: str, vocabulary: Vocabulary) -> list[Reading]:
    """A list item read as the end of its lead-in: "must not pursue these goals:" + item."""
    combined = f"{lead_in.rstrip().rstrip(':').rstrip()}: {text}"
    readings = []
    for reading in _read_text(combined, vocabulary):
        statement = reading.statement
        readings.append(
            Reading(
                NormativeStatement(
                    statement.keyword,
                    statement.strength,
                    statement.negative,
                    fold(combined),
                    reader=statement.reader,
                ),
                reading.subject,
                reading.sense,
                reading.verb,
                reading.embedded,
            )
        )
    return readings


_REQUIRED_COLUMN = re.compile(r"^\**(?:required|mandatory|requirement)\**$", re.IGNORECASE)
_YES = _set("yes y true required mandatory must ✓ ✔ x always")
_NO = _set("no n false optional may - — never")


def _read_required_column(text: str, header: tuple[str, ...]) -> Iterable[Reading]:
    """A table row whose ``Required`` column says yes or no: the row's first cell is
    required or optional."""
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) != len(header):
        return
    for column, (name, cell) in enumerate(zip(header, cells, strict=True)):
        if column == 0 or not _REQUIRED_COLUMN.match(plain_text(name)):
            continue
        value = words_of(cell)
        if value in _YES:
            strength = Strength.MUST
        elif value in _NO:
            strength = Strength.MAY
        else:
            continue
        subject = words_of(cells[0])
        keyword = "REQUIRED" if strength is Strength.MUST else "OPTIONAL"
        statement = NormativeStatement(
            keyword=keyword,
            strength=strength,
            negative=False,
            sentence=f"{plain_text(cells[0])}: {plain_text(name)} {plain_text(cell)}",
            reader=partial(StatementDetails, action=subject),
        )
        yield Reading(statement, "", "rule")


# -- declaratives in a list of rules --------------------------------------------------------

#: Verbs a spec states what holds with, when it says so without a modal: "Pre-release
#: versions have a lower precedence", "X is the major version", "Precedence refers to ...".
DECLARATIVE_VERBS = _set("""
    is are has have satisfy satisfies defines define refers refer means mean denotes
    denote indicates indicate consists consist precedes precede equals equal
    """)
#: Sentences that show rather than state: "Examples: 1.0.0-alpha", "For instance: ...".
_SHOWING = re.compile(
    r"^[\s*_]*(?:examples?|for (?:instance|example)|e\.g\.|i\.e\.|see|note)\b", re.I
)
#: Modals of what might be: a sentence with one says what is possible, not what holds.
_HEDGES = _set("could might would may can perhaps possibly typically usually often")
#: Words that open a sentence and tie it to the one before: "Thus two versions ...".
_LINKING = _set("thus so hence therefore also consequently accordingly")
_DECLARATIVE_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]*_]*\s+(?=[\"'“‘(\[*_`]*[A-Z0-9])")


def read_declaratives(
    text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY
) -> tuple[Reading, ...]:
    """The sentences of an item of a list of rules that state what holds without a modal
    ("Build versions satisfy and have a higher precedence than the associated normal
    version."). In a list whose items are RFC 2119 rules, such a sentence is one too:
    it says what implementations compute, as its siblings' MUSTs do. Each is read as
    an obligation whose keyword is its verb. Sentences that show (examples), hedge
    (could, might) or hold a keyword of their own (read already) are left out."""
    found = []
    position = 0
    for piece in [*_DECLARATIVE_SENTENCE_END.split(text)]:
        start = text.find(piece, position)
        position = start + len(piece)
        sentence = piece.strip()
        if not sentence or _SHOWING.match(sentence) or keyword_hits(sentence, vocabulary):
            continue
        words = words_of(sentence).split()
        if not words or any(w in _HEDGES for w in words):
            continue
        reading = _declarative(sentence)
        if reading is not None:
            found.append(reading)
    return tuple(found)


def _declarative(sentence: str) -> Reading | None:
    """A sentence stating what holds, read as an obligation on its verb (None when no
    verb of :data:`DECLARATIVE_VERBS` follows its subject)."""
    conditions, exceptions, lead_end = _leading_clause(sentence)
    if lead_end:
        # "When major, minor, and patch are equal, a pre-release version has ...": the
        # condition runs to the comma after its own verb, not to its first comma.
        comma = lead_end
        while comma >= 0 and not DECLARATIVE_VERBS.intersection(
            words_of(sentence[:comma]).split()[1:]
        ):
            comma = sentence.find(",", comma + 1)
        if comma > 0:
            lead_end = comma
            phrase = words_of(sentence[:comma])
            conditions, exceptions = ((), (phrase,)) if exceptions else ((phrase,), ())
    body = sentence[lead_end + 1 :] if lead_end else sentence
    words = words_of(body).split()
    while words and words[0] in _LINKING:
        words = words[1:]
    verb_at = next((i for i, w in enumerate(words) if i and w in DECLARATIVE_VERBS), None)
    if verb_at is None:
        return None
    subject, verb, rest = words[:verb_at], words[verb_at], words[verb_at + 1 :]
    negative = bool(rest) and rest[0] in ("not", "never")
    action, own_conditions, own_exceptions = _split_action(" ".join(rest))
    details = StatementDetails(
        party=party_key(" ".join(subject)),
        action=action,
        restricted=_restricted(action),
        conditions=(*conditions, *own_conditions),
        exceptions=(*exceptions, *own_exceptions),
        quantifiers=_quantifiers(" ".join(words)),
        quantities=tuple(_quantities(f"{action} {' '.join(conditions)}")),
    )
    statement = NormativeStatement(
        keyword=verb,
        strength=Strength.MUST,
        negative=negative,
        sentence=fold(sentence),
        reader=partial(_given, details),
    )
    return Reading(statement, " ".join(subject), "rule")


def _given(details: StatementDetails) -> StatementDetails:
    return details


# -- the document-wide step ----------------------------------------------------------------


def actors(readings: Iterable[Reading]) -> set[str]:
    """The parties a spec binds itself: subjects of its certain rules ("Wren must ...")."""
    found = set()
    for reading in readings:
        statement = reading.statement
        if (
            reading.sense == "rule"
            and reading.subject
            and (statement.strength is not Strength.MAY or statement.negative)
            and statement.keyword[:1].casefold() in "ms"  # must, shall, should
        ):
            for party in conjuncts(party_key(reading.subject)):
                if party and len(party.split()) <= 2:
                    found.add(party)
    return found


def settle(readings: Iterable[Reading], parties: set[str]) -> tuple[NormativeStatement, ...]:
    """The readings that are rules, given who the spec's parties are."""
    kept = []
    for reading in readings:
        sense = reading.sense
        if sense == "epistemic":
            continue
        if sense == "hedged" and (
            _relative_predicate(reading.subject) or not _known(party_key(reading.subject), parties)
        ):
            continue  # "the reply may still follow ...": what may happen
        if sense in ("modal", "passive", "hedged") and not _binds_a_party(reading, parties):
            continue
        kept.append(reading.statement)
    return tuple(kept)


#: Words that open or negate a verb: a subject holding one is a clause, not a noun.
_PREDICATE_WORDS = _set("do does did not don't doesn't didn't")


def _relative_predicate(subject: str) -> bool:
    """Whether the words read as a keyword's subject are the verb phrase of a relative
    clause ("documents which do not contain operations may still be parsed": the quick
    look stops at "do not contain operations"). They name no party, whatever noun they
    end on ("operations"); what "may still" is said of is the noun before the relative,
    here a thing, so what may happen."""
    return not _PREDICATE_WORDS.isdisjoint(subject.casefold().split())


def _binds_a_party(reading: Reading, parties: set[str]) -> bool:
    """Whether a lower-case *may* or *can* is said of a party (a rule) or of something
    else (what can happen). *may* is read as a permission unless said of a relative
    ("... which may"); positive *can* mostly says what is possible, so it is a rule only
    when said of a party, or of rules being overridden ("can be overridden")."""
    statement = reading.statement
    keyword = statement.keyword.casefold()
    subject = reading.subject.split()
    last = subject[-1] if subject else ""
    party = party_key(reading.subject)
    if keyword.startswith("may"):
        if reading.embedded and not _known(party, parties):
            return False  # "white lies that humans may use" describes the lies
        if reading.verb in _ACTION_TOO and not _known(party, parties):
            return False  # "a wrong assumption may make things worse"
        if reading.sense == "modal" and _of_a_kind(subject) and _bare_thing(party, parties):
            # "Each step may establish references", "Fields may accept arguments": an
            # act said of a thing the spec describes, which no rule of the spec binds,
            # tells what it can do, not what a party is allowed ("Clients may retry",
            # said of a party the spec binds elsewhere, stays a permission).
            return False
        return last not in _RELATIVES
    if reading.sense == "passive":
        return statement.negative or reading.verb in _AUTHORITY_PARTICIPLES
    if not statement.negative and keyword != "can only":
        return False  # "Wren can call tools": an ability, not a permission
    if party:
        return _known(party, parties)
    # A pronoun ("it cannot ...") or an elided subject ("... and cannot ...").
    return statement.negative and last not in _RELATIVES


def _bare_thing(party: str, parties: set[str]) -> bool:
    """Whether a subject is one plain noun ("each step", "fields", "the title") that no
    rule of the spec binds: a thing it describes. A qualified name ("a GraphQL service",
    "an event stream") may be an actor the spec names without binding it, so stays read
    as a party, and so does a noun of one who acts ("callers", "readers", "editors")."""
    if not party or " " in party:
        return False
    if party.endswith(_AGENT_ENDINGS) and not party.endswith("ment"):
        return False  # "each caller", "each participant", "each agent" (not "each segment")
    return not _known(party, parties)


def _of_a_kind(subject: list[str]) -> bool:
    """Whether a subject speaks of each one of a kind: "each step", "every token" (the
    way a spec walks through the parts it describes). "The clerk" and "clerks" may well
    be parties the text has not bound yet: their "may" stays a permission."""
    return len(subject) == 2 and subject[0] in ("each", "every")


#: Endings of nouns of one who acts: a party, even one no rule of the spec binds.
_AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent")


def _known(party: str, parties: set[str]) -> bool:
    """A party the spec binds, or a phrase ending in one ("such a task wren"), or a
    coordination naming one ("clients or servers")."""
    return bool(party) and any(
        one in parties or one.rsplit(maxsplit=1)[-1] in parties for one in conjuncts(party)
    )


_AUTHORITY_PARTICIPLES = frozenset(("overridden", "overriden", "waived", "relaxed"))


@lru_cache(maxsize=16)
def party_keys(parties: tuple[str, ...]) -> frozenset[str]:
    """The configured parties as rules name them. Cached: every parse needs them, and a
    spec made of many files is many parses."""
    return frozenset(party_key(words_of(p)) for p in parties) - {""}


def find_statements(
    text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY
) -> tuple[NormativeStatement, ...]:
    """The rules of one piece of text read on its own (the configured parties only)."""
    readings = read_clause(text, vocabulary)
    return settle(readings, actors(readings) | party_keys(vocabulary.parties))


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]*_]*\s+(?=[\"'“‘(\[*_`]*[A-Z0-9])")


def last_sentence(text: str) -> str:
    """The last sentence of a paragraph (a list's lead-in is the sentence before it)."""
    parts = _SENTENCE_BREAK.split(text)
    return parts[-1] if parts else text
