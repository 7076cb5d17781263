"""The text of a spec made of many files on the site: a contents page per version, a page
per document, links between the files, and old anchors that keep landing across files.

Built from real git repositories imported from folders of versions; the pages are read
with the HTML audit, and every relative link between them is followed on the page list.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urldefrag

import jsonschema
import pytest
from siteutil import audit, import_folder, model_of
from test_multi_history import A_V1, A_V2, B_V1, B_V2, MANIFEST

from specdiff.publish import build_pages
from specdiff.publish._documents import former_places
from specdiff.publish._render import anchors_script, csp
from specdiff.render.schemas import json_schema

if TYPE_CHECKING:
    from pathlib import Path

    from specdiff.publish import SiteModel


def folder_versions(base: Path, versions: dict[str, dict[str, str]], manifest: str) -> Path:
    source = base / "versions"
    for folder, files in versions.items():
        for name, text in files.items():
            (source / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (source / folder / name).write_text(text, encoding="utf-8")
    (source / "manifest.toml").write_text(manifest, encoding="utf-8")
    return source


def manifest(*labels: str) -> str:
    entries = [
        f'[[versions]]\nversion = "{label}"\ndate = 2025-0{n}-10\nfolder = "v{n}"\n'
        f'message = "Version {label}"\n'
        for n, label in enumerate(labels, 1)
    ]
    return 'title = "Folder spec"\nspec_path = "spec/"\n\n' + "\n".join(entries)


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> SiteModel:
    """a.md + b.md; 1.1.0 moves Retention from a.md into b.md; 2.0.0 renames b.md."""
    base = tmp_path_factory.mktemp("moved")
    source = folder_versions(
        base,
        {
            "v1": {"a.md": A_V1, "b.md": B_V1},
            "v2": {"a.md": A_V2, "b.md": B_V2},
            "v3": {"a.md": A_V2, "privacy.md": B_V2},
        },
        MANIFEST,
    )
    return model_of(import_folder(source, base))


@pytest.fixture(scope="module")
def moved_pages(moved: SiteModel) -> dict[str, str]:
    return {p.path: p.data.decode("utf-8") for p in build_pages(moved)}


def ids_of(html: str) -> set[str]:
    return audit(html).ids


def forwards(html: str) -> dict[str, str]:
    """The forwarding anchors of a page: old id → where it sends."""
    return dict(re.findall(r'<a class="forward" id="([^"]+)" href="([^"]+)">', html))


def test_a_page_per_document_and_a_contents_page(moved_pages: dict[str, str]) -> None:
    text = sorted(p for p in moved_pages if p.startswith("text/"))
    assert text == [
        "text/1.0.0.html",
        "text/1.0.0/a.md.html",
        "text/1.0.0/b.md.html",
        "text/1.1.0.html",
        "text/1.1.0/a.md.html",
        "text/1.1.0/b.md.html",
        "text/2.0.0.html",
        "text/2.0.0/a.md.html",
        "text/2.0.0/b.md.html",
        "text/2.0.0/privacy.md.html",
    ]
    contents = moved_pages["text/2.0.0.html"]
    links = audit(contents).links
    assert links.index("2.0.0/a.md.html") < links.index("2.0.0/privacy.md.html")
    assert "2.0.0/a.md.html#storage" in links
    for section in ("consent", "retention"):
        assert f"2.0.0/privacy.md.html#{section}" in links
    # A document's one top heading is its title: its sections are listed under it.
    assert "2.0.0/privacy.md.html#privacy" not in links
    privacy = moved_pages["text/2.0.0/privacy.md.html"]
    assert {"privacy", "consent", "retention"} <= ids_of(privacy)
    assert "storage" not in ids_of(privacy), "each page shows its own document only"
    assert "Records must be deleted after 30 days." in privacy
    assert "The service must encrypt stored records" not in privacy
    nav = audit(privacy).links
    assert "../2.0.0.html" in nav and "a.md.html" in nav  # contents, previous document


def test_links_between_files_go_to_the_named_files_page(moved_pages: dict[str, str]) -> None:
    first = audit(moved_pages["text/1.0.0/b.md.html"]).prose_links
    assert "a.md.html#retention" in first and "a.md.html#storage" in first
    # In 1.1.0 Retention is in b.md itself; Storage is still in a.md.
    second = audit(moved_pages["text/1.1.0/b.md.html"]).prose_links
    assert "#retention" in second and "a.md.html#storage" in second


def test_release_and_section_pages_link_to_the_document_page(
    moved_pages: dict[str, str],
) -> None:
    release = audit(moved_pages["releases/1.1.0.html"]).links
    assert "../text/1.1.0/b.md.html#retention" in release
    history = audit(moved_pages["sections/retention.html"]).links
    assert "../text/1.0.0/a.md.html#retention" in history
    assert "../text/2.0.0/privacy.md.html#retention" in history


def test_former_places_follow_a_section_across_files(moved: SiteModel) -> None:
    places = former_places(moved)
    assert places[0] == {}
    assert places[1]["retention"] == (("a.md", "retention"),)
    assert places[2]["retention"] == (("a.md", "retention"), ("b.md", "retention"))
    assert places[2]["consent"] == (("b.md", "consent"),)
    assert "storage" not in places[2], "a section that stayed put has no former place"


def test_the_old_documents_page_forwards_to_the_section(moved_pages: dict[str, str]) -> None:
    # 1.1.0 moved Retention out of a.md: a.md's page keeps its old id, pointing to b.md.
    assert forwards(moved_pages["text/1.1.0/a.md.html"]) == {"retention": "b.md.html#retention"}
    assert forwards(moved_pages["text/2.0.0/a.md.html"]) == {
        "retention": "privacy.md.html#retention"
    }
    # 2.0.0 renamed b.md: its page is still there, and forwards every id it had.
    gone = moved_pages["text/2.0.0/b.md.html"]
    assert forwards(gone) == {
        "privacy": "privacy.md.html#privacy",
        "consent": "privacy.md.html#consent",
        "retention": "privacy.md.html#retention",
    }
    assert "../1.1.0/b.md.html" in audit(gone).links, "names the last version that had it"
    assert "privacy.md" in gone


def test_forwarding_pages_allow_only_their_script(moved_pages: dict[str, str]) -> None:
    for path in ("text/2.0.0/a.md.html", "text/2.0.0/b.md.html", "text/2.0.0.html"):
        found = audit(moved_pages[path])
        runs = [s for s in found.scripts if not s.startswith("{")]  # the contents' JSON data
        assert runs == [anchors_script()], path
        assert ("meta", "content", csp(False, forwarding=True)) in found.attributes, path
    policy = csp(False, forwarding=True)
    assert "unsafe" not in policy and "connect-src" not in policy
    # A page with nothing to forward runs no script at all.
    plain = audit(moved_pages["text/1.0.0/a.md.html"])
    assert plain.scripts == [] and ("meta", "content", csp(False)) in plain.attributes


def test_the_contents_page_sends_every_id_on(moved_pages: dict[str, str]) -> None:
    contents = moved_pages["text/1.1.0.html"]
    block = re.search(
        r'<script type="application/json" id="sd-anchor-map">(.*?)</script>', contents
    )
    assert block is not None
    targets = json.loads(block.group(1))
    assert targets == {
        "data-handling": "1.1.0/a.md.html#data-handling",
        "storage": "1.1.0/a.md.html#storage",
        "privacy": "1.1.0/b.md.html#privacy",
        "consent": "1.1.0/b.md.html#consent",
        "retention": "1.1.0/b.md.html#retention",
    }


def _resolve(page: str, href: str) -> tuple[str, str]:
    target, fragment = urldefrag(href)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target)))
    return (path if target else page), unquote(fragment)


def assert_links_resolve(pages: dict[str, str], broken: frozenset[str] = frozenset()) -> int:
    """Every relative link of every page names a page of the site and an id on it (but
    the ``broken`` ones, which the spec itself has)."""
    ids = {path: ids_of(html) for path, html in pages.items() if path.endswith(".html")}
    checked = 0
    for path, html in pages.items():
        if not path.endswith(".html"):
            continue
        found = audit(html)
        for href in found.links + found.prose_links:
            if "://" in href or href.startswith(("mailto:", "?")):
                continue
            target, fragment = _resolve(path, href)
            assert target in pages, f"{path} → {href}: no such page"
            if fragment and target in ids and fragment not in broken:
                assert fragment in ids[target], f"{path} → {href}: no such id"
            checked += 1
    return checked


def test_every_link_between_the_pages_resolves(moved_pages: dict[str, str]) -> None:
    assert assert_links_resolve(moved_pages) > 100


OVERVIEW_A = """# Guide

