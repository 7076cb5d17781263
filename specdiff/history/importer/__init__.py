"""``specdiff import``: replay a folder of versions as dated git commits and tags.

One commit per version (author and committer date = the version's date, message = its
message), then an annotated tag ``<tag_prefix><version>`` with the same message and date.
The folder's ``specdiff.toml``, if any, is committed with the first version; when neither
the folder nor the repository has a configuration, a small one is written instead (spec
path, scheme, prefix) so that later commands read the history the way it was imported.

Scheme and prefix: ``--scheme`` / ``--tag-prefix``, else the repository's configuration,
else the folder's ``specdiff.toml``, else auto-detected: calver when every version label
is a date (``2025-02-12`` is tagged ``2025.02.12``, prefix ''), semver otherwise
(prefix ``v``). Re-running adds nothing: versions whose tag exists with the same spec
text are skipped; a tag with other content is an error; only appending is allowed.

A spec made of many files is a manifest whose versions each name a ``folder``: each
commit then holds that folder's Markdown files under the spec folder (``spec/`` unless
the manifest or configuration says otherwise), files gone from a version are deleted.
Version labels that are neither semver nor dates (``October2021``, as in a corpus
manifest) are tagged by their date, as calendar versions.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...config import toml_string
from ...errors import InputError, RevisionError
from ...parse.decode import decode_spec
from ...parse.documents import DOCUMENT_SUFFIXES
from ...policy.labels import (
    CALVER,
    SEMVER,
    is_date_label,
    parse_calver,
    revision_day,
    tag_name,
    tag_version,
)
from ..interrupts import deferred
from ..settings import CONFIG_NAME, config_from_text, find_config_file, load_config
from ..store import SpecStore
from ._manifest import CORPUS_FORMAT, Manifest, ManifestVersion, manifest_from_mapping

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...config import Config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["ImportResult", "Manifest", "ManifestVersion", "import_history", "read_manifest"]

MANIFEST_NAME = "manifest.toml"


@dataclass(frozen=True, slots=True)
class ImportResult:
    root: Path
    """The repository's working tree."""
    spec_path: str
    scheme: str
    tag_prefix: str
    imported: tuple[str, ...]
    """Tags created, in manifest order."""
    skipped: tuple[str, ...]
    """Tags that already existed with the same content."""


@dataclass(frozen=True, slots=True)
class _Step:
    version: ManifestVersion
    tag: str
    data: bytes
    text: str
    files: tuple[tuple[str, bytes], ...] = ()
    """For a folder version: (path inside the spec folder, bytes) of each Markdown file."""


