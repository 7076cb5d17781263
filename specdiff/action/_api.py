"""The few GitHub REST calls specdiff makes: find, create and update one PR comment."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from ..errors import SpecdiffError

TIMEOUT = 20.0
#: The hidden line that marks specdiff's own comment on a pull request.
MARKER = "<!-- specdiff:pull-request-report -->"


class ApiError(SpecdiffError):
    """A GitHub API call failed; the message says what to do about it."""


class GitHubApi:
    def __init__(
        self, api_url: str, repository: str, token: str | None, timeout: float = TIMEOUT
    ) -> None:
        self.api_url = api_url
        self.repository = repository
        self.token = token
        self.timeout = timeout

    def upsert_comment(self, number: int, body: str) -> tuple[str, int]:
        """Update specdiff's comment on pull request ``number``, or create it the first time.

        Returns ("created" or "updated", the comment id)."""
        body = f"{MARKER}\n{body}"
        existing = self._find_comment(number)
        if existing is not None:
            self._call(
                "PATCH", f"/repos/{self.repository}/issues/comments/{existing}", {"body": body}
            )
            return "updated", existing
        created = self._call(
            "POST", f"/repos/{self.repository}/issues/{number}/comments", {"body": body}
        )
        return "created", int(created["id"])

    def _find_comment(self, number: int) -> int | None:
        page = 1
        while True:
            comments = self._call(
                "GET", f"/repos/{self.repository}/issues/{number}/comments?per_page=100&page={page}"
            )
            if not isinstance(comments, list) or not comments:
                return None
            for comment in comments:
                if isinstance(comment, dict) and MARKER in str(comment.get("body", "")):
                    return int(comment["id"])
            if len(comments) < 100:
                return None
            page += 1

    def _call(self, method: str, path: str, payload: dict[str, Any] | None = None) -> Any:
        if not self.token:
            raise ApiError("no GitHub token: pass `token` to the action (or set GITHUB_TOKEN)")
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        request = urllib.request.Request(f"{self.api_url}{path}", data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        request.add_header("User-Agent", "specdiff")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            raise ApiError(_explain(method, path, exc.code, _message(exc))) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ApiError(
                f"GitHub API {method} {path.split('?', maxsplit=1)[0]} failed: {reason}"
            ) from None
        return json.loads(text) if text else None


def _message(error: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(error.read().decode("utf-8")).get("message", ""))
    except (ValueError, AttributeError, OSError):
        return ""


def _explain(method: str, path: str, status: int, message: str) -> str:
    where = f"GitHub API {method} {path.split('?', maxsplit=1)[0]} returned HTTP {status}"
    detail = f" ({message})" if message else ""
    if status in (401, 403):
        hint = "; the token may lack `pull-requests: write` (or `issues: write`), or this is a pull request from a fork"
    elif status == 404:
        hint = "; check the repository name and that the token can see it"
    elif status == 422:
        hint = "; GitHub rejected the comment (too long, or invalid)"
    else:
        hint = ""
    return where + detail + hint
