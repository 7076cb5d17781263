"""Links from each published change to where it came from and to where readers answer it.

A change on a release page names the pull request and commit that made it, and offers
"Suggest a change" for that clause: a URL built from ``[site] feedback_url``, a template
whose ``{permalink}``, ``{title}``, ``{text}``, ``{section}`` and ``{version}`` are filled
in, URL-encoded. Without one, a repository on GitHub gets a new-issue link pre-filled with
the clause's permalink and text; elsewhere there is no such link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from . import _paths as paths

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model.changes import Change, Origin
    from ._model import SiteModel, SiteVersion

#: Characters of the clause's text put into a feedback link (URLs have length limits).
_MAX_TEXT = 600
_GITHUB_ISSUE = "{repository}/issues/new?title={title}&body={body}"


@dataclass(frozen=True, slots=True)
class Links:
    """What a page needs to link a change to its origin and to feedback."""

    web_url: str | None
    """The repository's web address (https), or None."""
    feedback_url: str
    """The configured template, or '' for the default."""

    def origin(self, origin: Origin | None) -> list[tuple[str, str | None]]:
        """``(label, href or None)`` for the pull request and the commit of a change."""
        if origin is None:
            return []
        parts: list[tuple[str, str | None]] = []
        if origin.pull_request is not None:
            href = f"{self.web_url}/pull/{origin.pull_request}" if self.web_url else None
            parts.append((f"#{origin.pull_request} {origin.title}", href))
        else:
            parts.append((origin.title, None))
        href = f"{self.web_url}/commit/{origin.commit}" if self.web_url else None
        parts.append((f"commit {origin.commit[:7]}", href))
        return parts

    def feedback(self, change: Change, version: str, section_title: str, permalink: str) -> str:
        """The "Suggest a change" address for a change's clause, or '' when there is none."""
        side = change.new or change.old
        text = " ".join(side.text.split())[:_MAX_TEXT] if side is not None else ""
        title = f"Feedback on “{section_title}” ({version})"
        if self.feedback_url:
            values = {
                "permalink": permalink,
                "title": title,
                "text": text,
                "section": change.section or change.old_section or "",
                "version": version,
            }
            template = self.feedback_url
            for name, value in values.items():
                template = template.replace("{" + name + "}", quote(value, safe=""))
            return template
        if self.web_url and self.web_url.startswith("https://github.com/"):
            quoted = "\n".join(f"> {line}" for line in text.split("\n"))
            body = f"About {permalink}\n\n{quoted}\n"
            return _GITHUB_ISSUE.format(
                repository=self.web_url, title=quote(title, safe=""), body=quote(body, safe="")
            )
        return ""


def change_links(
    model: SiteModel, version: SiteVersion
) -> tuple[Callable[[Change], list[tuple[str, str | None]]], Callable[[Change], str]]:
    """For the changes ``version`` made, wherever a page lists them (its release page, a
    section's history): the origin links of a change and its feedback address. A change's
    permalink is its place on the release page, else its clause's lines in the repository."""
    origins = dict(version.origins)
    if len({o.commit for o in origins.values()}) < 2 and all(
        o.pull_request is None for o in origins.values()
    ):
        origins = {}  # one commit made the whole release: the release page already says which
    links = Links(model.web_url, model.config.site.feedback_url)
    permalink = paths.absolute(model.base_url, paths.release_page(version.label))

    def origin(change: Change) -> list[tuple[str, str | None]]:
        return links.origin(origins.get(change.id))

    def feedback(change: Change) -> str:
        report = version.report
        title = (
            report.title_of(change.section or change.old_section, old=change.section is None)
            if report
            else ""
        )
        if permalink:
            where = f"{permalink}#change-{change.id}"
        else:  # no site address: the clause's lines in the repository at this version
            side = change.new or change.old
            first, last = side.lines if side is not None else (1, 1)
            source = f"{version.commit}/{version.endpoint.path}#L{first}-L{last}"
            where = f"{model.web_url}/blob/{source}" if model.web_url else ""
        return links.feedback(change, version.label, title, where) if where else ""

    return origin, feedback
