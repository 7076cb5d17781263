"""Structured content compared as data: table rows cell by cell, JSON/YAML/TOML by path.

A table row is a record named by its first cell (and identified, when aligning, by its
``<a name>`` anchor), whose cells are read under their column headers; a fenced JSON, YAML or TOML
block (and a YAML front matter) is a tree compared path by path. deepdiff finds what
differs; this module says it in words that name the column or path and both values.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model.document import ClauseKind
from ..parse import field_name, plain_text, row_cells
from ._types import TYPE_COLUMNS, TypeChange, type_change
from ._wording import is_editorial, typography

if TYPE_CHECKING:
    from ..model.changes import StatementChange
    from ..model.document import Clause, NormativeStatement

#: A field marked mandatory in its row: ``REQUIRED`` in capitals, as RFC 2119 field tables
#: write it, or "required" set in bold (``**Required.**``, "this property is **required**"),
#: as tables written before them do: the bold word is the table's mark, of the same force
#: ("NOT REQUIRED" and "not **required**" aside).
_REQUIRED = re.compile(r"(?<!NOT )\bREQUIRED\b|(?<![Nn]ot )(?:\*\*|__)\s*[Rr]equired\b")
_HTML_ANCHOR = re.compile(r"<a\s[^<>]*>\s*(?:</a>)?", re.IGNORECASE)
#: Columns that describe a field in prose: their edits are read as prose.
_PROSE_COLUMNS = frozenset({"description", "meaning", "notes", "comments", "details"})
_YES = frozenset({"yes", "true", "required", "y", "✓", "x"})
_NO = frozenset({"no", "false", "optional", "n", ""})
_DATA_LANGUAGES = {"json": "json", "yaml": "yaml", "yml": "yaml", "toml": "toml"}
#: What a field's accepted values becoming fewer, more or other means for its rule.
_TYPE_TAGS = {
    TypeChange.NARROWED: "normative.restricted",
    TypeChange.WIDENED: "normative.broadened",
    TypeChange.CHANGED: "normative.changed",
}
#: Something marked deprecated: a label starting a sentence or cell (``**Deprecated:**``),
#: or "is/are (now) deprecated"; not deprecation talked about ("functionality marked as
#: deprecated", "about to be deprecated"), nor "is not/no longer deprecated".
_DEPRECATED = re.compile(
    r"(?:^|[.!?:;]\s*)deprecated\b|\b(?:is|are)\s+(?:now\s+)?deprecated\b", re.IGNORECASE
)


# -- table rows -----------------------------------------------------------------------------


def _columns(clause: Clause) -> dict[str, str]:
    cells = row_cells(clause.text)
    names = [plain_text(h) or f"column {k + 1}" for k, h in enumerate(clause.header)]
    names += [f"column {k + 1}" for k in range(len(names), len(cells))]
    return {names[k]: cell for k, cell in enumerate(cells)}


def _paired_columns(old: Clause, new: Clause) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Both rows' cells under one set of column names, and the names of the columns whose
    header was renamed. A column renamed in the header (`undefined` → `empty`) keeps its
    place, so when both headers have as many columns its cells are compared with each
    other, under the new name; columns found by name in both headers pair by name."""
    before, after = _columns(old), _columns(new)
    if old.header == new.header or len(old.header) != len(new.header):
        return before, after, set()
    if len(before) != len(after):
        return before, after, set()
    renamed = {
        was: now
        for was, now in zip(before, after, strict=True)
        if was != now and was not in after and now not in before
    }
    paired = {renamed.get(name, name): cell for name, cell in before.items()}
    return paired, after, set(renamed) | set(renamed.values())


def structured_details(old: Clause, new: Clause) -> tuple[str, ...]:
    """What differs, cell by cell or path by path, when both sides are structured."""
    if old.kind is ClauseKind.TABLE_ROW and new.kind is ClauseKind.TABLE_ROW:
        return row_details(old, new)
    return block_details(old, new) or ()


