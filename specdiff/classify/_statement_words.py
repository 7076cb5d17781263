"""Word helpers and word sets shared by statement pairing and comparison.

Stemming, stopwords, negators and denials, verbs that are each other's opposite, the head
verb of an action and the head noun of a party, topic word forms, and whether one word is
the other edition's spelling of a term. Leaf module: it uses no other statement module.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from ..parse import canonical_ranges
from ..parse.statements import conjuncts, words_of
from ._wording import Swap, swapped_words

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from ._terms import Terms


_NEGATORS = re.compile(r"\b(?:not|never|no longer)\b|n't\b", re.IGNORECASE)


#: Verbs and words whose swap turns a rule into its opposite: "reject" -> "accept".
_OPPOSITES: tuple[tuple[str, str], ...] = (
    ("accept", "reject"),
    ("accept", "refuse"),
    ("accept", "deny"),
    ("allow", "deny"),
    ("allow", "forbid"),
    ("allow", "block"),
    ("allow", "disallow"),
    ("allow", "prohibit"),
    ("permit", "forbid"),
    ("permit", "prohibit"),
    ("permit", "deny"),
    ("grant", "deny"),
    ("grant", "revoke"),
    ("include", "exclude"),
    ("include", "omit"),
    ("enable", "disable"),
    ("show", "hide"),
    ("reveal", "conceal"),
    ("reveal", "hide"),
    ("disclose", "withhold"),
    ("share", "withhold"),
    ("encrypt", "decrypt"),
    ("add", "remove"),
    ("insert", "delete"),
    ("open", "close"),
    ("start", "stop"),
    ("begin", "end"),
    ("increase", "decrease"),
    ("raise", "lower"),
    ("maximum", "minimum"),
    ("max", "min"),
    ("most", "least"),
    ("more", "less"),
    ("more", "fewer"),
    ("before", "after"),
    ("above", "below"),
    ("over", "under"),
    ("inside", "outside"),
    ("with", "without"),
    ("always", "never"),
    ("all", "none"),
    ("true", "false"),
    ("yes", "no"),
    ("on", "off"),
    ("follow", "ignore"),
    ("obey", "ignore"),
    ("comply", "refuse"),
    ("answer", "refuse"),
    ("help", "refuse"),
    ("agree", "refuse"),
    ("approve", "reject"),
    ("confirm", "deny"),
    ("require", "forbid"),
    ("required", "forbidden"),
    ("must", "cannot"),
    ("valid", "invalid"),
    ("trusted", "untrusted"),
    ("safe", "unsafe"),
    ("public", "private"),
    ("inbound", "outbound"),
    ("upper", "lower"),
    ("higher", "lower"),
    ("first", "last"),
    ("earliest", "latest"),
    ("minimize", "maximize"),
    ("lowercase", "uppercase"),
    ("assemble", "dismantle"),
    ("collect", "distribute"),
    ("display", "hide"),
    ("store", "discard"),
    ("keep", "discard"),
    ("keep", "delete"),
    ("export", "import"),
    ("publish", "withhold"),
    ("wrap", "unwrap"),
    ("fold", "unfold"),
    ("pack", "unpack"),
    ("lock", "unlock"),
    ("mount", "unmount"),
    ("subscribe", "unsubscribe"),
    ("connect", "disconnect"),
    ("encode", "decode"),
    ("compress", "decompress"),
    ("sign", "unsign"),
)


_OPPOSITE = {frozenset(pair) for pair in _OPPOSITES}


_INFLECTIONS = ("ing", "ed", "es", "s", "d")


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(words.split())


#: Words that carry no requirement on their own.
_STOPWORDS = _set("""
    a an the of to in on at by for from as is are be been being it its this that these
    those and or but so then than such their there they them his her he she we our your
    you i me my also just very really clearly which who whom what where how even
    """)


#: Words that make a rule a prohibition, and the keywords that carry one in one word.
_DENIALS = frozenset(("not", "never", "no"))


#: Words that deny what a rule says of its subject or action ("No tabs are allowed").
_DENYING_WORDS = frozenset(("no", "not", "never", "none", "nothing", "neither", "nor"))


def stemmed_words(text: str) -> Counter[str]:
    """The words of a text, stemmed as :attr:`RunReading.old_reported` counts them; a range
    of characters is one word however it is written ("('a' to 'z')", "[a-z]")."""
    return Counter(_stem(w) for w in words_of(canonical_ranges(text)).split())


def content_words(words: Iterable[str]) -> list[str]:
    """The words that may carry a requirement: all but articles, pronouns and the like."""
    return [w for w in words if w not in _STOPWORDS]


def words_moved_within(own: Counter[str], other_side: Collection[str]) -> bool:
    """Whether every word a clause lost (or gained), ``own``, is a word of the other
    version of its run of neighbours, ``other_side``: it moved, it did not go (or come
    from nowhere). Both are stemmed."""
    return all(w in other_side for w in own if w not in _STOPWORDS)


def _edition_substitution(old: str, new: str, terms: Terms) -> bool:
    """Whether ``old`` -> ``new`` (phrases as written) is a substitution the edition made
    in many clauses at once (:meth:`Terms.substituted`): "valid query" -> "valid
    operation" in rule after rule. Never opposite words ("must reject" -> "must accept"
    however often: a reversal of the action, not a term)."""
    old_words, new_words = words_of(old).split(), words_of(new).split()
    if any(_opposite(g, f) for g in old_words for f in new_words):
        return False
    return terms.substituted(" ".join(old_words), " ".join(new_words))


def _edition_swap(swap: Swap, terms: Terms) -> bool:
    """Whether a swap is a substitution the edition made in many clauses at once
    (:func:`_edition_substitution`): its words, or the stretch they stand in when a word
    kept in another form splits them ("grouped field set" -> "collected fields map",
    see :meth:`Swap.stretch`)."""
    if _edition_substitution(swap.old, swap.new, terms):
        return True
    if " " not in swap.old + swap.new and terms.edition_renamed(
        swap.old.casefold(), swap.new.casefold()
    ):
        # One form of a term the edition renamed throughout in its bare form ("throws" ->
        # "raises" where "raise" took "throw"'s place), as the wording reads it: in a
        # rule's condition or action as in its prose.
        return True
    stretch = swap.stretch()
    return stretch is not None and _edition_substitution(*stretch, terms)


def _terminology(old: str, new: str, terms: Terms) -> bool:
    """Whether two phrases differ only by terminology: category nouns after the same
    word, or terms renamed throughout the document."""
    swaps = swapped_words(old, new)
    if swaps and all(
        s.category
        or terms.renamed(s.old.casefold(), s.new.casefold(), s.before, s.after)
        or _edition_swap(s, terms)
        or (_one_quantifier(s) and not _COUNTED.search(old) and not _COUNTED.search(new))
        for s in swaps
    ):
        return True
    return _coined_only(old, new, terms)


def _coined_only(old: str, new: str, terms: Terms) -> bool:
    """Whether each edit between two phrases puts a term the edition coined for the
    words it replaces (:meth:`Terms.coined`): "entry in the response" -> "entry in the
    _execution result_". Words of a coined term seldom match the old ones one for one,
    so no swap of words shows it."""
    if not terms.coins_terms():
        return False  # no term written emphasised in the new texts: none coined
    old_words, new_words = words_of(old).split(), words_of(new).split()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return bool(edits) and all(
        op == "replace" and terms.coined(" ".join(old_words[i1:i2]), " ".join(new_words[j1:j2]))
        for op, i1, i2, j1, j2 in edits
    )


#: Words that say a claim of each member of a kind: "all fields ... return Non-Null
#: types" and "every response position ... has a Non-Null type" say it of each one.
_UNIVERSAL = frozenset(("all", "every", "each"))
#: A number in a phrase: "all fields together" may then be a sum ("all fields total at
#: most 10 KB"), which "each field" is not.
_COUNTED = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|"
    r"total|sum|together|combined)\b",
    re.IGNORECASE,
)


def _one_quantifier(swap: Swap) -> bool:
    """Whether a swap only says "of each one" another way ("all" -> "every"): the same
    claim of each member, the number of the noun after it aside. Not "any" (a case that
    holds for one member, not for all) nor "no"."""
    old, new = swap.words()
    return len(old) == len(new) == 1 and (old | new) <= _UNIVERSAL


def _forms(word: str) -> frozenset[str]:
    """A word and its stems: "headings" -> headings, heading, head."""
    once = _stem(word)
    return frozenset((word, once, _stem(once)))


def _topic_forms(topic: frozenset[str]) -> frozenset[str]:
    """The content words of heading titles, each with its stems."""
    return frozenset(f for word in topic if word not in _STOPWORDS for f in _forms(word))


def _shared_party(old: str, new: str) -> bool:
    """ "name" and "name or uri": one names a party the other does too; "further
    character" and "further blank character": the same party, qualified."""
    before, after = conjuncts(old), conjuncts(new)
    if not set(before).isdisjoint(after):
        return True
    return len(before) == len(after) == 1 and _head_noun(old) == _head_noun(new)


