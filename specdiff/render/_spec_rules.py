"""The markdown-it-py set-up behind :mod:`specdiff.render.spec_html`: rules that put the
parser's section ids on headings, make links safe and show raw HTML as text.

Each render gets an ``env`` dict (see :func:`new_env`); the rules record in it the ids
they emit and how many they had to leave out, so that a caller can reuse the HTML of a
section only when it does not depend on what came before it.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from markupsafe import Markup, escape

from ..parse import looks_like_example, slugify, split_heading
from ._conversation import conversation_html, read_turns
from ._spec_inline import heading_text, mark_footnotes

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, MutableMapping, Sequence

    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ANCHOR_ONLY = re.compile(r"(?:\s*(?:<a\s[^<>]*>\s*</a>|<a\s[^<>]*/>))+\s*", re.IGNORECASE)
_ANCHOR_OPEN = re.compile(
    r"^<a\s(?![^<>]*\bhref\b)[^<>]*?\b(?:name|id)\s*=\s*[\"']?([^\"'\s/>]+)[^<>]*>$",
    re.IGNORECASE,
)
_ANCHOR_ID = re.compile(r"\b(?:name|id)\s*=\s*[\"']?([^\"'\s/>]+)", re.IGNORECASE)
_HEADING_ANCHOR = re.compile(r"<a\s[^>]*>\s*</a>|<a\s[^>]*/>", re.IGNORECASE)
#: On every ``<pre>``: a block that may scroll sideways gets a tab stop and a name.
_SCROLLS = Markup(' tabindex="0" role="region" aria-label="Code block"')
_PLAIN_TAG = re.compile(r"^<(/?)(br|sub|sup|kbd)\s*/?>$", re.IGNORECASE)


def new_env(
    *,
    sections: dict[int, str],
    section_ids: frozenset[str],
    titles: dict[str, str],
    link_base: str,
    ids: bool,
    history: Callable[[str], str] | None,
    seen: set[str],
    offset: int,
    aliases: Mapping[str, Sequence[str]] | None = None,
    pages: Callable[[str], str | None] | None = None,
) -> dict[str, Any]:
    """The state one render shares with the rules.

    ``sections`` maps a heading's line (1-based, in the whole document) to its section id;
    ``offset`` is the number of document lines before the text being rendered; ``seen``
    holds the ids already on the page (shared between the parts of one page);
    ``aliases`` maps a section id to its former ids; ``pages`` gives the page (relative
    to this one) that holds an id, or None for this page.
    """
    return {
        "sections": sections,
        "section_ids": section_ids,
        "titles": titles,
        "link_base": link_base,
        "ids": ids,
        "history": history,
        "seen": seen,
        "offset": offset,
        "aliases": aliases or {},
        "pages": pages,
        "open_anchors": [0],
        "emitted": [],
        "suppressed": [0],
        "resolved": [],
    }


def is_safe_url(url: str) -> bool:
    """Relative URLs and http, https and mailto ones; never ``javascript:`` and the like."""
    probe = _CONTROL.sub("", unquote(url)).lower()
    match = _SCHEME.match(probe)
    return match is None or match.group(1) in _SAFE_SCHEMES


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 100}).enable("table")
    md.use(admon_plugin)
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    md.core.ruler.before("inline", "specdiff_blocks", _prepare_blocks)
    md.core.ruler.after("inline", "specdiff_links", _prepare_links)
    for name, rule in _RULES.items():
        md.add_render_rule(name, rule)
    return md


def claim(env: MutableMapping[str, Any], ident: str, *, own: bool = False) -> bool:
    """Whether ``ident`` may be an id here (``own``: a heading's section id); records it.

    An id is left out when ids are off, when it is already on the page, or (unless it is
    the heading's own) when it is some section's id.
    """
    if not env["ids"]:
        return False
    if ident in env["seen"] or (not own and ident in env["section_ids"]):
        env["suppressed"][0] += 1
        return False
    env["seen"].add(ident)
    env["emitted"].append(ident)
    return True


# -- core rules: ids on headings, attribute blocks off, links made safe --------------------


def _prepare_blocks(state: StateCore) -> None:
    env = state.env
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            title = split_heading(inline.content).title
            inline.content = _HEADING_ANCHOR.sub("", title).strip()
            line = token.map[0] + 1 + env["offset"] if token.map else 0
            section = env["sections"].get(line)
            if section is not None and claim(env, section, own=True):
                token.attrSet("id", section)
                tokens[i + 2].meta["section"] = section
                former = env["aliases"].get(section, ())
                token.meta["aliases"] = [ident for ident in former if claim(env, ident)]
        elif token.type in ("th_open", "td_open"):
            style = str(token.attrs.pop("style", ""))
            if style.startswith("text-align:"):
                token.attrSet("class", "align-" + style.split(":", 1)[1].strip())


def _prepare_links(state: StateCore) -> None:
    env = state.env
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        for j, child in enumerate(children):
            if child.type == "link_open":
                _prepare_link(children, j, env)
        if any(c.type == "text" and "[^" in c.content for c in children):
            token.children = mark_footnotes(children)


def _prepare_link(children: list[Token], j: int, env: MutableMapping[str, Any]) -> None:
    opening = children[j]
    closing = next(c for c in children[j + 1 :] if c.type == "link_close")
    href = str(opening.attrGet("href") or "")
    if href.startswith("#"):
        landing, target = internal_link(href, env)
        env["resolved"].append((href, landing, env["titles"].get(target)))
        label = children[j + 1] if j + 1 < len(children) else None
        title = env["titles"].get(target)
        if label is not None and label.type == "text" and label.content.strip() == "?" and title:
            label.content = heading_text(title)
        if landing != href:
            opening.attrSet("href", landing)
        return
    if href.startswith("@"):
        words = "".join(c.content for c in children[j + 1 : children.index(closing)])
        term = unquote(href[1:]) or slugify(words)
        opening.tag = closing.tag = "dfn"
        opening.attrs = {}
        if claim(env, term):
            opening.attrSet("id", term)
        return
    if _SCHEME.match(href.lower()):
        return
    landing, _ = internal_link(href, env)
    env["resolved"].append((href, landing, None))
    if landing:
        opening.attrSet("href", landing)
        return
    # A path relative to the spec's repository: nothing on the site answers it.
    opening.tag = closing.tag = "span"
    opening.attrs = {"class": "xref", "title": href}


def internal_link(href: str, env: Mapping[str, Any]) -> tuple[str, str]:
    """Where a link inside the spec goes on the site, and the id it lands on.

    ``#anchor`` is read in the file being rendered (for a spec made of many files, its id
    in the combined spec); ``other.md#anchor`` is resolved from that file. Both go to the
    page that holds the id (``env["pages"]``, for a site with a page per document), else
    to ``link_base``. A path that is no file of the spec gives ``("", "")``.
    """
    documents = env.get("documents")
    if href.startswith("#"):
        written = unquote(href[1:])
        own = documents.get(env.get("document", ""), {}) if documents and written else {}
        target = own.get(written, written)
        if target == written:
            return _on_page(target, env) + href, target
        return _on_page(target, env) + "#" + target, target
    target = _in_spec(href, env)
    if target is None:
        return "", ""
    return _on_page(target, env) + "#" + target, target


def _on_page(target: str, env: Mapping[str, Any]) -> str:
    """What goes before ``#target``: the page holding it when that is another page."""
    pages = env.get("pages")
    page = pages(target) if pages is not None else None
    return page if page is not None else str(env["link_base"])


def _in_spec(href: str, env: Mapping[str, Any]) -> str | None:
    """For a spec made of many files, the id on the page that ``other.md#anchor`` (relative
    to the file being rendered) lands on; None when it is not a link into the spec."""
    documents = env.get("documents")
    if not documents:
        return None
    path, _, fragment = href.partition("#")
    folder = posixpath.dirname(env.get("document", ""))
    resolved = posixpath.normpath(posixpath.join(folder, unquote(path)))
    anchors = documents.get(resolved)
    if anchors is None:
        return None
    target = anchors.get(unquote(fragment))
    return str(target) if target is not None else None


# -- render rules -----------------------------------------------------------------------


def _html_block(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    content = tokens[idx].content
    visible = _COMMENT.sub("", content).strip()
    if not visible:
        return ""
    if _ANCHOR_ONLY.fullmatch(visible):
        return "".join(_anchor(m.group(1), env) for m in _ANCHOR_ID.finditer(visible)) + "\n"
    return str(Markup('<pre class="raw-html"{}><code>{}</code></pre>\n').format(_SCROLLS, content))


def _html_inline(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    content = tokens[idx].content
    if content.startswith("<!--"):
        return ""
    opened = _ANCHOR_OPEN.match(content)
    if opened:
        env["open_anchors"][0] += 1
        return _anchor(opened.group(1), env)
    if content.lower().replace(" ", "") == "</a>" and env["open_anchors"][0] > 0:
        env["open_anchors"][0] -= 1
        return ""
    plain = _PLAIN_TAG.match(content)
    if plain:
        return f"<{plain.group(1)}{plain.group(2).lower()}>"
    return str(escape(content))


def _anchor(ident: str, env: dict[str, Any]) -> str:
    if not claim(env, ident):
        return ""
    return str(Markup('<span class="anchor-target" id="{}"></span>').format(ident))


def _fence(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    content = tokens[idx].content
    if looks_like_example(content):
        turns = read_turns(content)
        if turns:
            return str(conversation_html(turns))
    from markdown_it.renderer import RendererHTML

    return _scrollable_pre(RendererHTML.fence(self, tokens, idx, options, env))


def _code_block(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    from markdown_it.renderer import RendererHTML

    return _scrollable_pre(RendererHTML.code_block(self, tokens, idx, options, env))


def _scrollable_pre(html: str) -> str:
    """A code block that may scroll sideways: reachable by keyboard, and named.

    Without a tab stop, keyboard users cannot scroll a long line into view (WCAG 2.1.1).
    """
    return html.replace("<pre>", f"<pre{_SCROLLS}>", 1)


def _table_open(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    # Wide tables scroll inside a wrapper, which must be reachable by keyboard too.
    wrapper = '<div class="table-scroll" tabindex="0" role="region" aria-label="Table">'
    return wrapper + str(self.renderToken(tokens, idx, options, env))


def _table_close(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    return str(self.renderToken(tokens, idx, options, env)) + "</div>\n"


def _image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env) or "image"
    src = str(token.attrGet("src") or "")
    if src.lower().startswith(("http://", "https://")):
        return str(Markup('<a class="image-link" href="{}">image: {}</a>').format(src, alt))
    return str(Markup('<span class="image-ref">[image: {}]</span>').format(alt))


def _heading_open(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    # The section's former ids: links to them from earlier versions still land here.
    former = tokens[idx].meta.get("aliases", ())
    spans = "".join(
        str(Markup('<span class="anchor-target" id="{}"></span>').format(i)) for i in former
    )
    return str(self.renderToken(tokens, idx, options, env)) + spans


def _heading_close(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    token = tokens[idx]
    section = token.meta.get("section")
    links = Markup("")
    if section is not None:
        links = Markup(
            ' <a class="heading-link" href="#{0}" aria-label="Link to this section">#</a>'
        ).format(section)
        if env["history"] is not None:
            links += Markup(' <a class="heading-link" href="{}">history</a>').format(
                env["history"](section)
            )
    return f"{links}</{token.tag}>\n"


def _footnote_marker(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]
) -> str:
    label = tokens[idx].meta["label"]
    return str(Markup('<sup class="note-ref" title="Reference [^{0}]">{0}</sup>').format(label))


_RULES: dict[str, Callable[..., str]] = {
    "footnote_marker": _footnote_marker,
    "html_block": _html_block,
    "html_inline": _html_inline,
    "fence": _fence,
    "code_block": _code_block,
    "table_open": _table_open,
    "table_close": _table_close,
    "image": _image,
    "heading_open": _heading_open,
    "heading_close": _heading_close,
}
