"""Variables of an algorithm renamed through it: ``{definition}`` -> ``{argumentDefinition}``.

An algorithm names what it computes with variables written in braces ("For each
{definition} in {argumentDefinitions}:", "Let {type} be the expected type of
{definition}."). A variable is what the step that binds it says it is: when that step
binds, in the new version, another name to what it said ("For each {argumentDefinition}
in {argumentDefinitions}:"), the algorithm renamed the variable, and every step that uses
the new name where it used the old one reads as before. A step that puts another
variable in its place (one bound elsewhere, to something else) computes something else.

The renames are read once for each algorithm (the steps of a section pair), from its
binding steps only: the steps that use a variable follow, they do not decide.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..parse import ALGORITHM_VARIABLE as _VARIABLE
from ._wording import is_editorial

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

#: A step that binds a variable: "Let {x} be ...", "Set {x} to ...", "Initialize {x} to
#: ...", "For each {x} in ..." (after an "Otherwise," that opens it).
_BINDS = re.compile(
    r"(?:otherwise,?\s+)?(?:(?:let|set|initiali[sz]e)\s+\{(?P<name>\w+)\}\s+(?:be|to)\b"
    r"|for\s+(?:each|every)\s+\{(?P<each>\w+)\}\s+in\b)",
    re.IGNORECASE,
)


def has_variables(text: str) -> bool:
    """Whether a text uses a variable written in braces."""
    return "{" in text and _VARIABLE.search(text) is not None


def bound_variable(text: str) -> str | None:
    """The variable a step binds ("Let {x} be ..." binds x), or None."""
    match = _BINDS.match(text)
    if match is None:
        return None
    return match["name"] or match["each"]


def with_variables(text: str, renames: Mapping[str, str]) -> str:
    """``text`` with each variable renamed (all at once: {a} -> {b} and {b} -> {c} in the
    same text give {b} and {c})."""
    if not renames:
        return text
    return _VARIABLE.sub(lambda m: "{" + renames.get(m[1], m[1]) + "}", text)


def algorithm_renames(
    steps: Iterable[tuple[str, str]], alike: Callable[[int, str], bool] | None = None
) -> dict[str, str]:
    """The variables an algorithm renamed, old name -> new name, from the texts of its
    paired steps (old, new): a step that binds ``{x}`` paired with a step that binds
    ``{y}`` and says the same of it (once the other variables renamed are followed, and
    but for what an editor changes: a final colon, markup) renames x to y. A name that
    two steps would rename to different names, or two names renamed to one, is no
    rename: the algorithm tells them apart. ``alike`` (the step's place in ``steps``
    and its old text with the names followed) tells whether a step says the same in
    other words, as the reading of an edit does: terms the edition renamed in it."""
    binding = []
    for index, (old, new) in enumerate(steps):
        gone, fresh = bound_variable(old), bound_variable(new)
        if gone is not None and fresh is not None and gone != fresh:
            binding.append((gone, fresh, old, new, index))
    if not binding:
        return {}
    renames: dict[str, str] = {}
    for _ in range(len(binding) + 1):
        claims: dict[str, set[str]] = {}
        for gone, fresh, old, new, index in binding:
            trial = {**renames, gone: fresh}
            followed = with_variables(old, trial)
            if (
                followed == new
                or is_editorial(followed, new)
                or (alike is not None and alike(index, followed))
            ):
                claims.setdefault(gone, set()).add(fresh)
        found = {gone: next(iter(names)) for gone, names in claims.items() if len(names) == 1}
        if found == renames:
            break
        renames = found
    targets: dict[str, list[str]] = {}
    for gone, fresh in renames.items():
        targets.setdefault(fresh, []).append(gone)
    return {gone: fresh for gone, fresh in renames.items() if len(targets[fresh]) == 1}


def renamed_in(text: str, renames: Mapping[str, str]) -> list[tuple[str, str]]:
    """The renames (old, new) that apply to variables ``text`` uses, in order of use."""
    found = dict.fromkeys(
        (name, renames[name]) for name in _VARIABLE.findall(text) if name in renames
    )
    return list(found)
