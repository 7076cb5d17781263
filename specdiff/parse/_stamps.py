"""The line that dates a document ("*Working Draft - October 2016*", "*June 2018 Edition*",
"Last updated: 2024-03-12"): it names the release it stands in and changes with each."""

from __future__ import annotations

import re

from ._text import plain_text

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
)
#: A date as a document is dated: "April 2016", "12 March 2024", "March 12, 2024",
#: "2024-03-12".
_DATE = rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
#: A paragraph that only dates the document: a date with at most four words naming the
#: edition around it ("Working Draft - April 2016", "October 2021 Edition",
#: "Last updated: 2024-03-12"), and no sentence.
_EDITION_STAMP = re.compile(
    rf"(?:[^\W\d]+\s*[-–—:,]?\s+){{0,4}}(?P<date>{_DATE})(?:\s*[-–—:,]?\s*[^\W\d]+){{0,4}}",
    re.IGNORECASE,
)
#: A stamp is short; longer text is not tried (keeps the check cheap on every paragraph).
_STAMP_LENGTH = 160


def edition_date(text: str) -> str | None:
    """The date of a paragraph that only dates the document, as written; else None."""
    if len(text) > _STAMP_LENGTH:
        return None
    found = _EDITION_STAMP.fullmatch(plain_text(text).strip())
    return found["date"] if found is not None else None
