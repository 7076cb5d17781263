"""Rendering one page: the shared template context, the stylesheet, the compare script.

Every page carries a Content-Security-Policy that allows our stylesheet and, on pages
with the compare form, the search form or forwarding anchors, their inline scripts (by
their hashes); the search page may also read its index from the same origin. Nothing
else runs.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..render import (
    describe,
    example_html,
    heading_text,
    html_environment,
    kind_label,
    report_stylesheet,
)
from . import _paths as paths
from ._model import MAX_ALL_PAIRS

if TYPE_CHECKING:
    from datetime import datetime

    from jinja2 import Environment

    from ._model import SiteModel, SiteVersion


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the site: its path below the site root and its bytes."""

    path: str
    data: bytes


def environment() -> Environment:
    """The environment of the site's templates (``publish/templates``)."""
    return html_environment(__package__)


def _template_text(name: str) -> str:
    return (files(__package__) / "templates" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The report stylesheet followed by the site's own rules."""
    return report_stylesheet() + "\n" + _template_text("site.css")


@lru_cache(maxsize=1)
def compare_script() -> str:
    return _template_text("compare.js")


@lru_cache(maxsize=1)
def search_script() -> str:
    return _template_text("search.js")


@lru_cache(maxsize=1)
def anchors_script() -> str:
    return _template_text("anchors.js")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def csp(script: bool, *, search: bool = False, forwarding: bool = False) -> str:
    """The policy for a page; ``script`` allows the compare form's inline script,
    ``search`` the search page's, and its reading of the index from the same origin,
    ``forwarding`` the script that follows forwarding anchors."""
    allowed = [_hash(compare_script())] if script else []
    if search:
        allowed.append(_hash(search_script()))
    if forwarding:
        allowed.append(_hash(anchors_script()))
    scripts = " ".join(allowed) or "'none'"
    connect = " connect-src 'self';" if search else ""
    return (
        "default-src 'none'; style-src 'self'; img-src 'self' data:;"
        f"{connect} script-src {scripts}; base-uri 'none'; form-action 'self'"
    )


def long_date(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def version_context(model: SiteModel, version: SiteVersion) -> dict[str, Any]:
    """What every page of one version's text passes to ``render_page``: the version, whether
    it is the newest, and the "text" tab, lit only on the newest version's pages."""
    latest = version is model.latest
    return {"nav": "text" if latest else "", "version": version, "is_latest": latest}


def render_page(
    model: SiteModel,
    path: str,
    template: str,
    *,
    title: str,
    nav: str = "",
    form: bool = False,
    search: bool = False,
    forwarding: bool = False,
    **context: Any,
) -> Page:
    """Render ``templates/<template>`` as the page at ``path`` (links relative to it)."""
    root = paths.root_of(path)

    def link(target: str) -> str:
        return root + paths.href(target)

    def text_link(label: str, ident: str) -> str:
        """The place of ``#ident`` in version ``label``'s text (its document's page)."""
        page, target = model.locate(label, ident)
        return f"{link(page)}#{target}" if target else link(page)

    html = (
        environment()
        .get_template(template)
        .render(
            site=model,
            paths=paths,
            link=link,
            page_title=title,
            nav=nav,
            canonical=paths.absolute(model.base_url, path),
            csp=csp(form, search=search, forwarding=forwarding),
            scripts=[Markup(compare_script())] * form
            + [Markup(search_script())] * search
            + [Markup(anchors_script())] * forwarding,
            text_link=text_link,
            combined=model.combined,
            label=kind_label,
            describe=describe,
            example=example_html,
            plain=heading_text,
            long_date=long_date,
            max_pairs=MAX_ALL_PAIRS,
            **context,
        )
    )
    return Page(path, html.encode("utf-8"))
