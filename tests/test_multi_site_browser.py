"""The site of a spec that is a folder of files, in a real headless chromium: every page
loads without console errors, every internal link resolves (links between the files land
on an element of the version's page)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag
from urllib.request import urlopen

import pytest
from siteutil import html_files, import_folder, publish
from test_multi_history import A_V1, A_V2, B_V1, B_V2, MANIFEST
from test_site_browser import _SURVEY, Watcher, browser, new_page

from specdiff.publish._serve import serve_in_background

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.browser]
__all__ = ["browser"]  # the chromium fixture, shared with the other browser tests


def test_a_folder_spec_site_loads_and_every_link_resolves(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "versions"
    for folder, files in {
        "v1": {"a.md": A_V1, "b.md": B_V1},
        "v2": {"a.md": A_V2, "b.md": B_V2},
        "v3": {"a.md": A_V2, "privacy.md": B_V2},
    }.items():
        (source / folder).mkdir(parents=True)
        for name, text in files.items():
            (source / folder / name).write_text(text, encoding="utf-8")
    (source / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    site = publish(import_folder(source, tmp_path), tmp_path / "site").out
    server, served = serve_in_background(site)
    try:
        page = new_page(browser)
        watcher = Watcher(page)
        ids: dict[str, set[str]] = {}
        links: set[tuple[str, str]] = set()
        for path in html_files(site):
            page.goto(served + path)
            found = page.evaluate(_SURVEY)
            ids[served + path] = set(found["ids"])
            links.update((path, href) for href, _ in found["links"])
        assert watcher.problems == [], "\n".join(watcher.problems)
        for source_page, href in sorted(links):
            if not href.startswith(served):
                continue
            target, fragment = urldefrag(href)
            if target not in ids:
                with urlopen(target) as response:  # raises on 404
                    assert response.status == 200, f"{source_page} → {href}"
            elif fragment:
                assert fragment in ids[target], f"{source_page} → {href}: no such id"
        assert f"{served}text/1.0.0/a.md.html#retention" in {href for _, href in links}
        page.context.close()
    finally:
        server.shutdown()
        server.server_close()
