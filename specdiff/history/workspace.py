"""A spec project as the commands see it: configuration, repository, spec path, parse cache.

Turns what a user types (a file, ``REV:PATH``, a version label, a tag, any revision, or
nothing for the working tree) into a parsed :class:`~specdiff.model.Spec` and the
:class:`~specdiff.model.changes.Endpoint` that names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError, InputError, RevisionError
from ..model.changes import Endpoint
from .settings import find_config_file, load_config

if TYPE_CHECKING:
    from ..config import Config
    from ..model.document import Spec
    from .lineage import Lineage
    from .spec_files import Selection, SpecFile
    from .store import SpecCache, SpecStore

#: Markdown files that are never the spec when specdiff has to guess.
_NOT_SPECS = frozenset(
    {
        "readme.md",
        "changelog.md",
        "license.md",
        "contributing.md",
        "code_of_conduct.md",
        "security.md",
    }
)


@dataclass(frozen=True, slots=True)
class Source:
    """The text of a spec and what it is; ``blob_id`` is set when it came from git.

    For a spec made of many files, ``files`` holds its documents, ``blob_id`` a key for
    the whole set and ``text`` is empty until parsed (see :meth:`Workspace.parse`)."""

    text: str
    endpoint: Endpoint
    blob_id: str | None
    files: tuple[SpecFile, ...] = ()


@dataclass(frozen=True, slots=True)
class Loaded:
    """A parsed spec and what it is."""

    spec: Spec
    endpoint: Endpoint


class Workspace:
    """Lazily opens what a command needs: nothing touches git until something asks."""

    def __init__(self, cwd: Path, config: Config, spec_override: str | None = None) -> None:
        self.cwd = cwd
        self.config = config
        self.spec_override = spec_override

    @classmethod
    def discover(
        cls, cwd: Path | None = None, config_path: Path | None = None, spec: str | None = None
    ) -> Workspace:
        cwd = cwd or Path.cwd()
        return cls(cwd, load_config(cwd, config_path), spec)

    # -- lazily opened parts -----------------------------------------------------------
    @cached_property
    def store(self) -> SpecStore:
        from .store import SpecStore

        return SpecStore.open(
            self.cwd, scheme=self.config.version_scheme, tag_prefix=self.config.tag_prefix
        )

    @cached_property
    def cache(self) -> SpecCache:
        from .store import SpecCache

        return SpecCache(self.config.vocabulary)

    @cached_property
    def root(self) -> Path:
        """The folder spec paths are relative to: the repository root, else the config's
        folder, else the current folder."""
        try:
            return self.store.root
        except RevisionError:
            found = find_config_file(self.cwd)
            return found.parent if found else self.cwd

    def in_repository(self) -> bool:
        try:
            self.store  # noqa: B018 - opening it is the test
        except RevisionError:
            return False
        return True

    @cached_property
    def spec_path(self) -> str:
        """The spec's path relative to :attr:`root`: ``--spec``, else config, else a guess.

        For a spec made of many files: its entries, comma-separated (for people)."""
        if self.selection is not None:
            return self.selection.label()
        if self.spec_override:
            return self._relative(self.spec_override)
        if self.config.specs:
            return self.config.specs[0]
        return self._guess_spec_path()

    @cached_property
    def lineage(self) -> Lineage:
        """The spec's names through its renames (git's and the configured ones)."""
        from .lineage import Lineage

        return Lineage(self.store, self.spec_path, self.config.renames)

    def path_at(self, rev: str) -> str:
        """The spec's path in commit ``rev``: its name there, if it was renamed since.

        A spec made of many files is its entries at every revision (its files are paired
        by content when compared, so a renamed file is found without a lineage)."""
        if self.selection is not None:
            return self.spec_path
        return self.lineage.path_at(self.store.resolve(rev).commit)

    @cached_property
    def selection(self) -> Selection | None:
        """The files of a spec made of many files (None for a one-file spec)."""
        from .spec_files import Selection, is_many

        # Each entry of ``spec`` is one spec (the Action checks each on its own); an entry
        # that is a folder or a glob makes that spec a set of files.
        if self.spec_override:
            entries: tuple[str, ...] = (self._relative(self.spec_override),)
        else:
            entries = self.config.specs[:1]
        if not entries:
            return None
        is_dir = len(entries) == 1 and (self.root / entries[0]).is_dir()
        return Selection(entries) if is_many(entries, is_dir=is_dir) else None

    @property
    def pathspecs(self) -> tuple[str, ...]:
        """What ``git log`` follows to find commits that changed the spec."""
        return self.selection.pathspecs if self.selection is not None else self.lineage.names

    def output_path(self, configured: str, key: str) -> tuple[Path, str]:
        """A configured output file (``changelog``): its absolute path and its path
        relative to the repository. Anything that resolves outside the repository (``..``,
        an absolute path elsewhere, a symbolic link out) is refused before anything is
        written."""
        root = self.root.resolve()
        target = (root / configured).resolve()
        if root not in target.parents:
            raise ConfigError(
                f"{key} = {configured!r} ({self.config.origin}) resolves to {target}, outside "
                f"the repository {root}; specdiff writes only inside it: give a path such as "
                f"{Path(configured).name!r}"
            )
        return target, target.relative_to(root).as_posix()

    def _relative(self, path: str) -> str:
        absolute = (self.cwd / path).resolve()
        try:
            return absolute.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path

    def _guess_spec_path(self) -> str:
        candidates = sorted(
            p.relative_to(self.root).as_posix()
            for p in self.root.glob("*.md")
            if p.name.lower() not in _NOT_SPECS and p.is_file()
        )
        if len(candidates) == 1:
            return candidates[0]
        listed = f" (found {', '.join(candidates)})" if candidates else ""
        raise InputError(
            f'which file is the spec? pass --spec PATH or set spec = "..." in specdiff.toml{listed}'
        )

    # -- loading -----------------------------------------------------------------------
    def load(self, ref: str | None) -> Loaded:
        """The spec named by ``ref``; None means the working-tree copy of the spec."""
        source = self.read(ref)
        return Loaded(self.parse(source)[0], source.endpoint)

    def parse(self, source: Source) -> tuple[Spec, str]:
        """The parsed spec and its text (for many files: laid end to end, as the combined
        spec numbers its lines)."""
        if source.files:
            from ..parse.documents import combined_text

            assert source.blob_id is not None
            spec = self.cache.parse_documents(source.blob_id, source.files)
            return spec, combined_text(spec, {f.path: f.text for f in source.files})
        path = source.endpoint.path or ""
        if source.blob_id is not None:
            from ..parse.documents import single_text

            spec = self.cache.parse(source.blob_id, source.text, path)
            return spec, single_text(path, source.text)
        from ..parse import parse_spec
        from ..parse.documents import parse_single

        return parse_single(
            path, source.text, lambda text: parse_spec(text, self.config.vocabulary)
        )

    def spec_at(
        self, rev: str, path: str | None = None, label: str | None = None
    ) -> tuple[Spec, str, Endpoint]:
        """The spec at a revision (at ``path``, default: the spec's path), its text and
        endpoint (errors as :meth:`read`)."""
        source = self._read_revision(rev, path or self.spec_path, label)
        spec, text = self.parse(source)
        return spec, text, source.endpoint

    def source_at(self, rev: str) -> Source:
        """The spec's source at a revision, unparsed (errors as :meth:`read`)."""
        return self._read_revision(rev, self.path_at(rev))

    def read(self, ref: str | None) -> Source:
        """The text named by ``ref``: a file, ``REV:PATH``, a version, a tag or a revision."""
        if ref is None:
            if self.selection is not None:
                return self._read_working_tree(self.selection)
            return self._read_file(self.root / self.spec_path, label="working tree")
        path = self.cwd / ref
        if path.is_dir():
            return self._read_folder(path, label=ref)
        if path.exists():
            return self._read_file(path, label=ref)
        if not self.in_repository():
            raise InputError(
                f"{ref}: no such file, and {self.cwd} is not in a git repository, "
                "so it cannot name a version or revision either"
            )
        if ":" in ref:
            rev, _, spec_path = ref.partition(":")
            return self._read_revision(rev or "HEAD", spec_path, label=ref)
        try:
            self.store.resolve(ref)
        except RevisionError:
            if ref.lower().endswith((".md", ".mdx", ".markdown", ".txt")):
                raise InputError(
                    f"{ref}: no such file (nor a version or revision of that name)"
                ) from None
            raise
        return self._read_revision(ref, self.path_at(ref), label=ref)

    def source_id(self, rev: str, spec_path: str) -> str | None:
        """What the spec at ``spec_path`` is at a revision, as one id (its blob id; for a
        spec made of many files, the id of the set of its files), or None when it is not
        there: equal ids, equal specs."""
        from .spec_files import is_many

        try:
            if not is_many((spec_path,)):
                try:
                    return self.store.blob_id(rev, spec_path)
                except InputError:
                    pass  # not a file: REV:FOLDER is the set of the folder's files
            return self._read_revision(rev, spec_path).blob_id
        except (RevisionError, InputError):
            return None

    def load_revision(self, rev: str, spec_path: str, label: str | None = None) -> Loaded:
        source = self._read_revision(rev, spec_path, label)
        assert source.blob_id is not None
        return Loaded(self.parse(source)[0], source.endpoint)

    def _read_folder(self, path: Path, label: str) -> Source:
        from .spec_files import combined_id, read_folder

        files = tuple(read_folder(path))
        return Source(
            "", Endpoint(label=label, commit=None, path=str(path)), combined_id(files), files
        )

    def _read_working_tree(self, selection: Selection) -> Source:
        from .sources import read_spec_file
        from .spec_files import SpecFile, combined_id, text_id

        root = self.root
        candidates = (
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if ".git" not in p.relative_to(root).parts and p.is_file()
        )
        files = []
        for repo_path in selection.select(candidates):
            text = read_spec_file(root / repo_path)
            # Files on disk have no blob id: key them by content, so equal texts share a parse.
            files.append(SpecFile(selection.relative(repo_path), text_id(text), text))
        if not files:
            raise InputError(f"no Markdown files match spec = {list(selection.entries)}")
        return Source(
            "",
            Endpoint(label="working tree", commit=None, path=selection.label()),
            combined_id(files),
            tuple(files),
        )

    def _read_documents_at(self, rev: str, selection: Selection, label: str | None) -> Source:
        from .spec_files import SpecFile, combined_id

        revision = self.store.resolve(rev)
        listed = dict(self.store.tree_files(revision.commit))
        files = tuple(
            SpecFile(
                selection.relative(path),
                listed[path],
                self.store.read_blob(listed[path], f"{rev}:{path}"),
            )
            for path in selection.select(listed)
        )
        if not files:
            raise RevisionError(
                f"no files match spec = {list(selection.entries)} at {rev} ({revision.short})"
            )
        return Source(
            "",
            Endpoint(label=label or rev, commit=revision.commit, path=selection.label()),
            combined_id(files),
            files,
        )

    def _read_file(self, path: Path, label: str) -> Source:
        from .sources import read_spec_file

        return Source(
            read_spec_file(path), Endpoint(label=label, commit=None, path=str(path)), None
        )

    def _read_revision(self, rev: str, spec_path: str, label: str | None = None) -> Source:
        if self.selection is not None and spec_path == self.spec_path:
            return self._read_documents_at(rev, self.selection, label)
        revision = self.store.resolve(rev)
        try:
            blob_id, text = self.store.read(rev, spec_path)
        except InputError:
            if spec_path in dict(self.store.tree_files(revision.commit)):
                raise
            from .spec_files import Selection

            # REV:FOLDER names a spec made of the files in that folder.
            return self._read_documents_at(rev, Selection((spec_path.rstrip("/") + "/",)), label)
        return Source(
            text, Endpoint(label=label or rev, commit=revision.commit, path=spec_path), blob_id
        )
