"""Strict reading of TOML tables (configuration, manifests): the first problem becomes
one error line that names the dotted key and, for a typo, the key that was meant."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..errors import SpecdiffError


class TableReader:
    """Checks values read from one file; errors are ``error_type`` prefixed with ``origin``."""

    def __init__(self, origin: str, error_type: type[SpecdiffError]) -> None:
        self.origin = origin
        self.error_type = error_type

    def fail(self, message: str) -> SpecdiffError:
        return self.error_type(f"{self.origin}: {message}")

    def keys(self, data: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
        """Every key of ``data`` must be one of ``allowed``; a typo gets a suggestion."""
        prefix = f"{where}." if where else ""
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
                hint = (
                    f"did you mean {prefix + close[0]!r}?"
                    if close
                    else f"valid keys: {', '.join(allowed)}"
                )
                raise self.fail(f"unknown key {prefix + key!r}; {hint}")

    def required(self, data: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in data:
            raise self.fail(f"{where}.{key} is missing")
        return data[key]

    def table(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(f"{where!r} must be a table")
        return value

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(f"{where!r} must be a string, not {type(value).__name__}")
        return value

    def strings(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, (list, tuple)):
            raise self.fail(f"{where!r} must be a list of strings")
        return [self.string(item, where) for item in value]

    def choice(self, value: Any, allowed: tuple[str, ...], where: str) -> str:
        text = self.string(value, where)
        if text not in allowed:
            close = difflib.get_close_matches(text, allowed, n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else f"; one of: {', '.join(allowed)}"
            raise self.fail(f"{where} = {text!r} is not valid{hint}")
        return text
