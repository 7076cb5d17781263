"""The pure core never reaches for git, the disk, the terminal or the shell modules.

A static check of every import in the core (module level or inside functions), in the
spirit of an import-linter contract.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "specdiff"
CORE = (
    "errors.py", "_gc.py",
    "model", "config", "parse", "align", "classify", "policy", "compare", "render",
)  # fmt: skip
SHELL = ("cli", "history", "publish", "action")
#: Modules that reach outside the process (string helpers such as urllib.parse are fine).
FORBIDDEN = ("click", "git", "subprocess", "socket", "http.client", "http.server", "urllib.request")


def _core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE:
        path = PACKAGE / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def _imports(path: Path) -> set[str]:
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_imports_no_shell(path: Path) -> None:
    for module in _imports(path):
        top = module.split(".")[0]
        assert not any(module == f or module.startswith(f + ".") for f in FORBIDDEN), (
            f"{path.name} imports {module}"
        )
        if top == "specdiff":
            parts = module.split(".")
            assert len(parts) < 2 or parts[1] not in SHELL, (
                f"{path.name} imports the shell module {module}"
            )


def test_every_module_is_classified() -> None:
    names = {
        p.name
        for p in PACKAGE.iterdir()
        if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())
    }
    names.discard("__init__.py")
    names.discard("__main__.py")
    known = set(CORE) | {f"{s}.py" for s in SHELL} | set(SHELL)
    assert names <= known, f"classify these modules as core or shell: {sorted(names - known)}"


def _all_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _all_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_reaches_into_another_packages_private_modules(path: Path) -> None:
    """``specdiff.render._common`` is render's own: other packages use what
    ``specdiff.render`` exports, so a package can reorganise its insides freely."""
    own = path.relative_to(PACKAGE).parts[0]
    for module in _imports(path):
        parts = module.split(".")
        if parts[0] != "specdiff" or len(parts) < 3:
            continue
        package, inner = parts[1], parts[2]
        assert not (inner.startswith("_") and package != own), (
            f"{path.relative_to(PACKAGE)} imports {module}: import it from specdiff.{package}"
        )