def read_manifest(folder: Path) -> Manifest:
    """Read and check ``folder/manifest.toml``."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    path = folder / MANIFEST_NAME
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{folder}: no {MANIFEST_NAME} in this folder") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from None
    return manifest_from_mapping(data, str(path))


def import_history(
    source: Path,
    *,
    cwd: Path,
    into: Path | None = None,
    spec_path: str | None = None,
    scheme: str | None = None,
    tag_prefix: str | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> ImportResult:
    """Replay ``source`` into the repository holding ``cwd``, or into a new one at ``into``."""
    manifest = read_manifest(source)
    if manifest.ignored:
        progress(
            f"specdiff: warning: {manifest.origin}: ignoring what specdiff does not use: "
            + ", ".join(manifest.ignored)
        )
    store = None
    if into is not None:
        root = into if into.is_absolute() else cwd / into
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise InputError(f"{into}: already exists and is not an empty folder")
        repo_config_path = None
    else:
        store = SpecStore.open(cwd)
        root = store.root
        repo_config_path = find_config_file(root)
    config, config_bytes = _configuration(source, root, repo_config_path, progress)

    scheme, tag_prefix = _scheme(manifest, config, scheme, tag_prefix)
    folders = _folder_versions(manifest)
    spec_path = _spec_path(manifest, config, spec_path, folders=folders)
    if config is None:
        config_bytes = _generated_config(spec_path, scheme, tag_prefix, manifest.title)
    fix = f'set version_scheme = "calver" in {config.origin}' if config else "use --scheme calver"
    steps = _steps(source, manifest, scheme, tag_prefix, fix)

    skipped = _already_imported(store, steps, spec_path, manifest) if store else 0
    todo = steps[skipped:]
    for step in steps[:skipped]:
        progress(
            f"skipped {step.version.version}: tag {step.tag} already exists with this {spec_path}"
        )
    result = ImportResult(
        root,
        spec_path,
        scheme,
        tag_prefix,
        tuple(s.tag for s in todo),
        tuple(s.tag for s in steps[:skipped]),
    )
    if not todo:
        return result

    undo = _Undo(root, store)
    if store is None:
        store = SpecStore.init(root)
    else:
        _check_clean(
            store, [spec_path, CONFIG_NAME] if config_bytes and not skipped else [spec_path]
        )
    try:
        _replay(store, root, steps, todo, spec_path, folders, config_bytes, progress, undo.tags)
    except BaseException:
        # All or nothing: an interruption (Ctrl-C, SIGTERM, SIGHUP) or a failure halfway
        # leaves the repository as it was, or no repository at all.
        with deferred():
            undo.run(store, [spec_path, CONFIG_NAME])
        raise
    return result


def _replay(
    store: SpecStore,
    root: Path,
    steps: list[_Step],
    todo: list[_Step],
    spec_path: str,
    folders: bool,
    config_bytes: bytes | None,
    progress: Callable[[str], None],
    tags: list[str],
) -> None:
    for step in todo:
        paths = [spec_path.rstrip("/")]
        if folders:
            _replace_folder(root / spec_path, step.files)
        else:
            _write(root / spec_path, step.data)
        if step is steps[0] and config_bytes is not None:
            _write(root / CONFIG_NAME, config_bytes)
            paths.append(CONFIG_NAME)
        v = step.version
        commit = store.create_commit(
            paths, v.message, v.date, v.author, allow_empty=True, hooks=False
        )
        store.create_tag(step.tag, commit, v.message, v.date)
        tags.append(step.tag)
        subject = v.message.splitlines()[0]
        progress(f"imported {v.version} as {step.tag} ({commit[:7]}, {v.date:%Y-%m-%d}): {subject}")


class _Undo:
    """What an import must take back if it stops halfway."""

    def __init__(self, root: Path, store: SpecStore | None) -> None:
        self.root = root
        self.new_repository = store is None
        self.root_existed = root.exists()
        self.start = store.head().commit if store is not None and store.has_commits() else None
        self.tags: list[str] = []

    def run(self, store: SpecStore, written: list[str]) -> None:
        if self.new_repository:
            if self.root_existed:  # it was empty: empty it again
                for child in self.root.iterdir():
                    if child.is_dir() and not child.is_symlink():
                        shutil.rmtree(child, ignore_errors=True)
                    else:
                        child.unlink(missing_ok=True)
            else:
                shutil.rmtree(self.root, ignore_errors=True)
            return
        for tag in reversed(self.tags):
            store.delete_tag(tag)
        if self.start is not None:
            store.reset_hard(self.start)  # the tree was clean: nothing of the user's is lost
        else:
            store.unborn(written)
            for name in written:
                path = self.root / name
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)


def _configuration(
    source: Path, root: Path, repo_config: Path | None, progress: Callable[[str], None]
) -> tuple[Config | None, bytes | None]:
    """The configuration in force (the repository's, else the folder's, else None) and
    the bytes of the folder's ``specdiff.toml`` when it is to be committed."""
    folder_config = source / CONFIG_NAME
    data = folder_config.read_bytes() if folder_config.is_file() else None
    if repo_config is not None:
        if data is not None and not _same_file(repo_config, data):
            progress(f"keeping the repository's {repo_config.name}; not copying {folder_config}")
        return load_config(root, repo_config), None
    if data is None:
        return None, None
    text = decode_spec(data, str(folder_config))
    return config_from_text(text, False, str(folder_config)), data


def _check_clean(store: SpecStore, written: list[str]) -> None:
    if store.is_dirty():
        raise InputError(
            f"{store.root}: the working tree has uncommitted changes; commit or stash them first"
        )
    if store.is_dirty(written, untracked=True):
        raise InputError(
            f"{store.root}: untracked {' or '.join(written)} would be overwritten; "
            "move it away first"
        )


