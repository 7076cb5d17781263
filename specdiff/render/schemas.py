"""The JSON Schemas of specdiff's versioned JSON documents, shipped in the package.

Each ``specdiff.NAME/1`` document has ``schemas/NAME.schema.json`` beside this module;
tools that read specdiff's output can validate against it, and the tests do.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

#: Every versioned document: ``specdiff.<name>/1``.
DOCUMENTS = ("compare", "check", "outline", "history", "log", "changelog", "site", "search")


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of ``specdiff.<name>/1`` (``name`` from :data:`DOCUMENTS`)."""
    if name not in DOCUMENTS:
        raise ValueError(f"no JSON Schema {name!r}; one of {', '.join(DOCUMENTS)}")
    text = (files(__package__) / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