def row_details(old: Clause, new: Clause) -> tuple[str, ...]:
    """``field `tags`, Type: “string” → “string | null”`` for each cell that changed."""
    from deepdiff import DeepDiff

    # Anchors are compared on their own: "anchor #parameterStyle → #parameter-style"
    # says more than the whole first cell twice.
    paired_before, paired_after, _ = _paired_columns(old, new)
    before = {k: _HTML_ANCHOR.sub("", v) for k, v in paired_before.items()}
    after = {k: _HTML_ANCHOR.sub("", v) for k, v in paired_after.items()}
    order = {name: k for k, name in enumerate([*after, *before])}
    name = field_name(new.text) or field_name(old.text)
    noun = _row_noun(new)
    details = []
    if old.anchors != new.anchors:
        was = ", ".join(f"#{a}" for a in old.anchors) or "(none)"
        now = ", ".join(f"#{a}" for a in new.anchors) or "(none)"
        details.append(f"{noun} `{name}`, anchor: {was} → {now}")
    levels = sorted(_levels(DeepDiff(before, after, view="tree")), key=lambda x: order[x[0][0]])
    for path, old_value, new_value in levels:
        # A Type cell says which way its set of types went: "Type narrowed: ...".
        moved = _type_verb(path[0], old_value, new_value)
        column = f"{path[0]} {moved}" if moved else path[0]
        was, now = _quote(old_value), _quote(new_value)
        if was == now and isinstance(old_value, str) and isinstance(new_value, str):
            # Both cut before their first difference: quote the stretch where it is.
            was, now = _around_change(old_value, new_value)
        details.append(f"{noun} `{name}`, {column}: {was} → {now}")
    return tuple(details)


def _around_change(old: str, new: str) -> tuple[str, str]:
    """Both values quoted from a little before the word where they first differ."""
    old_text, new_text = _flat(old), _flat(new)
    first = next(
        (k for k, (a, b) in enumerate(zip(old_text, new_text, strict=False)) if a != b),
        min(len(old_text), len(new_text)),
    )
    start = old_text.rfind(" ", 0, max(0, first - 20)) + 1
    return _window(old_text, start), _window(new_text, start)


def _window(text: str, start: int) -> str:
    piece = text[start : start + 57]
    lead = "…" if start else ""
    tail = "…" if start + 57 < len(text) else ""
    return f"“{lead}{piece}{tail}”"


def _flat(text: str) -> str:
    return " ".join(text.replace("\\|", "|").split())


def _type_verb(column: str, old_value: Any, new_value: Any) -> str | None:
    """``narrowed`` or ``widened`` for a Type cell whose accepted types became fewer or more."""
    if column.strip().casefold() not in TYPE_COLUMNS:
        return None
    if not (isinstance(old_value, str) and isinstance(new_value, str)):
        return None
    moved = type_change(old_value, new_value)
    return moved.value if moved in (TypeChange.NARROWED, TypeChange.WIDENED) else None


def row_presence(clause: Clause, where: str, *, added: bool) -> str:
    """``field `reply` added to Operation Object`` for a row that appeared or disappeared."""
    verb = "added to" if added else "removed from"
    return f"{_row_noun(clause)} `{field_name(clause.text)}` {verb} {where}"


def required_change(old: Clause, new: Clause) -> str | None:
    """``normative.strengthened`` when a row became REQUIRED, ``weakened`` when it stopped."""
    before, after = _required(old), _required(new)
    if before is None or after is None or before == after:
        return None
    return "normative.strengthened" if after else "normative.weakened"


def required_mark_kept(
    old: Clause, new: Clause, changes: tuple[StatementChange, ...]
) -> tuple[StatementChange, ...]:
    """``changes`` without the REQUIRED a field's row now states (or no longer states) in
    capitals where it was (is still) marked required in bold: ``**Required.**`` →
    ``**REQUIRED**.`` says the same obligation in RFC 2119's capitals, no new rule."""
    if old.kind is not ClauseKind.TABLE_ROW or new.kind is not ClauseKind.TABLE_ROW:
        return changes
    if not (changes and _marked(old) and _marked(new)):
        return changes
    return tuple(c for c in changes if not _required_restated(c))


