"""``specdiff outline FILE``."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import config_option, emit, format_option, load_config, parse_file


@click.command("outline")
@click.argument("file", type=click.Path(path_type=Path))
@format_option("text", "json")
@config_option
def command(file: Path, output_format: str, config_path: Path | None) -> int:
    """Show the section tree of FILE: ids, attributes, clause counts by kind,
    normative statement counts, and each worked example with its GOOD/BAD labels."""
    from ..render.outline import render_outline_json, render_outline_text

    config = load_config(config_path)
    spec = parse_file(file, config)
    emit(
        render_outline_json(spec, str(file))
        if output_format == "json"
        else render_outline_text(spec)
    )
    return 0
