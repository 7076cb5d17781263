"""Where each page of the site lives, and relative links between pages.

Every page sits at the root or one folder down, so a link from a page to another is its
path prefixed with ``""`` or ``"../"``: the site works from any sub-path and from
``file://``. Version labels and section ids become file names through :func:`file_key`,
which keeps them readable when they are plain and escapes everything else.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_VERSION_SAFE = re.compile(r"[A-Za-z0-9_+-]")
_ID_SAFE = re.compile(r"[A-Za-z0-9_-]")

INDEX = "index.html"
FEED = "feed.xml"
STYLE = "assets/site.css"
COMPARE_INDEX = "compare/index.html"
SECTIONS_INDEX = "sections/index.html"
VERSIONS_JSON = "api/versions.json"
SEARCH = "search.html"
SEARCH_INDEX = "api/search.json"
MARKER = ".specdiff-site"
"""Written at the top of every site we build; ``--out`` only replaces folders that have it."""


def file_key(text: str, *, version: bool = False) -> str:
    """A file-name-safe, injective spelling of a version label or a section id.

    Letters, digits, ``_`` and ``-`` stay (and ``+`` and ``.`` in version labels, except
    a leading dot); any other character becomes ``~`` + its hex code point + ``~``.
    """
    safe = _VERSION_SAFE if version else _ID_SAFE
    out = []
    for position, char in enumerate(text):
        keep = safe.match(char) is not None or (version and char == "." and position > 0)
        out.append(char if keep else f"~{ord(char):x}~")
    return "".join(out) or "~~"


def release_page(version: str) -> str:
    return f"releases/{file_key(version, version=True)}.html"


def text_page(version: str) -> str:
    return f"text/{file_key(version, version=True)}.html"


def compare_page(old: str, new: str) -> str:
    return f"compare/{file_key(old, version=True)}..{file_key(new, version=True)}.html"


def section_page(section_id: str) -> str:
    return f"sections/{file_key(section_id)}.html"


def version_json(version: str) -> str:
    return f"api/{file_key(version, version=True)}.json"


def root_of(path: str) -> str:
    """The relative path from the page at ``path`` back to the site's root."""
    return "../" * path.count("/")


def href(path: str) -> str:
    """``path`` as it goes in an ``href``: percent-encoded, slashes and ``~`` kept."""
    return quote(path, safe="/~+.-_")


def absolute(base_url: str, path: str) -> str:
    """``path`` under ``base_url`` (which may or may not end in a slash); '' without one."""
    if not base_url:
        return ""
    page = "" if path == INDEX else href(path)
    return base_url.rstrip("/") + "/" + page
