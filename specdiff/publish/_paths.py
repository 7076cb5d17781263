"""Where each page of the site lives, and relative links between pages.

Every link is relative (a page's path prefixed with the way back to the root, or a path
beside it), so the site works from any sub-path and from ``file://``. Most pages sit at
the root or one folder down; a spec made of many files also has a page per document at
``text/<version>/<path of the file>.html``. Version labels and section ids become file names through :func:`file_key`,
which keeps them readable when they are plain and escapes everything else.
"""

from __future__ import annotations

import posixpath
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


def text_folder(version: str) -> str:
    """The folder of a version's document pages (a spec made of many files)."""
    return f"text/{file_key(version, version=True)}/"


def document_page(version: str, document: str) -> str:
    """The page of one file of a spec made of many files, in one version: its path with
    each part kept readable as :func:`file_key` keeps a version label, plus ``.html``."""
    parts = [file_key(part, version=True) for part in document.split("/")]
    return f"{text_folder(version)}{'/'.join(parts)}.html"


def relative(page: str, target: str) -> str:
    """``target`` as a link from ``page`` (both paths below the site root)."""
    return href(posixpath.relpath(target, posixpath.dirname(page) or "."))


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
