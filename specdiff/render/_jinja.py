"""Jinja environments for HTML output: package templates, autoescaping, strict."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .redline import Op, redline

if TYPE_CHECKING:
    from jinja2 import Environment


def environment() -> Environment:
    """The environment of the report templates beside this module."""
    return html_environment("specdiff.render")


@lru_cache(maxsize=4)
def html_environment(package: str) -> Environment:
    """An environment for the templates in ``package``'s ``templates`` folder, with
    specdiff's settings: autoescaping everywhere, undefined names are errors, and the
    ``redline`` filter."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader(package, "templates"),
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


def report_stylesheet() -> str:
    """The stylesheet of the HTML report, which the published site builds on."""
    from importlib.resources import files

    return (files(__package__) / "templates" / "style.css").read_text(encoding="utf-8")
