"""The published site in a real headless chromium (Debian's), driven by Playwright.

Skipped, with the reason, when ``/usr/bin/chromium`` (or ``$SPECDIFF_CHROMIUM``) or the
``playwright`` package is missing; ``.ci/run`` installs chromium. Playwright's own browser
downloads are never used. Screenshots go to ``artifacts/screenshots/`` (git-ignored).

The accessibility checks run axe-core (the npm package, which ``scripts/test`` installs
into ``.cache/axe-core``) inside each page; they skip, saying why, when it is missing.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urlparse
from urllib.request import urlopen

import pytest
from gitutil import CORPUS, ROOT
from siteutil import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONFIG,
    HOSTILE,
    HOSTILE_V2,
    SCREENSHOTS,
    html_files,
    import_folder,
    import_sample,
    make_repo,
    publish,
)

from specdiff.publish._serve import serve_in_background

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no chromium at {CHROMIUM} (apt-get install chromium, or set SPECDIFF_CHROMIUM)",
    ),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
AXE = ROOT / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
#: axe-core's tags for the WCAG 2.0 and 2.1 success criteria at levels A and AA.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Watcher:
    """Console errors, page errors, failed requests and dialogs of one browser page."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("dialog", self._dialog)

    def _failed(self, request: Any) -> None:
        reason = request.failure or ""
        # A request the page's own next navigation cancelled (a click before a stylesheet
        # finished loading from file://) is not a broken page.
        if "ERR_ABORTED" not in reason:
            self.problems.append(f"request failed: {request.url} ({reason})")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = sync_api.sync_playwright().start()
    try:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover - a broken chromium install
        playwright.stop()
        pytest.skip(f"chromium at {CHROMIUM} does not start: {exc}")
    yield instance
    instance.close()
    playwright.stop()


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("browser-sample")
    return publish(import_sample(base), base / "site").out


@pytest.fixture(scope="module")
def served(sample_site: Path) -> Iterator[str]:
    server, url = serve_in_background(sample_site)
    yield url
    server.shutdown()
    server.server_close()


#: What one page holds, in one round trip: ids, links (and whether they sit in the spec's
#: own text) and the landmarks every page has.
_SURVEY = """() => ({
  ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
  links: Array.from(document.querySelectorAll('a[href]'), e => [e.href, !!e.closest('.prose')]),
  landmarks: ['main#sd-main', 'header nav', 'footer'].map(s => document.querySelectorAll(s).length),
})"""


def new_page(browser: Any, viewport: dict[str, int] = DESKTOP, **options: Any) -> Any:
    return browser.new_context(viewport=viewport, **options).new_page()


def test_every_page_loads_and_every_link_resolves(
    browser: Any, served: str, sample_site: Path
) -> None:
    page = new_page(browser)
    watcher = Watcher(page)
    ids: dict[str, set[str]] = {}
    links: set[tuple[str, str, bool]] = set()
    for path in html_files(sample_site):
        page.goto(served + path)
        found = page.evaluate(_SURVEY)
        ids[served + path] = set(found["ids"])
        links.update((path, href, in_prose) for href, in_prose in found["links"])
        assert found["landmarks"] == [1, 1, 1], f"{path}: one main, one site nav, one footer"
    assert watcher.problems == [], "\n".join(watcher.problems)
    checked: set[str] = set()
    for source, href, in_prose in sorted(links):
        if not href.startswith(served):
            continue
        target, fragment = urldefrag(href)
        if target not in ids and target not in checked:
            with urlopen(target) as response:  # raises on 404
                assert response.status == 200, f"{source} → {href}"
            checked.add(target)
        if fragment and not in_prose and target in ids:
            assert fragment in ids[target], f"{source} → {href}: no element with that id"
    page.context.close()


def test_compare_form_opens_the_compare_page(browser: Any, served: str) -> None:
    page = new_page(browser)
    watcher = Watcher(page)
    page.goto(served + "index.html")
    page.select_option("select[name=from]", "1.0.0")
    page.select_option("select[name=to]", "2.1.0")
    page.click("form.compare-form button")
    page.wait_for_url("**/compare/1.0.0..2.1.0.html")
    assert page.locator("h1").inner_text().startswith("1.0.0 → 2.1.0")
    page.goto(served + "compare/index.html")
    page.select_option("select[name=from]", "3.0.0")
    page.select_option("select[name=to]", "1.1.0")
    page.click("form.compare-form button")
    page.wait_for_url("**/compare/1.1.0..3.0.0.html")
    page.locator("details.panel summary").click()
    page.select_option("select[name=from]", "2.0.0")
    page.select_option("select[name=to]", "2.0.0")
    page.click("form.compare-form button")
    assert "two different versions" in page.locator(".form-status").inner_text()
    assert page.url.endswith("compare/1.1.0..3.0.0.html")
    assert watcher.problems == []
    page.context.close()


