"""The files ``specdiff init`` writes into a spec repository, as text (no I/O here)."""

from __future__ import annotations

import json
import re
from importlib.resources import files

from ...config import toml_string

_ACTION = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_.-]+$")
#: Characters a path filter reads as a pattern (GitHub's filter syntax), or that YAML
#: or a shell would mind: a spec path holding one is refused rather than mis-filtered.
_NOT_LITERAL = re.compile(r"[*?\[\]!+\\\"'\n\r\t]")
#: A glob the workflow may filter paths with: folders, names and ``*``, nothing YAML or
#: GitHub's filter syntax would read otherwise (``!`` negates, ``[`` opens a class).
_PATTERN = re.compile(r"[A-Za-z0-9_.-][A-Za-z0-9_./*-]*")
WORKFLOW_PATH = ".github/workflows/specdiff.yml"
CONFIG_PATH = "specdiff.toml"


def workflow(
    action: str, branch: str, specs: tuple[str, ...] = (), patterns: tuple[str, ...] = ()
) -> str:
    """The GitHub workflow: check on pull requests touching ``specs`` (file paths) or
    ``patterns`` (globs such as ``spec/**``, for a spec made of many files), or the files
    that configure the gate, and in the merge queue; release and publish on ``branch``.

    With neither, the pull-request trigger has no path filter (every PR is checked; the
    check stays silent on those that do not touch the spec)."""
    if not _ACTION.match(action):
        raise ValueError(f"{action!r} is not OWNER/REPO@REF")
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch):
        raise ValueError(f"{branch!r} is not a branch name")
    for spec in specs:
        if _NOT_LITERAL.search(spec) or spec.startswith(("/", "-")):
            raise ValueError(f"{spec!r} cannot be written as a workflow path filter; rename it")
    for pattern in patterns:
        if not _PATTERN.fullmatch(pattern):
            raise ValueError(f"{pattern!r} cannot be written as a workflow path filter; rename it")
    text = _template("workflow.yml").replace("@ACTION@", action).replace("@BRANCH@", branch)
    if specs or patterns:
        watched = [*specs, *patterns, CONFIG_PATH, WORKFLOW_PATH]
        paths = "\n".join(f"      - {json.dumps(path)}" for path in dict.fromkeys(watched))
        return text.replace("@PATHS@", paths)
    return text.replace("    paths:\n@PATHS@\n", "")


def config(spec: str, title: str, *, many: bool = False) -> str:
    """A ``specdiff.toml`` naming the spec and the site title; a spec made of many files
    (``many``: a folder or a glob) is written as a list, ``spec = ["spec/**/*.md"]``."""
    value = f"[{toml_string(spec)}]" if many else toml_string(spec)
    return (
        _template("specdiff.toml").replace("@SPEC@", value).replace("@TITLE@", toml_string(title))
    )


def _template(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")
