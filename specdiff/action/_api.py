"""The few GitHub REST calls specdiff makes: its identity, a pull request's labels and
head, its own report comments, release pull requests and GitHub Releases."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from ..errors import SpecdiffError

TIMEOUT = 20.0
#: Who writes with the workflow's GITHUB_TOKEN (``/user`` is closed to that token).
ACTIONS_BOT = "github-actions[bot]"
_MARKER = "<!-- specdiff:pull-request-report spec={key} -->"
#: The marker of versions that wrote one comment for the first spec only.
_LEGACY_MARKER = "<!-- specdiff:pull-request-report -->\n"
_HEAD = re.compile(r"<!-- specdiff:head=([0-9a-f]{7,64}) -->")


def marker(key: str) -> str:
    """The hidden first line of specdiff's comment for one spec (``key``: its path)."""
    return _MARKER.format(key=key.replace("--", "-\u200b-"))


def head_line(sha: str) -> str:
    """The hidden line recording which head commit a comment reports on."""
    return f"<!-- specdiff:head={sha} -->"


class ApiError(SpecdiffError):
    """A GitHub API call failed; the message says what to do about it."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class PullState:
    """A pull request as the API sees it now (not as the event payload saw it)."""

    head_sha: str
    labels: tuple[str, ...]
    state: str


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    author: str
    body: str

    @property
    def head(self) -> str | None:
        found = _HEAD.search(self.body)
        return found.group(1) if found else None


class GitHubApi:
    def __init__(
        self, api_url: str, repository: str, token: str | None, timeout: float = TIMEOUT
    ) -> None:
        self.api_url = api_url
        self.repository = repository
        self.token = token
        self.timeout = timeout
        self._login: str | None = None

    # -- who we are ---------------------------------------------------------------------
    def login(self) -> str:
        """The login comments are written as: the user of a personal token, else the
        Actions bot (an installation token may not read ``/user``)."""
        if self._login is None:
            try:
                user = self._call("GET", "/user")
                self._login = str(user["login"]) if isinstance(user, dict) else ACTIONS_BOT
            except ApiError as exc:
                if exc.status not in (401, 403, 404):
                    raise
                self._login = ACTIONS_BOT
        return self._login

    # -- pull requests ------------------------------------------------------------------
    def pull_request(self, number: int) -> PullState:
        data = self._call("GET", f"/repos/{self.repository}/pulls/{number}")
        try:
            return PullState(
                head_sha=str(data["head"]["sha"]),
                labels=tuple(
                    str(label["name"]) for label in data.get("labels", []) if "name" in label
                ),
                state=str(data.get("state", "open")),
            )
        except (KeyError, TypeError) as exc:
            raise ApiError(f"GitHub API returned an unexpected pull request: {exc}") from None

    def open_pull_request(self, head: str, base: str) -> int | None:
        """The number of the open pull request from branch ``head`` into ``base``, if any."""
        owner = self.repository.split("/", 1)[0]
        query = urllib.parse.urlencode({"head": f"{owner}:{head}", "base": base, "state": "open"})
        found = self._call("GET", f"/repos/{self.repository}/pulls?{query}")
        if isinstance(found, list) and found and isinstance(found[0], dict):
            return int(found[0]["number"])
        return None

    def create_pull_request(self, head: str, base: str, title: str, body: str) -> int:
        payload = {"head": head, "base": base, "title": title, "body": body}
        created = self._call("POST", f"/repos/{self.repository}/pulls", payload)
        return int(created["number"])

    def update_pull_request(self, number: int, title: str, body: str) -> None:
        self._call(
            "PATCH", f"/repos/{self.repository}/pulls/{number}", {"title": title, "body": body}
        )

    # -- releases -----------------------------------------------------------------------
    def create_release(self, tag: str, body: str, *, prerelease: bool) -> str:
        """A GitHub Release for ``tag`` with ``body`` as its notes; returns its page URL."""
        payload = {"tag_name": tag, "name": tag, "body": body, "prerelease": prerelease}
        created = self._call("POST", f"/repos/{self.repository}/releases", payload)
        return str(created.get("html_url", "")) if isinstance(created, dict) else ""

    # -- comments -----------------------------------------------------------------------
    def own_comment(self, number: int, key: str, *, legacy: bool = False) -> Comment | None:
        """specdiff's comment for spec ``key``: carrying its marker *and* written by our
        own login. A marker pasted into someone else's comment is ignored. With
        ``legacy``, our comment under the older one-spec marker counts too (it is then
        rewritten under the new marker rather than left beside a second report)."""
        login = self.login()
        wanted = (marker(key) + "\n",) + ((_LEGACY_MARKER,) if legacy else ())
        for comment in self._comments(number):
            if comment.author == login and comment.body.startswith(wanted):
                return comment
        return None

    def write_comment(self, number: int, key: str, body: str, existing: Comment | None) -> str:
        """Update ``existing`` (our own comment) or create a new one; returns what it did."""
        text = f"{marker(key)}\n{body}"
        if existing is not None:
            self._call(
                "PATCH", f"/repos/{self.repository}/issues/comments/{existing.id}", {"body": text}
            )
            return f"updated comment {existing.id}"
        created = self._call(
            "POST", f"/repos/{self.repository}/issues/{number}/comments", {"body": text}
        )
        return f"created comment {created['id']}"

    def _comments(self, number: int) -> list[Comment]:
        found: list[Comment] = []
        page = 1
        while True:
            batch = self._call(
                "GET", f"/repos/{self.repository}/issues/{number}/comments?per_page=100&page={page}"
            )
            if not isinstance(batch, list):
                return found
            for item in batch:
                if isinstance(item, dict) and "id" in item:
                    user = item.get("user")
                    user = user if isinstance(user, dict) else {}
                    found.append(
                        Comment(
                            int(item["id"]), str(user.get("login", "")), str(item.get("body", ""))
                        )
                    )
            if len(batch) < 100:
                return found
            page += 1

    # -- transport ----------------------------------------------------------------------
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
            raise ApiError(_explain(method, path, exc.code, _message(exc)), exc.code) from None
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
        hint = "; the token may lack `pull-requests: write` (or `contents: write` for releases), or this is a pull request from a fork"
    elif status == 404:
        hint = "; check the repository name and that the token can see it"
    elif status == 422:
        hint = "; GitHub rejected the request (too long, invalid, or it exists already)"
    else:
        hint = ""
    return where + detail + hint