def _scheme(
    manifest: Manifest, config: Config | None, scheme: str | None, prefix: str | None
) -> tuple[str, str]:
    if config is not None:
        for option, value, key, configured in (
            ("--scheme", scheme, "version_scheme", config.version_scheme),
            ("--tag-prefix", prefix, "tag_prefix", config.tag_prefix),
        ):
            if value is not None and value != configured:
                raise InputError(
                    f"{option} {value!r} conflicts with {key} = {configured!r} in {config.origin}"
                )
        return config.version_scheme, config.tag_prefix
    if scheme is None:
        dated = all(is_date_label(v.version) or revision_day(v.version) for v in manifest.versions)
        # A corpus names its versions as its source did ("October2021"): tag them by date.
        named = manifest.format == CORPUS_FORMAT and not any(
            tag_name(v.version, SEMVER, "") for v in manifest.versions
        )
        scheme = CALVER if dated or named else SEMVER
    if prefix is None:
        prefix = "" if scheme == CALVER else "v"
    return scheme, prefix


def _folder_versions(manifest: Manifest) -> bool:
    """Whether the versions are folders of files (all of them) or single files (all)."""
    folders = [v.folder is not None for v in manifest.versions]
    if any(folders) and not all(folders):
        raise InputError(
            f"{manifest.origin}: some versions name a 'folder' and others a 'file'; "
            "a history is one or the other"
        )
    return all(folders)


def _spec_path(
    manifest: Manifest, config: Config | None, option: str | None, *, folders: bool = False
) -> str:
    configured = config.specs if config is not None else ()
    default = "spec/" if folders else "spec.md"
    path = option or manifest.spec_path or (configured[0] if configured else default)
    if folders and not path.endswith("/"):
        path += "/"
    clean = path.replace("\\", "/").removeprefix("./")
    if folders:
        clean = clean.rstrip("/")
    parts = clean.split("/")
    if clean.startswith(("/", "-")) or ".." in parts or "" in parts or parts[0] == ".git":
        raise InputError(f"spec path {path!r} must be a relative path inside the repository")
    if folders:
        clean += "/"
    if configured and clean not in configured and clean.rstrip("/") not in configured:
        raise InputError(
            f"spec path {clean!r} is not among spec = {list(configured)} in {config.origin if config else ''}"
        )
    return clean


def _steps(source: Path, manifest: Manifest, scheme: str, prefix: str, fix: str) -> list[_Step]:
    steps: list[_Step] = []
    tags: dict[str, str] = {}
    releases_on: dict[tuple[int, int, int], int] = {}
    for listed in manifest.versions:
        where = f"{manifest.origin}: {listed.where}"
        v = listed
        day = _calendar_day(v.version) if scheme == CALVER else None
        if day is not None:
            releases_on[day] = nth = releases_on.get(day, -1) + 1
            if v.tag is None and tag_name(v.version, scheme, prefix) is None:
                # A second release the same day (2025-12-18-rev2): YYYY.MM.DD.N, N counting
                # that day's releases in manifest order; the tag message keeps the label.
                label = f"{day[0]:04d}.{day[1]:02d}.{day[2]:02d}" + (f".{nth}" if nth else "")
                message = f"{v.message.rstrip()}\n\nImported version label: {v.version}"
                v = replace(v, message=message, tag=prefix + label)
        if v.tag is not None:
            if tag_version(v.tag, scheme, prefix) is None:
                raise InputError(
                    f"{where}.tag = {v.tag!r} is not a {scheme} version tag with prefix {prefix!r}"
                )
            tag = v.tag
        else:
            label = v.version
            if scheme == CALVER and not is_date_label(label) and manifest.format == CORPUS_FORMAT:
                label = f"{v.date:%Y.%m.%d}"
            name = tag_name(label, scheme, prefix)
            if name is None:
                hint = (
                    f" (it is a date: {fix})"
                    if scheme == SEMVER and is_date_label(v.version)
                    else ""
                )
                raise InputError(f"{where}.version = {v.version!r} is not a {scheme} version{hint}")
            tag = name
        if tag in tags:
            raise InputError(f"{where}: tag {tag} would also be made by {tags[tag]}")
        tags[tag] = v.where
        if v.folder is not None:
            steps.append(_folder_step(source, v, tag, where))
            continue
        path = source / v.file
        if ".." in Path(v.file).parts or Path(v.file).is_absolute():
            raise InputError(f"{where}.file = {v.file!r} must be a file inside {source}")
        try:
            data = path.read_bytes()
        except OSError:
            raise InputError(f"{where}.file = {v.file!r}: no such file in {source}") from None
        if v.sha256 is not None and hashlib.sha256(data).hexdigest() != v.sha256.lower():
            raise InputError(f"{where}.sha256 does not match {path}")
        steps.append(_Step(v, tag, data, decode_spec(data, str(path))))
    return steps


