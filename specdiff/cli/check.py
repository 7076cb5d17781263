"""``specdiff check FILE``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._common import config_option, emit, format_option, load_config, parse_file

if TYPE_CHECKING:
    from ..config import Config
    from ..model.document import Spec
    from ..parse.lint import Finding


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@format_option("text", "json", "github")
@config_option
def command(files: tuple[Path, ...], output_format: str, config_path: Path | None) -> int:
    """Lint spec FILES: duplicate section ids, links to anchors that do not exist,
    malformed attribute blocks, and attribute values outside those the config declares.

    A FILE that is a folder is checked as one spec made of many files: links between
    its files (other.md#anchor) must land on a file and an anchor that exist. Without
    FILES, the spec the config names (a file, a folder or globs), in the working tree.

    Exits 1 when it finds errors, 0 when there are only warnings or nothing."""
    from ..render.check import (
        error_count,
        render_check_github,
        render_check_json,
        render_check_text,
    )

    config = load_config(config_path)
    if files:
        results = [result for file in files for result in _check(file, config)]
    else:
        results = _check_configured(config_path)
    if output_format == "json":
        emit(render_check_json(results))
    elif output_format == "github":
        emit(render_check_github(results))
    else:
        emit(render_check_text(results))
    return 1 if error_count(results) else 0


def _check(file: Path, config: Config) -> list[tuple[str, tuple[Finding, ...]]]:
    """The findings of a file; for a folder, of each of its files, at their own lines."""
    from ..parse.lint import lint

    if not file.is_dir():
        return [(str(file), lint(parse_file(file, config), config))]
    from ..history.spec_files import read_folder
    from ..parse import parse_spec
    from ..parse.documents import parse_documents

    spec = parse_documents(
        [(f.path, f.text) for f in read_folder(file)],
        lambda text: parse_spec(text, config.vocabulary),
    )
    return [(str(file / path), mine) for path, mine in _by_document(spec, lint(spec, config))]


def _by_document(spec: Spec, found: tuple[Finding, ...]) -> list[tuple[str, tuple[Finding, ...]]]:
    """The findings of a spec made of many files by document, at each file's own lines."""
    return [
        (part.path, tuple(replace(f, line=part.local(f.line)) for f in found if part.holds(f.line)))
        for part in spec.documents
    ]


def _check_configured(config_path: Path | None) -> list[tuple[str, tuple[Finding, ...]]]:
    """The findings of the configured spec as the working tree has it, by file (paths
    relative to the repository, as annotations need them)."""
    import posixpath

    from ..history.workspace import Workspace
    from ..parse.lint import lint

    workspace = Workspace.discover(config_path=config_path)
    source = workspace.read(None)
    spec, _ = workspace.parse(source)
    found = lint(spec, workspace.config)
    if not spec.documents:
        return [(workspace.spec_path, found)]
    assert workspace.selection is not None
    folder = workspace.selection.root
    return [(posixpath.join(folder, path), mine) for path, mine in _by_document(spec, found)]
