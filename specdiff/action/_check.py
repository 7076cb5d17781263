"""Check a pull request (or a merge-queue group): the gate as its base configures it.

Everything that decides the verdict comes from the merge base: the configuration, the
policy, the accept list and the spec paths. The pull request's own changes to them are
listed in the report, and those that loosen the gate need the major accept label. The
labels come from the API at run time (a re-run sees the labels as they are now).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..compare import compare_specs
from ..errors import RevisionError
from ..model.changes import Endpoint
from ..model.vocabulary import Level
from ..render.github import annotation
from ._api import ApiError, GitHubApi, head_line
from ._trust import ConfigChange, config_at, config_changes

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..config import Config
    from ..history.workspace import Loaded, Workspace
    from ..model.changes import Report
    from ._environment import GitHubRun, Outputs

#: GitHub shows ten error and ten warning annotations per step; more are dropped silently.
ANNOTATION_LIMIT = 10
_QUEUE_REF = re.compile(r"^refs/heads/gh-readonly-queue/.+/pr-(\d+)-[0-9a-f]+$")


@dataclass(frozen=True, slots=True)
class Target:
    """What is being checked: two commits, and the pull request they belong to."""

    base_rev: str
    head_rev: str
    number: int | None
    event_labels: tuple[str, ...]
    comments: bool
    """Whether to comment (pull requests) or not (merge groups, other events)."""


@dataclass(frozen=True, slots=True)
class SpecResult:
    key: str
    """The spec's path at the base (names its comment and its entry in the outputs)."""
    head_path: str
    report: Report
    touched: bool
    next_version: str
    json_path: str
    verdict: str
    failing: bool


def check(
    run: GitHubRun, workspace: Workspace, outputs: Outputs, echo: Callable[[str], None]
) -> int:
    from ..history.workspace import Workspace

    store = workspace.store
    target = _target(run, workspace)
    folder = workspace.cwd.resolve().relative_to(store.root.resolve()).as_posix()
    base_config, base_file = config_at(store, target.base_rev, folder)
    head_config, head_file = config_at(store, target.head_rev, folder)
    # The gate: the base's configuration, so nothing the pull request writes applies.
    gate = Workspace(workspace.cwd, base_config, run.settings.spec)
    keys = (gate.spec_path,) if run.settings.spec or not base_config.specs else base_config.specs
    found = gate.spec_path if not base_config.specs else None
    changes = config_changes(base_config, head_config, found)
    changes += _workflow_changes(run, workspace, target)
    if base_file != head_file and base_file is not None and head_file is None:
        changes.insert(0, ConfigChange(f"`{base_file}` deleted", loosens=True))

    api = GitHubApi(run.api_url, run.repository, run.token, run.settings.api_timeout)
    labels, current_head = _labels(api, target, echo)
    loosened = [change for change in changes if change.loosens]
    results = [
        _check_spec(run, gate, head_config, target, index, key, labels, bool(loosened))
        for index, key in enumerate(keys)
    ]

    _write_outputs(outputs, results, changes)
    _annotate(results, echo)
    title = base_config.site.title or "specdiff"
    config_block = _config_block(changes, base_config)
    for result in results:
        outputs.summary(_body(result, title, config_block if result is results[0] else ""))
    if target.number is not None and target.comments:
        _comment(api, target, results, title, config_block, current_head, echo)
    for result in results:
        echo(f"specdiff: {result.key}: {result.verdict}")
    return 1 if any(result.failing for result in results) else 0


