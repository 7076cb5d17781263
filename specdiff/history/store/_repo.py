"""The git repository, through GitPython, handing out plain values only."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputError, ReleaseError, RevisionError, did_you_mean
from ...parse.decode import decode_spec
from ...policy.labels import CALVER, normalise_label, parse_calver, parse_semver, tag_version
from ..interrupts import run_process
from ._text import clean_path, git_date, parse_date, split_identity
from ._values import Revision, VersionTag

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import datetime

    import git

#: The identity used when git has no ``user.name`` / ``user.email`` configured.
DEFAULT_IDENTITY = "specdiff <specdiff@localhost>"

_LOG_FORMAT = "%H%x00%h%x00%aI%x00%an%x00%ae%x00%s%x01"
_TAG_FORMAT = (
    "%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)"
    "%00%(creatordate:iso-strict)%00%(contents:subject)%00%(contents:body)%01"
)


class SpecStore:
    """A git working tree holding a spec: versions, revisions, blobs, and the few writes
    that ``import`` and ``release`` need. Open it with :meth:`open` or :meth:`init`."""

    def __init__(self, repo: git.Repo, scheme: str = "semver", tag_prefix: str = "v") -> None:
        self._repo = repo
        self.root = Path(repo.working_tree_dir or ".")
        """The top of the working tree."""
        self.scheme = scheme
        """The version scheme used to read version labels in :meth:`resolve`."""
        self.tag_prefix = tag_prefix
        self._identity: str | None = None

    @classmethod
    def open(cls, path: Path, *, scheme: str = "semver", tag_prefix: str = "v") -> SpecStore:
        """The repository holding ``path``, looked for upward."""
        import git

        try:
            repo = git.Repo(path, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise RevisionError(f"{path} is not a git repository (or any parent)") from None
        if repo.bare:
            raise RevisionError(f"{path} is a bare git repository; specdiff needs a working tree")
        return cls(repo, scheme, tag_prefix)

    @classmethod
    def init(cls, path: Path, *, branch: str = "main", **options: str) -> SpecStore:
        """A new repository in ``path`` (``git init -b BRANCH``)."""
        import git

        path.mkdir(parents=True, exist_ok=True)
        git.Git(str(path)).execute(["git", "init", "--quiet", "-b", branch])
        return cls.open(path, **options)

    # -- reading ----------------------------------------------------------------------------

    def versions(self, scheme: str | None = None, prefix: str | None = None) -> list[VersionTag]:
        """Version tags, oldest to newest by version precedence; other tags are ignored."""
        scheme = scheme or self.scheme
        prefix = self.tag_prefix if prefix is None else prefix
        found: list[VersionTag] = []
        for record in self._git("for-each-ref", "refs/tags", f"--format={_TAG_FORMAT}").split(
            "\x01"
        ):
            fields = record.lstrip("\n").split("\x00")
            if len(fields) != 8:
                continue
            name, kind, target, peeled_kind, peeled, created, subject, body = fields
            version = tag_version(name, scheme, prefix)
            if version is None:
                continue
            if kind == "tag" and peeled_kind != "commit":
                continue  # a tag of a tree, a blob or another tag: not a release
            if kind not in ("tag", "commit"):
                continue
            message = "\n\n".join(p for p in (subject, body.strip()) if p) if kind == "tag" else ""
            commit = peeled if kind == "tag" else target
            found.append(VersionTag(name, version, commit, parse_date(created), message))
        if scheme == CALVER:
            found.sort(key=lambda t: (parse_calver(t.version), t.name))
        else:
            found.sort(key=lambda t: (parse_semver(t.version), t.name))
        return found

    def resolve(self, ref: str) -> Revision:
        """A version label (``1.2.0`` is tag ``v1.2.0``), tag, branch or any revision."""
        tried: list[str] = []
        if not ref.startswith("-"):
            label = normalise_label(ref, self.scheme)
            if label is not None and ref != self.tag_prefix + label:
                tag = self.tag_prefix + label
                tried.append(f"tag {tag}")
                sha = self._rev_parse(f"refs/tags/{tag}")
                if sha:
                    return self._revision(sha)
            tried.append(f"revision {ref}")
            sha = self._rev_parse(ref)
            if sha:
                return self._revision(sha)
        message = f"unknown version or revision {ref!r} (tried {', '.join(tried) or 'nothing'})"
        message += self._nearest_version(ref)
        if not self._rev_parse("HEAD"):
            message += "; the repository has no commits yet"
        elif hint := self.history_hint():
            message += f"; {hint}"
        raise RevisionError(message)

    def _nearest_version(self, ref: str) -> str:
        """A hint for a mistyped version: the nearest label with the same major number (or
        year), else the latest version; for anything else, the nearest tag name."""
        versions = self.versions()
        if not versions:
            return ""
        label = ref.removeprefix(self.tag_prefix)
        if normalise_label(label, self.scheme) is None:
            return did_you_mean(ref, [t.name for t in reversed(versions)])
        major = label.replace("-", ".").split(".")[0]
        same = [t.version for t in reversed(versions) if t.version.split(".")[0] == major]
        hint = did_you_mean(label, same) if same else ""
        if hint and ref.startswith(self.tag_prefix) and self.tag_prefix:
            hint = hint.replace("mean ", f"mean {self.tag_prefix}", 1)
        return hint or f"; the latest version is {versions[-1].version}"

    def history_hint(self) -> str:
        """'' for a full clone; for a shallow one, a sentence saying how to fetch the rest."""
        if not self.is_shallow():
            return ""
        if self._git("for-each-ref", "--count=1", "refs/tags"):
            return (
                "this is a shallow clone: run `git fetch --tags --unshallow` for the full history"
            )
        return (
            "this is a shallow clone without tags: run `git fetch --tags --unshallow` to fetch them"
        )

    def head(self) -> Revision:
        """The commit checked out (HEAD may be detached)."""
        sha = self._rev_parse("HEAD")
        if not sha:
            raise RevisionError(f"{self.root}: the repository has no commits yet")
        return self._revision(sha)

    def branch(self) -> str | None:
        """The checked-out branch, or None when HEAD is detached."""
        status, out, _ = self._run("symbolic-ref", "--quiet", "--short", "HEAD")
        return out if status == 0 and out else None

    def read(self, rev: str, path: str) -> tuple[str, str]:
        """``(blob id, text)`` of the spec at ``path`` (relative to the root) in ``rev``."""
        revision = self.resolve(rev)
        blob = self._blob(revision, rev, path)
        data: bytes = blob.data_stream.read()
        return blob.hexsha, decode_spec(data, f"{rev}:{path}")

    def tree_files(self, rev: str) -> list[tuple[str, str]]:
        """``(path, blob id)`` of every file in ``rev``, paths relative to the root."""
        revision = self.resolve(rev)
        out = self._git("ls-tree", "-r", "-z", "--full-tree", revision.commit)
        found = []
        for record in out.split("\x00"):
            meta, _, path = record.partition("\t")
            fields = meta.split()
            if len(fields) == 3 and fields[1] == "blob":
                found.append((path, fields[2]))
        return found

    def read_blob(self, blob_id: str, where: str) -> str:
        """The text of a blob; ``where`` names it in errors (``rev:path``)."""
        data: bytes = self._repo.odb.stream(bytes.fromhex(blob_id)).read()
        return decode_spec(data, where)

    def blob_id(self, rev: str, path: str) -> str:
        """The blob id of ``path`` in ``rev`` without reading it (errors as :meth:`read`)."""
        blob_id: str = self._blob(self.resolve(rev), rev, path).hexsha
        return blob_id

    def revisions_after(self, tag_commit: str | None, *paths: str) -> list[Revision]:
        """Commits after ``tag_commit`` (all, if None) up to HEAD touching any of ``paths``
        (a spec's names before and after renames), oldest first."""
        if not self._rev_parse("HEAD"):
            return []
        span = f"{tag_commit}..HEAD" if tag_commit else "HEAD"
        # Pathspecs (":(glob)spec/**/*.md", for a spec made of many files) pass as they are.
        specs = [p if p.startswith(":(") else clean_path(p) for p in paths]
        return self._revisions("log", "--reverse", span, "--", *specs)

    def exists(self, rev: str, path: str) -> bool:
        """Whether ``path`` is a file in commit ``rev`` (a full commit id or any revision)."""
        try:
            obj = self._repo.commit(rev).tree / clean_path(path)
        except (KeyError, ValueError):
            return False
        return bool(obj.type == "blob")

    def renames_of(self, path: str) -> list[tuple[str, str, str]]:
        """``(old, new, commit)`` for every rename git detects in the history of ``path``
        up to HEAD, newest first (``git log --follow``)."""
        if not self._rev_parse("HEAD"):
            return []
        out = self._git(
            "log", "--follow", "-M", "--name-status", "--format=%x01%H", "HEAD", "--",
            clean_path(path),
        )  # fmt: skip
        renames: list[tuple[str, str, str]] = []
        for record in out.split("\x01")[1:]:
            sha, _, body = record.partition("\n")
            for line in body.splitlines():
                fields = line.split("\t")
                if len(fields) == 3 and fields[0].startswith("R"):
                    renames.append((fields[1], fields[2], sha.strip()))
        return renames

    def files(self, rev: str = "HEAD") -> list[str]:
        """Every file path in commit ``rev`` ([] for a repository without commits)."""
        if not self._rev_parse(rev):
            return []
        out = self._git("ls-tree", "-r", "--name-only", "-z", rev)
        return [name for name in out.split("\x00") if name]

    def message(self, rev: str) -> str:
        """The full message of commit ``rev``."""
        return self._git("log", "-1", "--format=%B", rev).rstrip("\n") + "\n"

    def parents(self, rev: str) -> list[str]:
        """The parent commit ids of ``rev`` ([] for a root commit)."""
        return self._git("log", "-1", "--format=%P", rev).split()

    def changed_paths(self, rev: str) -> list[str]:
        """The paths commit ``rev`` changed against its first parent (all, for a root)."""
        out = self._git("diff-tree", "--root", "--no-commit-id", "-r", "--name-only", "-z", rev)
        return [name for name in out.split("\x00") if name]

    def is_shallow(self) -> bool:
        return self._git("rev-parse", "--is-shallow-repository") == "true"

    def tag_exists(self, name: str) -> bool:
        return bool(self._rev_parse(f"refs/tags/{name}"))

    def is_dirty(self, paths: Iterable[str] | None = None, *, untracked: bool = False) -> bool:
        """Uncommitted changes (staged or not) in ``paths`` (default: the whole tree).
        Untracked files count only with ``untracked=True``; ignored files never do."""
        mode = "--untracked-files=all" if untracked else "--untracked-files=no"
        pathspec = [clean_path(p) for p in paths] if paths is not None else []
        if paths is not None and not pathspec:
            return False
        return bool(self._git("status", "--porcelain", mode, "--", *pathspec))

    def dirty_paths(self) -> list[str]:
        """The tracked paths with uncommitted changes, staged or not."""
        out = self._git("status", "--porcelain", "-z", "--untracked-files=no")
        return [entry[3:] for entry in out.split("\x00") if len(entry) > 3]

    def identity(self) -> str:
        """``Name <email>`` from git's configuration, else :data:`DEFAULT_IDENTITY`."""
        if self._identity is None:
            _, name, _ = self._run("config", "--get", "user.name")
            _, email, _ = self._run("config", "--get", "user.email")
            self._identity = f"{name} <{email}>" if name and email else DEFAULT_IDENTITY
        return self._identity

    # -- writing (primitives for import and release) ----------------------------------------

    def create_commit(
        self,
        paths: Iterable[str],
        message: str,
        date: datetime | None = None,
        author: str | None = None,
        *,
        allow_empty: bool = False,
        hooks: bool = True,
    ) -> str:
        """Stage ``paths`` (additions, changes, deletions), commit the index, return its id.

        ``date`` sets both the author and committer dates; ``author`` is ``Name <email>``
        (default: :meth:`identity`, which is also the committer)."""
        self._git("add", "--all", "--", *(clean_path(p) for p in paths), error=ReleaseError)
        args = ["commit", "--quiet", "-m", message]
        args += ["--allow-empty"] if allow_empty else []
        args += [] if hooks else ["--no-verify"]
        self._git(*args, env=self._env(date, author), error=ReleaseError)
        return self._git("rev-parse", "HEAD")

    def create_tag(
        self, name: str, commit: str, message: str, date: datetime | None = None
    ) -> None:
        """An annotated tag; ``date`` is its tagger date. Refuses an existing tag."""
        if name.startswith("-") or self._run("check-ref-format", f"refs/tags/{name}")[0]:
            raise ReleaseError(f"{name!r} is not a valid tag name")
        if self.tag_exists(name):
            raise ReleaseError(f"tag {name} already exists")
        self._git("tag", "-a", "-m", message, name, commit, env=self._env(date), error=ReleaseError)

    def delete_tag(self, name: str) -> None:
        self._git("tag", "--delete", name, error=ReleaseError)

    def reset_hard(self, commit: str) -> None:
        """Move the current branch (or detached HEAD) and the working tree to ``commit``."""
        self._git("reset", "--hard", "--quiet", commit, error=ReleaseError)

    def list_folder(self, commit: str, folder: str) -> list[str]:
        """Names of the files directly in ``folder`` at ``commit`` ([] when there is none)."""
        status, out, _ = self._run("ls-tree", "--name-only", f"{commit}:{folder}")
        return [line for line in out.split("\n") if line] if status == 0 else []

    def parent(self, commit: str) -> str | None:
        """The first parent of ``commit``, or None for a root commit."""
        return self._rev_parse(f"{commit}^1") or None

    def web_url(self) -> str | None:
        """The https address of the ``origin`` remote on a forge (GitHub, GitLab ...),
        for links to commits and pull requests; None without one."""
        status, url, _ = self._run("remote", "get-url", "origin")
        if status != 0 or not url:
            return None
        url = url.strip()
        ssh = re.match(r"^(?:ssh://)?git@([^:/]+)[:/](.+?)(?:\.git)?/?$", url)
        if ssh:
            return f"https://{ssh.group(1)}/{ssh.group(2)}"
        web = re.match(r"^https?://(?:[^@/]+@)?([^/]+)/(.+?)(?:\.git)?/?$", url)
        return f"https://{web.group(1)}/{web.group(2)}" if web else None

    def first_parent_steps(self, base: str, head: str) -> list[tuple[str, str]]:
        """``(commit, full message)`` of ``base`` then of each first-parent commit after it
        up to ``head``, oldest first: the steps a release was made of (a merged pull
        request is one step, its merge commit)."""
        out = self._git(
            "log", "--first-parent", "--reverse", "--format=%H%x00%B%x01", f"{base}..{head}"
        )
        steps = [(base, "")]
        for record in out.split("\x01"):
            fields = record.lstrip("\n").split("\x00", 1)
            if len(fields) == 2 and fields[0]:
                steps.append((fields[0], fields[1]))
        return steps

    def merge_base(self, a: str, b: str) -> str:
        """The best common ancestor of two revisions (for a pull request: where it forked)."""
        status, out, err = self._run("merge-base", a, b)
        if status or not out:
            detail = " ".join(err.split()) or "no common ancestor"
            raise RevisionError(f"cannot find where {a} and {b} diverged: {detail}")
        return out.split()[0]

    def renamed_to(self, old: str, new: str, path: str) -> str | None:
        """Where ``path`` of revision ``old`` went in ``new``, by git's rename detection
        (None when it was not renamed: still there, deleted, or never existed)."""
        out = self._git("diff", "--name-status", "-z", "--find-renames", "--no-ext-diff", old, new)
        fields = out.split("\x00")
        wanted = clean_path(path)
        i = 0
        while i < len(fields) - 1:
            status = fields[i]
            if status.startswith(("R", "C")):
                if status.startswith("R") and fields[i + 1] == wanted and i + 2 < len(fields):
                    return fields[i + 2]
                i += 3
            else:
                i += 2
        return None

    def first_commit_touching(self, paths: Iterable[str]) -> Revision | None:
        """The oldest commit reachable from HEAD that touched any of ``paths``."""
        pathspec = [clean_path(p) for p in paths]
        if not pathspec or not self._rev_parse("HEAD"):
            return None
        found = self._revisions("log", "--reverse", "HEAD", "--", *pathspec)
        return found[0] if found else None

    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        return self._run("merge-base", "--is-ancestor", ancestor, descendant)[0] == 0

    def fetch_branch(self, remote: str, branch: str) -> str:
        """Fetch ``branch`` and the tags of ``remote``; returns the remote branch's commit."""
        tracking = f"refs/remotes/{remote}/{branch}"
        self._git(
            "fetch", "--quiet", "--tags", "--force", remote,
            f"+refs/heads/{branch}:{tracking}", error=ReleaseError,
        )  # fmt: skip
        return self._git("rev-parse", "--verify", f"{tracking}^{{commit}}", error=ReleaseError)

    def has_commits(self) -> bool:
        return bool(self._rev_parse("HEAD"))

    def unborn(self, paths: Iterable[str]) -> None:
        """Back to a repository without commits: the branch goes, ``paths`` are unstaged."""
        if self.has_commits():
            self._git("update-ref", "-d", "HEAD", error=ReleaseError)
        cleaned = [clean_path(p) for p in paths]
        self._git(
            "rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", *cleaned, error=ReleaseError
        )

    def ensure_identity(self, name: str, email: str) -> None:
        """Set a repository-local committer identity, unless git already has one."""
        if self.identity() == DEFAULT_IDENTITY:
            self._git("config", "user.name", name, error=ReleaseError)
            self._git("config", "user.email", email, error=ReleaseError)
            self._identity = None

    def push(
        self, remote: str, refspecs: Iterable[str], env: Mapping[str, str] | None = None
    ) -> None:
        """Push all ``refspecs`` atomically: the remote gets every ref or none of them."""
        self._git("push", "--atomic", "--quiet", remote, *refspecs, env=env, error=ReleaseError)

    # -- helpers ----------------------------------------------------------------------------

    def _run(self, *args: str, env: Mapping[str, str] | None = None) -> tuple[int, str, str]:
        # Not GitPython's execute: an interruption must stop the git child (and its hooks)
        # before anything is undone, and GitPython would leave it running.
        full_env = {**os.environ, "LANGUAGE": "C", "LC_ALL": "C", **(env or {})}
        status, out, err = run_process(["git", *args], cwd=str(self.root), env=full_env)
        return status, _decoded(out), _decoded(err)

    def _git(
        self,
        *args: str,
        env: Mapping[str, str] | None = None,
        error: type[RevisionError | ReleaseError] = RevisionError,
    ) -> str:
        status, out, err = self._run(*args, env=env)
        if status:
            detail = " ".join(err.split()) or f"exit status {status}"
            raise error(f"git {args[0]} failed in {self.root}: {detail}")
        return out

    def _rev_parse(self, ref: str) -> str:
        status, out, _ = self._run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        return out if status == 0 else ""

    def _revision(self, sha: str) -> Revision:
        return self._revisions("log", "-1", sha)[0]

    def _revisions(self, *args: str) -> list[Revision]:
        out = self._git(args[0], f"--format={_LOG_FORMAT}", *args[1:])
        revisions = []
        for record in out.split("\x01"):
            fields = record.strip("\n").split("\x00")
            if len(fields) == 6:
                sha, short, date, name, email, subject = fields
                revisions.append(Revision(sha, short, parse_date(date), name, subject, email))
        return revisions

    def _blob(self, revision: Revision, rev: str, path: str) -> git.Blob:
        clean = clean_path(path)
        try:
            obj = self._repo.commit(revision.commit).tree / clean
        except KeyError:
            raise RevisionError(f"{clean} does not exist at {rev} ({revision.short})") from None
        if obj.type != "blob":
            raise InputError(f"{rev}:{clean}: is a directory, not a spec file")
        blob: git.Blob = obj
        return blob

    def _env(self, date: datetime | None, author: str | None = None) -> dict[str, str]:
        committer = self.identity()
        author_name, author_email = split_identity(author or committer)
        committer_name, committer_email = split_identity(committer)
        env = {
            "GIT_AUTHOR_NAME": author_name,
            "GIT_AUTHOR_EMAIL": author_email,
            "GIT_COMMITTER_NAME": committer_name,
            "GIT_COMMITTER_EMAIL": committer_email,
        }
        if date is not None:
            stamp = git_date(date)
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = stamp
        return env


def _decoded(data: bytes) -> str:
    """Git's output as text, without the final newline (as GitPython hands it out)."""
    text = data.decode("utf-8", errors="replace")
    return text[:-1] if text.endswith("\n") else text
