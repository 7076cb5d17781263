"""``specdiff ci``: the GitHub Action's logic, driven by the ``GITHUB_*`` environment.

On a pull request: compare where it forked with its head, write the step summary,
annotations and the outputs, create or update one PR comment, and fail per ``fail-on``
unless a label accepts the bump. On a push to the default branch: release (commit, tag,
atomic push) when the spec changed in meaning, then build the site for Pages.
"""

from __future__ import annotations

from ._environment import MODES, GitHubRun, Outputs, Settings
from ._run import run_ci

__all__ = ["MODES", "GitHubRun", "Outputs", "Settings", "run_ci"]
