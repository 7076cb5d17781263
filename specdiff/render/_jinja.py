"""The Jinja environment for HTML output: package templates, autoescaping, strict."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .redline import Op, redline

if TYPE_CHECKING:
    from jinja2 import Environment


@lru_cache(maxsize=1)
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("specdiff.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["redline"] = redline_html
    return env


@lru_cache(maxsize=2048)
def redline_html(old: str, new: str) -> Markup:
    """Escaped text with ``<del>`` and ``<ins>`` runs; nothing from the spec is markup.

    Cached: a published site shows the same change on its release and compare pages."""
    runs = []
    for segment in redline(old, new):
        text = escape(segment.text)
        if segment.op is Op.DELETE:
            runs.append(Markup("<del>{}</del>").format(text))
        elif segment.op is Op.INSERT:
            runs.append(Markup("<ins>{}</ins>").format(text))
        else:
            runs.append(text)
    return Markup("").join(runs)
