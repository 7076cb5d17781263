"""The published site: every page, feed and JSON file ``specdiff publish`` writes.

The only part of specdiff that writes a site. Pages are built by pure functions from a
:class:`SiteModel` (:mod:`._pages`), then written by :mod:`._writer`, which only ever
replaces a folder it wrote before, and does so in one step.
"""

from __future__ import annotations

from ._build import build_site, load_model
from ._model import MAX_ALL_PAIRS, SiteModel, SiteRevision, SiteVersion
from ._pages import build_pages
from ._paths import MARKER
from ._render import Page
from ._serve import site_server
from ._writer import SiteError, SiteResult, check_out_dir, write_site

__all__ = [
    "MARKER",
    "MAX_ALL_PAIRS",
    "Page",
    "SiteError",
    "SiteModel",
    "SiteResult",
    "SiteRevision",
    "SiteVersion",
    "build_pages",
    "build_site",
    "check_out_dir",
    "load_model",
    "site_server",
    "write_site",
]
