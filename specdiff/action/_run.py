"""The three things ``specdiff ci`` does: check a pull request, release, publish."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..compare import compare_specs
from ..errors import ReleaseError, RevisionError
from ..model.changes import Endpoint
from ._api import ApiError, GitHubApi
from ._environment import GitHubRun, Outputs

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from ..history.workspace import Loaded, Workspace
    from ..model.changes import Report

BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"


def run_ci(env: Mapping[str, str], cwd: Path, echo: Callable[[str], None]) -> int:
    """Run the mode the event asks for; ``echo`` prints to the job log (stdout)."""
    from ..history.workspace import Workspace

    run = GitHubRun.from_environment(env)
    workspace = Workspace.discover(cwd, spec=run.settings.spec)
    outputs = Outputs(run)
    mode = run.resolved_mode()
    outputs.set("mode", mode)
    if mode == "check":
        return _check(run, workspace, outputs, echo)
    if mode == "release":
        _release(run, workspace, outputs, echo)
        if run.settings.site_dir:
            _publish(run, workspace, outputs, echo)
        return 0
    _publish(run, workspace, outputs, echo)
    return 0


# -- check ------------------------------------------------------------------------------
def _check(
    run: GitHubRun, workspace: Workspace, outputs: Outputs, echo: Callable[[str], None]
) -> int:
    from ..render.github import annotation, render_github
    from ..render.json import render_json
    from ..render.markdown import render_markdown

    store = workspace.store
    pull = run.pull_request
    if pull is not None:
        base_rev = store.merge_base(pull.base_sha, pull.head_sha)
        head_rev = pull.head_sha
    else:
        versions = store.versions()
        head_rev = store.head().commit
        base_rev = versions[-1].commit if versions else head_rev
    old = _load_or_empty(workspace, base_rev, "base")
    new = _load_or_empty(workspace, head_rev, "head")
    report = compare_specs(
        old.spec, new.spec, workspace.config, base=old.endpoint, head=new.endpoint
    )

    json_path = run.temp_dir / "specdiff-compare.json"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(render_json(report), encoding="utf-8")
    outputs.set("bump", str(report.bump))
    outputs.set("next-version", _next_version(workspace, report))
    outputs.set("compare-json", str(json_path))
    outputs.set("changes", str(len(report.changes)))

    verdict, failing = _verdict(run, workspace, report, pull.labels if pull else ())
    title = workspace.config.site.title or "specdiff"
    markdown = render_markdown(report, title=title) + f"\n{verdict}\n"
    outputs.summary(markdown)
    echo(render_github(report, path=workspace.spec_path).rstrip("\n"))
    if pull is not None:
        try:
            action, comment = GitHubApi(
                run.api_url, run.repository, run.token, run.settings.api_timeout
            ).upsert_comment(pull.number, markdown)
            echo(f"specdiff: {action} comment {comment} on pull request #{pull.number}")
        except ApiError as exc:
            echo(annotation("warning", str(exc), title="specdiff could not comment"))
    echo(f"specdiff: {verdict}")
    return 1 if failing else 0


def _load_or_empty(workspace: Workspace, rev: str, side: str) -> Loaded:
    """The spec at ``rev``; a spec that does not exist there yet is an empty document."""
    from ..history.workspace import Loaded
    from ..parse import parse_spec

    short = rev[:9]
    try:
        # The spec's name at that commit: a pull request may rename the file.
        path = workspace.path_at(rev)
        return workspace.load_revision(rev, path, label=f"{side} {short}")
    except RevisionError as exc:
        if "does not exist" not in str(exc):
            raise
        return Loaded(
            parse_spec(""), Endpoint(f"{side} {short} (no spec)", rev, workspace.spec_path)
        )


def _verdict(
    run: GitHubRun, workspace: Workspace, report: Report, labels: tuple[str, ...]
) -> tuple[str, bool]:
    from ..policy.gate import accepting_label, label_to_accept, reaches

    fail_on = run.settings.fail_on
    bump = report.blocking_bump
    if not reaches(report, fail_on):
        return (
            f"**Check passed:** bump {report.bump} is below the `fail-on: {fail_on or 'none'}` threshold.",
            False,
        )
    accept_labels = workspace.config.github.accept_labels
    accepting = accepting_label(accept_labels, bump, labels)
    if accepting is not None:
        return (
            f"**Check passed:** bump {bump} reaches `fail-on: {fail_on}`, accepted by the label `{accepting}`.",
            False,
        )
    wanted = label_to_accept(accept_labels, bump)
    hint = f" Add the label `{wanted}` to accept it." if wanted else ""
    return f"**Check failed:** bump {bump} reaches `fail-on: {fail_on}`.{hint}", True


def _next_version(workspace: Workspace, report: Report) -> str:
    """The version the release on merge will make, as ``specdiff release`` computes it;
    the latest version when no release is due."""
    from datetime import datetime, timezone

    from ..history.timeline import Timeline
    from ..policy.versioning import next_version

    latest = Timeline(workspace).latest_label()
    version = next_version(
        latest,
        report.bump,
        scheme=workspace.config.version_scheme,
        existing={tag.version for tag in workspace.store.versions()},
        today=datetime.now(timezone.utc).date(),
    )
    return version or latest or ""


# -- release ----------------------------------------------------------------------------
def _release(
    run: GitHubRun, workspace: Workspace, outputs: Outputs, echo: Callable[[str], None]
) -> None:
    from ..history.release import execute, plan_release
    from ..history.timeline import Timeline

    store = workspace.store
    branch = run.branch or store.branch()
    if branch is None:
        raise ReleaseError("cannot tell which branch to release on (GITHUB_REF is not a branch)")
    store.ensure_identity(BOT_NAME, BOT_EMAIL)
    timeline = Timeline(workspace)
    plan = plan_release(workspace, timeline)
    if plan is None:
        outputs.set("released", "false")
        outputs.set("bump", "none")
        latest = timeline.latest
        outputs.set("next-version", latest.tag.version if latest else "")
        echo(
            "specdiff: nothing to release: the spec has not changed in meaning since the last version"
        )
        return
    start = store.head().commit
    commit = execute(workspace, plan)
    try:
        store.push(run.settings.remote, [f"{commit}:refs/heads/{branch}", f"refs/tags/{plan.tag}"])
    except ReleaseError as exc:
        store.delete_tag(plan.tag)
        store.reset_hard(start)
        raise ReleaseError(
            f"could not push release {plan.tag}, so nothing was released: {exc}"
        ) from None
    outputs.set("released", "true")
    outputs.set("tag", plan.tag)
    outputs.set("bump", str(plan.bump))
    outputs.set("next-version", plan.version)
    outputs.summary(f"### Released {plan.tag}\n\n{plan.entry}")
    echo(
        f"specdiff: released {plan.tag} ({commit[:9]}) and pushed it to {run.settings.remote}/{branch}"
    )


# -- publish ----------------------------------------------------------------------------
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
