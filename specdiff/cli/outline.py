"""``specdiff outline [FILE]``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._common import config_option, emit, format_option, load_config, parse_file

if TYPE_CHECKING:
    from ..config import Config
    from ..model.document import Spec


@click.command("outline")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@format_option("text", "json")
@config_option
def command(file: Path | None, output_format: str, config_path: Path | None) -> int:
    """Show the section tree of FILE: ids, attributes, clause counts by kind,
    normative statement counts, and each worked example with its GOOD/BAD labels.

    FILE may be a folder (a spec made of many files: a tree per document, ids and
    lines as each file has them); without FILE, the spec the config names, as it is
    in the working tree."""
    from ..render.outline import render_outline_json, render_outline_text

    if file is None:
        spec, path = _configured(config_path)
    else:
        spec, path = _read(file, load_config(config_path)), str(file)
    emit(render_outline_json(spec, path) if output_format == "json" else render_outline_text(spec))
    return 0


def _read(file: Path, config: Config) -> Spec:
    if not file.is_dir():
        return parse_file(file, config)
    from ..history.spec_files import read_folder
    from ..parse import parse_spec
    from ..parse.documents import parse_documents

    return parse_documents(
        [(f.path, f.text) for f in read_folder(file)],
        lambda text: parse_spec(text, config.vocabulary),
    )


def _configured(config_path: Path | None) -> tuple[Spec, str]:
    from ..history.workspace import Workspace

    workspace = Workspace.discover(config_path=config_path)
    loaded = workspace.load(None)
    return loaded.spec, workspace.spec_path
