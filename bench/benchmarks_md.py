"""Rewriting one benchmark's own sections of BENCHMARKS.md, leaving the others alone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection
    from pathlib import Path


def update_sections(path: Path, text: str, sections: Collection[str]) -> None:
    """Put ``text`` where the first of ``sections`` (``## `` headings) stood, drop the
    rest of them, and keep every other section; append ``text`` when none is there."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pieces: list[str] = []
    placed = False
    for part in re.split(r"(?m)^(?=## )", old):
        if part.startswith("## ") and part.split("\n", 1)[0][3:].strip() in sections:
            if not placed:
                pieces.append(text.rstrip("\n") + "\n\n")
                placed = True
            continue
        pieces.append(part)
    if not placed:
        pieces[-1] = pieces[-1].rstrip("\n") + "\n\n"
        pieces.append(text)
    path.write_text("".join(pieces).rstrip("\n") + "\n", encoding="utf-8")