def _folder_step(source: Path, version: ManifestVersion, tag: str, where: str) -> _Step:
    assert version.folder is not None
    if ".." in Path(version.folder).parts or Path(version.folder).is_absolute():
        raise InputError(f"{where}.folder = {version.folder!r} must be a folder inside {source}")
    folder = source / version.folder
    if not folder.is_dir():
        raise InputError(f"{where}.folder = {version.folder!r}: no such folder in {source}")
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name.lower().endswith(DOCUMENT_SUFFIXES):
            data = path.read_bytes()
            decode_spec(data, str(path))  # a binary or non-UTF-8 file fails here, named
            files.append((path.relative_to(folder).as_posix(), data))
    if not files:
        raise InputError(f"{where}.folder = {version.folder!r}: no Markdown files in it")
    return _Step(version, tag, b"", "", tuple(files))


def _replace_folder(folder: Path, files: tuple[tuple[str, bytes], ...]) -> None:
    """Make ``folder`` hold exactly ``files`` (git records the deletions)."""
    keep = {name for name, _ in files}
    if folder.is_dir():
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file() and path.relative_to(folder).as_posix() not in keep:
                path.unlink()
    for name, data in files:
        _write(folder / name, data)


def _files_at(store: SpecStore, rev: str, folder: str) -> tuple[tuple[str, bytes], ...]:
    prefix = folder.rstrip("/") + "/"
    found = []
    for path, blob_id in store.tree_files(rev):
        if path.startswith(prefix) and path.lower().endswith(DOCUMENT_SUFFIXES):
            text = store.read_blob(blob_id, f"{rev}:{path}")
            found.append((path[len(prefix) :], text.encode("utf-8")))
    return tuple(sorted(found))


def _already_imported(
    store: SpecStore, steps: list[_Step], spec_path: str, manifest: Manifest
) -> int:
    """How many leading steps are already tagged (with the same spec text)."""
    done = 0
    for index, step in enumerate(steps):
        if not store.tag_exists(step.tag):
            continue
        if index != done:
            raise InputError(
                f"cannot import {steps[done].version.version}: the later {step.version.version} "
                f"is already tagged {step.tag}; import only appends versions"
            )
        if step.files:
            same = _files_at(store, f"refs/tags/{step.tag}", spec_path) == tuple(
                (name, decode_spec(data, name).encode("utf-8")) for name, data in step.files
            )
        else:
            try:
                _, text = store.read(f"refs/tags/{step.tag}", spec_path)
            except RevisionError:
                text = None
            same = text == step.text
        if not same:
            raise InputError(
                f"tag {step.tag} already exists with a different {spec_path} than "
                f"{step.version.file or step.version.folder} ({manifest.origin}: {step.version.where})"
            )
        done += 1
    return done


def _generated_config(spec_path: str, scheme: str, prefix: str, title: str) -> bytes:
    lines = [
        "# Written by `specdiff import`: where the spec is and how its versions are tagged.",
        f"spec = {toml_string(spec_path)}",
        f"version_scheme = {toml_string(scheme)}",
        f"tag_prefix = {toml_string(prefix)}",
    ]
    if title:
        lines += ["", "[site]", f"title = {toml_string(title)}"]
    return ("\n".join(lines) + "\n").encode()


def _same_file(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _calendar_day(label: str) -> tuple[int, int, int] | None:
    """The day a calendar label names, also for same-day revisions (``2025-12-18-rev2``)."""
    key = parse_calver(label)
    return key[:3] if key is not None else revision_day(label)