# -- what to compare ---------------------------------------------------------------------
def _target(run: GitHubRun, workspace: Workspace) -> Target:
    store = workspace.store
    pull = run.pull_request
    if pull is not None:
        base = store.merge_base(pull.base_sha, pull.head_sha)
        return Target(base, pull.head_sha, pull.number, pull.labels, comments=True)
    group = run.event.get("merge_group")
    if run.event_name == "merge_group" and isinstance(group, dict):
        base_sha, head_sha = str(group.get("base_sha", "")), str(group.get("head_sha", ""))
        queued = _QUEUE_REF.match(str(group.get("head_ref", "")))
        number = int(queued.group(1)) if queued else None
        return Target(store.merge_base(base_sha, head_sha), head_sha, number, (), comments=False)
    versions = store.versions()
    head = store.head().commit
    return Target(versions[-1].commit if versions else head, head, None, (), comments=False)


def _labels(
    api: GitHubApi, target: Target, echo: Callable[[str], None]
) -> tuple[tuple[str, ...], str | None]:
    """The pull request's labels as they are now, and its current head commit."""
    if target.number is None:
        return target.event_labels, None
    try:
        state = api.pull_request(target.number)
    except ApiError as exc:
        echo(
            annotation(
                "warning", f"{exc}; using the event's", title="specdiff could not read the labels"
            )
        )
        return target.event_labels, None
    return state.labels, state.head_sha


def _workflow_changes(run: GitHubRun, workspace: Workspace, target: Target) -> list[ConfigChange]:
    """The workflow running this check sets ``fail-on``: a PR that edits it loosens the gate."""
    path = run.workflow_path
    if not path:
        return []
    store = workspace.store
    try:
        before = store.blob_id(target.base_rev, path)
    except RevisionError:
        return []
    try:
        after = store.blob_id(target.head_rev, path)
    except RevisionError:
        after = None
    if before == after:
        return []
    return [ConfigChange(f"the workflow `{path}` that runs this check changed", loosens=True)]


# -- one spec ----------------------------------------------------------------------------
def _check_spec(
    run: GitHubRun,
    gate: Workspace,
    head_config: Config,
    target: Target,
    index: int,
    key: str,
    labels: tuple[str, ...],
    loosened: bool,
) -> SpecResult:
    from ..render.json import render_json

    head_path = _follow(gate, head_config, target, index, key)
    old = _load_or_empty(gate, target.base_rev, key, "base")
    new = _load_or_empty(gate, target.head_rev, head_path, "head")
    report = compare_specs(old.spec, new.spec, gate.config, base=old.endpoint, head=new.endpoint)
    touched = head_path != key or _blob(gate, target.base_rev, key) != _blob(
        gate, target.head_rev, head_path
    )
    suffix = "" if index == 0 else f"-{index + 1}"
    json_path = run.temp_dir / f"specdiff-compare{suffix}.json"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(render_json(report), encoding="utf-8")
    verdict, failing = _verdict(run.settings.fail_on, gate.config, report, labels, loosened)
    return SpecResult(
        key=key,
        head_path=head_path,
        report=report,
        touched=touched,
        next_version=_next_version(gate, key, new),
        json_path=str(json_path),
        verdict=verdict,
        failing=failing,
    )


def _follow(gate: Workspace, head_config: Config, target: Target, index: int, key: str) -> str:
    """Where the spec ``key`` of the base is at the head: the same path, else where git
    sees it renamed, else where the head's configuration moved it."""
    if _blob(gate, target.head_rev, key) is not None:
        return key
    renamed = gate.store.renamed_to(target.base_rev, target.head_rev, key)
    if renamed is not None:
        return renamed
    if index < len(head_config.specs):
        moved = head_config.specs[index]
        if _blob(gate, target.head_rev, moved) is not None:
            return moved
    return key


def _blob(workspace: Workspace, rev: str, path: str) -> str | None:
    """The spec's content id at ``rev`` (for a folder or glob, of its set of files)."""
    return workspace.source_id(rev, path)


