"""Where ``publish --out`` may write, and how a rebuild replaces the old site."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from gitutil import isolate_git
from siteutil import make_repo

from specdiff.cli import run
from specdiff.publish import MARKER, Page, SiteError, check_out_dir, write_site

if TYPE_CHECKING:
    from collections.abc import Iterator

SPEC = "# Spec\n\n## Rules {#rules}\n\nThe server must answer.\n"


def pages(*paths: str) -> list[Page]:
    return [Page(path, f"<p>{path}</p>".encode()) for path in paths]


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    """Staging or retired folders left beside a site."""
    return [p.name for p in folder.iterdir() if p.name.startswith(".site.")]


def test_writes_a_new_site(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "site"
    result = write_site(check_out_dir(out), pages("index.html", "releases/1.0.0.html", "feed.xml"))
    assert files_in(out) == {"index.html", "releases/1.0.0.html", "feed.xml", MARKER}
    assert (result.pages, result.files) == (2, 4)
    assert result.bytes == sum((out / f).stat().st_size for f in files_in(out))
    assert oct(out.stat().st_mode & 0o777) == "0o755"


def test_rebuild_leaves_no_stale_pages(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(check_out_dir(out), pages("index.html", "releases/0.9.0.html", "text/0.9.0.html"))
    write_site(check_out_dir(out), pages("index.html", "releases/1.0.0.html"))
    assert files_in(out) == {"index.html", "releases/1.0.0.html", MARKER}
    assert not (out / "text").exists()
    assert leftovers(tmp_path) == []


def test_failed_build_keeps_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(check_out_dir(out), pages("index.html", "old.html"))

    def broken() -> Iterator[Page]:
        yield from pages("index.html")
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError):
        write_site(check_out_dir(out), broken())
    assert files_in(out) == {"index.html", "old.html", MARKER}
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd", "a/../../b.html", ""])
def test_page_paths_stay_inside(tmp_path: Path, bad: str) -> None:
    with pytest.raises(SiteError, match="outside the site"):
        write_site(check_out_dir(tmp_path / "site"), pages(bad))
    assert not (tmp_path / "escape.html").exists()
    assert leftovers(tmp_path) == []


def test_refuses_the_filesystem_root_and_home(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SiteError, match="refusing"):
        check_out_dir(Path("/"))
    with pytest.raises(SiteError, match="refusing"):
        check_out_dir(Path.home())


def test_refuses_the_repository_and_its_parents(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    for target in (repo, tmp_path, repo / "docs" / ".."):
        with pytest.raises(SiteError, match="holds the repository"):
            check_out_dir(target, protect=[repo])
    assert check_out_dir(repo / "_site", protect=[repo]) == (repo / "_site").resolve()


def test_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(SiteError, match="not written by specdiff"):
        check_out_dir(out)
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"


def test_accepts_an_empty_folder_and_a_previous_site(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert check_out_dir(empty) == empty.resolve()
    write_site(check_out_dir(empty), pages("index.html"))
    assert check_out_dir(empty) == empty.resolve(), "a site we wrote may be replaced"


def test_refuses_files_and_symlinks(tmp_path: Path) -> None:
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(SiteError, match="not a folder"):
        check_out_dir(afile)
    link = tmp_path / "link"
    os.symlink(tmp_path, link)
    with pytest.raises(SiteError, match="symbolic link"):
        check_out_dir(link)


def test_publish_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path, [("1.0.0", SPEC), ("1.1.0", SPEC + "\nIt may log.\n")])
    isolate_git(monkeypatch, tmp_path)
    monkeypatch.chdir(repo)
    assert run(["publish", "--out", "_site", "--base-url", "https://spec.example/"]) == 0
    err = capsys.readouterr().err
    assert "published" in err and "_site" in err
    assert (repo / "_site" / "releases" / "1.1.0.html").is_file()
    assert "https://spec.example/feed.xml" in (repo / "_site" / "feed.xml").read_text()
    assert run(["publish", "--out", "."]) == 2
    assert "holds the repository" in capsys.readouterr().err
    (repo / "notes").mkdir()
    (repo / "notes" / "a.txt").write_text("keep", encoding="utf-8")
    assert run(["publish", "--out", "notes"]) == 2
    assert (repo / "notes" / "a.txt").read_text(encoding="utf-8") == "keep"