## Overview

The client must send a version header. See [nothing](#nowhere) (a broken link).
"""
OVERVIEW_B_V1 = """# Reference

## Overview

The server must answer within 10 seconds. See the [guide's overview](../guide.md#overview).

## Limits {#limits}

Requests must be at most 1 MB.
"""
OVERVIEW_B_V2 = OVERVIEW_B_V1.replace("## Limits {#limits}", "## Request limits {#request-limits}")


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A file in a sub-folder, and an id both files have (``overview``)."""
    base = tmp_path_factory.mktemp("nested")
    source = folder_versions(
        base,
        {
            "v1": {"guide.md": OVERVIEW_A, "api/reference.md": OVERVIEW_B_V1},
            "v2": {
                "guide.md": OVERVIEW_A.replace("header.", "header and a date."),
                "api/reference.md": OVERVIEW_B_V2,
            },
        },
        manifest("1.0.0", "2.0.0"),
    )
    model = model_of(import_folder(source, base))
    return {p.path: p.data.decode("utf-8") for p in build_pages(model)}


def test_a_file_in_a_folder_gets_a_page_in_that_folder(nested: dict[str, str]) -> None:
    assert "text/2.0.0/api/reference.md.html" in nested
    page = nested["text/2.0.0/api/reference.md.html"]
    found = audit(page)
    assert "../../../sections/limits.html" not in found.links
    assert "../../../assets/site.css" in {v for t, n, v in found.attributes if n == "href"}
    assert "../../2.0.0.html" in found.links
    # A link to the other file's "#overview" lands on its (qualified) id on that page.
    assert "../guide.md.html#guide.md#overview" in found.prose_links
    assert assert_links_resolve(nested, broken=frozenset({"nowhere"})) > 50


def test_a_broken_link_in_a_file_stays_on_its_page(nested: dict[str, str]) -> None:
    """``#nowhere`` is no id of any file: the link is left as the file writes it, not sent
    to another page."""
    assert "#nowhere" in audit(nested["text/2.0.0/guide.md.html"]).prose_links


def test_a_clashing_id_is_qualified_and_also_kept_as_written(nested: dict[str, str]) -> None:
    # Both files have "## Overview"; api/reference.md comes first, so the combined spec
    # calls guide.md's "guide.md#overview". On guide.md's own page the id as written
    # works as well.
    assert {"guide.md#overview", "overview"} <= ids_of(nested["text/2.0.0/guide.md.html"])
    reference = ids_of(nested["text/2.0.0/api/reference.md.html"])
    assert "overview" in reference and "guide.md#overview" not in reference


def test_a_renamed_anchor_stays_on_the_heading(nested: dict[str, str]) -> None:
    page = nested["text/2.0.0/api/reference.md.html"]
    start = page.index(' id="request-limits">')
    assert (
        '<span class="anchor-target" id="limits"></span>' in page[start : page.index("</h", start)]
    )


STORE_V1 = """# Storage

## Encryption {#encryption}

Records must be encrypted at rest.
"""
CONSENT = """# Consent

## Asking {#asking}

The service must ask first. Stored data is [encrypted](#encryption).

## Notes {#notes}

None.
"""
CONSENT_V2 = CONSENT + "\n" + STORE_V1.split("\n", 2)[2]


def test_an_unchanged_link_follows_its_target_to_another_file(tmp_path: Path) -> None:
    """The section linking is the same text in both versions (its HTML is rendered once
    and reused), but its target moved into its own file: the link follows."""
    source = folder_versions(
        tmp_path,
        {
            "v1": {"consent.md": CONSENT, "storage.md": STORE_V1},
            "v2": {"consent.md": CONSENT_V2, "storage.md": "# Storage\n\nNothing here now.\n"},
        },
        manifest("1.0.0", "2.0.0"),
    )
    pages = {
        p.path: p.data.decode("utf-8")
        for p in build_pages(model_of(import_folder(source, tmp_path)))
    }
    assert "storage.md.html#encryption" in audit(pages["text/1.0.0/consent.md.html"]).prose_links
    second = audit(pages["text/2.0.0/consent.md.html"])
    assert "#encryption" in second.prose_links and "encryption" in second.ids
    assert forwards(pages["text/2.0.0/storage.md.html"]) == {
        "encryption": "consent.md.html#encryption"
    }
    assert assert_links_resolve(pages) > 20


def test_a_change_to_a_clashing_section_links_to_its_own_file(nested: dict[str, str]) -> None:
    """The change record names guide.md's section "overview" (as the file writes it), which
    the combined spec calls guide.md#overview: the release page links to that file's page
    and that section's history, not to the other file's "overview"."""
    release = audit(nested["releases/2.0.0.html"]).links
    assert "../text/2.0.0/guide.md.html#guide.md#overview" in release
    assert "../sections/guide~2e~md~23~overview.html" in release
    assert "../text/2.0.0/api/reference.md.html#overview" not in release
    history = nested["sections/guide~2e~md~23~overview.html"]
    assert "header and a date" in history
    assert "../text/1.0.0/guide.md.html#guide.md#overview" in audit(history).links


def test_the_json_api_lists_each_versions_documents(moved_pages: dict[str, str]) -> None:
    data = json.loads(moved_pages["api/versions.json"])
    jsonschema.validate(data, json_schema("site"))
    newest = data["versions"][0]["pages"]
    assert newest["text"] == "text/2.0.0.html"
    assert newest["documents"] == [
        {"path": "a.md", "title": "Data handling", "page": "text/2.0.0/a.md.html"},
        {"path": "privacy.md", "title": "Privacy", "page": "text/2.0.0/privacy.md.html"},
    ]