def _load_or_empty(workspace: Workspace, rev: str, path: str, side: str) -> Loaded:
    """The spec at ``rev``; a spec that does not exist there is an empty document."""
    from ..history.workspace import Loaded
    from ..parse import parse_spec

    short = rev[:9]
    try:
        return workspace.load_revision(rev, path, label=f"{side} {short}")
    except RevisionError as exc:
        # A one-file spec "does not exist"; a folder or glob has "no files" matching.
        if "does not exist" not in str(exc) and "no files match" not in str(exc):
            raise
        return Loaded(parse_spec(""), Endpoint(f"{side} {short} (no spec)", rev, path))


def _next_version(gate: Workspace, key: str, new: Loaded) -> str:
    """The version ``specdiff release`` would make if this head were merged now: the
    changes since the latest version (not only this PR's), by the one next-version rule;
    the latest version when no release would be due."""
    from datetime import datetime, timezone

    from ..history.timeline import Timeline
    from ..history.workspace import Workspace
    from ..policy.versioning import next_version

    at_key = Workspace(gate.cwd, gate.config, None)
    at_key.spec_path = key
    latest = Timeline(at_key).latest
    bump = Level.NONE
    if latest is not None:
        since = compare_specs(
            latest.spec, new.spec, gate.config, base=latest.endpoint, head=new.endpoint
        )
        bump = since.bump
        if latest.endpoint.path != new.endpoint.path:
            bump = max(bump, Level.PATCH)  # a renamed spec file is at least a patch release
    label = latest.tag.version if latest is not None else None
    version = next_version(
        label,
        bump,
        scheme=gate.config.version_scheme,
        existing={tag.version for tag in gate.store.versions()},
        today=datetime.now(timezone.utc).date(),
    )
    return version or label or ""


def _verdict(
    fail_on: Level | None,
    config: Config,
    report: Report,
    labels: tuple[str, ...],
    loosened: bool,
) -> tuple[str, bool]:
    from ..policy.gate import accepting_label, label_to_accept, reaches

    bump = report.blocking_bump
    # Loosening the gate is judged like a major change: it could pass one silently.
    needed = Level.MAJOR if loosened else bump
    why = f"bump {bump}"
    if loosened:
        why = f"bump {bump}; the pull request loosens the gate, which counts as major and"
    if not (reaches(report, fail_on) or (loosened and fail_on is not None)):
        counted = f"bump {bump}"
        if bump != report.bump:
            # Say what the threshold was compared with: accepted changes do not count.
            counted = f"bump {report.bump}, {bump} without the accepted changes,"
        return (
            f"**Check passed:** {counted} is below the `fail-on: {fail_on or 'none'}` threshold.",
            False,
        )
    accept_labels = config.github.accept_labels
    accepting = accepting_label(accept_labels, needed, labels)
    if accepting is not None:
        return (
            f"**Check passed:** {why} reaches `fail-on: {fail_on}`, accepted by the label `{accepting}`.",
            False,
        )
    wanted = label_to_accept(accept_labels, needed)
    hint = f" Add the label `{wanted}` to accept it." if wanted else ""
    return f"**Check failed:** {why} reaches `fail-on: {fail_on}`.{hint}", True


# -- reporting ---------------------------------------------------------------------------
def _write_outputs(
    outputs: Outputs, results: list[SpecResult], changes: list[ConfigChange]
) -> None:
    first = results[0]
    outputs.set("bump", str(max((r.report.bump for r in results), default=Level.NONE)))
    outputs.set("next-version", first.next_version)
    outputs.set("compare-json", first.json_path)
    outputs.set("changes", str(sum(len(r.report.changes) for r in results)))
    outputs.set("config-changes", str(len(changes)))
    outputs.set(
        "specs",
        json.dumps(
            {
                r.key: {
                    "path": r.head_path,
                    "bump": str(r.report.bump),
                    "next-version": r.next_version,
                    "changes": len(r.report.changes),
                    "compare-json": r.json_path,
                    "failing": r.failing,
                }
                for r in results
            },
            sort_keys=True,
        ),
    )


