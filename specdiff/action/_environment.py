"""What a GitHub Actions run tells specdiff: the event, where to write outputs, the API."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model.vocabulary import Level
from ..policy.gate import fail_on_level

if TYPE_CHECKING:
    from collections.abc import Mapping

MODES = ("auto", "check", "release", "publish")
RELEASE_VIA = ("auto", "push", "pull-request")
FIRST_RELEASE = ("on-change", "now")
DEFAULT_API_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class Settings:
    """The action's inputs (environment variables, never pasted into a script)."""

    mode: str = "auto"
    fail_on: Level | None = Level.MAJOR
    """The threshold of the pull-request check; None: it never fails."""
    spec: str | None = None
    site_dir: str | None = None
    remote: str = "origin"
    api_timeout: float = DEFAULT_API_TIMEOUT
    """Seconds to wait for one GitHub API call (``SPECDIFF_API_TIMEOUT``)."""
    release_via: str = "auto"
    """push, pull-request, or auto (push; a release pull request when the push is refused)."""
    first_release: str = "on-change"
    """on-change: no first release until the spec changes after specdiff was adopted."""


@dataclass(frozen=True, slots=True)
class PullRequest:
    number: int
    base_sha: str
    head_sha: str
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GitHubRun:
    """One workflow run, read from the ``GITHUB_*`` environment."""

    event_name: str
    event: Mapping[str, Any]
    repository: str
    api_url: str
    token: str | None
    ref: str
    sha: str
    output_path: Path | None
    summary_path: Path | None
    temp_dir: Path
    settings: Settings = field(default_factory=Settings)
    workflow_ref: str = ""
    """``GITHUB_WORKFLOW_REF``: ``owner/repo/.github/workflows/file.yml@ref``."""

    @classmethod
    def from_environment(cls, env: Mapping[str, str]) -> GitHubRun:
        event_name = env.get("GITHUB_EVENT_NAME", "")
        if not event_name:
            raise InputError(
                "GITHUB_EVENT_NAME is not set: `specdiff ci` runs inside GitHub Actions"
            )
        event: Mapping[str, Any] = {}
        event_path = env.get("GITHUB_EVENT_PATH")
        if event_path:
            try:
                event = json.loads(Path(event_path).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(f"cannot read the event payload {event_path}: {exc}") from None
        mode = env.get("SPECDIFF_MODE") or "auto"
        if mode not in MODES:
            raise InputError(f"mode {mode!r} is not one of {', '.join(MODES)}")
        try:
            fail_on = fail_on_level(env.get("SPECDIFF_FAIL_ON", "major"))
        except ValueError as exc:
            raise InputError(str(exc)) from None
        release_via = env.get("SPECDIFF_RELEASE_VIA") or "auto"
        if release_via not in RELEASE_VIA:
            raise InputError(f"release-via {release_via!r} is not one of {', '.join(RELEASE_VIA)}")
        first_release = env.get("SPECDIFF_FIRST_RELEASE") or "on-change"
        if first_release not in FIRST_RELEASE:
            raise InputError(
                f"first-release {first_release!r} is not one of {', '.join(FIRST_RELEASE)}"
            )
        return cls(
            event_name=event_name,
            workflow_ref=env.get("GITHUB_WORKFLOW_REF", ""),
            event=event,
            repository=env.get("GITHUB_REPOSITORY", ""),
            api_url=env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/"),
            token=env.get("GITHUB_TOKEN") or env.get("SPECDIFF_TOKEN") or None,
            ref=env.get("GITHUB_REF", ""),
            sha=env.get("GITHUB_SHA", ""),
            output_path=Path(env["GITHUB_OUTPUT"]) if env.get("GITHUB_OUTPUT") else None,
            summary_path=Path(env["GITHUB_STEP_SUMMARY"])
            if env.get("GITHUB_STEP_SUMMARY")
            else None,
            temp_dir=Path(env.get("RUNNER_TEMP") or env.get("TMPDIR") or "/tmp"),
            settings=Settings(
                mode=mode,
                fail_on=fail_on,
                spec=env.get("SPECDIFF_SPEC") or None,
                site_dir=env.get("SPECDIFF_SITE_DIR") or None,
                remote=env.get("SPECDIFF_REMOTE") or "origin",
                api_timeout=_seconds(env.get("SPECDIFF_API_TIMEOUT")),
                release_via=release_via,
                first_release=first_release,
            ),
        )

    @property
    def pull_request(self) -> PullRequest | None:
        data = self.event.get("pull_request")
        if not isinstance(data, dict):
            return None
        try:
            return PullRequest(
                number=int(data["number"]),
                base_sha=str(data["base"]["sha"]),
                head_sha=str(data["head"]["sha"]),
                labels=tuple(
                    str(label.get("name", ""))
                    for label in data.get("labels", [])
                    if isinstance(label, dict)
                ),
            )
        except (KeyError, TypeError, ValueError):
            raise InputError(
                "the pull_request event payload lacks number, base.sha or head.sha"
            ) from None

    @property
    def workflow_path(self) -> str | None:
        """The path of the workflow file running this job, relative to the repository."""
        ref = self.workflow_ref.rsplit("@", 1)[0]
        prefix = f"{self.repository}/"
        if not self.repository or not ref.startswith(prefix):
            return None
        return ref[len(prefix) :] or None

    @property
    def default_branch(self) -> str | None:
        repository = self.event.get("repository")
        if isinstance(repository, dict) and repository.get("default_branch"):
            return str(repository["default_branch"])
        return None

    @property
    def branch(self) -> str | None:
        return self.ref.removeprefix("refs/heads/") if self.ref.startswith("refs/heads/") else None

    def resolved_mode(self) -> str:
        """``auto``: pull requests are checked; a push to the default branch releases and publishes."""
        mode = self.settings.mode
        if mode != "auto":
            return mode
        if self.event_name in ("pull_request", "pull_request_target", "merge_group"):
            return "check"
        if (
            self.event_name == "push"
            and self.branch is not None
            and self.branch == (self.default_branch or "main")
        ):
            return "release"
        return "check"


class Outputs:
    """Writes step outputs (``GITHUB_OUTPUT``) and the step summary; both may be absent."""

    def __init__(self, run: GitHubRun) -> None:
        self.run = run
        self.values: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        self.values[name] = value
        if self.run.output_path is None:
            return
        delimiter = f"specdiff_{uuid.uuid4().hex}"
        with self.run.output_path.open("a", encoding="utf-8") as stream:
            stream.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")

    def summary(self, markdown: str) -> None:
        if self.run.summary_path is None:
            return
        with self.run.summary_path.open("a", encoding="utf-8") as stream:
            stream.write(markdown.rstrip("\n") + "\n")


def _seconds(value: str | None) -> float:
    if not value:
        return DEFAULT_API_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        raise InputError(f"SPECDIFF_API_TIMEOUT={value!r} is not a number of seconds") from None
    if seconds <= 0:
        raise InputError("SPECDIFF_API_TIMEOUT must be positive")
    return seconds
