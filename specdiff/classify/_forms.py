"""Forms of one word: the same word spelled the British or the American way, written as
one compound, hyphenated or apart, or inflected; and what keeps two words apart however
alike they look (a negating prefix, an opposite).

"backwards-compatible" and "backward compatible", "colour" and "color", "non-negative"
and "nonnegative", "e-mail" and "email" say the same thing; "valid" and "invalid",
"minimum" and "maximum", "encode" and "decode" are two letters apart and opposites.
Rules here are spelling conventions, not a dictionary: they map each spelling of a word
to one form, so two different real words never meet (the rules are kept narrow for that:
"four" is not "for", "filled" is not "filed").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(words.split())


#: British spellings that no regular pattern below covers, with their American form.
_IRREGULAR = {
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "acknowledgements": "acknowledgments",
    "ageing": "aging",
    "grey": "gray",
    "whilst": "while",
    "amongst": "among",
    "learnt": "learned",
    "spelt": "spelled",
    "licence": "license",
    "licences": "licenses",
    "defence": "defense",
    "offence": "offense",
    "offences": "offenses",
    "pretence": "pretense",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "programme": "program",
    "programmes": "programs",
    "aluminium": "aluminum",
    "mould": "mold",
    "sceptical": "skeptical",
    "enquiry": "inquiry",
    "enquiries": "inquiries",
    "artefact": "artifact",
    "artefacts": "artifacts",
}
#: Regular British/American pairs, each rule narrow enough to meet no other word.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # colour, behaviour(al), favourite, honourable: not four, hour, your, tour, pour
    (re.compile(r"^(\w{3,})our(s|ed|ing|al|ally|ite|ites|able|ful|less|er|ers)?$"), r"\1or\2"),
    # organise, organisation, analyse; the stem keeps at least three letters (not "rise")
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|es|ed|ing|er|ers)$"), r"\1yz\2"),
    # centre, metre, fibre: a consonant before the final "re" (not "are", "there")
    (re.compile(r"^(\w{2,}[^aeiou])re(s)?$"), r"\1er\2"),
    # catalogue, dialogue, analogue: not vogue, rogue
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),
    # backwards, towards, afterwards: an adverb in -ward(s)
    (re.compile(r"^(\w+ward)s$"), r"\1"),
)
#: A doubled "l" before an ending, British style (labelled, modelling, travelled), only
#: after a stem of two syllables: "filled" is not "filed".
_DOUBLED_L = re.compile(r"^(\w*[aeiou]+[^aeiou]+[aeiou]+)ll(ed|ing|er|ers)$")


@lru_cache(maxsize=1 << 14)
def canonical(word: str) -> str:
    """One spelling for the forms of a lower-case word: ``colour`` -> ``color``,
    ``backwards`` -> ``backward``, ``labelled`` -> ``labeled``.

    Cached: every word of every clause compared is read through up to eight patterns,
    and a spec says the same few thousand words over and over."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not word.isalpha() or len(word) < 5:
        return word
    for pattern, replacement in _PATTERNS:
        if pattern.match(word):
            return pattern.sub(replacement, word)
    if _DOUBLED_L.match(word):
        return _DOUBLED_L.sub(r"\1l\2", word)
    return word


#: Prefixes that negate or turn a word around: "valid" / "invalid", "lock" / "unlock".
_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis", "de", "mis", "anti", "re")
#: Prefixes that stand for opposites: "encode" / "decode", "import" / "export",
#: "minimum" / "maximum", "inbound" / "outbound", "upload" / "download".
_OPPOSED_PREFIXES = (
    _set("en de"),
    _set("in ex"),
    _set("im ex"),
    _set("in out"),
    _set("inn out"),
    _set("min max"),
    _set("up down"),
    _set("pre post"),
    _set("sub super"),
    _set("inter intra"),
    _set("over under"),
    _set("in de"),
    _set("ac ex"),
)
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly")


