"""The published pages of the sample history: golden files, structure, links, feed, JSON.

Goldens live in ``tests/golden/site``; ``SPECDIFF_UPDATE_GOLDENS=1`` rewrites them. The
build time and the generator's version are fixed in the model, and commit ids replaced
by ``<commit>``, so a golden changes only when a page does.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import jsonschema
import pytest
from siteutil import audit, import_sample, make_repo, model_of, publish

from specdiff.parse import parse_spec
from specdiff.publish import MARKER, MAX_ALL_PAIRS, SiteModel, build_pages
from specdiff.publish._pages import table_of_contents
from specdiff.render.schemas import json_schema

GOLDENS = Path(__file__).parent / "golden" / "site"
UPDATE = os.environ.get("SPECDIFF_UPDATE_GOLDENS") == "1"
BUILT = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)

GOLDEN_PAGES = (
    "index.html",
    "releases/1.0.0.html",
    "releases/2.0.0.html",
    "text/3.0.0.html",
    "compare/1.1.1..2.0.0.html",
    "compare/index.html",
    "sections/index.html",
    "sections/honest_feedback.html",
    "search.html",
    "feed.xml",
    "api/versions.json",
    "api/2.0.0.json",
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_sample(tmp_path_factory.mktemp("site-sample"))


@pytest.fixture(scope="module")
def model(sample: Path) -> SiteModel:
    return replace(model_of(sample), built=BUILT, generator="specdiff")


@pytest.fixture(scope="module")
def pages(model: SiteModel) -> dict[str, str]:
    return {page.path: page.data.decode("utf-8") for page in build_pages(model)}


def _normalise(text: str, model: SiteModel) -> str:
    for version in model.versions:
        text = text.replace(version.commit, "<commit>").replace(version.commit[:12], "<commit>")
    return text


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_page_matches_golden(path: str, pages: dict[str, str], model: SiteModel) -> None:
    golden = GOLDENS / path.replace("/", "__")
    actual = _normalise(pages[path], model)
    if UPDATE or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote the missing golden {golden.name}; run again")
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{path} differs from its golden; SPECDIFF_UPDATE_GOLDENS=1 rewrites it"
    )


def test_file_list_matches_golden(pages: dict[str, str]) -> None:
    listing = "\n".join(sorted(pages)) + "\n"
    golden = GOLDENS / "files.txt"
    if UPDATE or not golden.exists():
        golden.write_text(listing, encoding="utf-8")
    assert listing == golden.read_text(encoding="utf-8")


def test_every_version_has_its_pages(pages: dict[str, str], model: SiteModel) -> None:
    for version in model.versions:
        assert f"releases/{version.label}.html" in pages
        assert f"text/{version.label}.html" in pages
        assert (f"api/{version.label}.json" in pages) == (version.report is not None)
    labels = [v.label for v in model.versions]
    for i, old in enumerate(labels):
        for new in labels[i + 1 :]:
            assert f"compare/{old}..{new}.html" in pages
    index = pages["index.html"]
    positions = [index.index(f'href="releases/{label}.html">{label}</a>') for label in labels]
    assert positions == sorted(positions, reverse=True), "the index lists newest first"


def test_internal_links_resolve(pages: dict[str, str]) -> None:
    """Every relative link points at a file of the site, and its fragment at an id there
    (links inside the spec's own text may be broken in the spec itself: only the file)."""
    audits = {path: audit(html) for path, html in pages.items() if path.endswith(".html")}
    for path, found in audits.items():
        for link in found.links + found.prose_links:
            assert not link.startswith("/"), f"{path}: absolute link {link}"
            if urlparse(link).scheme:
                continue
            target = urlparse(urljoin("http://x/" + path, link))
            page = unquote(target.path.lstrip("/")) or path
            assert page in pages, f"{path}: link to missing {link}"
            if target.fragment and link in found.links and page in audits:
                assert unquote(target.fragment) in audits[page].ids, f"{path}: {link}"


def test_text_pages_keep_the_source_anchors(pages: dict[str, str], model: SiteModel) -> None:
    for version in model.versions:
        found = audit(pages[f"text/{version.label}.html"]).ids
        assert version.spec.anchors <= found
    text = pages["text/3.0.0.html"]
    assert "{#" not in text, "attribute blocks are stripped from headings"
    assert 'class="conversation"' in text, "worked examples are shown as conversations"


def test_feed_is_atom(pages: dict[str, str], model: SiteModel) -> None:
    root = ET.fromstring(pages["feed.xml"].encode("utf-8"))
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    entries = root.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title", "").split()[1] for e in entries] == [
        v.label for v in reversed(model.versions)
    ]
    assert all(e.findtext(f"{atom}id", "").startswith("urn:uuid:") for e in entries)
    assert root.findtext(f"{atom}updated") == model.versions[-1].date.isoformat()


