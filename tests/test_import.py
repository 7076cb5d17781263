"""``specdiff import``: replaying a folder of versions into git, end to end."""

from __future__ import annotations

import shutil
import sys
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest
from gitutil import (
    CORPUS,
    EMAIL,
    HISTORY,
    USER,
    commit,
    copy_repo,
    git,
    init_repo,
    isolate_git,
)

from specdiff.cli import run
from specdiff.history.importer import import_history
from specdiff.history.settings import load_config
from specdiff.history.store import SpecStore

if TYPE_CHECKING:
    from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MANIFEST = tomllib.loads((HISTORY / "manifest.toml").read_text(encoding="utf-8"))
VERSIONS = MANIFEST["versions"]


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.chdir(tmp_path)


def specdiff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def error_line(err: str) -> str:
    """The single error line a failing command must print."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("specdiff: error: ")
    return lines[0]


def copy_history(tmp_path: Path, manifest: str | None = None, name: str = "src") -> Path:
    folder = tmp_path / name
    shutil.copytree(HISTORY, folder)
    if manifest is not None:
        (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    return folder


def manifest_text(versions: list[dict[str, str]], header: str = 'spec_path = "spec.md"\n') -> str:
    body = [header]
    for version in versions:
        body.append("\n[[versions]]\n")
        body.extend(f"{key} = {value!r}\n".replace("'", '"') for key, value in version.items())
    return "".join(body)


def test_import_history_into_a_new_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = specdiff(capsys, "import", str(HISTORY), "--into", "repo")
    assert code == 0, err
    assert out == ""
    repo = tmp_path / "repo"
    assert err.count("imported ") == len(VERSIONS) + 1
    assert "imported 1.0.0 as v1.0.0" in err

    log = git(repo, "log", "--reverse", "--format=%an <%ae>|%aI|%cI|%cn|%B%x00").split("\x00")
    entries = [entry.strip("\n") for entry in log if entry.strip()]
    assert len(entries) == len(VERSIONS)
    for entry, version in zip(entries, VERSIONS, strict=True):
        author, authored, committed, committer, message = entry.split("|", 4)
        assert author == version.get("author", f"{USER} <{EMAIL}>")
        assert authored == committed == f"{version['date']}T12:00:00+00:00"
        assert committer == USER
        assert message.strip() == version["message"]

    store = SpecStore.open(repo)
    tags = store.versions()
    assert [t.version for t in tags] == [v["version"] for v in VERSIONS]
    for tagged, version in zip(tags, VERSIONS, strict=True):
        assert tagged.name == "v" + version["version"]
        assert tagged.message == version["message"]
        assert tagged.date == datetime.fromisoformat(f"{version['date']}T12:00:00+00:00")
        assert git(repo, "cat-file", "-t", tagged.name) == "tag"
        assert git(repo, "show", f"{tagged.name}:spec.md") + "\n" == (
            HISTORY / version["file"]
        ).read_text(encoding="utf-8")
    # The folder's configuration came along with the first version.
    first = git(repo, "show", "--name-only", "--format=", "v1.0.0^{commit}")
    assert sorted(first.split()) == ["spec.md", "specdiff.toml"]
    assert (repo / "specdiff.toml").read_bytes() == (HISTORY / "specdiff.toml").read_bytes()
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "branch", "--show-current") == "main"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample history imported once; tests that change it work on a copy."""
    base = tmp_path_factory.mktemp("imported")
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate_git(monkeypatch, base)
        import_history(HISTORY, cwd=base, into=base / "repo")
    return base / "repo"


def test_running_it_twice_adds_nothing(
    imported: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = copy_repo(imported, tmp_path / "repo")
    head = git(repo, "rev-parse", "HEAD")
    tags = git(repo, "for-each-ref", "refs/tags", "--format=%(objectname)")
    monkeypatch.chdir(repo)
    code, _, err = specdiff(capsys, "import", str(HISTORY))
    assert code == 0, err
    assert err.count("skipped ") == len(VERSIONS)
    assert "nothing to import" in err
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "for-each-ref", "refs/tags", "--format=%(objectname)") == tags


def test_import_appends_to_an_existing_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, {"README.md": "A spec repository\n"}, "Start")
    partial = copy_history(tmp_path, manifest_text(VERSIONS[:2]), "partial")
    monkeypatch.chdir(repo)
    assert specdiff(capsys, "import", str(partial))[0] == 0
    code, _, err = specdiff(capsys, "import", str(HISTORY))
    assert code == 0, err
    assert err.count("skipped ") == 2
    assert err.count("imported ") == len(VERSIONS) - 2 + 1
    subjects = git(repo, "log", "--reverse", "--format=%s").splitlines()
    assert subjects == ["Start", *(v["message"] for v in VERSIONS)]
    # specdiff.toml came with the first version only, README is untouched.
    assert (repo / "README.md").read_text() == "A spec repository\n"
    assert (repo / "specdiff.toml").is_file()