def without_required_marks(
    old: Clause, new: Clause
) -> tuple[tuple[NormativeStatement, ...], tuple[NormativeStatement, ...]]:
    """The rules of both rows, less the REQUIRED each states where both rows mark their
    field required (as :func:`required_mark_kept` reads it): ``**required**`` ->
    ``**REQUIRED**`` is the one obligation, so its words are no rule reworded."""
    if old.kind is not ClauseKind.TABLE_ROW or new.kind is not ClauseKind.TABLE_ROW:
        return old.statements, new.statements
    if not (_marked(old) and _marked(new)):
        return old.statements, new.statements

    def kept(statements: tuple[NormativeStatement, ...]) -> tuple[NormativeStatement, ...]:
        return tuple(
            s
            for s in statements
            if not (s.keyword.split()[-1:] == ["REQUIRED"] and "NOT" not in s.keyword.split())
        )

    return kept(old.statements), kept(new.statements)


def _required_restated(change: StatementChange) -> bool:
    keyword = change.new if change.tag == "normative.added" else change.old
    if change.tag not in ("normative.added", "normative.removed") or keyword is None:
        return False
    return keyword.split()[-1:] == ["REQUIRED"] and "NOT" not in keyword.split()


def type_tag(old: Clause, new: Clause) -> str | None:
    """``normative.restricted`` when a field's Type cell accepts fewer types than before
    (``Schema Object | Reference Object`` → ``Schema Object``), ``broadened`` when more,
    ``changed`` when others; None when its types are the same or it has no Type column."""
    if old.header != new.header:
        return None
    before, after = _columns(old), _columns(new)
    for column in before:
        if column.strip().casefold() in TYPE_COLUMNS and column in after:
            return _TYPE_TAGS.get(type_change(before[column], after[column]))
    return None


#: The values a field accepts, listed in its description: "Valid values are `"apiKey"` or
#: `"oauth2"`", "Possible values are "query", "header" or "path"", "Possible values are:
#: <ul><li>`csv` - comma separated ...".
_VALUES_LEAD = re.compile(
    r"\b(?:valid|possible|allowed|accepted|permitted|supported)\s+values\s+(?:are|include)\b:?",
    re.IGNORECASE,
)
_VALUE = re.compile(r"`([^`]+)`|\"([^\"]+)\"|“([^”]+)”")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")


def values_tag(old: Clause, new: Clause) -> tuple[str, str] | None:
    """(tag, detail) when the values a field accepts, listed in its row ("Valid values are
    `"basic"`, `"apiKey"` or `"oauth2"`"), are others: fewer (a value documents used is no
    longer valid) is ``normative.restricted``, more ``normative.broadened``, some gone and
    some new ``normative.changed``. None when either row lists none, or the same ones in
    another order or markup."""
    before, after = listed_values(old.text), listed_values(new.text)
    if before is None or after is None or set(before) == set(after):
        return None
    gone = [v for v in before if v not in after]
    came = [v for v in after if v not in before]
    tag = "normative.changed" if gone and came else "normative.broadened"
    if gone and not came:
        tag = "normative.restricted"
    parts = [f"{_quoted(gone)} no longer" if gone else "", f"{_quoted(came)} now" if came else ""]
    return tag, f"{_row_noun(new)} `{field_name(new.text)}`, valid values: " + "; ".join(
        p for p in parts if p
    )


def _quoted(values: list[str]) -> str:
    return ", ".join(f"“{v}”" for v in values)


def listed_values(text: str) -> list[str] | None:
    """The values a text lists after "Valid values are" (or "Possible values are"), quoted
    or in code, quotes and markup aside; in an HTML list, the first value of each item."""
    lead = _VALUES_LEAD.search(text)
    if lead is None:
        return None
    rest = text[lead.end() :]
    if rest.lstrip().casefold().startswith("<ul>"):
        end = rest.casefold().find("</ul>")
        items = rest[: end if end >= 0 else len(rest)].split("<li>")[1:]
        found = [_VALUE.search(item) for item in items]
        values = [_value_of(m) for m in found if m is not None]
    else:
        # The values of the sentence: up to a full stop between two of them.
        values, start = [], 0
        for match in _VALUE.finditer(rest):
            if _SENTENCE_END.search(rest, start, match.start()):
                break
            values.append(_value_of(match))
            start = match.end()
    values = [v for v in values if v]
    return list(dict.fromkeys(values)) or None