def test_base_url_makes_feed_and_canonical_links_absolute(model: SiteModel) -> None:
    pages = {
        p.path: p.data.decode()
        for p in build_pages(replace(model, base_url="https://spec.example/wren/"))
    }
    assert (
        '<link rel="canonical" href="https://spec.example/wren/releases/2.0.0.html">'
        in (pages["releases/2.0.0.html"])
    )
    feed = ET.fromstring(pages["feed.xml"].encode())
    ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
    assert ids[0] == "https://spec.example/wren/feed.xml"
    assert "https://spec.example/wren/releases/3.0.0.html" in ids
    assert 'href="../index.html"' in pages["releases/2.0.0.html"], "other links stay relative"


def test_api_documents(pages: dict[str, str], model: SiteModel) -> None:
    versions = json.loads(pages["api/versions.json"])
    assert [v["version"] for v in versions["versions"]] == [
        v.label for v in reversed(model.versions)
    ]
    assert versions["versions"][-1]["bump"] is None
    document = json.loads(pages["api/2.0.0.json"])
    assert document["schema"] == "specdiff.compare/1"
    assert document["bump"] == "major"
    compare_schema = json_schema("compare")
    for version in model.versions[1:]:
        jsonschema.validate(json.loads(pages[f"api/{version.label}.json"]), compare_schema)
    jsonschema.validate(versions, json_schema("site"))


def test_published_site_is_the_built_pages(sample: Path, tmp_path: Path) -> None:
    result = publish(sample, tmp_path / "site")
    files = sorted(
        p.relative_to(result.out).as_posix() for p in result.out.rglob("*") if p.is_file()
    )
    assert MARKER in files
    assert result.files == len(files)
    assert result.pages == sum(1 for f in files if f.endswith(".html"))
    assert result.bytes == sum((result.out / f).stat().st_size for f in files)


def test_long_histories_get_consecutive_compare_pages_only(tmp_path: Path) -> None:
    count = MAX_ALL_PAIRS + 1
    versions = [
        (f"1.{n}.0", f"# Spec\n\n## Rules {{#rules}}\n\nThe server must answer in {n + 1} s.\n")
        for n in range(count)
    ]
    repo = make_repo(tmp_path, versions)
    model = model_of(repo)
    pages = [page.path for page in build_pages(model)]
    compares = [p for p in pages if p.startswith("compare/") and p != "compare/index.html"]
    assert len(compares) == count - 1
    assert "compare/1.0.0..1.1.0.html" in compares
    assert "compare/1.0.0..1.2.0.html" not in compares
    index = next(p for p in build_pages(model) if p.path == "index.html").data.decode()
    assert 'data-all="no"' in index
    assert "compare pages exist for consecutive versions only" in index


def test_unreleased_revisions_are_listed(tmp_path: Path) -> None:
    from gitutil import commit

    repo = make_repo(tmp_path, [("1.0.0", "# Spec\n\nThe server must answer.\n")])
    with pytest.MonkeyPatch.context() as patch:
        from gitutil import isolate_git

        isolate_git(patch, tmp_path)
        commit(repo, {"spec.md": "# Spec\n\nThe server should answer.\n"}, "Soften the rule")
    model = model_of(repo)
    index = next(p for p in build_pages(model) if p.path == "index.html").data.decode()
    assert "Unreleased changes" in index
    assert "Soften the rule" in index
    versions = json.loads(next(p for p in build_pages(model) if p.path == "api/versions.json").data)
    assert versions["unreleased"][0]["subject"] == "Soften the rule"


def test_each_text_page_has_a_table_of_contents(pages: dict[str, str], model: SiteModel) -> None:
    """Every heading down to level 3, in order, nested under its parent heading."""
    for version in model.versions:
        html = pages[f"text/{version.label}.html"]
        toc = html[html.index('<nav class="toc"') : html.index("</details>")]
        expected = [f"#{s.id}" for s in version.spec.sections if 0 < s.level <= 3]
        assert audit(toc).links == expected, version.label
    latest = pages["text/3.0.0.html"]
    assert '<li><a href="#chain_of_command">Working for several parties</a><ol>\n' in latest


def test_table_of_contents_nests_skipped_levels() -> None:
    spec = parse_spec("# A\n\n### B\n\n## C\n\n#### D\n\n### E\n\n# F\n")
    toc = table_of_contents(spec)
    shape = [(i.id, [(c.id, [g.id for g in c.children]) for c in i.children]) for i in toc]
    assert shape == [("a", [("b", []), ("c", ["e"])]), ("f", [])]
