"""Releasing from the Action on real repositories.

- Two merges close together: the push of the first run loses the race (not a fast
  forward), so it fetches the branch, recomputes the release from there and tries again.
- A protected branch refuses the push from ``GITHUB_TOKEN``: the release goes through a
  "Release x.y.z" pull request instead (branch ``specdiff/release``, rebuilt each time);
  when that pull request is merged, the run on the merge tags it.
- Every release gets a GitHub Release whose notes are its CHANGELOG entry.
- No first release until the spec changes after specdiff was adopted (unless asked).
- A spec renamed since the last version is followed (the timeline's lineage).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ReleaseError, RevisionError
from ..render.github import annotation
from ._api import ApiError, GitHubApi

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..history.release import Plan
    from ..history.workspace import Workspace
    from ._environment import GitHubRun, Outputs

BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
RELEASE_BRANCH = "specdiff/release"
#: How often a run that lost the push race fetches, recomputes and tries again.
ATTEMPTS = 3
DEFAULT_WORKFLOW = ".github/workflows/specdiff.yml"


def release(
    run: GitHubRun, workspace: Workspace, outputs: Outputs, echo: Callable[[str], None]
) -> None:
    store = workspace.store
    branch = run.branch or store.branch()
    if branch is None:
        raise ReleaseError("cannot tell which branch to release on (GITHUB_REF is not a branch)")
    store.ensure_identity(BOT_NAME, BOT_EMAIL)
    api = GitHubApi(run.api_url, run.repository, run.token, run.settings.api_timeout)
    remote = run.settings.remote
    # Release the branch as it is now, with the tags as they are now: a run queued behind
    # another release starts from that release rather than redoing it.
    head = store.head().commit
    remote_head = store.fetch_branch(remote, branch)
    if remote_head != head and store.is_ancestor(head, remote_head):
        echo(f"specdiff: {remote}/{branch} is at {remote_head[:9]} now; releasing from there")
        store.reset_hard(remote_head)
    for attempt in range(1, ATTEMPTS + 1):
        plan = _plan(run, workspace, echo)
        if plan is None:
            _nothing(workspace, outputs)
            return
        merged = _merged_release_pull_request(plan)
        if not merged and run.settings.release_via == "pull-request":
            _release_pull_request(run, workspace, plan, api, branch, outputs, echo)
            return
        start = store.head().commit
        if merged:
            # The release pull request was merged: its commit carries the entry; tag it.
            from ..history.release import _tag_date

            store.create_tag(plan.tag, start, plan.message, _tag_date(plan.release_date))
            refspecs = [f"refs/tags/{plan.tag}"]
            commit = start
        else:
            from ..history.release import execute

            commit = execute(workspace, plan)
            refspecs = [f"{commit}:refs/heads/{branch}", f"refs/tags/{plan.tag}"]
        try:
            store.push(remote, refspecs)
        except ReleaseError as refused:
            store.delete_tag(plan.tag)
            store.reset_hard(start)
            remote_head = store.fetch_branch(remote, branch)
            if remote_head != start or _tag_on_remote(workspace, plan.tag):
                echo(
                    f"specdiff: {branch} moved on to {remote_head[:9]} while releasing "
                    f"{plan.tag}; recomputing the release from there (attempt {attempt + 1})"
                )
                store.reset_hard(remote_head)
                continue
            if run.settings.release_via == "auto" and not merged:
                echo(
                    f"specdiff: {remote}/{branch} refused the release commit ({refused}); "
                    "opening a release pull request instead"
                )
                _release_pull_request(run, workspace, plan, api, branch, outputs, echo)
                return
            raise ReleaseError(
                f"could not push release {plan.tag}, so nothing was released: {refused}"
            ) from None
        _released(run, plan, commit, api, branch, outputs, echo)
        return
    raise ReleaseError(
        f"{branch} kept moving while releasing ({ATTEMPTS} attempts), so nothing was "
        "released by this run; the run of the latest push releases it"
    )


def _plan(run: GitHubRun, workspace: Workspace, echo: Callable[[str], None]) -> Plan | None:
    from ..history.release import plan_release
    from ..history.timeline import Timeline

    timeline = Timeline(workspace)
    if timeline.latest is None and run.settings.first_release == "on-change":
        adoption = _unchanged_since_adoption(run, workspace)
        if adoption is not None:
            echo(
                f"specdiff: no release yet: {workspace.spec_path} has not changed since "
                f"specdiff was adopted in {adoption}; the first change releases it "
                "(or set first-release: now)"
            )
            return None
    plan = plan_release(workspace, timeline)
    if plan is None:
        echo(
            "specdiff: nothing to release: the spec has not changed in meaning since the last version"
        )
    return plan


def _unchanged_since_adoption(run: GitHubRun, workspace: Workspace) -> str | None:
    """The commit that adopted specdiff (added its config or workflow), if the spec is
    the same there as now; None when it changed since (or adoption cannot be told)."""
    store = workspace.store
    paths = [run.workflow_path or DEFAULT_WORKFLOW]
    if workspace.config.origin != "defaults":
        from pathlib import Path

        config_file = Path(workspace.config.origin).resolve()
        if config_file.is_relative_to(store.root.resolve()):
            paths.append(config_file.relative_to(store.root.resolve()).as_posix())
    adoption = store.first_commit_touching(paths)
    if adoption is None:
        return None
    head = store.head().commit
    try:
        before = store.blob_id(adoption.commit, workspace.spec_path)
    except RevisionError:
        return None  # the spec came after specdiff: it is a change
    return adoption.short if before == store.blob_id(head, workspace.spec_path) else None


def _merged_release_pull_request(plan: Plan) -> bool:
    """True when the checked-out changelog already holds this version's entry: the
    release pull request was merged, and only the tag is missing."""
    before = (plan.changelog_before or "").replace("\r\n", "\n")
    return f"\n## [{plan.version}]" in f"\n{before}"


def _tag_on_remote(workspace: Workspace, tag: str) -> bool:
    return workspace.store.tag_exists(tag)


def _release_pull_request(
    run: GitHubRun,
    workspace: Workspace,
    plan: Plan,
    api: GitHubApi,
    branch: str,
    outputs: Outputs,
    echo: Callable[[str], None],
) -> None:
    """Push the release commit to :data:`RELEASE_BRANCH` and open (or update) the
    "Release x.y.z" pull request; merging it makes the release."""
    from ..history.release import execute

    store = workspace.store
    start = store.head().commit
    commit = execute(workspace, plan)
    try:
        store.delete_tag(plan.tag)  # tagged when the pull request is merged
        store.push(run.settings.remote, [f"+{commit}:refs/heads/{RELEASE_BRANCH}"])
    finally:
        store.reset_hard(start)
    title = f"Release {plan.version}"
    body = (
        f"Merging this pull request releases **{plan.tag}**: the run on the merge tags it "
        "and creates the GitHub Release. specdiff updates this pull request while more "
        f"changes reach `{branch}`.\n\n{plan.entry}"
    )
    try:
        number = api.open_pull_request(RELEASE_BRANCH, branch)
        if number is None:
            number = api.create_pull_request(RELEASE_BRANCH, branch, title, body)
            done = "opened"
        else:
            api.update_pull_request(number, title, body)
            done = "updated"
    except ApiError as exc:
        raise ReleaseError(
            f"pushed {RELEASE_BRANCH} but could not open the release pull request: {exc} "
            "(allow GitHub Actions to create pull requests in the repository settings)"
        ) from None
    outputs.set("released", "false")
    outputs.set("release-pull-request", str(number))
    outputs.set("bump", str(plan.bump))
    outputs.set("next-version", plan.version)
    outputs.summary(f"### Release pull request #{number}: {title}\n\n{plan.entry}")
    echo(f"specdiff: {done} release pull request #{number} ({title})")


def _released(
    run: GitHubRun,
    plan: Plan,
    commit: str,
    api: GitHubApi,
    branch: str,
    outputs: Outputs,
    echo: Callable[[str], None],
) -> None:
    outputs.set("released", "true")
    outputs.set("tag", plan.tag)
    outputs.set("bump", str(plan.bump))
    outputs.set("next-version", plan.version)
    outputs.summary(f"### Released {plan.tag}\n\n{plan.entry}")
    echo(
        f"specdiff: released {plan.tag} ({commit[:9]}) and pushed it to {run.settings.remote}/{branch}"
    )
    try:
        url = api.create_release(plan.tag, plan.entry, prerelease="-" in plan.version)
    except ApiError as exc:
        echo(annotation("warning", str(exc), title="specdiff could not create the GitHub Release"))
        return
    outputs.set("release-url", url)
    echo(f"specdiff: GitHub Release {url}")


def _nothing(workspace: Workspace, outputs: Outputs) -> None:
    versions = workspace.store.versions()
    outputs.set("released", "false")
    outputs.set("bump", "none")
    outputs.set("next-version", versions[-1].version if versions else "")
