"""Trust the base, not the pull request: the gate's configuration as the base has it,
and what the pull request changes in it.

A pull request could otherwise configure its own check: lower the policy, accept its
own change by id, ignore the section it rewrites, or point ``spec =`` at another file.
The check reads everything from the merge base; this module says which of the PR's
configuration changes *loosen* the gate (those need the major accept label).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..config import DEFAULT_CONFIG, Config, config_from_mapping
from ..errors import ConfigError, RevisionError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from ..history.store import SpecStore

CONFIG_NAMES = ("specdiff.toml", "pyproject.toml")


@dataclass(frozen=True, slots=True)
class ConfigChange:
    """One change a pull request makes to what configures the gate."""

    text: str
    """Markdown, one line: what changed."""
    loosens: bool
    """True when the gate lets more through afterwards (needs the major accept label)."""


def config_at(store: SpecStore, rev: str, folder: str) -> tuple[Config, str | None]:
    """The configuration that applies in ``folder`` (relative to the repository root) as
    committed at ``rev``, found as the working tree finds it: ``specdiff.toml``, else a
    ``pyproject.toml`` with ``[tool.specdiff]``, in the folder or its parents. Returns
    the config and the file's path (None: defaults)."""
    parts = PurePosixPath(folder).parts if folder not in ("", ".") else ()
    for depth in range(len(parts), -1, -1):
        prefix = "/".join(parts[:depth])
        for name in CONFIG_NAMES:
            path = f"{prefix}/{name}" if prefix else name
            try:
                _, text = store.read(rev, path)
            except RevisionError:
                continue
            origin = f"{path} at {rev[:9]}"
            try:
                data: dict[str, Any] = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
            if name == "pyproject.toml":
                tool = data.get("tool")
                table = tool.get("specdiff") if isinstance(tool, dict) else None
                if table is None:
                    continue
                data = table
            return config_from_mapping(data, origin), path
    return DEFAULT_CONFIG, None


#: Config fields compared one by one below; any other field that differs is reported
#: as a change that loosens the gate (fail closed for options added later).
_COMPARED = frozenset(
    {
        "specs", "policy", "accept", "ignore_sections", "ignore_kinds", "attributes",
        "vocabulary", "github", "version_scheme", "tag_prefix", "changelog", "site",
        "renames", "origin",
    }
)  # fmt: skip
_POLICY_COMPARED = frozenset({"kinds", "tags", "attributes"})


def config_changes(base: Config, head: Config, found_spec: str | None = None) -> list[ConfigChange]:
    """What ``head`` changes in the gate ``base`` sets up, loosening changes first.

    ``found_spec`` is the spec the base finds without a ``spec =`` key: naming that same
    file in the configuration (what adopting specdiff does) moves nothing."""
    changes: list[ConfigChange] = []

    def add(text: str, *, loosens: bool) -> None:
        changes.append(ConfigChange(text, loosens))

    if base.specs != head.specs:
        same_file = not base.specs and found_spec is not None and head.specs == (found_spec,)
        add(f"spec paths `{_list(base.specs)}` → `{_list(head.specs)}`", loosens=not same_file)
    for where, old, new in (
        ("policy.kinds", dict(base.policy.kinds), dict(head.policy.kinds)),
        ("policy.tags", dict(base.policy.tags), dict(head.policy.tags)),
    ):
        for key in sorted(set(old) | set(new)):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if after is None:
                add(f"`{where}.{key}` ({before}) removed", loosens=False)
            elif before is None or after < before:
                # A new override cannot be told apart from a lowering without knowing
                # every default it replaces: it counts as loosening.
                add(f"`{where}.{key}` {before or 'default'} → {after}", loosens=True)
            else:
                add(f"`{where}.{key}` {before} → {after}", loosens=False)
    old_ceilings = {(a, v): level for a, v, level in base.policy.attributes}
    new_ceilings = {(a, v): level for a, v, level in head.policy.attributes}
    for selector in sorted(set(old_ceilings) | set(new_ceilings)):
        ceiling_before, ceiling_after = old_ceilings.get(selector), new_ceilings.get(selector)
        if ceiling_before != ceiling_after:
            name = f'`policy.attributes."{selector[0]}={selector[1]}"`'
            lowered = ceiling_after is not None and (
                ceiling_before is None or ceiling_after < ceiling_before
            )
            add(
                f"{name} {ceiling_before or 'none'} → {ceiling_after or 'removed'}",
                loosens=lowered,
            )
    old_accept = {a.id for a in base.accept}
    for acceptance in head.accept:
        if acceptance.id not in old_accept:
            reason = f" ({acceptance.reason})" if acceptance.reason else ""
            add(f"`[[accept]]` added for change `{acceptance.id}`{reason}", loosens=True)
    for gone in sorted(old_accept - {a.id for a in head.accept}):
        add(f"`[[accept]]` removed for change `{gone}`", loosens=False)
    for where, old_set, new_set in (
        ("ignore.sections", base.ignore_sections, head.ignore_sections),
        ("ignore.kinds", base.ignore_kinds, head.ignore_kinds),
    ):
        for item in sorted(set(new_set) - set(old_set)):
            add(f"`{where}` now ignores `{item}`", loosens=True)
        for item in sorted(set(old_set) - set(new_set)):
            add(f"`{where}` no longer ignores `{item}`", loosens=False)
    if base.attributes != head.attributes:
        # An attribute that loses its order (or a value) turns raised/lowered changes,
        # which are major, into plain ones.
        add("`[attributes]` changed", loosens=_attributes_loosen(base, head))
    if base.vocabulary != head.vocabulary:
        add("`[normative.words]` changed", loosens=True)
    if base.github != head.github:
        add("`[github.accept_labels]` changed", loosens=True)
    for name in ("version_scheme", "tag_prefix", "changelog"):
        if getattr(base, name) != getattr(head, name):
            add(f"`{name}` {getattr(base, name)!r} → {getattr(head, name)!r}", loosens=False)
    if base.site != head.site:
        add("`[site]` changed", loosens=False)
    if base.renames != head.renames:
        # Renames tell the history where the spec was; the check itself reads the base.
        add("`[[renames]]` changed", loosens=False)
    for option in fields(base):
        if option.name not in _COMPARED and getattr(base, option.name) != getattr(
            head, option.name
        ):
            add(f"`{option.name}` changed", loosens=True)
    for option in fields(base.policy):
        if option.name not in _POLICY_COMPARED and getattr(base.policy, option.name) != getattr(
            head.policy, option.name
        ):
            add(f"`policy.{option.name}` changed", loosens=True)
    return sorted(changes, key=lambda change: not change.loosens)


def _attributes_loosen(base: Config, head: Config) -> bool:
    new = dict(head.attributes)
    for name, rule in base.attributes:
        after = new.get(name)
        if after is None or (rule.ordered and not after.ordered):
            return True
        if rule.ordered and [v for v in after.values if v in rule.values] != list(rule.values):
            return True  # a value dropped or the order changed
    return False


def _list(paths: tuple[str, ...]) -> str:
    return ", ".join(paths) or "(found automatically)"
