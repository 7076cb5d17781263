"""Which commit, and which pull request, made each change of a release.

The first-parent commits between two tags are the steps a release was made of: a merge
commit (``Merge pull request #12 from ...``), a squash commit (``Title (#12)``) or a
direct commit. Each change of the release is given to the step after which its end
state holds for good: the new text of a clause is there (in its section, for a move),
the old text of a removed clause is gone, a section's id, title and attributes are as
the release has them. The spec is parsed once per distinct blob (the workspace cache),
so walking a release costs one parse per step that touched the spec.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..errors import InputError, RevisionError
from ..model.changes import Origin
from ..model.vocabulary import ChangeKind, Scope
from ..render.redline import edit_probes

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..model.changes import Change, Report
    from ..model.document import Spec
    from .workspace import Source, Workspace

_MERGE = re.compile(r"^Merge pull request #(\d+) from \S+")
_SQUASH = re.compile(r"^(?P<title>.+?) \(#(?P<number>\d+)\)$")
_NOTES_HEADING = re.compile(r"^#{0,6}\s*release notes:?\s*$", re.IGNORECASE)


def origin_of(commit: str, message: str) -> Origin:
    """What a commit message says about where the commit came from."""
    lines = message.strip("\n").split("\n")
    subject = lines[0].strip() if lines else ""
    body = lines[1:]
    merge = _MERGE.match(subject)
    if merge:
        title = next((line.strip() for line in body if line.strip()), subject)
        return Origin(commit, title, int(merge.group(1)), release_notes(message))
    squash = _SQUASH.match(subject)
    if squash:
        number = int(squash.group("number"))
        return Origin(commit, squash.group("title"), number, release_notes(message))
    return Origin(commit, subject, None, release_notes(message))


def release_notes(message: str) -> str:
    """The text under a ``Release notes`` heading (Markdown ``##`` or a plain line) up to
    the next heading or the end, as written."""
    lines = message.split("\n")
    for index, line in enumerate(lines):
        if _NOTES_HEADING.match(line.strip()):
            kept = []
            for following in lines[index + 1 :]:
                if following.startswith("#"):
                    break
                kept.append(following)
            return "\n".join(kept).strip("\n")
    return ""


def attribute(
    workspace: Workspace,
    report: Report,
    base_commit: str,
    head_commit: str,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Origin]:
    """Change id -> the step that made it; a change whose step cannot be told (it holds
    at every step) is left out.

    Most changes are placed by looking for their words in each step's raw text (no
    parse); only changes whose words cannot be found that way (a clause moved between
    sections, an attribute changed) make every step be parsed (once per blob)."""
    store = workspace.store
    steps = store.first_parent_steps(base_commit, head_commit)
    if len(steps) < 2:
        return {}
    if len(steps) == 2:  # one step made the whole release
        origin = replace(origin_of(*steps[1]), step=1)
        return {change.id: origin for change in report.changes}
    sources: list[Source | None] = []
    for number, (commit, _) in enumerate(steps, 1):
        if progress is not None:
            progress(f"attributing {number}/{len(steps)}")
        try:
            sources.append(workspace.source_at(commit))
        except (RevisionError, InputError):
            sources.append(None)
    raw = [_RawView(_raw_text(source)) if source is not None else None for source in sources]
    parsed: list[_View | None] = []

    def parsed_views() -> list[_View | None]:
        if not parsed:
            for source in sources:
                parsed.append(_View(workspace.parse(source)[0]) if source is not None else None)
        return parsed

    origins: dict[str, Origin] = {}
    for change in report.changes:
        by_words = next(
            (test for test in _raw_predicates(change) if _valid(test, raw[0], raw[-1])), None
        )
        if by_words is not None:
            last_false = _last_false(raw, by_words)
        else:
            by_parse = _predicate(change)
            if by_parse is None:
                continue
            last_false = _last_false(parsed_views(), by_parse)
        if last_false < 0 or last_false == len(steps) - 1:
            continue
        commit, message = steps[last_false + 1]
        origins[change.id] = replace(origin_of(commit, message), step=last_false + 1)
    return origins


def _last_false(views: Sequence[Any], holds: Callable[[Any], bool]) -> int:
    """The last step at which the change is not (yet, or any more) in place; -1 if none."""
    for index in range(len(views) - 1, -1, -1):
        view = views[index]
        if view is None or not holds(view):
            return index
    return -1


def _valid(holds: Callable[[_RawView], bool], base: _RawView | None, head: _RawView | None) -> bool:
    """A raw-text test is trusted only when it is false at the base and true at the head
    (so it does tell the change apart; otherwise the parsed spec decides)."""
    return base is not None and head is not None and holds(head) and not holds(base)


def _raw_text(source: Source) -> str:
    """The source as written: the file, or the files of a many-file spec one after another."""
    return "\n\n".join(f.text for f in source.files) if source.files else source.text


class _RawView:
    """A version's source on one line, and its headings, for tests without a parse."""

    def __init__(self, text: str) -> None:
        self.flat = " ".join(text.split())
        self.headings = {match.group(1).strip() for match in _HEADING.finditer(text)}


