"""Helpers for the published-site tests: sample and hand-made repositories, an HTML audit.

Repositories are built once per module by the fixtures in the test files; everything here
works on folders and strings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from gitutil import HISTORY, ROOT, commit, init_repo, isolate_git, tag

from specdiff.history.importer import import_history
from specdiff.history.workspace import Workspace
from specdiff.publish import build_site, load_model

if TYPE_CHECKING:
    from specdiff.publish import SiteModel, SiteResult

ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path(os.environ.get("SPECDIFF_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: A spec that tries every way to run script in a reader's browser.
HOSTILE = """\
# <script>window.__pwned = 1</script> {#top}

<script>window.__pwned = 2</script>

Inline <img src=x onerror="window.__pwned=3"> HTML, a [link](javascript:window.__pwned=4),
[another](JaVaScRiPt:alert(1)), [tabbed](java\tscript:alert(1)), [entity](&#106;avascript:alert(1))
and <a href="javascript:window.__pwned=5" onclick="window.__pwned=5">raw</a>.

## <script> {#x onload=alert(1)}

Text with ![picture](javascript:alert(1)) and <svg onload="window.__pwned=6"> and
<a name="old" onmouseover="window.__pwned=7"></a> an anchor.

<iframe src="javascript:window.__pwned=8"></iframe>

[ref]: javascript:window.__pwned=9

A [reference link][ref], an autolink <javascript:alert(1)>, a [data link](data:text/html,<script>alert(1)</script>).

## Quotes " onmouseover="window.__pwned=10" and <b onmouseover=alert(1)>tags</b>

**Example**: <script>window.__pwned=11</script>

~~~xml
<user>
<script>window.__pwned = 12</script>
</user>
<assistant> <!-- GOOD: <img src=x onerror="window.__pwned=13"> -->
"><script>window.__pwned=14</script>
</assistant>
~~~

!!! note "<script>window.__pwned=15</script>"
    Admonition body <b onmouseover="window.__pwned=16">x</b>.

| a <script>window.__pwned=17</script> | b |
| --- | --- |
| <img src=x onerror="window.__pwned=18"> | `<script>` |
"""

HOSTILE_V2 = HOSTILE.replace("Inline <img", "Inline, changed, <img").replace(
    "an anchor.", "an anchor <script>window.__pwned=19</script>."
)
CONFIG = '\n[site]\ntitle = "<script>window.__pwned=20</script> Spec"\n'


def import_sample(base: Path) -> Path:
    """The sample history imported into ``base/repo`` (git isolated under ``base``)."""
    return import_folder(HISTORY, base)


def import_folder(source: Path, base: Path) -> Path:
    """A folder of versions (with its manifest) imported into ``base/repo``."""
    with pytest.MonkeyPatch.context() as patch:
        isolate_git(patch, base)
        result = import_history(source, cwd=base, into=base / "repo")
    return result.root


def make_repo(base: Path, versions: list[tuple[str, str]], config: str = "") -> Path:
    """A repository with ``spec.md`` committed and tagged ``v<label>`` for each version."""
    with pytest.MonkeyPatch.context() as patch:
        isolate_git(patch, base)
        repo = init_repo(base / "repo")
        files = {"specdiff.toml": 'spec = "spec.md"\n' + config}
        for number, (label, text) in enumerate(versions):
            date = f"{2025 + number // 12}-{number % 12 + 1:02d}-01T12:00:00+00:00"
            commit(repo, {**files, "spec.md": text}, f"Version {label}", date)
            tag(repo, f"v{label}", message=f"Release {label}")
            files = {}
    return repo


def model_of(repo: Path) -> SiteModel:
    with pytest.MonkeyPatch.context() as patch:
        isolate_git(patch, repo.parent)
        return load_model(Workspace.discover(cwd=repo))


def publish(repo: Path, out: Path, base_url: str = "") -> SiteResult:
    with pytest.MonkeyPatch.context() as patch:
        isolate_git(patch, repo.parent)
        return build_site(Workspace.discover(cwd=repo), out, base_url=base_url)


def html_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@dataclass
class Audit:
    """What one HTML page contains that matters for safety and links."""

    tags: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, name, value) for every attribute."""
    scripts: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    prose_links: list[str] = field(default_factory=list)
    """Links inside the spec's own text (class ``prose``), which may be broken in the spec."""


class _Auditor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.audit = Audit()
        self._in_script = False
        self._prose: tuple[str, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.audit.tags.append(tag)
        values = dict(attrs)
        if self._prose is None and "prose" in (values.get("class") or "").split():
            self._prose = (tag, 0)
        if self._prose is not None and self._prose[0] == tag:
            self._prose = (tag, self._prose[1] + 1)
        for name, value in attrs:
            self.audit.attributes.append((tag, name, value or ""))
            if name == "id" and value:
                self.audit.ids.add(value)
            if tag == "a" and name == "href" and value is not None:
                (self.audit.links if self._prose is None else self.audit.prose_links).append(value)
        if tag == "script":
            self._in_script = True
            self.audit.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if self._prose is not None and self._prose[0] == tag:
            depth = self._prose[1] - 1
            self._prose = (tag, depth) if depth else None

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.audit.scripts[-1] += data


def audit(html: str) -> Audit:
    parser = _Auditor()
    parser.feed(html)
    parser.close()
    return parser.audit
