"""A fake GitHub REST API on 127.0.0.1 that records the calls specdiff makes.

It knows what specdiff calls: ``/user``; a pull request (head and labels) and the list,
creation and update of pull requests; issue comments (list, create, update; each with
its author); releases. A test can make it answer with an HTTP error, everywhere or on
one route, or hang past the client's timeout.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ACTIONS_BOT = "github-actions[bot]"


@dataclass
class Call:
    method: str
    path: str
    body: dict[str, Any] | None
    authorization: str


@dataclass
class FakeGitHub:
    """Server state: comments, pull requests, releases, the calls made, failure switches."""

    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    pulls: dict[int, dict[str, Any]] = field(default_factory=dict)
    releases: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    login: str | None = None
    """The token's user for ``/user``; None answers 403 as GitHub does for GITHUB_TOKEN,
    whose comments are then written by the Actions bot."""
    fail_status: int | None = None
    fail_routes: dict[tuple[str, str], int] = field(default_factory=dict)
    """``(method, path prefix)`` to the status that route answers with."""
    hang_seconds: float = 0.0
    next_id: int = 1000
    url: str = ""

    @property
    def author(self) -> str:
        return self.login or ACTIONS_BOT

    def add_comment(self, number: int, body: str, author: str) -> dict[str, Any]:
        comment = {"id": self.next_id, "body": body, "user": {"login": author}}
        self.next_id += 1
        self.comments.setdefault(number, []).append(comment)
        return comment

    def set_pull(self, number: int, head_sha: str, labels: tuple[str, ...] = ()) -> None:
        pull = self.pulls.setdefault(number, {"number": number, "state": "open"})
        pull["head"] = {"sha": head_sha, "ref": pull.get("head", {}).get("ref", "feature")}
        pull["labels"] = [{"name": label} for label in labels]

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
                path, _, query = self.path.partition("?")
                status = state.fail_status
                for (method, prefix), route_status in state.fail_routes.items():
                    if method == self.command and path.startswith(prefix):
                        status = route_status
                if status is not None:
                    self._reply(status, {"message": "Resource not accessible by integration"})
                    return
                self._reply(*state.route(self.command, path, urllib.parse.parse_qs(query), body))

            do_GET = do_POST = do_PATCH = _handle

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        return server

    def route(
        self, method: str, path: str, query: dict[str, list[str]], body: dict[str, Any] | None
    ) -> tuple[int, object]:
        parts = path.strip("/").split("/")
        if parts == ["user"]:
            if self.login is None:
                return 403, {"message": "Resource not accessible by integration"}
            return 200, {"login": self.login}
        if len(parts) < 4 or parts[0] != "repos":
            return 404, {"message": "Not Found"}
        rest = parts[3:]
        # /repos/{owner}/{repo}/issues/{number}/comments
        if len(rest) == 3 and rest[0] == "issues" and rest[2] == "comments":
            number = int(rest[1])
            if method == "GET":
                return 200, self.comments.get(number, [])
            if method == "POST" and body is not None:
                return 201, self.add_comment(number, body["body"], self.author)
        # /repos/{owner}/{repo}/issues/comments/{id}
        if len(rest) == 3 and rest[:2] == ["issues", "comments"] and method == "PATCH" and body:
            for comments in self.comments.values():
                for comment in comments:
                    if comment["id"] == int(rest[2]):
                        if comment["user"]["login"] != self.author:
                            return 403, {"message": "Must have admin rights to Repository."}
                        comment["body"] = body["body"]
                        return 200, comment
        if rest == ["pulls"] and method == "GET":
            head = query.get("head", [""])[0].split(":", 1)[-1]
            return 200, [
                p
                for p in self.pulls.values()
                if p.get("state") == "open" and p["head"]["ref"] == head
            ]
        if rest == ["pulls"] and method == "POST" and body is not None:
            number = max([*self.pulls, 100]) + 1
            self.pulls[number] = {
                "number": number,
                "state": "open",
                "title": body["title"],
                "body": body["body"],
                "head": {"ref": body["head"], "sha": ""},
                "base": {"ref": body["base"]},
                "labels": [],
            }
            return 201, self.pulls[number]
        if len(rest) == 2 and rest[0] == "pulls" and int(rest[1]) in self.pulls:
            pull = self.pulls[int(rest[1])]
            if method == "GET":
                return 200, pull
            if method == "PATCH" and body is not None:
                pull.update(body)
                return 200, pull
        if rest == ["releases"] and method == "POST" and body is not None:
            release = {
                **body,
                "id": self.next_id,
                "html_url": f"https://github.test/r/{body['tag_name']}",
            }
            self.next_id += 1
            self.releases.append(release)
            return 201, release
        return 404, {"message": "Not Found"}
