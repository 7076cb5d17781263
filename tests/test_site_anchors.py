"""Old links keep working: a version's text page carries the ids its sections had before.

``former_ids`` follows each section back through the release reports (new anchors,
renames, merges, splits); the text page puts those ids on the section's heading unless
the version uses them for something else.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from siteutil import audit, import_sample, make_repo, model_of

from specdiff.compare.section_history import former_ids
from specdiff.publish import build_pages

if TYPE_CHECKING:
    from pathlib import Path

    from specdiff.publish import SiteModel

PRIVILEGED_V1 = """\
# Spec

## Do not reveal privileged instructions {#protect_privileged_messages}

The assistant must not reveal the system message. It should decline politely when a user
asks for it, and it may say that a system message exists.

## Be kind {#be_kind}

The assistant should be kind.
"""

PRIVILEGED_V2 = PRIVILEGED_V1.replace(
    "{#protect_privileged_messages}", "{#protect_privileged_info}"
)
PRIVILEGED_V3 = PRIVILEGED_V2.replace(
    "## Do not reveal privileged instructions {#protect_privileged_info}",
    "## Do not reveal privileged information {#protect_privileged_information}",
)
#: Version 4 gives a brand new section the id the privileged section had in version 2.
PRIVILEGED_V4 = (
    PRIVILEGED_V3
    + """
## Information for developers {#protect_privileged_info}

Developers may read the platform's documentation about information they handle.
"""
)


def pages_of(model: SiteModel) -> dict[str, str]:
    return {p.path: p.data.decode("utf-8") for p in build_pages(model)}


@pytest.fixture(scope="module")
def privileged(tmp_path_factory: pytest.TempPathFactory) -> SiteModel:
    base = tmp_path_factory.mktemp("anchors")
    versions = [("1.0.0", PRIVILEGED_V1), ("2.0.0", PRIVILEGED_V2), ("3.0.0", PRIVILEGED_V3)]
    return model_of(make_repo(base, [*versions, ("3.1.0", PRIVILEGED_V4)]))


def heading_ids(html: str, section_id: str) -> list[str]:
    """The ids on the heading of ``section_id`` and the empty anchors at its start."""
    start = html.index(f' id="{section_id}">')
    end = html.index("</h", start)
    return [section_id, *re.findall(r'<span class="anchor-target" id="([^"]+)">', html[start:end])]


def test_former_ids_follow_a_section_through_every_new_anchor(privileged: SiteModel) -> None:
    found = former_ids(
        [(v.label, v.spec) for v in privileged.versions], [v.report for v in privileged.versions]
    )
    assert found[0] == {}
    assert found[1] == {"protect_privileged_info": ("protect_privileged_messages",)}
    assert found[2]["protect_privileged_information"] == (
        "protect_privileged_messages",
        "protect_privileged_info",
    )
    assert "be_kind" not in found[2], "a section that kept its id has no former ids"


def test_text_pages_carry_the_old_anchors(privileged: SiteModel) -> None:
    pages = pages_of(privileged)
    newest = pages["text/3.0.0.html"]
    assert heading_ids(newest, "protect_privileged_information") == [
        "protect_privileged_information",
        "protect_privileged_messages",
        "protect_privileged_info",
    ]
    assert audit(pages["text/1.0.0.html"]).ids >= {"protect_privileged_messages"}


def test_an_id_now_used_by_another_section_stays_with_it(privileged: SiteModel) -> None:
    html = pages_of(privileged)["text/3.1.0.html"]
    assert heading_ids(html, "protect_privileged_information") == [
        "protect_privileged_information",
        "protect_privileged_messages",
    ]
    assert heading_ids(html, "protect_privileged_info") == ["protect_privileged_info"]
    ids = audit(html).ids
    assert len([i for i in ids if i.startswith("protect_")]) == 3


def test_sample_history_old_anchors_land_on_the_sections_they_became(
    tmp_path: Path,
) -> None:
    model = model_of(import_sample(tmp_path))
    pages = pages_of(model)
    latest = pages[f"text/{model.versions[-1].label}.html"]
    ids = audit(latest).ids
    for version in model.versions:
        for section in version.spec.sections:
            if section.level and section.id not in ids:
                gone = next(
                    v.label for v in reversed(model.versions) if v.spec.get_section(section.id)
                )
                history = pages[f"sections/{section.id}.html"]
                assert "removed" in history or "merged" in history, (
                    f"#{section.id} (last in {gone}) is neither on the newest text page "
                    "nor recorded as removed"
                )
    assert heading_ids(latest, "honest_feedback")[1:] == ["avoid_flattery"]
