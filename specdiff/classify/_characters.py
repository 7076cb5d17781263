"""Names of characters: "slash" and "forward slash" name one character, `/`.

A rule that requires a character may name it more fully ("MUST begin with a slash" ->
"MUST begin with a forward slash (`/`)"): the qualifier makes the name longer, not the
requirement narrower, when the longer name and the shorter one name the same character.
Only names that name one character without doubt are listed ("bracket" may be any of
four, "pound sign" `#` or `£`).
"""

from __future__ import annotations

import re

_NAMES: dict[str, str] = {
    **dict.fromkeys(("slash", "forward slash", "solidus"), "/"),
    **dict.fromkeys(("backslash", "back slash", "reverse solidus"), "\\"),
    **dict.fromkeys(("hyphen", "hyphen-minus"), "-"),
    **dict.fromkeys(("period", "full stop", "dot"), "."),
    **dict.fromkeys(("hash", "hash sign", "number sign"), "#"),
    **dict.fromkeys(("asterisk", "star"), "*"),
    **dict.fromkeys(("underscore", "low line"), "_"),
    **dict.fromkeys(("backtick", "backquote", "grave accent"), "`"),
    **dict.fromkeys(("tilde",), "~"),
    **dict.fromkeys(("caret", "circumflex accent"), "^"),
    **dict.fromkeys(("pipe", "vertical bar", "vertical line"), "|"),
    **dict.fromkeys(("ampersand",), "&"),
    **dict.fromkeys(("at sign", "commercial at"), "@"),
    **dict.fromkeys(("plus", "plus sign"), "+"),
    **dict.fromkeys(("equals sign", "equal sign"), "="),
    **dict.fromkeys(("question mark",), "?"),
    **dict.fromkeys(("exclamation mark", "exclamation point"), "!"),
    **dict.fromkeys(("percent sign",), "%"),
    **dict.fromkeys(("dollar sign",), "$"),
    **dict.fromkeys(("colon",), ":"),
    **dict.fromkeys(("semicolon",), ";"),
    **dict.fromkeys(("comma",), ","),
    **dict.fromkeys(("tab", "horizontal tab", "character tabulation"), "\t"),
    **dict.fromkeys(("line feed", "newline"), "\n"),
    **dict.fromkeys(("carriage return",), "\r"),
}


def same_character(longer: list[str], shorter: list[str]) -> bool:
    """Whether two names (lower-case words) name the same character."""
    found = _NAMES.get(" ".join(longer))
    return found is not None and found == _NAMES.get(" ".join(shorter))


def _short_names() -> dict[str, str]:
    """Each character's first name in :data:`_NAMES`: what its other names are read as."""
    first: dict[str, str] = {}
    for name, character in _NAMES.items():
        first.setdefault(character, name)
    return {name: first[character] for name, character in _NAMES.items()}


_SHORT = _short_names()
#: A name followed by the character it names, quoted as code in parentheses ("a forward
#: slash (`/`)"), or a name of two words or more, which names one character without doubt.
_NAMED = re.compile(
    r"\b(?P<name>"
    + "|".join(re.escape(n) for n in sorted(_NAMES, key=len, reverse=True))
    + r")\b(?P<gloss>\s*\(`(?P<char>[^`\n]{1,2})`\))?",
    re.IGNORECASE,
)


def one_character_name(text: str) -> str:
    """``text`` with each character named in full, or glossed with the character itself,
    named by its short name: "a forward slash (`/`)" -> "a slash", "a full stop" -> "a
    period". A one-word name without a gloss ("hash", "period") is left as it is: it may
    name something else than a character."""
    return _NAMED.sub(_shortened, text)


def _shortened(match: re.Match[str]) -> str:
    name = match.group("name")
    character = _NAMES[name.casefold()]
    glossed = match.group("gloss") is not None
    if glossed and match.group("char").replace("\\t", "\t") != character:
        return match.group(0)  # the gloss names another character: keep both as written
    if not glossed and " " not in name:
        return name
    short = _SHORT[name.casefold()]
    return short.capitalize() if name[0].isupper() else short