_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*$", re.MULTILINE)
#: Characters of a clause's text looked for when a whole clause was added or removed.
_PROBE = 160


def _raw_predicates(change: Change) -> list[Callable[[_RawView], bool]]:
    """Tests on the raw text that are true once ``change`` is made (its new words are
    there, its old words gone), most telling first; none when words cannot tell (moves,
    attributes). The caller keeps the first that is false at the base and true at the
    head: words that also occur elsewhere in the spec cannot tell."""
    if change.scope is Scope.SECTION:
        old_title = change.old.title if change.old else ""
        new_title = change.new.title if change.new else ""
        if change.kind is ChangeKind.ADDED and new_title:
            return [lambda view: new_title in view.headings]
        if change.kind in (ChangeKind.REMOVED, ChangeKind.MERGED) and old_title:
            return [lambda view: old_title not in view.headings]
        if change.kind is ChangeKind.RENAMED and old_title and new_title:
            return [
                lambda view: new_title in view.headings and old_title not in view.headings,
                lambda view: new_title in view.headings,
            ]
        return []
    if change.kind is ChangeKind.MOVED:
        return []
    if change.kind is ChangeKind.ADDED and change.new is not None:
        added = " ".join(change.new.text.split())[:_PROBE]
        return [lambda view: added in view.flat]
    if change.kind is ChangeKind.REMOVED and change.old is not None:
        removed = " ".join(change.old.text.split())[:_PROBE]
        return [lambda view: removed not in view.flat]
    if change.old is None or change.new is None:
        return []
    tests: list[Callable[[_RawView], bool]] = []
    for context in (3, 8):
        probes = edit_probes(change.old.text, change.new.text, context)
        if probes is not None:
            tests += _word_tests(*probes)
    return tests


def _word_tests(old_words: str, new_words: str) -> list[Callable[[_RawView], bool]]:
    def both(view: _RawView) -> bool:
        return new_words in view.flat and old_words not in view.flat

    def new_there(view: _RawView) -> bool:
        return new_words in view.flat

    def old_gone(view: _RawView) -> bool:
        return old_words not in view.flat

    return [both, new_there, old_gone]


class _View:
    """What the predicates ask of one version of the spec, computed once."""

    def __init__(self, spec: Spec) -> None:
        self.texts = {c.text for c in spec.clauses}
        self.placed = {(c.section, c.text) for c in spec.clauses}
        self.sections = {s.id: s for s in spec.sections}


def _predicate(change: Change) -> Callable[[_View], bool] | None:
    """A test that is true of a version once ``change`` has been made in it."""
    if change.scope is Scope.CLAUSE:
        if change.kind is ChangeKind.REMOVED and change.old is not None:
            old_text = change.old.text
            return lambda view: old_text not in view.texts
        if change.new is None:
            return None
        new_text, section = change.new.text, change.section
        if change.kind is ChangeKind.MOVED and change.old_section != change.section:
            return lambda view: (section, new_text) in view.placed
        if change.kind is ChangeKind.MOVED and "modified" not in change.tags:
            return None  # reordered in place: every version has the text
        return lambda view: new_text in view.texts
    section_id, old_id = change.section, change.old_section
    if change.kind is ChangeKind.ADDED:
        return lambda view: section_id in view.sections
    if change.kind in (ChangeKind.REMOVED, ChangeKind.MERGED):
        return lambda view: old_id not in view.sections
    if change.kind is ChangeKind.REIDENTIFIED:
        return lambda view: section_id in view.sections and old_id not in view.sections
    if change.kind is ChangeKind.RENAMED and change.new is not None:
        title = change.new.title
        return lambda view: section_id in view.sections and view.sections[section_id].title == title
    if change.kind is ChangeKind.ATTRIBUTES:
        wanted = {name: new for name, _, new in change.attributes}

        def attributes_hold(view: _View) -> bool:
            section = view.sections.get(section_id or "")
            if section is None:
                return False
            return all(section.attribute(name) == value for name, value in wanted.items())

        return attributes_hold
    if change.kind is ChangeKind.SPLIT:
        return lambda view: section_id in view.sections
    return None