def test_compare_form_without_scripts_lists_the_pages(browser: Any, served: str) -> None:
    page = new_page(browser, java_script_enabled=False)
    page.goto(served + "index.html")
    page.select_option("select[name=from]", "1.1.0")
    page.click("form.compare-form button")
    page.wait_for_url("**/compare/index.html?from=1.1.0&to=3.0.0")
    page.click("text=1.1.0 → 3.0.0")
    page.wait_for_url("**/compare/1.1.0..3.0.0.html")
    page.context.close()


def test_keyboard_reaches_the_skip_link_first(browser: Any, served: str) -> None:
    page = new_page(browser)
    page.goto(served + "releases/2.0.0.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sd-main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.context.close()


def test_works_from_a_sub_path_and_from_files(
    browser: Any, sample_site: Path, tmp_path: Path
) -> None:
    shutil.copytree(sample_site, tmp_path / "docs" / "spec")
    server, url = serve_in_background(tmp_path)
    try:
        for start in (url + "docs/spec/index.html", (tmp_path / "docs/spec/index.html").as_uri()):
            page = new_page(browser)
            watcher = Watcher(page)
            page.goto(start)
            background = page.evaluate(
                "getComputedStyle(document.querySelector('header.site')).backgroundColor"
            )
            assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "styles load"
            page.click("header nav >> text=Sections")
            assert urlparse(page.url).path.endswith("docs/spec/sections/index.html")
            page.go_back()
            page.select_option("select[name=from]", "1.0.0")
            page.click("form.compare-form button")
            page.wait_for_url("**/docs/spec/compare/1.0.0..3.0.0.html")
            assert watcher.problems == [], watcher.problems
            page.context.close()
    finally:
        server.shutdown()
        server.server_close()


#: One page of each type the site has (two text pages: the latest and an archived one).
PAGE_TYPES = (
    "index.html",
    "releases/1.0.0.html",
    "releases/2.0.0.html",
    "text/1.0.0.html",
    "text/3.0.0.html",
    "compare/index.html",
    "compare/1.0.0..3.0.0.html",
    "sections/index.html",
    "sections/honest_feedback.html",
    "search.html?q=honest",
)


def axe_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the loaded page, one line per element.

    The script is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern (an injected ``<script>`` would be refused).
    """
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    found = page.evaluate(
        """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
          .violations.flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')}: ${
            (n.failureSummary || '').split('\\n').slice(1).join(' ').trim()}`))""",
        WCAG_AA,
    )
    return list(found)


def run_axe(page: Any, url: str, paths: Iterable[str]) -> list[str]:
    problems = []
    for path in paths:
        page.goto(url + path)
        problems += [f"{path}: {line}" for line in axe_violations(page)]
    return problems


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core not installed at {AXE} (scripts/test)")
@pytest.mark.parametrize(
    ("viewport", "scheme"), [(DESKTOP, "light"), (PHONE, "light"), (PHONE, "dark")]
)
def test_every_page_type_passes_axe(
    browser: Any, served: str, viewport: dict[str, int], scheme: str
) -> None:
    page = new_page(browser, viewport, color_scheme=scheme)
    watcher = Watcher(page)
    problems = run_axe(page, served, PAGE_TYPES)
    assert problems == [], "\n".join(problems)
    assert watcher.problems == [], watcher.problems
    page.context.close()


def test_search_finds_a_clause_by_a_word_in_it(browser: Any, served: str) -> None:
    page = new_page(browser, PHONE)
    watcher = Watcher(page)
    page.goto(served + "index.html")
    page.click("header nav >> text=Search")
    page.fill("input[name=q]", "Weaknesses")  # in a clause of #honest_feedback, not its title
    page.press("input[name=q]", "Enter")
    first = page.locator(".search-result").first
    first.wait_for()
    assert page.url.endswith("search.html?q=Weaknesses"), "the query is in the address"
    assert page.locator("mark").first.inner_text() == "weaknesses"
    href = first.locator("a").get_attribute("href")
    assert href == "text/3.0.0.html#honest_feedback", "newest version first"
    assert "in 3.0.0 and 2 older versions" in first.inner_text()
    if AXE.is_file():
        assert axe_violations(page) == [], "the results are accessible too"
    results = [a.get_attribute("href") for a in page.locator(".search-result a").all()]
    first.locator("a").click()
    page.wait_for_url("**/text/3.0.0.html#honest_feedback")
    assert _target_heading(page) == "honest_feedback"
    for link in results:  # every result lands on an element of its page
        page.goto(served + link)
        assert page.evaluate(_TARGET_EXISTS), link

    page.goto(served + "search.html?q=weaknesses&v=2.0.0")
    page.locator(".search-result").first.wait_for()
    hrefs = {a.get_attribute("href") for a in page.locator(".search-result a").all()}
    assert hrefs == {"text/2.0.0.html#honest_feedback"}
    assert page.locator("select[name=v]").input_value() == "2.0.0"
    page.fill("input[name=q]", "weaknesses nosuchwordanywhere")
    page.press("input[name=q]", "Enter")
    page.wait_for_function("document.querySelector('.search-status').textContent === '0 matches.'")
    assert page.locator(".search-result").count() == 0
    assert page.locator(".search-notice").is_hidden()
    assert watcher.problems == [], watcher.problems
    page.context.close()


def test_search_from_a_file_says_to_serve_the_site(browser: Any, sample_site: Path) -> None:
    page = new_page(browser)
    watcher = Watcher(page)
    page.goto((sample_site / "search.html").as_uri() + "?q=honest")
    notice = page.locator(".search-notice").first
    assert notice.is_visible()
    assert "specdiff serve" in notice.inner_text()
    assert page.locator("input[name=q]").input_value() == "honest"
    assert watcher.problems == [], "the page fails gracefully, with nothing in the console"
    page.context.close()


def test_old_anchors_land_on_the_section_they_became(browser: Any, served: str) -> None:
    """``#avoid_flattery`` (the section's id up to 1.1.1) opens #honest_feedback in 3.0.0."""
    page = new_page(browser, PHONE)
    watcher = Watcher(page)
    page.goto(served + "text/1.1.1.html#avoid_flattery")
    assert _target_heading(page) == "avoid_flattery"
    page.goto(served + "text/3.0.0.html#avoid_flattery")
    assert _target_heading(page) == "honest_feedback"
    top = page.evaluate("document.getElementById('avoid_flattery').getBoundingClientRect().top")
    assert 0 <= top < 100, f"the heading is scrolled to the top of the window ({top}px)"
    assert watcher.problems == []
    page.context.close()


#: The heading the address's fragment points at (itself or the heading an anchor sits in).
_TARGET_HEADING = """() => {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const heading = target && target.closest('h1, h2, h3, h4, h5, h6');
  return heading ? heading.id : null;
}"""
_TARGET_EXISTS = "() => !!document.getElementById(decodeURIComponent(location.hash.slice(1)))"


def _target_heading(page: Any) -> str | None:
    heading: str | None = page.evaluate(_TARGET_HEADING)
    return heading


SHOTS = (
    ("index", "index.html"),
    ("release", "releases/2.0.0.html"),
    ("text", "text/3.0.0.html"),
    ("compare", "compare/1.0.0..3.0.0.html"),
    ("section", "sections/honest_feedback.html"),
    ("search", "search.html?q=honest+feedback"),
)


@pytest.mark.parametrize(("size", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots(browser: Any, served: str, size: str, viewport: dict[str, int]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page(browser, viewport)
    for name, path in SHOTS:
        page.goto(served + path)
        page.screenshot(path=str(SCREENSHOTS / f"sample-{name}-{size}.png"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{path} scrolls sideways at {size} width ({width}px)"
    page.context.close()


def test_hostile_spec_runs_nothing(browser: Any, tmp_path: Path) -> None:
    repo = make_repo(tmp_path, [("1.0.0", HOSTILE), ("1.1.0", HOSTILE_V2)], CONFIG)
    site = publish(repo, tmp_path / "site").out
    server, url = serve_in_background(site)
    try:
        page = new_page(browser)
        watcher = Watcher(page)
        for path in html_files(site):
            page.goto(url + path)
            page.evaluate(_POKE)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
        page.goto(url + "text/1.1.0.html")
        page.screenshot(path=str(_shot("hostile-text-desktop")))
        assert watcher.dialogs == []
        assert watcher.problems == [], watcher.problems
        page.context.close()
    finally:
        server.shutdown()
        server.server_close()


#: Fire the events inline handlers listen to on every element (a handler that slipped
#: through would run, or CSP would refuse it and log an error).
_POKE = """
document.querySelectorAll('*').forEach(element => {
  for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) {
    element.dispatchEvent(new Event(type));
  }
});
"""


def _shot(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


@pytest.mark.corpus
def test_model_spec_pair(browser: Any, tmp_path: Path) -> None:
    source = CORPUS / "openai-model-spec"
    if not (source / "manifest.toml").is_file():
        pytest.skip(f"corpus not found at {source} (set SPECDIFF_CORPUS)")
    repo = import_folder(source, tmp_path)
    site = publish(repo, tmp_path / "site").out
    latest = html_files(site / "text")[-1]
    server, url = serve_in_background(site)
    try:
        for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page = new_page(browser, viewport)
            watcher = Watcher(page)
            for name, path in (
                ("index", "index.html"),
                ("release", f"releases/{latest}"),
                ("text", f"text/{latest}"),
                ("section", "sections/follow_all_applicable_instructions.html"),
            ):
                page.goto(url + path)
                page.screenshot(path=str(_shot(f"model-spec-{name}-{size}")))
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"], f"{path} scrolls sideways ({width}px)"
                if AXE.is_file():  # its long code blocks and tables scroll: keyboard-reachable?
                    assert axe_violations(page) == [], f"{path} at {size} width"
            assert watcher.problems == [], watcher.problems
            page.context.close()
    finally:
        server.shutdown()
        server.server_close()
