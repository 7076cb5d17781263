"""Writing values into TOML files that specdiff generates (``init``, ``import``)."""

from __future__ import annotations

#: The escapes TOML gives a short form; every other control character becomes ``\\uXXXX``.
_SHORT_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string, quotes included, that reads back as ``value``.

    TOML forbids a raw backslash, quotation mark or control character (U+0000 to U+001F,
    U+007F) inside a basic string; everything else, non-ASCII too, is written as it is.
    """
    out = ['"']
    for char in value:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04X}")
        elif "\ud800" <= char <= "\udfff":
            raise ValueError(f"{value!r} is not valid Unicode text, so TOML cannot hold it")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