def _value_of(match: re.Match[str]) -> str:
    value = next(g for g in match.groups() if g is not None)
    return value.strip().strip('"“”').strip()


#: A list item or paragraph that only declares a type: "Type: `URI-reference`" (the
#: attribute definitions of CloudEvents).
_TYPE_LINE = re.compile(r"^\s*(?:type|types|data type|value type)\s*:\s*(?P<types>\S.*)$", re.I)


def type_line_tag(old: Clause, new: Clause) -> str | None:
    """The Type of a field declared on a line of its own (``- Type: `URI-reference```),
    read like a table's Type cell: restricted, broadened or changed; None when the clauses
    are not such lines or their types are the same."""
    if ClauseKind.TABLE_ROW in (old.kind, new.kind):
        return None
    before, after = _TYPE_LINE.match(old.text), _TYPE_LINE.match(new.text)
    if before is None or after is None:
        return None
    return _TYPE_TAGS.get(type_change(before.group("types"), after.group("types")))


def deprecation_tag(old: str, new: str) -> str | None:
    """``deprecation.added`` when the text newly calls something deprecated (``**Deprecated:**``
    in a field's description), ``deprecation.withdrawn`` when it stops doing so."""
    before = bool(_DEPRECATED.search(plain_text(old)))
    after = bool(_DEPRECATED.search(plain_text(new)))
    if before == after:
        return None
    return "deprecation.added" if after else "deprecation.withdrawn"


def field_cells_changed(old: Clause, new: Clause) -> bool:
    """Whether a table row changed, beyond wording, in a cell that is not prose: a field's
    name, type or format (``string`` → ``string | null``), or in any table a cell holding
    one value, a literal (``?color=blue`` → ``color=blue``) or a word or two (``empty`` →
    ``n/a``), also under a column whose header was renamed in place."""
    before, after, renamed = _paired_columns(old, new)
    if old.header != new.header and before.keys() != after.keys():
        # Other columns: no cell can be said to have changed, but a value under a column
        # only one side has (a column added or removed) was said, or is no longer; the
        # same values under columns renamed and reordered are the same data.
        gone = Counter(_value(before[c]) for c in before.keys() - after.keys())
        came = Counter(_value(after[c]) for c in after.keys() - before.keys())
        gone.pop("", None)
        came.pop("", None)
        return gone != came
    prose = {name for name in renamed if name.casefold() in _PROSE_COLUMNS}
    for column in before:
        if column not in after or column.casefold() in _PROSE_COLUMNS:
            continue
        if column in renamed and (prose or _row_noun(old) != _row_noun(new)):
            # A description column renamed ("Description" → "Summary") is still prose.
            continue
        # Types are read as sets: the same types in another order or with other links.
        if column.strip().casefold() in TYPE_COLUMNS and _same_types(before[column], after[column]):
            continue
        old_value, new_value = _value(before[column]), _value(after[column])
        if old_value != new_value and _is_value(old_value) and _is_value(new_value):
            return True
        if _row_noun(new) != "field":
            continue
        if not is_editorial(
            _HTML_ANCHOR.sub("", before[column]), _HTML_ANCHOR.sub("", after[column])
        ):
            return True
    return False


#: An autolink, ``<https://example.org/x>``: its brackets are markup around the address.
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]*)>", re.IGNORECASE)


def _value(cell: str) -> str:
    """A cell's value as read: markup (autolink brackets too), typography, case and
    spacing aside."""
    return " ".join(typography(plain_text(_AUTOLINK.sub(r"\1", cell))).casefold().split())


def _same_types(old: str, new: str) -> bool:
    return old == new or type_change(old, new) is TypeChange.SAME