def _annotate(results: list[SpecResult], echo: Callable[[str], None]) -> None:
    """At most :data:`ANNOTATION_LIMIT` annotations, most severe first, over all specs,
    then one notice saying how many more there are (the step summary has them all)."""
    from ..history.spec_files import Selection, is_many
    from ..render.github import render_github

    ranked = sorted(
        (
            (change.severity, n, i)
            for i, r in enumerate(results)
            for n, change in enumerate(r.report.changes)
        ),
        key=lambda item: (-int(item[0]), item[2], item[1]),
    )
    chosen = {(i, n) for _, n, i in ranked[:ANNOTATION_LIMIT]}
    for i, result in enumerate(results):
        kept = tuple(c for n, c in enumerate(result.report.changes) if (i, n) in chosen)
        # A spec made of many files (a glob such as spec/**/*.md): its documents' paths
        # are relative to the glob's folder, and annotations need the repository's.
        entry = (result.head_path,)
        root = Selection(entry).root if is_many(entry) else None
        report = replace(result.report, changes=kept)
        echo(render_github(report, path=result.head_path, document_root=root).rstrip("\n"))
    hidden = len(ranked) - len(chosen)
    if hidden:
        echo(
            annotation(
                "notice",
                f"{hidden} more change(s) not annotated (GitHub shows {ANNOTATION_LIMIT} per "
                "step); the step summary and the comment list them all",
                title="specdiff",
            )
        )


def _config_block(changes: list[ConfigChange], base: Config) -> str:
    if not changes:
        return ""
    label = next((name for level, name in base.github.accept_labels if level >= Level.MAJOR), None)
    lines = ["", "#### Changes to the gate in this pull request", ""]
    for change in changes:
        flag = " — **loosens the gate**" if change.loosens else ""
        lines.append(f"- {change.text}{flag}")
    lines.append("")
    need = f" (the label `{label}`)" if label else ""
    lines.append(
        "This check used the configuration of the base branch. Changes that loosen the gate "
        f"need the same approval as a major change{need}."
    )
    return "\n".join(lines) + "\n"


def _body(result: SpecResult, title: str, config_block: str) -> str:
    from ..render.markdown import render_markdown

    markdown = render_markdown(result.report, title=f"{title} — {result.key}")
    if result.head_path != result.key:
        markdown += f"\nThe spec `{result.key}` is `{result.head_path}` in this pull request (followed as a rename).\n"
    return markdown + config_block + f"\n{result.verdict}\n"


def _comment(
    api: GitHubApi,
    target: Target,
    results: list[SpecResult],
    title: str,
    config_block: str,
    current_head: str | None,
    echo: Callable[[str], None],
) -> None:
    """One comment per spec, our own only; none on a pull request that does not touch
    the spec or the gate; never over a report for a newer head commit."""
    assert target.number is not None
    if current_head is not None and current_head != target.head_rev:
        echo(
            f"specdiff: pull request #{target.number} has moved on to {current_head[:9]}; "
            "this run's report is stale, so the comment is left to the newer run"
        )
        return
    for result in results:
        carries_config = bool(config_block) and result is results[0]
        try:
            existing = api.own_comment(target.number, result.key, legacy=result is results[0])
            if existing is None and not result.touched and not carries_config:
                echo(f"specdiff: {result.key} is not touched by this pull request: no comment")
                continue
            # Without the pull request's current head (the API call failed) a report on
            # another commit may be the newer one: leave it.
            if (
                existing is not None
                and existing.head not in (None, target.head_rev)
                and current_head is None
            ):
                echo(f"specdiff: comment {existing.id} reports on {existing.head}; left as it is")
                continue
            body = _body(result, title, config_block if carries_config else "")
            body += head_line(target.head_rev) + "\n"
            done = api.write_comment(target.number, result.key, body, existing)
            echo(f"specdiff: {done} on pull request #{target.number} ({result.key})")
        except ApiError as exc:
            echo(annotation("warning", str(exc), title="specdiff could not comment"))
            return
