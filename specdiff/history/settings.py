"""Finding and reading the configuration file: ``specdiff.toml`` or ``[tool.specdiff]``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ..config import DEFAULT_CONFIG, Config, config_from_mapping
from ..errors import ConfigError

if TYPE_CHECKING:
    from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAME = "specdiff.toml"


def find_config_file(start: Path) -> Path | None:
    """The nearest ``specdiff.toml``, or ``pyproject.toml`` with a ``[tool.specdiff]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _tool_table(_read_toml(pyproject)) is not None:
            return pyproject
        if (folder / ".git").exists():
            break
    return None


def load_config(start: Path, explicit: Path | None = None) -> Config:
    """The configuration that applies in ``start`` (or the ``explicit`` file); defaults if none."""
    path = explicit if explicit is not None else find_config_file(start)
    if path is None:
        return DEFAULT_CONFIG
    return config_from_text(_read_text(path), path.name == "pyproject.toml", str(path))


def config_from_text(text: str, is_pyproject: bool, origin: str) -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    if is_pyproject:
        data = _tool_table(data) or {}
    return config_from_mapping(data, origin)


def _tool_table(pyproject: dict[str, Any]) -> Any:
    """``[tool.specdiff]`` of a pyproject, or None; a ``tool`` that is not a table has none."""
    tool = pyproject.get("tool")
    return tool.get("specdiff") if isinstance(tool, dict) else None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(_read_text(path))
        return data
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