def test_refuses_a_dirty_tree_and_a_non_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.chdir(plain)
    code, _, err = specdiff(capsys, "import", str(HISTORY))
    assert code == 2
    assert "is not a git repository (or any parent)" in error_line(err)

    repo = init_repo(tmp_path / "repo")
    commit(repo, {"README.md": "x\n"}, "Start")
    (repo / "README.md").write_text("edited\n")
    monkeypatch.chdir(repo)
    code, _, err = specdiff(capsys, "import", str(HISTORY))
    assert code == 2
    assert "uncommitted changes" in error_line(err)
    assert git(repo, "tag") == ""

    git(repo, "checkout", "--quiet", "README.md")
    (repo / "spec.md").write_text("mine\n")
    code, _, err = specdiff(capsys, "import", str(HISTORY))
    assert code == 2
    assert "untracked spec.md" in error_line(err)


def test_into_refuses_a_non_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "file").write_text("x")
    code, _, err = specdiff(capsys, "import", str(HISTORY), "--into", "busy")
    assert code == 2
    assert "not an empty folder" in error_line(err)
    (tmp_path / "empty").mkdir()
    assert specdiff(capsys, "import", str(HISTORY), "--into", "empty")[0] == 0


def test_a_tag_with_other_content_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, {"spec.md": "# Something else\n"}, "Other")
    git(repo, "tag", "v1.0.0")
    monkeypatch.chdir(repo)
    code, _, err = specdiff(capsys, "import", str(HISTORY))
    assert code == 2
    assert "tag v1.0.0 already exists with a different spec.md" in error_line(err)


def test_only_appends_versions(
    imported: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = copy_repo(imported, tmp_path / "repo")
    git(repo, "tag", "-d", "v1.1.0")
    monkeypatch.chdir(repo)
    code, _, err = specdiff(capsys, "import", str(HISTORY))
    assert code == 2
    assert "cannot import 1.1.0" in error_line(err)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("date = \"2025-04-02\"", "date = \"2025-13-02\""), "versions[1].date = '2025-13-02' is not a date"),
        (("file = \"03-1.1.1.md\"", "file = \"missing.md\""), "versions[2].file = 'missing.md': no such file"),
        (("version = \"1.1.1\"", "version = \"1.1.0\""), "versions[2].version = '1.1.0' appears twice (also versions[1])"),
        (("message = \"First public release\"", "mesage = \"x\""), "unknown key 'versions[0].mesage'; did you mean 'versions[0].message'?"),
        (("title =", "titel ="), "unknown key 'titel'; did you mean 'title'?"),
        (("author = \"Ada Example <ada@lantern.example>\"", "author = \"Ada\""), "versions[0].author = 'Ada' must read 'Name <email>'"),
        (("version = \"2.0.0\"", "version = \"two\""), "versions[3].version = 'two' is not a semver version"),
        (("version = \"2.0.0\"", "version = 2.0"), "'versions[3].version' must be a string, not float"),
        (("date = \"2025-05-20\"\n", ""), "versions[2].date is missing"),
        (("[[versions]]", "[versions"), "not valid TOML"),
    ],
)  # fmt: skip
def test_manifest_errors_name_the_key(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: tuple[str, str],
    expected: str,
) -> None:
    text = (HISTORY / "manifest.toml").read_text(encoding="utf-8")
    assert edit[0] in text
    source = copy_history(tmp_path, text.replace(edit[0], edit[1], 1))
    code, _, err = specdiff(capsys, "import", str(source), "--into", "repo")
    assert code == 2
    line = error_line(err)
    assert "manifest.toml" in line
    assert expected in line
    assert not (tmp_path / "repo").exists()


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = specdiff(capsys, "import", "--help")
    assert code == 0
    for option in ("--into", "--spec-path", "--scheme", "--tag-prefix"):
        assert option in out
    assert "import" in specdiff(capsys, "--help")[1]


def test_missing_folder_and_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = specdiff(capsys, "import", "nowhere", "--into", "repo")
    assert code == 2
    assert "nowhere: no such folder" in error_line(err)
    (tmp_path / "bare").mkdir()
    code, _, err = specdiff(capsys, "import", "bare", "--into", "repo")
    assert code == 2
    assert "no manifest.toml" in error_line(err)


