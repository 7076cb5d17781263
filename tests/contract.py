"""Checks of the ``specdiff.compare/1`` JSON document.

:func:`problems` is a structural check that needs nothing but the data: the fields the
product brief makes stable, their types and values, and that counts and bump agree with
the change list. :func:`schema` is the JSON Schema that ships in the package
(``specdiff/render/schemas/compare.schema.json``, the product team's contract).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from specdiff.render.schemas import json_schema

LEVELS = ("none", "patch", "minor", "major")
SECTION_KINDS = (
    "added",
    "removed",
    "renamed",
    "reidentified",
    "moved",
    "attributes",
    "merged",
    "split",
)
CLAUSE_KINDS = ("added", "removed", "modified", "moved")
DOCUMENT_KINDS = ("added", "removed", "renamed")
CHANGE_KEYS = (
    "id",
    "scope",
    "kind",
    "section",
    "old_section",
    "severity",
    "tags",
    "old",
    "new",
    "reason",
)


def schema() -> dict[str, Any]:
    """The ``specdiff.compare/1`` JSON Schema that ships in the package."""
    return json_schema("compare")


def schema_errors(data: Any) -> list[str]:
    """Messages of every violation of the schema ([] when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]


def problems(data: Any) -> list[str]:
    """What is wrong with a compare document, without the schema ([] when nothing)."""
    out: list[str] = []
    if not isinstance(data, dict):
        return ["not an object"]
    for key in ("schema", "base", "head", "bump", "counts", "changes"):
        if key not in data:
            out.append(f"missing {key}")
    if out:
        return out
    if data["schema"] != "specdiff.compare/1":
        out.append(f"schema is {data['schema']!r}")
    for end in ("base", "head"):
        side = data[end]
        if not isinstance(side, dict) or not isinstance(side.get("label"), str):
            out.append(f"{end} has no label")
        else:
            for key in ("commit", "path"):
                if key in side and not isinstance(side[key], (str, type(None))):
                    out.append(f"{end}.{key} is neither text nor null")
    if data["bump"] not in LEVELS:
        out.append(f"bump {data['bump']!r}")
    changes = data["changes"]
    if not isinstance(changes, list):
        return [*out, "changes is not a list"]
    for n, change in enumerate(changes):
        out.extend(f"changes[{n}]: {p}" for p in _change_problems(change))
    if out:
        return out
    counted = Counter(f"{c['scope']}.{c['kind']}" for c in changes)
    if data["counts"] != dict(counted):
        out.append(f"counts {data['counts']} do not match the changes {dict(counted)}")
    worst = max((LEVELS.index(c["severity"]) for c in changes), default=0)
    if data["bump"] != LEVELS[worst]:
        out.append(f"bump {data['bump']} is not the highest severity {LEVELS[worst]}")
    ids = [c["id"] for c in changes]
    if len(set(ids)) != len(ids):
        out.append("change ids repeat")
    return out


def _change_problems(change: Any) -> list[str]:
    if not isinstance(change, dict):
        return ["not an object"]
    missing = [k for k in CHANGE_KEYS if k not in change]
    if missing:
        return [f"missing {missing}"]
    out = []
    if not isinstance(change["id"], str) or len(change["id"]) < 4:
        out.append(f"id {change['id']!r}")
    kinds = {"section": SECTION_KINDS, "clause": CLAUSE_KINDS, "document": DOCUMENT_KINDS}.get(
        change["scope"]
    )
    if kinds is None:
        out.append(f"scope {change['scope']!r}")
    elif change["kind"] not in kinds:
        out.append(f"kind {change['kind']!r} for scope {change['scope']}")
    if change["severity"] not in LEVELS:
        out.append(f"severity {change['severity']!r}")
    if not isinstance(change["tags"], list) or not all(isinstance(t, str) for t in change["tags"]):
        out.append("tags are not a list of text")
    if not isinstance(change["reason"], str) or not change["reason"]:
        out.append("no reason")
    for key in ("section", "old_section"):
        if not isinstance(change[key], (str, type(None))):
            out.append(f"{key} is neither text nor null")
    for key in ("old", "new"):
        side = change[key]
        if side is None:
            continue
        if not isinstance(side, dict) or not isinstance(side.get("text"), str):
            out.append(f"{key} has no text")
            continue
        lines = side.get("lines")
        if not (
            isinstance(lines, list)
            and len(lines) == 2
            and all(isinstance(x, int) for x in lines)
            and 1 <= lines[0] <= lines[1]
        ):
            out.append(f"{key}.lines {lines!r}")
    if change["old"] is None and change["new"] is None:
        out.append("neither old nor new")
    if change["kind"] == "added" and change["old"] is not None:
        out.append("an addition with an old side")
    if change["kind"] == "removed" and change["new"] is not None:
        out.append("a removal with a new side")
    if change["kind"] == "attributes":
        attributes = change.get("attributes")
        if not isinstance(attributes, dict) or not all(
            isinstance(v, list) and len(v) == 2 for v in attributes.values()
        ):
            out.append(f"attributes {attributes!r}")
    return out
