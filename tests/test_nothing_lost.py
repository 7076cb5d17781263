"""Issue 13, "nothing lost": file modes, output paths outside the repository, publish
errors and kept files, typos that used to pass, and importing folders as people have them."""

from __future__ import annotations

import errno
import json
import os
import stat
from typing import TYPE_CHECKING

import pytest
from gitutil import HISTORY, commit, copy_repo, git, isolate_git
from historyutil import edit_spec, error_line, sample_repo, snapshot, specdiff

from specdiff.history.files import write_atomically
from specdiff.publish import MARKER

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

STRONGER = ("Wren should not use the user's first name", "Wren must not use the user's first name")


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def repo(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The sample history plus a commit that needs v4.0.0; the current folder."""
    path = sample_repo(tmp_path_factory, tmp_path / "repo")
    monkeypatch.chdir(path)
    edit_spec(path, *STRONGER)
    commit(path, {}, "Never use first names", date="2026-07-01T09:00:00+00:00")
    return path


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


# -- file modes ---------------------------------------------------------------------------
def test_new_files_get_the_umask_default_and_old_files_keep_their_mode(
    tmp_path: Path, umask_022: None
) -> None:
    fresh = tmp_path / "fresh.md"
    write_atomically(fresh, "new\n")
    assert mode(fresh) == "0o644"
    private = tmp_path / "private.md"
    private.write_text("old\n", encoding="utf-8")
    private.chmod(0o600)
    write_atomically(private, "rewritten\n")
    assert (mode(private), private.read_text(encoding="utf-8")) == ("0o600", "rewritten\n")
    shared = tmp_path / "shared.md"
    shared.write_text("old\n", encoding="utf-8")
    shared.chmod(0o664)
    write_atomically(shared, "rewritten\n")
    assert mode(shared) == "0o664"
    os.umask(0o077)
    strict = tmp_path / "strict.md"
    write_atomically(strict, "new\n")
    assert mode(strict) == "0o600"


def test_release_changelog_and_init_write_0644_with_umask_022(
    repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    umask_022: None,
) -> None:
    code, _, err = specdiff(capsys, "release", "--date", "2026-07-10")
    assert code == 0, err
    assert mode(repo / "CHANGELOG.md") == "0o644"
    (repo / "CHANGELOG.md").chmod(0o640)
    code, _, err = specdiff(capsys, "changelog", "--write", "--regenerate")
    assert code == 0, err
    assert mode(repo / "CHANGELOG.md") == "0o640"  # kept
    site = tmp_path / "site"
    code, _, err = specdiff(capsys, "publish", "--out", str(site))
    assert code == 0, err
    assert mode(site) == "0o755"
    assert {mode(p) for p in site.rglob("*") if p.is_file()} == {"0o644"}
    assert {mode(p) for p in site.rglob("*") if p.is_dir()} == {"0o755"}

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    git(fresh, "init", "--quiet", "-b", "main")
    (fresh / "spec.md").write_text("# Rules\n\nThe assistant must cite.\n", encoding="utf-8")
    monkeypatch.chdir(fresh)
    code, _, err = specdiff(capsys, "init", "--action", "acme/specdiff@" + "a" * 40)
    assert code == 0, err
    assert mode(fresh / "specdiff.toml") == "0o644"
    assert mode(fresh / ".github" / "workflows" / "specdiff.yml") == "0o644"


# -- output paths outside the repository --------------------------------------------------
@pytest.mark.parametrize("where", ["../outside/notes.md", "ABSOLUTE", "link/notes.md"])
def test_a_changelog_outside_the_repository_is_refused_before_anything_is_written(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "link").symlink_to(outside)
    git(repo, "add", "link")
    path = str(outside / "notes.md") if where == "ABSOLUTE" else where
    config = (repo / "specdiff.toml").read_text(encoding="utf-8")
    commit(repo, {"specdiff.toml": f"changelog = {json.dumps(path)}\n" + config}, "Config")
    before = snapshot(repo)
    for command in (["release"], ["changelog", "--write"]):
        code, out, err = specdiff(capsys, *command)
        assert (code, out) == (2, "")
        line = error_line(err)
        assert f"changelog = {path!r}" in line
        assert "outside the repository" in line
        assert str(outside / "notes.md") in line
    assert list(outside.iterdir()) == []
    assert snapshot(repo) == before


def test_an_absolute_changelog_inside_the_repository_is_used(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = repo / "docs" / "CHANGES.md"
    config = (repo / "specdiff.toml").read_text(encoding="utf-8")
    commit(repo, {"specdiff.toml": f"changelog = {json.dumps(str(target))}\n" + config}, "Config")
    code, _, err = specdiff(capsys, "release", "--date", "2026-07-10")
    assert code == 0, err
    assert "docs/CHANGES.md updated" in err
    assert git(repo, "show", "--name-only", "--format=", "HEAD") == "docs/CHANGES.md"


# -- publish: errors and kept files -------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EBUSY, "busy (a mount point or a folder in use cannot be replaced)"),
        (errno.EROFS, "read-only file system"),
    ],
)
def test_publish_errors_are_one_line_with_what_and_where(
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
    reason: str,
) -> None:
    """The failures a root-run CI cannot provoke for real (a read-only mount, a busy mount
    point, a parent without write permission) are injected where the OS reports them."""
    import tempfile

    out = tmp_path / "public" / "site"
    out.mkdir(parents=True)

    def refuse(*args: object, **kwargs: object) -> str:
        raise OSError(code, os.strerror(code), str(out.parent))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    status, stdout, err = specdiff(capsys, "publish", "--out", str(out))
    assert (status, stdout) == (2, "")
    line = error_line(err)
    assert line.startswith(f"specdiff: error: cannot publish to {out}: {out.parent}: {reason}")
    assert "internal error" not in line
    if code == errno.EACCES:
        assert "the folder holding --out must be writable" in line
    if code == errno.EBUSY:
        assert f"--out {out / 'site'}" in line


def test_a_real_permission_problem_is_one_line(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes through permissions; the injected test covers this as root")
    parent = tmp_path / "locked"
    (parent / "site").mkdir(parents=True)
    parent.chmod(0o555)
    try:
        status, _, err = specdiff(capsys, "publish", "--out", str(parent / "site"))
    finally:
        parent.chmod(0o755)
    assert status == 2
    assert "permission denied" in error_line(err)


def test_kept_files_survive_rebuilds_and_strays_are_named(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = (repo / "specdiff.toml").read_text(encoding="utf-8")
    (repo / "specdiff.toml").write_text(
        config.replace("[site]", '[site]\nkeep = ["CNAME", ".nojekyll", "static/"]'),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    code, _, err = specdiff(capsys, "publish", "--out", str(site))
    assert code == 0, err
    (site / "CNAME").write_text("spec.example.org\n", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    (site / "static" / "img").mkdir(parents=True)
    (site / "static" / "img" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (site / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, _, err = specdiff(capsys, "publish", "--out", str(site))
    assert code == 0, err
    assert (site / "CNAME").read_text(encoding="utf-8") == "spec.example.org\n"
    assert (site / ".nojekyll").exists()
    assert (site / "static" / "img" / "logo.svg").read_text(encoding="utf-8") == "<svg/>"
    assert not (site / "notes.txt").exists()
    warning = [line for line in err.splitlines() if "warning" in line]
    assert warning == [
        f"specdiff: warning: replacing {site}: deleting 1 file(s) specdiff did not write: "
        "notes.txt (list them in [site] keep to carry them over)"
    ]
    # Pages specdiff wrote and no longer writes go without a word.
    assert "index.html" in json.loads((site / MARKER).read_text(encoding="utf-8"))["paths"]
    code, _, err = specdiff(capsys, "publish", "--out", str(site))
    assert code == 0 and "warning" not in err, err


def test_a_kept_path_that_publish_writes_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = (repo / "specdiff.toml").read_text(encoding="utf-8")
    (repo / "specdiff.toml").write_text(
        config.replace("[site]", '[site]\nkeep = ["index.html"]'), encoding="utf-8"
    )
    code, _, err = specdiff(capsys, "publish", "--out", str(tmp_path / "site"))
    assert code == 2
    assert "[site] keep lists 'index.html', but publish writes index.html itself" in error_line(err)
    assert not (tmp_path / "site").exists()


# -- typos --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("compare", "1.1.1", "2.0.0", "--section", "nonexistent"),
            "--section nonexistent: no section #nonexistent in 1.1.1 or 2.0.0",
        ),
        (
            ("compare", "1.1.1", "2.0.0", "--section", "warm_tonne"),
            "no section #warm_tonne in 1.1.1 or 2.0.0; did you mean #warm_tone?",
        ),
        (("show", "3.0.0", "--section", "warm-tone"), "did you mean #warm_tone?"),
        (("history", "warmtone"), "did you mean #warm_tone?"),
        (("compare", "2.0.1", "3.0.0"), "unknown version or revision '2.0.1'"),
        (("compare", "2.0", "3.0.0"), "did you mean 2.0.0?"),
        (("show", "v3.0"), "did you mean v3.0.0?"),
        (
            ("log", "--spec", "spce.md"),
            "spce.md: the spec is in no version, no commit and not in the working tree; "
            "did you mean spec.md?",
        ),
        (("publish", "--spec", "nosuch.md", "--out", "_site"), "nosuch.md: the spec is in no"),
        (("changelog", "--spec", "nosuch.md"), "nosuch.md: the spec is in no"),
    ],
)
def test_typos_are_errors_with_the_nearest_valid_name(
    repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, out, err = specdiff(capsys, *args)
    assert (code, out) == (2, ""), err
    assert expected in error_line(err)
    assert not (repo / "_site").exists()


def test_a_spec_path_in_the_config_that_exists_nowhere(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "specdiff.toml").write_text('spec = "nosuch.md"\n', encoding="utf-8")
    code, _, err = specdiff(capsys, "log")
    assert code == 2
    assert "nosuch.md: the spec is in no version" in error_line(err)


# -- import -------------------------------------------------------------------------------
def test_manifest_keys_specdiff_does_not_use_are_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for path in HISTORY.iterdir():
        (source / path.name).write_bytes(path.read_bytes())
    manifest = (source / "manifest.toml").read_text(encoding="utf-8")
    manifest = manifest.replace(
        "[[versions]]",
        '[[extra_files]]\npath = "diagram.svg"\n\n[[versions]]\nreviewed_by = "Ada"',
        1,
    )
    (source / "manifest.toml").write_text(manifest, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = specdiff(capsys, "import", str(source), "--into", "repo")
    assert code == 0, err
    assert err.splitlines()[0] == (
        f"specdiff: warning: {source / 'manifest.toml'}: ignoring what specdiff does not use: "
        "extra_files, versions[0].reviewed_by"
    )
    assert len(git(tmp_path / "repo", "tag").splitlines()) == 6


def test_calver_accepts_same_day_revisions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    versions = [
        ("2025-12-17", "2025-12-17", "The assistant must cite."),
        ("2025-12-18", "2025-12-18", "The assistant must cite sources."),
        ("2025-12-18-rev2", "2025-12-18T18:00:00Z", "The assistant should cite sources."),
        ("2025-12-18-rev3", "2025-12-18T20:00:00Z", "The assistant should cite its sources."),
    ]
    entries = []
    for number, (label, day, text) in enumerate(versions):
        (source / f"{number}.md").write_text(f"# Rules\n\n{text}\n", encoding="utf-8")
        entries.append(f'[[versions]]\nversion = "{label}"\ndate = "{day}"\nfile = "{number}.md"\n')
    (source / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = specdiff(capsys, "import", str(source), "--into", "repo", "--scheme", "calver")
    assert code == 0, err
    repo = tmp_path / "repo"
    assert git(repo, "tag").splitlines() == [
        "2025.12.17", "2025.12.18", "2025.12.18.1", "2025.12.18.2",
    ]  # fmt: skip
    assert git(repo, "tag", "-l", "--format=%(contents)", "2025.12.18.1").strip() == (
        "Release 2025-12-18-rev2\n\nImported version label: 2025-12-18-rev2"
    )
    monkeypatch.chdir(repo)
    code, out, err = specdiff(capsys, "log", "--format", "json")
    assert code == 0, err
    assert [v["version"] for v in json.loads(out)["versions"]] == [
        "2025.12.18.2", "2025.12.18.1", "2025.12.18", "2025.12.17",
    ]  # fmt: skip
    # Importing again adds nothing.
    monkeypatch.chdir(tmp_path)
    copy_repo(repo, tmp_path / "again")
    monkeypatch.chdir(tmp_path / "again")
    code, _, err = specdiff(capsys, "import", str(source))
    assert code == 0, err
    assert "nothing to import" in err


# -- progress -----------------------------------------------------------------------------
def test_progress_shows_on_a_terminal_only_after_a_second(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys
    import time

    from specdiff.cli._common import progress_printer

    clock = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    show = progress_printer()
    show("reading v1.0.0 (1/3)")
    assert capsys.readouterr().err == ""  # not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    show = progress_printer()
    show("reading v1.0.0 (1/3)")  # quick work shows nothing
    clock[0] += 1.5
    show("comparing v1.0.0 → v1.1.0 (2/3)")
    assert capsys.readouterr().err == "\r\x1b[2Kcomparing v1.0.0 → v1.1.0 (2/3)"


def test_init_interrupted_after_its_first_file_leaves_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    from specdiff.history import files
    from specdiff.history.interrupts import Interrupted

    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "--quiet", "-b", "main")
    (project / "spec.md").write_text("# Rules\n\nThe assistant must cite.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    real = files.write_atomically
    written: list[Path] = []

    def then_sigterm(path: Path, text: str) -> None:
        if written:
            raise Interrupted(signal.SIGTERM)
        real(path, text)
        written.append(path)

    monkeypatch.setattr(files, "write_atomically", then_sigterm)
    code, _, err = specdiff(capsys, "init", "--action", "acme/specdiff@" + "a" * 40)
    assert (code, err) == (143, "specdiff: error: interrupted by SIGTERM\n")
    assert written == [project / "specdiff.toml"]
    assert sorted(p.name for p in project.iterdir()) == [".git", "spec.md"]
