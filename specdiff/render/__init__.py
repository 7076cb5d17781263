"""Renderers: model and report objects to strings. Nothing here touches disk or terminal.

What the rest of specdiff uses is exported here (modules whose names start with ``_``
are this package's own); each name is imported on first use, so importing
``specdiff.render`` costs nothing until a renderer is needed.

* one report: :func:`render_text`, :func:`render_markdown`, :func:`render_json`
  (``specdiff.compare/1``), :func:`render_html`, :func:`render_github`;
* releases: :func:`summarize`, :func:`render_entry`, :func:`render_changelog`;
* other documents: ``check``, ``outline``, ``history``, ``log`` (each with its
  ``specdiff.<name>/1`` JSON and the shipped :func:`json_schema`);
* pieces the published site builds on: the spec as HTML, change labels and counts,
  worked examples, the Jinja environment and the report stylesheet.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._common import (
        SectionGroup,
        counts_in_words,
        excerpt,
        group_by_section,
        kind_label,
        severity_counts,
    )
    from ._conversation import example_html
    from ._jinja import html_environment, redline_html, report_stylesheet
    from .changelog import Entry, changelog_data, describe, render_changelog, render_entry
    from .github import annotation, render_github
    from .html import render_html
    from .json import change_data, render_json, report_data
    from .markdown import render_markdown
    from .schemas import json_schema
    from .spec_html import SpecRenderer, heading_text, render_spec_html
    from .summary import Summary, summarize
    from .text import render_text

_EXPORTS = {
    "SectionGroup": "_common",
    "counts_in_words": "_common",
    "excerpt": "_common",
    "group_by_section": "_common",
    "kind_label": "_common",
    "severity_counts": "_common",
    "example_html": "_conversation",
    "html_environment": "_jinja",
    "redline_html": "_jinja",
    "report_stylesheet": "_jinja",
    "Entry": "changelog",
    "changelog_data": "changelog",
    "describe": "changelog",
    "render_changelog": "changelog",
    "render_entry": "changelog",
    "annotation": "github",
    "render_github": "github",
    "render_html": "html",
    "change_data": "json",
    "render_json": "json",
    "report_data": "json",
    "render_markdown": "markdown",
    "json_schema": "schemas",
    "SpecRenderer": "spec_html",
    "heading_text": "spec_html",
    "render_spec_html": "spec_html",
    "Summary": "summary",
    "summarize": "summary",
    "render_text": "text",
}
__all__ = [
    "Entry",
    "SectionGroup",
    "SpecRenderer",
    "Summary",
    "annotation",
    "change_data",
    "changelog_data",
    "counts_in_words",
    "describe",
    "example_html",
    "excerpt",
    "group_by_section",
    "heading_text",
    "html_environment",
    "json_schema",
    "kind_label",
    "redline_html",
    "render_changelog",
    "render_entry",
    "render_github",
    "render_html",
    "render_json",
    "render_markdown",
    "render_spec_html",
    "render_text",
    "report_data",
    "report_stylesheet",
    "severity_counts",
    "summarize",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'specdiff.render' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
