"""``specdiff ci``."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..policy.gate import FAIL_ON_CHOICES
from ._common import emit


@click.command("ci")
@click.option(
    "--mode",
    type=click.Choice(["auto", "check", "release", "publish"]),
    default=None,
    help="Overrides SPECDIFF_MODE (default: auto, by event).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default=None,
    help="Overrides SPECDIFF_FAIL_ON (default: major).",
)
@click.option(
    "--site-dir",
    default=None,
    help="Overrides SPECDIFF_SITE_DIR: where to build the site after a release, or in publish mode.",
)
def command(mode: str | None, fail_on: str | None, site_dir: str | None) -> int:
    """Run specdiff inside GitHub Actions (what the specdiff action calls).

    \b
    Reads GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
    GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_REF, GITHUB_WORKFLOW_REF and GITHUB_TOKEN,
    plus the action's inputs SPECDIFF_MODE, SPECDIFF_FAIL_ON, SPECDIFF_SPEC,
    SPECDIFF_SITE_DIR, SPECDIFF_RELEASE_VIA and SPECDIFF_FIRST_RELEASE.

    \b
    pull_request, merge_group: compares the merge base with the head using the
      configuration, policy, accept list and spec paths of the merge base; lists the
      PR's changes to them (those that loosen the gate need the major label); writes
      the step summary, at most 10 annotations, the outputs and one comment per spec
      (its own comments only; none on a PR that touches neither spec nor config);
      exits 1 per fail-on unless a label (read from the API now) accepts the bump.
    push to the default branch: releases (commit, tag, GitHub Release) when the spec
      changed in meaning; retries when another push won the race; opens a release
      pull request when the branch refuses the push; then builds the site."""
    from ..action import run_ci

    env = dict(os.environ)
    overrides = {"SPECDIFF_MODE": mode, "SPECDIFF_FAIL_ON": fail_on, "SPECDIFF_SITE_DIR": site_dir}
    env.update({key: value for key, value in overrides.items() if value is not None})
    return run_ci(env, Path.cwd(), emit)
