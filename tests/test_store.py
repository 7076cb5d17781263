"""The git store on real repositories built in temporary folders."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest
from gitutil import EMAIL, USER, commit, copy_repo, git, init_repo, isolate_git, tag

from specdiff.errors import InputError, ReleaseError, RevisionError
from specdiff.history.store import DEFAULT_IDENTITY, Revision, SpecCache, SpecStore, VersionTag
from specdiff.policy.labels import (
    normalise_label,
    parse_calver,
    parse_semver,
    tag_name,
    tag_version,
)

if TYPE_CHECKING:
    from pathlib import Path

SPEC_V1 = "# Spec\n\n## Rules {#rules}\n\nThe assistant must be kind.\n"
SPEC_V2 = SPEC_V1 + "\nThe assistant should be brief.\n"


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three commits: v1.0.0 (README only), v1.1.0 (adds spec.md), then an unreleased edit."""
    base = tmp_path_factory.mktemp("template")
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate_git(monkeypatch, base)
        path = init_repo(base / "repo")
        commit(path, {"README.md": "hello\n"}, "Start", "2025-01-01T10:00:00+00:00")
        tag(path, "v1.0.0", message="First")
        commit(path, {"spec.md": SPEC_V1}, "Add the spec", "2025-02-01T10:00:00+01:00")
        tag(path, "v1.1.0", message="Second\n\nWith a body.")
        commit(path, {"spec.md": SPEC_V2}, "Be brief", "2025-03-01T10:00:00+00:00")
    return path


