"""A spec that is a folder of files, from import to the published site, in a real headless
chromium.

The repository is made by the command line: ``import`` (a folder of version folders with
a manifest), ``log``, a commit that renames an anchor, ``release``, ``changelog --write``
and ``publish``. On the served site: every page loads without console errors, every
internal link resolves (the crawl), search finds a clause by a word in it, an anchor from
an older version lands on its section in the newest text (within a file, and across files:
a section moved to another file, a file renamed), and the contents, document and
forwarding page types pass axe-core's WCAG 2.1 A/AA rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag
from urllib.request import urlopen

import pytest
from gitutil import commit, isolate_git
from siteutil import html_files
from test_multi_history import A_V1, A_V2, B_V1, B_V2, MANIFEST
from test_site_browser import (
    _SURVEY,
    _TARGET_HEADING,
    AXE,
    DESKTOP,
    PHONE,
    Watcher,
    axe_violations,
    browser,
    new_page,
)

from specdiff.cli import run
from specdiff.publish._serve import serve_in_background

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = [pytest.mark.browser]
__all__ = ["browser"]  # the chromium fixture, shared with the other browser tests

#: The release made on top of the import: Storage gets a new anchor (old links to
#: #storage must still land) and a stricter rule.
A_V4 = A_V2.replace("## Storage {#storage}", "## Encrypted storage {#encrypted-storage}").replace(
    "must encrypt stored records at rest.", "must encrypt stored records at rest with AES-256."
)


def _cli(*args: str) -> None:
    code = run(list(args))
    assert code == 0, f"specdiff {' '.join(args)} exited {code}"


@pytest.fixture(scope="module")
def folder_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """``(repository, site)``: the folder spec imported, released once more, published."""
    base = tmp_path_factory.mktemp("folder-site")
    source = base / "versions"
    for folder, files in {
        "v1": {"a.md": A_V1, "b.md": B_V1},
        "v2": {"a.md": A_V2, "b.md": B_V2},
        "v3": {"a.md": A_V2, "privacy.md": B_V2},
    }.items():
        (source / folder).mkdir(parents=True)
        for name, text in files.items():
            (source / folder / name).write_text(text, encoding="utf-8")
    (source / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    repo = base / "repo"
    with pytest.MonkeyPatch.context() as patch:
        isolate_git(patch, base)
        patch.chdir(base)
        _cli("import", str(source), "--into", str(repo))
        patch.chdir(repo)
        _cli("log")
        commit(repo, {"spec/a.md": A_V4}, "Encrypt with AES-256; a new anchor for storage")
        _cli("release", "--date", "2025-04-10")
        _cli("changelog", "--write")
        changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
        assert "## [3.0.0]" in changelog and "`privacy.md`" in changelog
        _cli("publish", "--out", str(base / "site"))
    yield repo, base / "site"


@pytest.fixture(scope="module")
def served(folder_site: tuple[Path, Path]) -> Iterator[str]:
    server, url = serve_in_background(folder_site[1])
    yield url
    server.shutdown()
    server.server_close()


def test_every_page_loads_and_every_internal_link_resolves(
    browser: Any, served: str, folder_site: tuple[Path, Path]
) -> None:
    site = folder_site[1]
    pages = html_files(site)
    assert "text/3.0.0/a.md.html" in pages and "text/3.0.0/privacy.md.html" in pages
    page = new_page(browser)
    watcher = Watcher(page)
    ids: dict[str, set[str]] = {}
    links: set[tuple[str, str]] = set()
    for path in pages:
        page.goto(served + path)
        found = page.evaluate(_SURVEY)
        assert page.url == served + path, f"{path} sent the reader on without being asked"
        ids[served + path] = set(found["ids"])
        links.update((path, href) for href, _ in found["links"])
    assert watcher.problems == [], "\n".join(watcher.problems)
    fetched: set[str] = set()
    for source_page, href in sorted(links):
        if not href.startswith(served):
            continue
        target, fragment = urldefrag(href)
        if target not in ids and target not in fetched:
            with urlopen(target) as response:  # raises on 404
                assert response.status == 200, f"{source_page} → {href}"
            fetched.add(target)
        elif fragment and target in ids:
            assert fragment in ids[target], f"{source_page} → {href}: no such id"
    # Links between the files go to the page of the file they name.
    assert f"{served}text/1.0.0/a.md.html#retention" in {href for _, href in links}
    page.context.close()


def _lands(page: Any, url: str) -> tuple[str, str | None]:
    """Open ``url``; the page it ends on (after any forwarding) and the heading targeted."""
    page.goto(url)
    page.wait_for_load_state()
    page.wait_for_function(
        "() => !!document.getElementById(decodeURIComponent(location.hash.slice(1)))"
    )
    heading: str | None = page.evaluate(_TARGET_HEADING)
    return page.url, heading


def test_old_anchors_land_on_their_section_in_the_newest_text(browser: Any, served: str) -> None:
    page = new_page(browser, PHONE)
    watcher = Watcher(page)
    newest = f"{served}text/3.0.0/"
    # Within a file: #storage (up to 2.0.0) is the section now called #encrypted-storage.
    url, heading = _lands(page, newest + "a.md.html#storage")
    assert (url, heading) == (newest + "a.md.html#storage", "encrypted-storage")
    top = page.evaluate("document.getElementById('storage').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] - 100, f"the heading is in view ({top}px)"
    # Across files: Retention moved from a.md into b.md (1.1.0), and b.md became
    # privacy.md (2.0.0). The 1.0.0 address with the version changed lands on it.
    url, heading = _lands(page, newest + "a.md.html#retention")
    assert (url, heading) == (newest + "privacy.md.html#retention", "retention")
    url, heading = _lands(page, newest + "b.md.html#consent")
    assert (url, heading) == (newest + "privacy.md.html#consent", "consent")
    # The version's contents page sends every id on, old ones too.
    url, heading = _lands(page, f"{served}text/3.0.0.html#storage")
    assert (url, heading) == (newest + "a.md.html#encrypted-storage", "encrypted-storage")
    # Following a link on the page itself (a hash change, no new page load) works too.
    page.goto(newest + "a.md.html")
    page.evaluate("location.hash = 'retention'")
    page.wait_for_url(newest + "privacy.md.html#retention")
    assert watcher.problems == [], watcher.problems
    page.context.close()


def test_old_anchors_forward_on_a_site_opened_from_files(
    browser: Any, folder_site: tuple[Path, Path]
) -> None:
    """No server needed: the forwarding reads nothing but the page it is on."""
    newest = folder_site[1] / "text" / "3.0.0"
    page = new_page(browser)
    watcher = Watcher(page)
    page.goto((newest / "a.md.html").as_uri() + "#retention")
    page.wait_for_url((newest / "privacy.md.html").as_uri() + "#retention")
    assert page.evaluate(_TARGET_HEADING) == "retention"
    page.goto((newest.parent / "3.0.0.html").as_uri() + "#storage")
    page.wait_for_url((newest / "a.md.html").as_uri() + "#encrypted-storage")
    assert page.evaluate(_TARGET_HEADING) == "encrypted-storage"
    assert watcher.problems == [], watcher.problems
    page.context.close()


def test_without_scripts_a_forwarding_anchor_is_a_link_to_the_section(
    browser: Any, served: str
) -> None:
    page = new_page(browser, DESKTOP, java_script_enabled=False)
    newest = f"{served}text/3.0.0/"
    page.goto(newest + "a.md.html#retention")
    assert page.url == newest + "a.md.html#retention", "nothing runs without scripts"
    anchor = page.locator("#retention")
    assert anchor.is_visible()
    anchor.click()
    page.wait_for_url(newest + "privacy.md.html#retention")
    page.context.close()


def test_search_finds_a_clause_by_a_word_in_it(browser: Any, served: str) -> None:
    page = new_page(browser, PHONE)
    watcher = Watcher(page)
    page.goto(served + "index.html")
    page.click("header nav >> text=Search")
    page.fill("input[name=q]", "deleted")  # in a clause of #retention, not in its title
    page.press("input[name=q]", "Enter")
    first = page.locator(".search-result").first
    first.wait_for()
    assert page.locator("mark").first.inner_text() == "deleted"
    assert "in every version" in first.inner_text()
    if AXE.is_file():
        assert axe_violations(page) == [], "the results are accessible too"
    first.locator("a").click()
    # The result names the version's text; the contents page sends it on to the file.
    page.wait_for_url(f"{served}text/3.0.0/privacy.md.html#retention")
    assert page.evaluate(_TARGET_HEADING) == "retention"
    assert watcher.problems == [], watcher.problems
    page.context.close()


#: The page types a folder spec adds: the contents page, a document page (with forwarding
#: anchors), and the page of a file the version no longer has.
FOLDER_PAGE_TYPES = ("text/3.0.0.html", "text/3.0.0/a.md.html", "text/3.0.0/b.md.html")


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core not installed at {AXE} (scripts/test)")
@pytest.mark.parametrize(
    ("viewport", "scheme"), [(DESKTOP, "light"), (PHONE, "light"), (PHONE, "dark")]
)
def test_the_folder_page_types_pass_axe(
    browser: Any, served: str, viewport: dict[str, int], scheme: str
) -> None:
    page = new_page(browser, viewport, color_scheme=scheme)
    watcher = Watcher(page)
    problems = []
    for path in (*FOLDER_PAGE_TYPES, "text/1.0.0/b.md.html"):
        page.goto(served + path)
        problems += [f"{path}: {line}" for line in axe_violations(page)]
    assert problems == [], "\n".join(problems)
    assert watcher.problems == [], watcher.problems
    page.context.close()
