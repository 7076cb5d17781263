"""``specdiff check FILE``."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import config_option, emit, format_option, load_config, parse_file


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option("text", "json", "github")
@config_option
def command(files: tuple[Path, ...], output_format: str, config_path: Path | None) -> int:
    """Lint spec FILES: duplicate section ids, links to anchors that do not exist,
    malformed attribute blocks, and attribute values outside those the config declares.

    Exits 1 when it finds errors, 0 when there are only warnings or nothing."""
    from ..parse.lint import lint
    from ..render.check import (
        error_count,
        render_check_github,
        render_check_json,
        render_check_text,
    )

    config = load_config(config_path)
    results = [(str(file), lint(parse_file(file, config), config)) for file in files]
    if output_format == "json":
        emit(render_check_json(results))
    elif output_format == "github":
        emit(render_check_github(results))
    else:
        emit(render_check_text(results))
    return 1 if error_count(results) else 0
