"""The collector pause parsing and comparing run under: what it does to the collector."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest

from specdiff._gc import collector_paused

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def _in_oldest_generation(objects: list[list[int]]) -> bool:
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    return all(id(o) in oldest for o in objects)


def test_the_block_runs_without_the_collector_and_its_survivors_join_the_oldest_generation() -> (
    None
):
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
        made = [[n] for n in range(5000)]
    assert gc.isenabled()
    # Young no more: the next collections of the young generations skip them.
    assert _in_oldest_generation(made)
    assert gc.get_count()[0] < 5000
    assert gc.get_freeze_count() == 0


def test_cycles_made_in_the_block_are_still_collected() -> None:
    gc.enable()
    with collector_paused():
        cycle: list[object] = []
        cycle.append(cycle)
    gone = id(cycle)
    del cycle
    gc.collect()
    assert all(id(o) != gone for o in gc.get_objects())


def test_a_collector_disabled_by_the_caller_stays_disabled_and_nothing_moves() -> None:
    gc.disable()
    gc.collect()
    with collector_paused():
        made = [[n] for n in range(50)]
    assert not gc.isenabled()
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert all(id(o) in young for o in made)


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.enable()
    kept = [[n] for n in range(50)]
    gc.freeze()
    frozen = gc.get_freeze_count()
    with collector_paused():
        [[n] for n in range(50)]
    assert gc.get_freeze_count() == frozen
    assert not _in_oldest_generation(kept)
