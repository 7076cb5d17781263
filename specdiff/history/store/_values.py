"""The plain values the store hands out: no GitPython object ever leaves the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit, as the rest of specdiff sees it."""

    commit: str
    """The full commit id (40 hex digits for SHA-1 repositories)."""
    short: str
    """The abbreviated commit id git prints (usually 7 digits)."""
    date: datetime
    """The author date, timezone-aware, in the committer's offset."""
    author: str
    """The author's name (without the email address)."""
    subject: str
    """The first line of the commit message."""
    email: str = ""
    """The author's email address."""


@dataclass(frozen=True, slots=True)
class VersionTag:
    """A released version: a tag whose name is the tag prefix plus a version label."""

    name: str
    """The tag name, e.g. ``v1.2.0`` or ``2025.09.12``."""
    version: str
    """The version label: the tag name without the prefix, e.g. ``1.2.0``."""
    commit: str
    """The full id of the commit the tag points at (peeled)."""
    date: datetime
    """The tagger date of an annotated tag, else the commit date; timezone-aware."""
    message: str
    """The annotated tag's message (subject and body, no signature); '' for a lightweight tag."""
