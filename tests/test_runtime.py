"""``runtime``: the garbage collector's settings for the processes that run codemods."""

from __future__ import annotations

import gc
import multiprocessing
import sys

import pytest

from cwemod.engine.executor import ProcessExecutor
from cwemod.runtime import frozen_for_fork


def frozen_objects(item: int) -> int:
    return gc.get_freeze_count()


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or multiprocessing.get_start_method() != "fork",
    reason="the pool's workers are forked here",
)
def test_the_pools_workers_leave_what_they_inherit_out_of_their_collections():
    """A collection in a worker would otherwise write to, and so copy, the parent's heap."""
    assert gc.get_freeze_count() == 0
    counts = list(ProcessExecutor(2).map(frozen_objects, range(4)))
    assert all(count > 0 for count in counts)
    assert gc.get_freeze_count() == 0  # this process's own collections go on


def test_what_is_frozen_for_a_fork_is_unfrozen_after_it():
    with frozen_for_fork():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_what_was_frozen_before_stays_frozen():
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with frozen_for_fork():
            pass
        assert gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()
