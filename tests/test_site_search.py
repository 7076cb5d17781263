"""The site's static search index (``api/search.json``) and its page, without a browser.

The browser tests (test_site_browser.py) run the search itself in chromium.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from siteutil import HOSTILE, HOSTILE_V2, audit, import_sample, make_repo, model_of

from specdiff.publish import build_pages
from specdiff.publish._render import csp, search_script
from specdiff.publish._search import SCHEMA, search_index
from specdiff.render import heading_text
from specdiff.render.schemas import json_schema

if TYPE_CHECKING:
    from pathlib import Path

    from specdiff.publish import SiteModel


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> SiteModel:
    return model_of(import_sample(tmp_path_factory.mktemp("search-sample")))


@pytest.fixture(scope="module")
def index(model: SiteModel) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(search_index(model).data)
    return data


def test_index_lists_versions_newest_first_with_their_pages(
    index: dict[str, Any], model: SiteModel
) -> None:
    assert index["schema"] == SCHEMA
    jsonschema.validate(index, json_schema("search"))
    labels = [v.label for v in reversed(model.versions)]
    assert [v["label"] for v in index["versions"]] == labels
    assert [v["page"] for v in index["versions"]] == [f"text/{label}.html" for label in labels]


def test_every_clause_of_every_version_is_found_once_per_section(
    index: dict[str, Any], model: SiteModel
) -> None:
    """Each (text, section) appears once, listing exactly the versions that have it."""
    entries = index["entries"]
    sections = index["sections"]
    keys = [(e[0], e[1], len(e) > 3) for e in entries]
    assert len(keys) == len(set(keys)), "no entry is repeated"
    found: dict[tuple[int, str, str], bool] = {}
    for entry in entries:
        section_id = sections[entry[1]][0]
        for position in entry[2]:
            found[(position, section_id, entry[0])] = True
    for position, version in enumerate(reversed(model.versions)):
        for section in version.spec.sections:
            if not section.level:
                continue
            assert (position, section.id, heading_text(section.title)) in found
            for number in section.clauses:
                text = heading_text(version.spec.clauses[number].text)
                assert not text or (position, section.id, text) in found, (version.label, text)
    total = sum(len(v.spec.clauses) for v in model.versions)
    clauses = sum(len(e[2]) for e in entries if len(e) == 3)
    assert clauses <= total, "nothing is made up"
    assert len(entries) < total, "texts shared by versions are stored once"


def test_entries_point_at_sections_the_text_pages_have(
    index: dict[str, Any], model: SiteModel
) -> None:
    pages = {p.path: p.data.decode("utf-8") for p in build_pages(model)}
    ids = {v["page"]: audit(pages[v["page"]]).ids for v in index["versions"]}
    for entry in index["entries"]:
        section_id = index["sections"][entry[1]][0]
        for position in entry[2]:
            assert section_id in ids[index["versions"][position]["page"]]


def test_search_page_allows_only_its_script_and_same_origin_reads(model: SiteModel) -> None:
    page = next(p for p in build_pages(model) if p.path == "search.html")
    html = page.data.decode("utf-8")
    found = audit(html)
    assert found.scripts == [search_script()]
    policy = csp(False, search=True)
    assert ("meta", "content", policy) in found.attributes
    assert "connect-src 'self'" in policy and "unsafe" not in policy
    assert "connect-src" not in csp(True), "other pages read nothing"
    assert ("form", "action", "search.html") in found.attributes
    assert 'data-index="api/search.json"' in html


def test_hostile_text_is_data(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, [("1.0.0", HOSTILE), ("1.1.0", HOSTILE_V2)])
    page = search_index(model_of(repo))
    data = json.loads(page.data)
    jsonschema.validate(data, json_schema("search"))
    texts = [entry[0] for entry in data["entries"]]
    assert any("<script>window.__pwned = 2</script>" in text for text in texts)
    script = search_script()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script, (
        "spec text only ever goes into the page as text"
    )
