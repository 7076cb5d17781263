"""``specdiff show VERSION``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ._common import config_option, emit, section_hint, section_label, section_named, spec_option

if TYPE_CHECKING:
    from pathlib import Path


@click.command("show")
@click.argument("version")
@click.option(
    "--section",
    "section",
    metavar="ID",
    default=None,
    help="Only this section and its sub-sections (in a spec made of many files, "
    "PATH#ID names the section ID of the file PATH).",
)
@spec_option
@config_option
def command(
    version: str, section: str | None, spec_path: str | None, config_path: Path | None
) -> int:
    """Print the spec as it was at VERSION (a version label, tag, revision, REV:PATH or file)."""
    from ..errors import InputError
    from ..history.workspace import Workspace
    from ..parse import normalise_newlines

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    source = workspace.read(version)
    # A spec made of many files is shown as its files laid end to end, in reading order.
    spec, text = workspace.parse(source)
    if section is None:
        emit(text)
        return 0
    (found,) = section_named(section, [spec])
    if found is None:
        hint = section_hint(section, [spec])
        raise InputError(f"no section {section_label(section)} in {source.endpoint.label}{hint}")
    subtree = list(spec.subtree(found))
    first, last = subtree[0].span.start, max(s.span.end for s in subtree)
    lines = normalise_newlines(text).split("\n")
    emit("\n".join(lines[first - 1 : last]).rstrip("\n"))
    return 0
