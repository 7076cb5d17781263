"""The README's "How it is built" map names every top-level package of the tree, and
nothing that is not there, so it cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "specdiff"


def _map() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## How it is built\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```text\n(.*?)```", section, re.S)
    assert block is not None, "the map is a ```text block in 'How it is built'"
    return block.group(1)


def test_the_map_names_every_top_level_package_and_only_those() -> None:
    named = set(re.findall(r"^  ([a-z_]+)/", _map(), re.M))
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert named == packages


def test_the_map_names_only_modules_and_folders_that_exist() -> None:
    current: Path | None = None
    for line in _map().splitlines()[1:]:
        entry = re.match(r"^  ([a-z_]+)(/|\.py)", line)
        described = line
        if entry is not None:
            path = PACKAGE / (entry.group(1) + (".py" if entry.group(2) == ".py" else ""))
            assert path.exists(), line
            current = path if path.is_dir() else None
            described = line[entry.end() :]
        if current is None:
            continue
        for name in re.findall(r"\b([a-z_]+\.py|[a-z_]+/)", described):
            assert (current / name.rstrip("/")).exists(), f"{name} is not in {current.name}/"