def _is_value(value: str) -> bool:
    """A cell holding one value rather than prose: a literal, or a word or two (``empty``,
    ``n/a``, ``true``); an empty cell says nothing is there, which is a value too."""
    return _is_literal(value) or len(value.split()) <= 2


def _is_literal(value: str) -> bool:
    """One token with more than letters in it (``?color=blue``, ``0.0``, ``a_b``): a
    value written as it must be typed, where punctuation is meaning."""
    return bool(value) and " " not in value and not value.isalpha()


def _required(clause: Clause) -> bool | None:
    """Whether the row's field is required: a ``Required`` column, or REQUIRED in a cell."""
    columns = _columns(clause)
    for column, cell in columns.items():
        if column.strip().casefold() in ("required", "required?", "mandatory"):
            value = plain_text(cell).strip().casefold()
            if value in _YES:
                return True
            if value in _NO:
                return False
    return any(
        _marks_field(cell, mark) for cell in columns.values() for mark in _REQUIRED.finditer(cell)
    )


def _marked(clause: Clause) -> bool | None:
    """Whether the row states REQUIRED anywhere, its field's mark or a requirement under
    a condition: where both versions of a row do, "**required**" -> "**REQUIRED**" is the
    one mark (see :func:`without_required_marks`), whatever it is said of."""
    return _required(clause) or any(_REQUIRED.search(cell) for cell in _columns(clause).values())


#: Where a cell's sentence begins: after a full stop, a list item or a line break.
_SENTENCE_START = re.compile(r"[.!?]\s|<li>|<br\s*/?>", re.IGNORECASE)
#: A condition opened before the mark, in its own sentence.
_CONDITION_BEFORE = re.compile(r"\b(?:if|when|whenever|unless)\b", re.IGNORECASE)


def _marks_field(cell: str, mark: re.Match[str]) -> bool:
    """Whether a REQUIRED in a cell marks the row's field required: not when its sentence
    opens a condition before it ("If the parameter is in "path", this property is
    **required** and its value MUST be `true`"): that requirement binds only in that case,
    a rule of the description that the statements read, not the field's own mark (whose
    gaining would be a strengthening). A condition after the mark ("**Required if** ...")
    still marks the field, as the mark leads."""
    start = 0
    for boundary in _SENTENCE_START.finditer(cell, 0, mark.start()):
        start = boundary.end()
    return not _CONDITION_BEFORE.search(cell, start, mark.start())


#: The first header of a table whose rows each define a field of an object: "Field Name",
#: "Field Pattern", "Property", "Attribute name", "Parameter", "Key".
_FIELD_HEADER = re.compile(
    r"(?:field|property|attribute|parameter|member|key)(?:\s+(?:name|pattern))?", re.IGNORECASE
)


def is_field_row(clause: Clause) -> bool:
    """Whether a table row defines a field: its table's first column names fields ("Field
    Name", "Field Pattern") and another gives each one's type or description, and its own
    first cell names one (``host``, ``$ref``, ``{name}``). Such a table says what a
    conforming document may hold, the row is the rule that allows its field: a row gone
    means documents that use the field no longer conform."""
    if clause.kind is not ClauseKind.TABLE_ROW or len(clause.header) < 2:
        return False
    headers = [plain_text(h).strip().casefold() for h in clause.header]
    if not _FIELD_HEADER.fullmatch(headers[0]):
        return False
    if not any(h in TYPE_COLUMNS or h in _PROSE_COLUMNS for h in headers[1:]):
        return False
    name = field_name(clause.text)
    return 0 < len(name.split()) <= 3


def _row_noun(clause: Clause) -> str:
    first = clause.header[0].casefold() if clause.header else ""
    return "field" if "field" in first or "name" in first or "attribute" in first else "row"


# -- fenced data and front matter -----------------------------------------------------------


def data_language(clause: Clause) -> str | None:
    """``json``, ``yaml`` or ``toml`` for a code block fenced as one of them."""
    if clause.kind is not ClauseKind.CODE:
        return None
    word = clause.info.split()[0].casefold() if clause.info.split() else ""
    return _DATA_LANGUAGES.get(word)