def test_calver_labels_from_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "dated"
    source.mkdir()
    (source / "a.md").write_text("# Spec\n\nYou must.\n")
    (source / "b.md").write_text("# Spec\n\nYou should.\n")
    (source / "c.md").write_text("# Spec\n\nYou may.\n")
    (source / "manifest.toml").write_text(
        'title = "Dated"\n'
        '[[versions]]\nversion = "2025-02-12"\ndate = 2025-02-12\nfile = "a.md"\n'
        'message = "First"\n'
        '[[versions]]\nversion = "2025-04-11"\ndate = 2025-04-11T14:03:09-07:00\nfile = "b.md"\n'
        'message = "Second"\n'
        '[[versions]]\nversion = "2025-04-11.1"\ndate = "2025-04-11T18:00:00Z"\nfile = "c.md"\n'
        'message = "Same day"\n'
    )
    code, _, err = specdiff(capsys, "import", str(source), "--into", "repo")
    assert code == 0, err
    repo = tmp_path / "repo"
    config = load_config(repo)
    assert (config.version_scheme, config.tag_prefix, config.specs) == ("calver", "", ("spec.md",))
    assert config.site.title == "Dated"
    store = SpecStore.open(repo, scheme="calver", tag_prefix="")
    tags = store.versions()
    assert [t.name for t in tags] == ["2025.02.12", "2025.04.11", "2025.04.11.1"]
    assert tags[1].date == datetime(2025, 4, 11, 14, 3, 9, tzinfo=timezone(timedelta(hours=-7)))
    assert store.resolve("2025-04-11").commit == tags[1].commit

    # Forcing semver on date labels is an error that says what to do.
    code, _, err = specdiff(capsys, "import", str(source), "--into", "other", "--scheme", "semver")
    assert code == 2
    assert "use --scheme calver" in error_line(err)
    # With a configuration that says semver (by default), the hint points at the file.
    (source / "specdiff.toml").write_text('spec = "spec.md"\n')
    code, _, err = specdiff(capsys, "import", str(source), "--into", "other")
    assert code == 2
    assert 'set version_scheme = "calver" in' in error_line(err)


def test_explicit_tag_prefix_and_spec_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "one.md").write_text("# One\n")
    (source / "two.md").write_text("# Two\n")
    (source / "manifest.toml").write_text(
        '[[versions]]\nversion = "0.1.0"\ndate = "2024-01-01"\nfile = "one.md"\nmessage = "One"\n'
        '[[versions]]\nversion = "0.2.0"\ndate = "2024-02-01"\nfile = "two.md"\nmessage = "Two"\n'
        'tag = "spec-0.2.0"\n'
    )
    code, _, err = specdiff(
        capsys, "import", str(source), "--into", "repo", "--tag-prefix", "spec-",
        "--spec-path", "docs/spec.md",
    )  # fmt: skip
    assert code == 0, err
    repo = tmp_path / "repo"
    assert git(repo, "tag").split() == ["spec-0.1.0", "spec-0.2.0"]
    assert (repo / "docs" / "spec.md").read_text() == "# Two\n"
    assert load_config(repo).tag_prefix == "spec-"
    # An explicit tag that the configured prefix would not read is refused.
    (source / "manifest.toml").write_text(
        '[[versions]]\nversion = "0.1.0"\ndate = "2024-01-01"\nfile = "one.md"\ntag = "x0.1.0"\n'
    )
    code, _, err = specdiff(capsys, "import", str(source), "--into", "other")
    assert code == 2
    assert "versions[0].tag = 'x0.1.0' is not a semver version tag with prefix 'v'" in error_line(
        err
    )


def test_options_that_contradict_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = specdiff(capsys, "import", str(HISTORY), "--into", "repo", "--scheme", "calver")
    assert code == 2
    assert "--scheme 'calver' conflicts with version_scheme = 'semver'" in error_line(err)
    code, _, err = specdiff(capsys, "import", str(HISTORY), "--into", "repo", "--spec-path", "x.md")
    assert code == 2
    assert "spec path 'x.md' is not among spec = ['spec.md']" in error_line(err)


@pytest.mark.corpus
def test_import_the_model_spec_pair_from_the_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = CORPUS / "openai-model-spec"
    if not (source / "manifest.toml").is_file():
        pytest.skip(f"corpus not found at {CORPUS} (set SPECDIFF_CORPUS)")
    code, _, err = specdiff(capsys, "import", str(source), "--into", "repo")
    assert code == 0, err
    repo = tmp_path / "repo"
    config = load_config(repo)
    assert (config.version_scheme, config.tag_prefix, config.specs) == (
        "calver",
        "",
        ("model_spec.md",),
    )
    store = SpecStore.open(repo, scheme="calver", tag_prefix="")
    tags = store.versions()
    assert [t.name for t in tags] == ["2025.02.12", "2025.04.11"]
    assert [t.message for t in tags] == ["Release 2025-02-12", "Release 2025-04-11"]
    assert tags[0].date == datetime(2025, 2, 12, 12, 16, 36, tzinfo=timezone(timedelta(hours=-8)))
    for tagged, name in zip(tags, ("01-2025-02-12.md", "02-2025-04-11.md"), strict=True):
        _, text = store.read(tagged.name, "model_spec.md")
        assert text == (source / name).read_text(encoding="utf-8")
    assert git(repo, "log", "--format=%aI", "-1", "2025.04.11") == "2025-04-11T14:03:09-07:00"
