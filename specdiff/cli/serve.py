"""``specdiff serve``."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import click

from ._common import config_option, end_progress, note, progress_printer, spec_option


@click.command("serve")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
    help="The port to listen on (0 picks a free one).",
)  # fmt: skip
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="Build the site into this folder and keep it (default: a temporary folder, "
    "deleted on exit). Same rules as publish --out.",
)
@spec_option
@config_option
def command(port: int, out: Path | None, spec_path: str | None, config_path: Path | None) -> int:
    """Build the site and serve it on 127.0.0.1 for a preview; Ctrl-C stops (as do
    SIGTERM and SIGHUP, with exit status 143 / 129). The temporary site is removed."""
    from ..errors import SpecdiffError
    from ..history.interrupts import Interrupted, deferred
    from ..history.workspace import Workspace
    from ..publish import build_site, site_server

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    scratch = None
    if out is None:
        scratch = Path(tempfile.mkdtemp(prefix="specdiff-site-"))
        out = scratch / "site"
    try:
        result = build_site(workspace, out, progress=progress_printer(), warn=_warn)
        end_progress()
        try:
            server = site_server(result.out, port)
        except OSError as exc:
            raise SpecdiffError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from None
        host, bound = server.server_address[:2]
        note(f"built {result.pages} pages in {result.out}")
        click.echo(f"http://{host!s}:{bound}/")
        note("serving; press Ctrl-C to stop")
        with server:
            try:
                server.serve_forever()
            except Interrupted as stop:
                if stop.name != "SIGINT":
                    raise  # SIGTERM, SIGHUP: the temporary site goes, then exit 143 / 129
                note("stopped")
    finally:
        if scratch is not None:
            with deferred():
                shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _warn(message: str) -> None:
    end_progress()
    note(f"specdiff: warning: {message}")
