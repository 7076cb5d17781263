"""Keeping Python's cyclic garbage collector out of allocation-heavy work."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the duration of the block, then age what it made.

    Parsing and comparing allocate hundreds of thousands of small objects that survive
    the work and form no reference cycles; the collector's full passes walk them again
    and again for nothing, which made a 16 MB spec a third slower and superlinear.
    Reference counting still frees everything as usual.

    Paused, the collector still counts the new objects as young: the first collections
    after the block would walk all of them (a second per 16 MB parsed), then walk them
    again in the middle generation. Since they are the block's survivors, they go
    straight to the oldest generation instead (``gc.freeze()`` then ``gc.unfreeze()``:
    two list splices), where only the collector's rare full passes look at them, so a
    cycle among them is still found in time. Skipped when something else froze objects,
    so that their freeze is kept.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
