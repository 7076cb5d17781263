"""Text normalisation shared by the parser and the differ."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Link texts and targets stop at the next bracket, so a line of unclosed "[" or "[^" is
# scanned once rather than once per bracket (which is quadratic).
_LINK = re.compile(
    r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\[\]\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"
)
#: A variable as an algorithm writes it (spec-md): a name alone in braces
#: ("{argumentName}"; not a call such as "{IsInputType(type)}").
ALGORITHM_VARIABLE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\[\]\s]+\]")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# Emphasis and code marks: ``*{1,3}``, ``~~``, a run of backticks, and ``_{1,3}`` at either
# edge of a word (not inside snake_case). Written so that every branch opens with its
# literal mark character ("__?_?" is "_{1,3}", "_(?<!\w_)" is "(?<!\w)_"): the regex
# engine then jumps from mark to mark instead of trying the whole pattern at every
# position, about 7x faster on spec text, with the same matches.
_EMPHASIS = re.compile(r"\*\*?\*?|~~|``*|_(?<!\w_)_?_?|__?_?(?!\w)")
#: A code span in spec-md's braces, ``{`query`}``: the braces mark a value the way
#: backticks do, and render as the code span alone; a brace inside the span is code.
_BRACED_CODE = re.compile(r"\{(`+)([^`]+?)\1\}")
_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def fold(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return " ".join(text.split())


def fold_lines(text: str) -> str:
    """Trim trailing whitespace on each line and blank lines at both ends (for code)."""
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip("\n")


def fingerprint(text: str) -> str:
    """A short stable hash of already-normalised text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


#: A character one of the steps of :func:`plain_text` acts on: text without any is only folded.
_MARKUP = re.compile(r"[\[<*~`_\\]")


def plain_text(markdown: str) -> str:
    """The words a reader sees: links reduced to their text, markup and HTML tags dropped."""
    if _MARKUP.search(markdown) is None:
        # Most sentences have no link, tag, emphasis or escape: one scan instead of six.
        return fold(markdown)
    return unmarked(markdown)


def unfolded_plain_text(markdown: str) -> str:
    """:func:`plain_text` with its spaces as written where there is no markup: the same
    words, for a reader of words only (no word is made of spaces), without the fold."""
    return markdown if _MARKUP.search(markdown) is None else unmarked(markdown)


def unmarked(markdown: str) -> str:
    """:func:`plain_text` step by step, for text with markup characters."""
    text = markdown
    # Each step only drops or keeps parts of the text, so a step whose mark character
    # ("[" or "<") is not in the text has nothing to do: skipping its regexes saves a
    # scan of the text each (most texts with markup have code marks, few have links).
    if "[" in text:
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
        text = _FOOTNOTE.sub("", text)
    if "<" in text:
        text = _TAG.sub("", drop_comments(text))
    if "{`" in text:
        text = _BRACED_CODE.sub(r"\1\2\1", text)
    text = _EMPHASIS.sub("", text)
    return fold(text.replace("\\", ""))


#: HTML that is anchors only (``<a name="x"></a>``, perhaps over several lines).
#: "[^<>]*" keeps this linear on a long line of unclosed "<a " openers.
ANCHORS_ONLY = re.compile(r"^\s*(?:<a\s[^<>]*>\s*(?:</a>\s*)?)+$", re.IGNORECASE)


def is_anchor_only(text: str) -> bool:
    """Whether an HTML block holds only anchors and comments: markup no reader sees."""
    return ANCHORS_ONLY.match(drop_comments(text)) is not None


def drop_comments(text: str) -> str:
    """``text`` without its ``<!-- ... -->`` comments, in one pass (a regex is quadratic here)."""
    start = text.find("<!--")
    if start < 0:
        return text
    kept: list[str] = []
    position = 0
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        kept.append(text[position:start])
        position = end + 3
        start = text.find("<!--", position)
    kept.append(text[position:])
    return "".join(kept)


def slugify(title: str) -> str:
    """GitHub's heading slug: plain text, lower case, punctuation dropped, spaces to hyphens."""
    text = unicodedata.normalize("NFC", plain_text(title)).lower()
    return _SLUG_DROP.sub("", text).replace(" ", "-")


#: A paragraph opening with "Note:" (bold or not), as spec-md and many specs set apart
#: what clarifies intent: notes are non-normative ("Notes in this document are
#: non-normative", the GraphQL spec says), so their "must" binds no one.
_NOTE = re.compile(r"(?:\*\*|__|\*|_)?(?:Note|NOTE)(?:\*\*|__|\*|_)?:(?:\*\*|__|\*|_)?\s")


def opens_as_note(text: str) -> bool:
    """Whether a paragraph's (normalised) text opens with a "Note:" marker."""
    return text.startswith(("N", "*", "_")) and _NOTE.match(text) is not None
