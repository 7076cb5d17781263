"""``specdiff init``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._common import note

if TYPE_CHECKING:
    from ..history.workspace import Workspace
    from ..model.document import Spec

_GITHUB_REMOTE = re.compile(r"github\.com[:/]([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")


@click.command("init")
@click.option(
    "--spec",
    "spec_path",
    metavar="PATH",
    default=None,
    help="The spec: a file, a folder or a glob (default: the only Markdown file at the "
    "root, else the one folder holding Markdown files).",
)
@click.option(
    "--action",
    metavar="OWNER/REPO@SHA",
    default=None,
    help="The specdiff action to pin in the workflow (default: the GitHub repository and commit this copy of specdiff was installed from).",
)
@click.option(
    "--branch",
    default=None,
    help="The branch that releases (default: the current branch, else main).",
)
@click.option("--title", default=None, help="The site title (default: the spec's first heading).")
@click.option(
    "--force", is_flag=True, help="Overwrite specdiff.toml and the workflow if they exist."
)
def command(
    spec_path: str | None, action: str | None, branch: str | None, title: str | None, force: bool
) -> int:
    """Set up a spec repository: write specdiff.toml and .github/workflows/specdiff.yml.

    A spec made of many files (a folder of .md/.mdx files, found when no single
    Markdown file at the root is the spec) is written as a glob: spec = ["spec/**/*.md"].

    The workflow checks pull requests that touch the spec or specdiff.toml (a
    clause-level comment and a failing check when the bump is major, re-run when a
    label is added or removed) and merge groups, and on a push to the release branch
    cuts a release (or opens a release pull request when the branch is protected)
    and publishes the changelog site with GitHub Pages. The first release comes with
    the first change to the spec after this commit. Then: commit, push, open a pull
    request that edits the spec."""
    from ..action import scaffold
    from ..errors import InputError
    from ..history.files import write_atomically
    from ..history.interrupts import deferred
    from ..history.sources import read_spec_file
    from ..history.workspace import Workspace
    from ..parse import parse_spec, plain_text

    workspace = Workspace.discover(spec=spec_path)
    root = workspace.root
    spec, many = _spec_entry(workspace, spec_path)
    if not many and not (root / spec).is_file():
        raise InputError(f"{root / spec}: no such file; pass --spec PATH")
    if action is None:
        action = _own_action()
    if branch is None:
        branch = (workspace.store.branch() if workspace.in_repository() else None) or "main"
    if title is None:
        parsed = _parse_many(root, spec) if many else parse_spec(read_spec_file(root / spec))
        headings = [s for s in parsed.sections if s.level]
        title = plain_text(headings[0].title) if headings else spec
    try:
        files = {
            root / "specdiff.toml": scaffold.config(spec, title, many=many),
            root / ".github" / "workflows" / "specdiff.yml": (
                scaffold.workflow(action, branch, patterns=(_watched(spec),))
                if many
                else scaffold.workflow(action, branch, (spec,))
            ),
        }
    except ValueError as exc:
        raise InputError(str(exc)) from None
    existing = [path for path in files if path.exists()]
    if existing and not force:
        names = ", ".join(str(p.relative_to(root)) for p in existing)
        verb = "exists" if len(existing) == 1 else "exist"
        raise InputError(f"{names} already {verb}; pass --force to overwrite")
    # All or nothing: a failure or a signal (Ctrl-C, SIGTERM, SIGHUP) after the first
    # file puts back what was there before.
    previous = {path: path.read_bytes() if path.is_file() else None for path in files}
    try:
        for path, text in files.items():
            write_atomically(path, text)
    except BaseException:
        with deferred():
            for path, data in previous.items():
                if data is None:
                    path.unlink(missing_ok=True)
                elif path.read_bytes() != data:
                    path.write_bytes(data)
        raise
    for path in files:
        note(f"wrote {path.relative_to(root)}")
    note(
        "Next: commit these files and push; open a pull request that edits "
        f"{_edited(spec, many)} to see the report. Enable Pages (Settings → Pages → Source: GitHub Actions) for the site."
    )
    return 0


def _own_action() -> str:
    """``owner/repo@sha`` of the specdiff checkout this program runs from, if it has one."""
    from ..errors import InputError

    source = Path(__file__).resolve().parents[2]
    hint = "pass --action OWNER/REPO@SHA: the repository and commit of the specdiff action to pin"
    try:
        import git

        repo = git.Repo(source)
        url = repo.remotes.origin.url if repo.remotes else ""
        match = _GITHUB_REMOTE.search(url)
        if match is None:
            raise InputError(f"this specdiff was not installed from a GitHub checkout; {hint}")
        return f"{match.group(1)}@{repo.head.commit.hexsha}"
    except (ImportError, git.InvalidGitRepositoryError, git.NoSuchPathError, ValueError):
        raise InputError(f"this specdiff was not installed from a git checkout; {hint}") from None


def _spec_entry(workspace: Workspace, given: str | None) -> tuple[str, bool]:
    """What ``spec`` should say, and whether it names many files: ``--spec`` (a folder
    becomes the glob of its files), else the config's, else the one Markdown file at the
    root, else the one folder of Markdown files."""
    from ..errors import InputError
    from ..history.spec_files import find_spec_folder, folder_entry, is_many

    root = workspace.root
    if given is None and workspace.config.specs:
        entry = workspace.config.specs[0]
        return entry, is_many((entry,), is_dir=(root / entry).is_dir())
    if given is not None:
        entry = workspace.spec_path
        if (root / entry).is_dir():
            return folder_entry(root, entry), True
        return entry, is_many((entry,))
    try:
        return workspace.spec_path, False
    except InputError as problem:
        folder = find_spec_folder(root)
        if folder is None:
            raise problem from None
        return folder_entry(root, folder), True


def _parse_many(root: Path, entry: str) -> Spec:
    """The spec the ``spec`` entry selects on disk (to read its title)."""
    from ..errors import InputError
    from ..history.sources import read_spec_file
    from ..history.spec_files import Selection
    from ..parse import parse_spec
    from ..parse.documents import parse_documents

    selection = Selection((entry,))
    paths = selection.select(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    if not paths:
        raise InputError(f"{entry}: matches no Markdown file under {root}; pass --spec PATH")
    files = [(selection.relative(p), read_spec_file(root / p)) for p in paths]
    return parse_documents(files, parse_spec)


def _edited(entry: str, many: bool) -> str:
    """What a pull request should edit to see a report."""
    if not many:
        return entry
    folder = _watched(entry).removesuffix("**")
    return f"a file in {folder}" if folder else "one of the spec's files"


def _watched(entry: str) -> str:
    """The workflow's path filter for a spec made of many files: its folder, all of it
    (a pull request that adds a file to it touches the spec)."""
    from ..history.spec_files import Selection

    folder = Selection((entry,)).root
    return f"{folder}/**" if folder else "**"