def _head_noun(party: str) -> str:
    return party.rsplit(maxsplit=1)[-1] if party else ""


#: Words that may stand between a keyword and its verb ("must not always", "should
#: carefully"): skipped when looking for the verb.
_BEFORE_VERB = frozenset(("not", "to", "also", "always", "never", "only", "still", "then", "be"))


def _adverb(word: str) -> bool:
    """An adverb in -ly ("carefully", "only"); not a verb in -ply ("apply", "reply")."""
    return word.endswith("ly") and not word.endswith(("ply", "rely"))


def _head_verb(action: str) -> str:
    """The verb a rule's action opens with, or '' when it opens with something else
    ("that the entry document ...")."""
    for word in action.split()[:4]:
        if word in _BEFORE_VERB or _adverb(word):
            continue
        return "" if word in _STOPWORDS else word
    return ""


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    for ending in _INFLECTIONS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word


_OPPOSITE_STEMS = {frozenset(_stem(w) for w in pair) for pair in _OPPOSITES}


def opposite(a: str, b: str) -> bool:
    """Whether two lower-case words are opposites ("accept" / "reject", "valid" /
    "invalid"), in any inflection."""
    return _opposite(a, b)


def _opposite(a: str, b: str) -> bool:
    if frozenset((a, b)) in _OPPOSITE:
        return True
    return frozenset((_stem(a), _stem(b))) in _OPPOSITE_STEMS
