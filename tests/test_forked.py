"""``side_by_side``: calls run in forked children give what they give in this process."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from cwemod.engine.forked import side_by_side

PARENT = os.getpid()


def where() -> int:
    return os.getpid()


def fails_in_a_child() -> str:
    if os.getpid() != PARENT:
        raise RuntimeError("only in a child")
    return "here"


def dies_in_a_child() -> str:
    if os.getpid() != PARENT:
        os._exit(3)
    return "here"


def unpicklable():
    return lambda: None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_the_calls_after_the_first_run_in_children_and_come_back_in_order():
    results = side_by_side([where, where, lambda: "third"])
    assert results[0] == PARENT
    assert results[1] != PARENT
    assert results[2] == "third"


@pytest.mark.parametrize("call", [fails_in_a_child, dies_in_a_child])
def test_a_call_whose_child_fails_runs_here_again(call):
    assert side_by_side([lambda: 1, call]) == [1, "here"]


def test_a_result_that_cannot_travel_is_made_here():
    first, second = side_by_side([lambda: 1, unpicklable])
    assert first == 1 and callable(second)


def test_away_from_the_main_thread_every_call_runs_here():
    found = []
    thread = threading.Thread(target=lambda: found.extend(side_by_side([where, where])))
    thread.start()
    thread.join()
    assert found == [PARENT, PARENT]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_a_child_leaves_what_it_inherits_out_of_its_collections():
    """Its collector would otherwise write to, and so copy, the parent's heap."""
    import gc

    here, child = side_by_side([gc.get_freeze_count, gc.get_freeze_count])
    assert here == 0 and child > 0
    assert gc.get_freeze_count() == 0
