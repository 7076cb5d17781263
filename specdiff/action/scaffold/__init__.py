"""The files ``specdiff init`` writes into a spec repository, as text (no I/O here)."""

from __future__ import annotations

import re
from importlib.resources import files

from ...config import toml_string

_ACTION = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_.-]+$")


def workflow(action: str, branch: str) -> str:
    """The GitHub workflow: check on pull requests, release and publish on ``branch``."""
    if not _ACTION.match(action):
        raise ValueError(f"{action!r} is not OWNER/REPO@REF")
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch):
        raise ValueError(f"{branch!r} is not a branch name")
    return _template("workflow.yml").replace("@ACTION@", action).replace("@BRANCH@", branch)


def config(spec: str, title: str) -> str:
    """A ``specdiff.toml`` naming the spec and the site title."""
    return (
        _template("specdiff.toml")
        .replace("@SPEC@", toml_string(spec))
        .replace("@TITLE@", toml_string(title))
    )


def _template(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")