@pytest.fixture
def repo(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template repository."""
    return copy_repo(template, tmp_path / "repo")


# -- opening --------------------------------------------------------------------------------


def test_not_a_git_repository(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    with pytest.raises(RevisionError, match=r"plain is not a git repository \(or any parent\)"):
        SpecStore.open(folder)


def test_open_finds_the_repository_upward(repo: Path) -> None:
    nested = repo / "docs" / "deep"
    nested.mkdir(parents=True)
    assert SpecStore.open(nested).root == repo


# -- versions -------------------------------------------------------------------------------


def test_semver_versions_by_precedence_other_tags_ignored(tmp_path: Path) -> None:
    path = init_repo(tmp_path / "r")
    for name in ("v1.10.0", "v2.0.0", "v1.2.0", "v2.0.0-rc.1", "v1.0.0", "v2.0.0-beta.2"):
        commit(path, {"spec.md": name}, f"for {name}")
        tag(path, name, message=f"Release {name}")
    for other in ("latest", "v1", "release-3", "1.5.0", "vnext"):
        tag(path, other)
    store = SpecStore.open(path)
    names = [t.name for t in store.versions()]
    assert names == ["v1.0.0", "v1.2.0", "v1.10.0", "v2.0.0-beta.2", "v2.0.0-rc.1", "v2.0.0"]
    assert [t.name for t in store.versions(prefix="")] == ["1.5.0"]
    rc = store.versions()[-2]
    assert rc.version == "2.0.0-rc.1"
    assert rc.message == "Release v2.0.0-rc.1"
    assert rc.commit == git(path, "rev-parse", "v2.0.0-rc.1^{commit}")


def test_version_tag_values(repo: Path) -> None:
    store = SpecStore.open(repo)
    first, second = store.versions()
    assert isinstance(first, VersionTag)
    assert first.version == "1.0.0"
    assert first.message == "First"
    assert second.message == "Second\n\nWith a body."
    assert second.commit == git(repo, "rev-parse", "HEAD~1")
    assert first.date.tzinfo is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.name = "x"  # type: ignore[misc]


def test_lightweight_tag_has_commit_date_and_no_message(tmp_path: Path) -> None:
    path = init_repo(tmp_path / "r")
    commit(path, {"spec.md": "x"}, "Only", "2024-06-01T08:30:00+02:00")
    tag(path, "v0.1")
    (only,) = SpecStore.open(path).versions()
    assert only.version == "0.1"
    assert only.message == ""
    assert only.date == datetime(2024, 6, 1, 8, 30, tzinfo=timezone(timedelta(hours=2)))


def test_calver_versions_and_labels(tmp_path: Path) -> None:
    path = init_repo(tmp_path / "r")
    for name in ("2025.09.12", "2024.12.01", "2025.09.12.1", "2025.01.05", "v1.0.0", "2025.13.01"):
        commit(path, {"spec.md": name}, f"for {name}")
        tag(path, name, message=name)
    store = SpecStore.open(path, scheme="calver", tag_prefix="")
    assert [t.name for t in store.versions()] == [
        "2024.12.01",
        "2025.01.05",
        "2025.09.12",
        "2025.09.12.1",
    ]
    # A date written with dashes resolves to the dotted tag.
    assert store.resolve("2025-01-05").commit == git(path, "rev-parse", "2025.01.05^{commit}")
    assert store.resolve("2025.09.12.1").commit == git(path, "rev-parse", "2025.09.12.1^{commit}")
    assert [t.name for t in store.versions("semver", "v")] == ["v1.0.0"]


def test_version_label_helpers() -> None:
    assert normalise_label("2025-02-12", "calver") == "2025.02.12"
    assert normalise_label("2025.2.3", "calver") == "2025.02.03"
    assert normalise_label("2025-02-30", "calver") is None
    assert normalise_label("2025-02-12", "semver") is None
    assert tag_name("1.2.0", "semver", "v") == "v1.2.0"
    assert tag_name("2025-02-12", "calver", "") == "2025.02.12"
    assert tag_version("spec-1.2.0", "semver", "spec-") == "1.2.0"
    assert tag_version("v1", "semver", "v") is None
    assert parse_semver("1") is None
    assert parse_semver("0.1") == parse_semver("0.1.0")
    assert parse_calver("2025.09.12.1") == (2025, 9, 12, 1)


# -- resolve --------------------------------------------------------------------------------


def test_resolve_accepts_labels_tags_branches_and_revisions(repo: Path) -> None:
    store = SpecStore.open(repo)
    head = git(repo, "rev-parse", "HEAD")
    second = git(repo, "rev-parse", "HEAD~1")
    git(repo, "branch", "feature", "HEAD~2")
    assert store.resolve("1.1.0").commit == second
    assert store.resolve("v1.1.0").commit == second
    assert store.resolve("refs/tags/v1.1.0").commit == second
    assert store.resolve("feature").commit == git(repo, "rev-parse", "HEAD~2")
    assert store.resolve("HEAD~1").commit == second
    assert store.resolve(head[:10]).commit == head
    revision = store.resolve("main")
    assert isinstance(revision, Revision)
    assert revision == Revision(
        head,
        git(repo, "rev-parse", "--short", "HEAD"),
        datetime(2025, 3, 1, 10, tzinfo=timezone.utc),
        USER,
        "Be brief",
        EMAIL,
    )


def test_unknown_version_label(repo: Path) -> None:
    store = SpecStore.open(repo)
    with pytest.raises(RevisionError) as caught:
        store.resolve("9.9.9")
    message = str(caught.value)
    assert "'9.9.9'" in message
    assert "tag v9.9.9" in message
    assert "\n" not in message
    assert "shallow" not in message
    with pytest.raises(RevisionError, match="unknown version or revision '--all'"):
        store.resolve("--all")


def test_detached_head(repo: Path) -> None:
    git(repo, "checkout", "--quiet", "--detach", "HEAD~1")
    store = SpecStore.open(repo)
    expected = git(repo, "rev-parse", "HEAD")
    assert store.branch() is None
    assert store.head().commit == expected
    assert store.resolve("HEAD").commit == expected
    assert store.read("HEAD", "spec.md")[1] == SPEC_V1
    assert store.revisions_after(store.versions()[-1].commit, "spec.md") == []


def test_branch_name(repo: Path) -> None:
    assert SpecStore.open(repo).branch() == "main"


def test_shallow_clone_without_tags_says_how_to_fetch_them(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repo}", str(clone))
    for name in git(clone, "tag", "--list").split():
        git(clone, "tag", "-d", name)
    store = SpecStore.open(clone)
    assert store.is_shallow()
    assert store.versions() == []
    with pytest.raises(RevisionError) as caught:
        store.resolve("1.0.0")
    message = str(caught.value)
    assert "shallow clone without tags" in message
    assert "git fetch --tags --unshallow" in message
    with pytest.raises(RevisionError, match="git fetch --tags --unshallow"):
        store.read("v1.1.0", "spec.md")
    assert store.history_hint().startswith("this is a shallow clone without tags")
    assert SpecStore.open(repo).history_hint() == ""


def test_unborn_repository(tmp_path: Path) -> None:
    store = SpecStore.open(init_repo(tmp_path / "empty"))
    with pytest.raises(RevisionError, match="no commits yet"):
        store.head()
    with pytest.raises(RevisionError, match="no commits yet"):
        store.resolve("HEAD")
    assert store.versions() == []
    assert store.revisions_after(None, "spec.md") == []
    assert not store.is_dirty()


# -- read -----------------------------------------------------------------------------------


def test_read_returns_blob_id_and_text(repo: Path) -> None:
    store = SpecStore.open(repo)
    blob, text = store.read("1.1.0", "spec.md")
    assert text == SPEC_V1
    assert blob == git(repo, "rev-parse", "v1.1.0:spec.md")
    assert store.blob_id("v1.1.0", "./spec.md") == blob
    assert store.read("HEAD", "spec.md")[1] == SPEC_V2


def test_spec_path_missing_at_an_early_revision(repo: Path) -> None:
    store = SpecStore.open(repo)
    short = git(repo, "rev-parse", "--short", "v1.0.0^{commit}")
    with pytest.raises(RevisionError) as caught:
        store.read("v1.0.0", "spec.md")
    assert str(caught.value) == f"spec.md does not exist at v1.0.0 ({short})"
    with pytest.raises(RevisionError, match=r"does not exist at 1\.0\.0"):
        store.blob_id("1.0.0", "spec.md")


def test_binary_and_non_utf8_blobs_are_input_errors(tmp_path: Path) -> None:
    path = init_repo(tmp_path / "r")
    commit(path, {"spec.md": b"# Title\n\xff\xfe bad\n", "img.md": b"PNG\x00\x01"}, "bad bytes")
    store = SpecStore.open(path)
    with pytest.raises(InputError, match=r"HEAD:spec.md: not valid UTF-8.*line 2"):
        store.read("HEAD", "spec.md")
    with pytest.raises(InputError, match=r"HEAD:img\.md: binary file"):
        store.read("HEAD", "img.md")


def test_directory_is_not_a_spec(repo: Path) -> None:
    commit(repo, {"docs/a.md": "a"}, "docs")
    with pytest.raises(InputError, match="HEAD:docs: is a directory"):
        SpecStore.open(repo).read("HEAD", "docs")


def test_revisions_after_the_last_tag_touching_the_spec(repo: Path) -> None:
    commit(repo, {"README.md": "other\n"}, "Unrelated", "2025-03-02T10:00:00+00:00")
    commit(repo, {"spec.md": SPEC_V2 + "\nMore.\n"}, "More", "2025-03-03T10:00:00+00:00")
    store = SpecStore.open(repo)
    last = store.versions()[-1]
    after = store.revisions_after(last.commit, "spec.md")
    assert [r.subject for r in after] == ["Be brief", "More"]
    assert [r.subject for r in store.revisions_after(None, "spec.md")] == [
        "Add the spec",
        "Be brief",
        "More",
    ]


# -- dirty state and writes -----------------------------------------------------------------


def test_is_dirty(repo: Path) -> None:
    store = SpecStore.open(repo)
    assert not store.is_dirty()
    (repo / "notes.txt").write_text("untracked")
    assert not store.is_dirty()
    assert store.is_dirty(untracked=True)
    assert not store.is_dirty(["spec.md"], untracked=True)
    (repo / "spec.md").write_text("changed")
    assert store.is_dirty()
    assert store.is_dirty(["spec.md"])
    assert not store.is_dirty(["README.md"])


def test_create_commit_and_tag_with_dates_and_author(repo: Path) -> None:
    store = SpecStore.open(repo)
    (repo / "CHANGELOG.md").write_text("# Changelog\n")
    when = datetime(2025, 4, 1, 9, 0, tzinfo=timezone(timedelta(hours=-7)))
    sha = store.create_commit(["CHANGELOG.md"], "Release 1.2.0", when, "Ada <ada@example.org>")
    assert sha == git(repo, "rev-parse", "HEAD")
    logged = git(repo, "log", "-1", "--format=%an|%ae|%aI|%cn|%cI|%s")
    assert logged == (
        f"Ada|ada@example.org|2025-04-01T09:00:00-07:00|{USER}|2025-04-01T09:00:00-07:00|Release 1.2.0"
    )
    store.create_tag("v1.2.0", sha, "Release 1.2.0\n\nSummary.", when)
    newest = store.versions()[-1]
    assert (newest.name, newest.commit, newest.date) == ("v1.2.0", sha, when)
    assert newest.message == "Release 1.2.0\n\nSummary."
    with pytest.raises(ReleaseError, match=r"tag v1\.2\.0 already exists"):
        store.create_tag("v1.2.0", sha, "again")
    with pytest.raises(ReleaseError, match="not a valid tag name"):
        store.create_tag("bad..name", sha, "x")


def test_rollback_primitives_leave_the_repository_as_it_was(repo: Path) -> None:
    store = SpecStore.open(repo)
    before = store.head().commit
    (repo / "CHANGELOG.md").write_text("# Changelog\n")
    (repo / "spec.md").write_text("edited\n")
    sha = store.create_commit(["CHANGELOG.md", "spec.md"], "Release")
    store.create_tag("v1.2.0", sha, "Release")
    store.delete_tag("v1.2.0")
    store.reset_hard(before)
    assert store.head().commit == before
    assert not (repo / "CHANGELOG.md").exists()
    assert (repo / "spec.md").read_text() == SPEC_V2
    assert not store.is_dirty(untracked=True)
    assert not store.tag_exists("v1.2.0")


def test_nothing_to_commit_is_a_release_error(repo: Path) -> None:
    with pytest.raises(ReleaseError, match="git commit failed"):
        SpecStore.open(repo).create_commit(["spec.md"], "nothing changed")


def test_identity_falls_back_when_git_has_no_user(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate_git(monkeypatch, tmp_path, user=False)
    store = SpecStore.init(tmp_path / "new")
    assert store.branch() == "main"
    assert store.identity() == DEFAULT_IDENTITY
    (store.root / "spec.md").write_text("x\n")
    store.create_commit(["spec.md"], "First")
    assert git(store.root, "log", "-1", "--format=%an <%ae>|%cn <%ce>") == (
        f"{DEFAULT_IDENTITY}|{DEFAULT_IDENTITY}"
    )


# -- parse cache ----------------------------------------------------------------------------


def test_spec_cache_parses_each_blob_once(repo: Path) -> None:
    git(repo, "tag", "same-as-head")
    commit(repo, {"README.md": "touch\n"}, "README only")
    store = SpecStore.open(repo)
    cache = SpecCache()
    specs = [cache.parse(*store.read(rev, "spec.md")) for rev in ("HEAD", "same-as-head", "HEAD")]
    specs.append(cache.parse(*store.read("v1.1.0", "spec.md")))
    assert (cache.misses, cache.hits, len(cache)) == (2, 2, 2)
    assert specs[0] is specs[1] is specs[2]
    assert specs[3] is not specs[0]
    assert "rules" in {s.id for s in specs[0].sections}
    assert store.blob_id("HEAD", "spec.md") in cache
