"""A fake GitHub REST API on 127.0.0.1 that records the calls specdiff makes.

It knows the issue-comment endpoints: list, create, update. A test can make it answer
with an HTTP error, or hang past the client's timeout.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Call:
    method: str
    path: str
    body: dict[str, Any] | None
    authorization: str


@dataclass
class FakeGitHub:
    """Server state: the comments of each issue, the calls made, and failure switches."""

    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    fail_status: int | None = None
    hang_seconds: float = 0.0
    next_id: int = 1000
    url: str = ""

    def start(self) -> ThreadingHTTPServer:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _reply(self, status: int, payload: object) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                # The client may have given up (the timeout test): nothing to answer then.
                with contextlib.suppress(BrokenPipeError):
                    self.wfile.write(data)

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                state.calls.append(
                    Call(self.command, self.path, body, self.headers.get("Authorization", ""))
                )
                if state.hang_seconds:
                    time.sleep(state.hang_seconds)
                if state.fail_status is not None:
                    self._reply(
                        state.fail_status, {"message": "Resource not accessible by integration"}
                    )
                    return
                self._reply(*state.route(self.command, self.path.split("?")[0], body))

            do_GET = do_POST = do_PATCH = _handle

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        return server

    def route(self, method: str, path: str, body: dict[str, Any] | None) -> tuple[int, object]:
        parts = path.strip("/").split("/")
        # /repos/{owner}/{repo}/issues/{number}/comments
        if len(parts) == 6 and parts[3] == "issues" and parts[5] == "comments":
            number = int(parts[4])
            if method == "GET":
                return 200, self.comments.get(number, [])
            if method == "POST" and body is not None:
                comment = {"id": self.next_id, "body": body["body"]}
                self.next_id += 1
                self.comments.setdefault(number, []).append(comment)
                return 201, comment
        # /repos/{owner}/{repo}/issues/comments/{id}
        if (
            len(parts) == 6
            and parts[3] == "issues"
            and parts[4] == "comments"
            and method == "PATCH"
            and body
        ):
            for comments in self.comments.values():
                for comment in comments:
                    if comment["id"] == int(parts[5]):
                        comment["body"] = body["body"]
                        return 200, comment
        return 404, {"message": "Not Found"}
