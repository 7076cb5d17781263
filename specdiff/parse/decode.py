"""Turning the bytes of a spec into text, with errors that say exactly where."""

from __future__ import annotations

from ..errors import InputError

_BINARY_SNIFF = 8192


def decode_spec(data: bytes, origin: str) -> str:
    """Decode UTF-8 spec bytes; a binary or mis-encoded input raises :class:`InputError`.

    A byte-order mark is dropped. Line endings are left alone: the parser normalises them.
    """
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(
            f"{origin}: binary file (NUL byte at offset {data.index(0)}), not a Markdown spec"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{origin}: not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            f"(line {line})"
        ) from None
    return text.removeprefix("\ufeff")
