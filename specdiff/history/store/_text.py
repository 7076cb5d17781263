"""Git's text formats: paths, identities and dates, in and out."""

from __future__ import annotations

from datetime import datetime, timezone

from ...errors import InputError


def clean_path(path: str) -> str:
    """A repository-relative POSIX path; ``./`` and backslashes are tidied away."""
    clean = path.replace("\\", "/").removeprefix("./").strip("/")
    if not clean or clean.startswith("-"):
        raise InputError(f"{path!r} is not a usable spec path")
    return clean


def split_identity(identity: str) -> tuple[str, str]:
    name, _, rest = identity.partition("<")
    return name.strip(), rest.rstrip().removesuffix(">").strip()


def parse_date(text: str) -> datetime:
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


def git_date(date: datetime) -> str:
    """Git's internal date format, ``@<unix seconds> <+hhmm>``; naive dates count as UTC."""
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone.utc)
    offset = date.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"@{int(date.timestamp())} {sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
