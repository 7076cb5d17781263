"""The three things ``specdiff ci`` does: check a pull request, release, publish."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InputError
from ._check import check
from ._environment import GitHubRun, Outputs
from ._release import release

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from ..history.workspace import Workspace


def run_ci(env: Mapping[str, str], cwd: Path, echo: Callable[[str], None]) -> int:
    """Run the mode the event asks for; ``echo`` prints to the job log (stdout)."""
    from ..history.workspace import Workspace

    run = GitHubRun.from_environment(env)
    workspace = Workspace.discover(cwd, spec=run.settings.spec)
    _require_history(workspace)
    outputs = Outputs(run)
    mode = run.resolved_mode()
    outputs.set("mode", mode)
    if mode == "check":
        return check(run, workspace, outputs, echo)
    if mode == "release":
        release(run, workspace, outputs, echo)
        if run.settings.site_dir:
            _publish(run, workspace, outputs, echo)
        return 0
    _publish(run, workspace, outputs, echo)
    return 0


def _require_history(workspace: Workspace) -> None:
    """Every mode needs the whole history and the tags; a shallow checkout has neither."""
    if workspace.in_repository() and workspace.store.is_shallow():
        raise InputError(
            "this is a shallow clone: set `fetch-depth: 0` on actions/checkout so that "
            "specdiff sees the history and the version tags"
        )


def _publish(
    run: GitHubRun, workspace: Workspace, outputs: Outputs, echo: Callable[[str], None]
) -> None:
    from pathlib import Path

    from ..publish import build_site

    target = Path(run.settings.site_dir or "_site")
    if not target.is_absolute():
        target = workspace.root / target
    result = build_site(workspace, target, base_url=workspace.config.site.base_url)
    outputs.set("site-dir", str(target))
    echo(
        f"specdiff: published {result.pages} pages ({result.files} files, {result.bytes} bytes) to {target}"
    )
