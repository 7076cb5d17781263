"""A hostile spec publishes to pages where nothing of the spec is markup or script."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
from siteutil import CONFIG, HOSTILE, HOSTILE_V2, audit, make_repo, model_of, publish

from specdiff.errors import SpecdiffError
from specdiff.parse import parse_spec
from specdiff.publish import build_pages
from specdiff.publish._render import compare_script, search_script
from specdiff.render.spec_html import is_safe_url, render_spec_html

if TYPE_CHECKING:
    from pathlib import Path

    from specdiff.publish import SiteModel

FORBIDDEN_TAGS = {"img", "iframe", "svg", "object", "embed", "form-hijack", "base", "frame"}


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    return make_repo(base, [("1.0.0", HOSTILE), ("1.1.0", HOSTILE_V2)], CONFIG)


@pytest.fixture(scope="module")
def hostile_pages(hostile_repo: Path) -> dict[str, str]:
    model: SiteModel = model_of(hostile_repo)
    return {page.path: page.data.decode("utf-8") for page in build_pages(model)}


def assert_inert(html: str, where: str, scripts: tuple[str, ...] = ()) -> None:
    """No element, attribute or URL in ``html`` can run script, except our own ``scripts``."""
    found = audit(html)
    assert not FORBIDDEN_TAGS & set(found.tags), f"{where}: {FORBIDDEN_TAGS & set(found.tags)}"
    for body in found.scripts:
        assert body in scripts, f"{where}: unexpected script {body[:60]!r}"
    for tag, name, value in found.attributes:
        assert not name.startswith("on"), f"{where}: <{tag} {name}={value!r}>"
        if (tag, name, value) == ("link", "href", "data:,"):
            continue  # our own empty favicon, so that browsers ask for none
        if name in ("href", "src", "action", "formaction", "xlink:href"):
            assert is_safe_url(value), f"{where}: <{tag} {name}={value!r}>"


def test_spec_html_is_inert() -> None:
    html = render_spec_html(HOSTILE, parse_spec(HOSTILE))
    assert_inert(html, "spec html")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert '<h2 id="x">&lt;script&gt;' in html, "the heading keeps its id, shows its text"
    assert "onload=alert(1)" not in html, "the attribute block is dropped from the heading"
    assert 'href="javascript' not in html.lower()
    assert '<span class="anchor-target" id="old"></span>' in html


def test_unsafe_schemes_never_become_links() -> None:
    html = render_spec_html(HOSTILE, parse_spec(HOSTILE))
    hrefs = [value for _, name, value in audit(html).attributes if name == "href"]
    assert hrefs, "the heading links are there"
    assert all(is_safe_url(h) and not h.lower().startswith(("data:", "javascript:")) for h in hrefs)
    assert "[link](javascript:window.__pwned=4)" in html, "a refused link stays plain text"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a?b=c", True),
        ("mailto:someone@example.com", True),
        ("#section", True),
        ("other.md", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java%09script:alert(1)", False),
        ("vbscript:x", False),
        ("data:text/html,x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_every_page_is_inert(hostile_pages: dict[str, str]) -> None:
    ours = (compare_script(), search_script())
    for path, html in hostile_pages.items():
        if path.endswith(".html"):
            assert_inert(html, path, scripts=ours)
            assert '<meta http-equiv="Content-Security-Policy"' in html, path
            assert "unsafe-inline" not in html.split("Content-Security-Policy", 1)[1][:300]
    assert "&lt;script&gt;window.__pwned=20&lt;/script&gt; Spec" in hostile_pages["index.html"]


def test_changes_with_hostile_text_are_escaped(hostile_pages: dict[str, str]) -> None:
    release = hostile_pages["releases/1.1.0.html"]
    assert "__pwned=19&lt;/script&gt;" in release
    assert "<script>window" not in release
    assert "<ins>" in release or "<del>" in release


def test_feed_content_is_escaped_html(hostile_pages: dict[str, str]) -> None:
    feed = ET.fromstring(hostile_pages["feed.xml"].encode("utf-8"))
    for element in feed.iter():
        if element.tag.endswith("content") and element.text:
            assert_inert(element.text, "feed content")
            assert "<script" not in element.text


def test_base_url_must_be_http(hostile_repo: Path, tmp_path: Path) -> None:
    with pytest.raises(SpecdiffError, match="base URL"):
        publish(hostile_repo, tmp_path / "site", base_url="javascript:alert(1)//")