def block_details(old: Clause, new: Clause) -> tuple[str, ...] | None:
    """For two versions of a fenced JSON/YAML/TOML block that both parse: each path whose
    value differs (empty when only the layout did). None when they are not data."""
    language = data_language(old)
    if language is None or data_language(new) != language:
        return None
    return _compare_texts(old.text, new.text, language)


@lru_cache(maxsize=64)
def _compare_texts(old: str, new: str, language: str) -> tuple[str, ...] | None:
    """Cached: the classifier and the differ both ask about the same pair of blocks."""
    old_ok, old_data = load_data(old, language)
    new_ok, new_data = load_data(new, language)
    if not (old_ok and new_ok):
        return None
    return data_details(old_data, new_data)


def only_prose_retyped(old: Clause, new: Clause) -> bool:
    """Whether two versions of a fenced data block differ only in strings of prose (values
    of more than one word, a summary or a description) retyped in case or typography
    ("User example" → "User Example"): editorial, as in prose. A one-word string is a
    name or a value readers type, whose case is meaning."""
    from deepdiff import DeepDiff

    language = data_language(old)
    if language is None or data_language(new) != language:
        return False
    old_ok, old_data = load_data(old.text, language)
    new_ok, new_data = load_data(new.text, language)
    if not (old_ok and new_ok):
        return False
    levels = _levels(DeepDiff(old_data, new_data, view="tree"))
    return bool(levels) and all(
        isinstance(was, str)
        and isinstance(now, str)
        and len(was.split()) > 1
        and was != now
        and _value(was) == _value(now)
        for _, was, now in levels
    )


def front_matter_details(old: str, new: str) -> tuple[str, ...]:
    """What differs between two YAML front matters, key path by key path (by line when
    either does not parse)."""
    # Scalars as written: "version: 0.30" is the label 0.30, not the number 0.3.
    old_ok, old_data = load_data(old, "yaml-text") if old else (True, {})
    new_ok, new_data = load_data(new, "yaml-text") if new else (True, {})
    if old_ok and new_ok:
        return data_details(old_data, new_data)
    return ("front matter: " + _quote(old) + " → " + _quote(new),)


def load_data(text: str, language: str) -> tuple[bool, Any]:
    """(True, the data) when ``text`` parses as ``language``, else (False, None).
    ``yaml-text`` is YAML whose scalars all stay strings."""
    import yaml

    try:
        if language == "json":
            return True, json.loads(text)
        if language == "toml":
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover
                import tomli as tomllib
            return True, tomllib.loads(text)
        # libyaml's loaders where PyYAML was built with it: ten times faster.
        if language == "yaml-text":
            # BaseLoader builds only strings, lists and dicts: nothing runs.
            loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
        else:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return True, yaml.load(text, Loader=loader)
    except (ValueError, RecursionError, yaml.YAMLError):
        # Not data after all (a sketch, a template): it is compared as text.
        return False, None


def data_details(old: Any, new: Any) -> tuple[str, ...]:
    """``info.version: `1.0` → `1.1``` for each path that differs between two trees."""
    from deepdiff import DeepDiff

    if type(old) is type(new) and _canonical(old) == _canonical(new):
        return ()  # the same tree: skip deepdiff's walk
    levels = sorted(_levels(DeepDiff(old, new, view="tree")), key=lambda x: _path(x[0]))
    return tuple(
        f"`{_path(path)}`: {_quote(old_value)} → {_quote(new_value)}"
        for path, old_value, new_value in levels
    )


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, default=repr)


def _levels(found: Any) -> list[tuple[list[Any], Any, Any]]:
    """(path as a list, old value or None, new value or None) for every difference."""
    from deepdiff.helper import notpresent

    levels = []
    for group in found.values():
        for level in group:
            old_value = None if level.t1 is notpresent else level.t1
            new_value = None if level.t2 is notpresent else level.t2
            levels.append((level.path(output_format="list"), old_value, new_value))
    return levels


def _path(path: list[Any]) -> str:
    return ".".join(str(part) for part in path) or "(document)"


def _quote(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    text = _flat(text)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"“{text}”" if text else "“”"
