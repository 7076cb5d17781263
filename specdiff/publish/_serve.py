"""Serving a built site on localhost, for ``specdiff serve`` and the browser tests."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def site_server(folder: Path, port: int = 0, *, quiet: bool = False) -> ThreadingHTTPServer:
    """An HTTP server for ``folder`` on 127.0.0.1 (``port`` 0 picks a free one); not started."""
    handler = functools.partial(
        _QuietHandler if quiet else SimpleHTTPRequestHandler, directory=str(folder)
    )
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_in_background(folder: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start a quiet server in a daemon thread; returns it and its base URL (ends in /)."""
    server = site_server(folder, port, quiet=True)
    thread = threading.Thread(target=server.serve_forever, name="specdiff-serve", daemon=True)
    thread.start()
    host, bound = server.server_address[:2]
    return server, f"http://{host!s}:{bound}/"
