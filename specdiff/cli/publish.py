"""``specdiff publish --out DIR``."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import config_option, end_progress, note, progress_printer, spec_option


@click.command("publish")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The folder to write the site to. It must be missing, empty, or a site that "
    "specdiff published before (which is replaced whole; files listed in [site] keep, "
    "such as CNAME, are carried over, and any other file it did not write is named "
    "before it goes).",
)
@click.option(
    "--base-url",
    default="",
    metavar="URL",
    help="Where the site will be served from, for absolute links in the feed and "
    "canonical links (default: [site] base_url from the configuration). "
    "All other links are relative.",
)
@spec_option
@config_option
def command(out: Path, base_url: str, spec_path: str | None, config_path: Path | None) -> int:
    """Publish the released versions as a static site: an index of versions, a page per
    release, the full text of every version, compare pages, section histories, an Atom
    feed and JSON."""
    from ..history.workspace import Workspace
    from ..publish import build_site

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    result = build_site(workspace, out, base_url=base_url, progress=progress_printer(), warn=_warn)
    end_progress()
    note(
        f"published {result.pages} pages ({result.files} files, {_size(result.bytes)}) "
        f"to {result.out}"
    )
    return 0


def _warn(message: str) -> None:
    end_progress()
    note(f"specdiff: warning: {message}")


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f} MB"