def distinct_words(a: str, b: str) -> bool:
    """Whether two lower-case words that look alike are two words, not one misspelled: a
    negating prefix ("safe" / "unsafe") or opposed prefixes on one stem ("encode" /
    "decode", "minimum" / "maximum")."""
    for prefix in _NEGATING_PREFIXES:
        if a == prefix + b or b == prefix + a:
            return True
    shared = 0
    while shared < min(len(a), len(b)) and a[-1 - shared] == b[-1 - shared]:
        shared += 1
    if shared < 3:
        return False
    head_a, head_b = a[: len(a) - shared], b[: len(b) - shared]
    return frozenset((head_a, head_b)) in _OPPOSED_PREFIXES


def inflected(a: str, b: str, endings: tuple[str, ...] = _INFLECTIONS) -> bool:
    """Whether one lower-case word is the other with a regular ending: ``version`` /
    ``versions``, ``dread`` / ``dreaded``, ``use`` / ``using``, ``copy`` / ``copies``."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3:
        return False
    stems = {short, short.removesuffix("e"), short + short[-1]}
    if short.endswith("y"):
        stems.add(short[:-1] + "i")
    for ending in endings:
        if long.endswith(ending) and long[: -len(ending)] in stems:
            return True
    # both inflected: "uses" / "used", "copies" / "copied"
    return any(
        a.endswith(x) and b.endswith(y) and a[: -len(x)] == b[: -len(y)] and len(a) - len(x) >= 3
        for x in endings
        for y in endings
    )


#: Endings of number and tense only: an adverb made with "-ly" may say another thing
#: ("hard" / "hardly", "near" / "nearly").
_NUMBER_AND_TENSE = tuple(e for e in _INFLECTIONS if e != "ly")


def another_number_or_tense(a: str, b: str) -> bool:
    """Whether two different lower-case words are one noun in the singular and the
    plural ("property schemas" / "properties schemas") or one verb in another tense or
    person ("use" / "used"): grammar, not what a rule governs."""
    return a != b and inflected(a, b, _NUMBER_AND_TENSE) and not distinct_words(a, b)


def same_stem(a: str, b: str) -> bool:
    """Forms of one word: the same after spelling conventions, or inflected."""
    a, b = canonical(a), canonical(b)
    return a == b or inflected(a, b)


#: Words that differ only by agreeing with a count noun or a mass noun ("too many spaces",
#: "too much space"), or a verb with a plural or a singular subject ("four spaces are",
#: "four spaces is"). Grammar, not meaning; not spelling either (``canonical`` keeps them).
_AGREEMENT = {"many": "much", "are": "is", "have": "has", "do": "does"}


def agreeing(a: str, b: str) -> bool:
    """Whether two lower-case words are one word agreeing with another noun: "much" /
    "many", "is" / "are"."""
    return a != b and _AGREEMENT.get(a, a) == _AGREEMENT.get(b, b)


#: Endings that make a noun of a verb: "indent" -> "indentation", "encrypt" ->
#: "encryption", "require" -> "requirement", "accept" -> "acceptance".
_NOUN_ENDINGS = ("ation", "ion", "ment", "ance", "ence")
#: The shortest verb read with its noun: "indent", "align", "state" (five letters) make
#: nouns of their own; shorter stems ("note" / "notation", "edit" / "edition", "port" /
#: "portion") too often make another word.
_SHORTEST_STEM = 5
#: Nouns that look made of a verb (or of another word) but name something else: "the
#: document" is not "the documentation", "a format" is not "a formation", "specific" is
#: not "specification".
_FALSE_NOUNS = _set("""
    documentation formation expression commitment objection direction convention
    apartment department station statement specification publication foundation question
    revolution
    """)


def derived(a: str, b: str) -> bool:
    """Whether one lower-case word is a verb (in any of its forms) and the other the noun
    made of it: "indented" / "indentation", "encrypts" / "encryption", "requires" /
    "requirements", "validate" / "validation". The same thing said as an act or as a
    thing: "lines indented four spaces" / "four spaces of indentation"."""
    return _noun_of(a, b) or _noun_of(b, a)


def _noun_of(verb: str, noun: str) -> bool:
    noun = noun.removesuffix("s")
    if noun in _FALSE_NOUNS:
        return False
    verbs = {verb, *(verb[: -len(e)] for e in _INFLECTIONS if verb.endswith(e))}
    for ending in _NOUN_ENDINGS:
        stem = noun.removesuffix(ending)
        if stem == noun or len(stem) < _SHORTEST_STEM - 1:
            continue
        for form in verbs:
            # "indent" + "ation", "validat(e)" + "ion", "require" + "ment"
            if len(form) >= _SHORTEST_STEM and form in (stem, stem + "e", _latin_verb(stem)):
                return True
    return False


def _latin_verb(stem: str) -> str:
    """The verb of a noun stem in "-lut" that English took from Latin with its "-lve":
    "resolut(ion)" -> "resolve", "evolut(ion)" -> "evolve", "dissolut(ion)" ->
    "dissolve"; "" for any other stem."""
    return stem[:-2] + "ve" if stem.endswith("lut") else ""


#: Endings that make the agent noun of a verb: "discriminate" -> "discriminator",
#: "validate" -> "validator", "encode" -> "encoder".
_AGENT_ENDINGS = ("or", "er")


def agent_of(a: str, b: str) -> bool:
    """Whether one lower-case word is a verb's present participle and the other the noun
    for what does that act: said of a thing, both name it by that act ("the
    discriminating value" / "the discriminator value", "a validating tool" / "a validator
    tool"). The verb's stem keeps at least :data:`_SHORTEST_STEM` letters ("sending" /
    "sender" is left alone: short stems too often make another word)."""
    for participle, noun in ((a, b), (b, a)):
        stem = participle.removesuffix("ing")
        long_enough = stem != participle and len(stem) >= _SHORTEST_STEM
        if long_enough and any(noun == stem + ending for ending in _AGENT_ENDINGS):
            return True
    return False


#: The shortest word a misspelling three letters off is read for, when the text already
#: says that word: long words garble further ("punctionation" for "punctuation") and
#: still read as one word; short ones three letters apart are two words.
_LONG_MISSPELLING = 8


def misspelled_for_a_word_said(a: str, b: str) -> bool:
    """Whether ``a``, a word the text no longer says, could be a misspelling of ``b``, a
    long word the text already said elsewhere ("lacks the punctionation" where the
    paragraph already says "include punctuation"): three letters off at most, the first
    letter kept, no negation or opposite made. The caller checks what the texts say."""
    return (
        min(len(a), len(b)) >= _LONG_MISSPELLING
        and a[0] == b[0]
        and Levenshtein.distance(a, b) <= 3
        and not distinct_words(a, b)
    )


#: Words that sound alike and are written one for the other, an editor's fix whichever
#: way it goes: "the AST node the directive effects" -> "... affects". Each group holds
#: the forms that stand for one another.
_SOUND_ALIKE = (
    ("affect", "effect"),
    ("affects", "effects"),
    ("affected", "effected"),
    ("affecting", "effecting"),
    ("principal", "principle"),
    ("principals", "principles"),
    ("complement", "compliment"),
    ("complements", "compliments"),
    ("complementary", "complimentary"),
    ("dependant", "dependent"),
    ("dependants", "dependents"),
)
_SAID_ALIKE = {word: group for group in _SOUND_ALIKE for word in group}


def sound_alike(a: str, b: str) -> bool:
    """Whether two lower-case words are written one for the other because they sound
    alike ("effects" / "affects"): a misspelling, although each is a word."""
    group = _SAID_ALIKE.get(a)
    return group is not None and a != b and b in group


def misspelled(a: str, b: str) -> bool:
    """Whether two lower-case words could be one word and its misspelling: at most two
    letters apart, the first letter kept (typing rarely loses it, and a different first
    letter makes another word: "sender" / "render"), and no negation or opposite made."""
    if a[0] != b[0]:
        return False
    if min(len(a), len(b)) < 4:
        return a + "e" == b or b + "e" == a  # a silent "e" dropped or added: "aid" / "aide"
    return Levenshtein.distance(a, b) <= 2 and not distinct_words(a, b)
