"""Where per-file work runs. The engine only needs ``map``.

The local process pool is the default; another backend (a Dask or Ray
cluster) only has to provide the same method.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import Any, Protocol, TypeVar

from cwemod.runtime import frozen_for_fork

Item = TypeVar("Item")
Result = TypeVar("Result")
# Makes the result for an item whose worker process died running it, from how it died.
Crashed = Callable[[Item, str], Result]


class Executor(Protocol):
    def map(
        self,
        function: Callable[[Item], Result],
        items: Iterable[Item],
        crashed: Crashed | None = None,
    ) -> Iterator[Result]:
        """Results in the order of ``items``, yielded as they are ready.

        A backend that runs items in other processes sends ``function`` to
        each of them once, not with every item: it may carry what all items
        share. It gives an item whose process dies (a crash in native code)
        ``crashed(item, how)``, and goes on with the others; without
        ``crashed`` it raises.
        """
        ...


class SerialExecutor:
    """In-process, one file after another (``-j1``; also easiest to debug)."""

    def map(
        self,
        function: Callable[[Item], Result],
        items: Iterable[Item],
        crashed: Crashed | None = None,
    ) -> Iterator[Result]:
        return map(function, items)


class ProcessExecutor:
    """A local process pool: parsing is CPU-bound, so threads would not help.

    When a worker dies, the pool is broken and every item not yet done
    fails with it. The items that may have been running are then run again
    one at a time in a process of their own, which names the item that
    kills its process; the items that never started go to a fresh pool.
    """

    def __init__(self, workers: int, size_of: Callable[[Any], int] = lambda item: 0) -> None:
        self.workers = workers
        self.size_of = size_of  # an item's size, which its cost grows with

    def map(
        self,
        function: Callable[[Item], Result],
        items: Iterable[Item],
        crashed: Crashed | None = None,
    ) -> Iterator[Result]:
        items = list(items)
        sizes = [self.size_of(item) for item in items]
        ready: dict[int, Result] = {}
        next_index = 0
        for index, result in self._run(function, items, sizes, crashed):
            ready[index] = result
            while next_index in ready:
                yield ready.pop(next_index)
                next_index += 1

    def _run(
        self,
        function: Callable[[Item], Result],
        items: list[Item],
        sizes: list[int],
        crashed: Crashed | None,
    ) -> Iterator[tuple[int, Result]]:
        """(index, result) for every item, not in order."""
        waiting = list(range(len(items)))
        while waiting:
            failed = yield from self._pooled(function, items, sizes, waiting)
            # A pool hands out tasks in order, one running per worker and one queued per worker
            # plus one: later tasks have almost surely not started. One that has comes back
            # in the fresh pool; each round settles at least one task, so the loop ends.
            started = failed[: 2 * self.workers + 1]
            yield from _one_by_one(function, items, list(chain(*started)), crashed)
            waiting = list(chain(*failed[len(started) :]))

    def _pooled(
        self,
        function: Callable[[Item], Result],
        items: list[Item],
        sizes: list[int],
        indexes: list[int],
    ) -> Generator[tuple[int, Result], None, list[list[int]]]:
        """Run ``indexes`` in a pool; return the batches lost when a worker died."""
        batches = largest_first(indexes, sizes, self.workers * 32)
        failed = []
        with ProcessPoolExecutor(self.workers, initializer=_receive, initargs=(function,)) as pool:
            futures = []
            with frozen_for_fork():  # the first submit forks the workers (where pools fork)
                for batch in batches:
                    try:
                        futures.append(pool.submit(_run_batch, [items[i] for i in batch]))
                    except BrokenProcessPool:  # a worker died while tasks were still sent
                        break
            for batch, future in zip(batches, futures):
                try:
                    results = future.result()
                except BrokenProcessPool:
                    failed.append(batch)
                else:
                    yield from zip(batch, results)
        return failed + batches[len(futures) :]


def largest_first(indexes: list[int], sizes: Sequence[int], parts: int) -> list[list[int]]:
    """``indexes`` in about ``parts`` batches of about equal size, largest first in each window.

    The few files LibCST runs on cost a second or more each, and cost grows
    with size: sent last, one of them keeps a worker busy after the others
    are done; sent first (longest first), the small ones after it even the
    workers' loads out. Sorted in windows of about :data:`_WINDOW` items, so
    that results, given back in order, still come as the run goes (a
    progress bar moves). Where sizes are unknown (all 0), batches of equal
    counts, in order.
    """
    budget = max(1, sum(sizes[index] for index in indexes) // parts)
    most = max(1, len(indexes) // parts)
    batches: list[list[int]] = []
    batch: list[int] = []
    held = 0
    for index in _in_windows(indexes, sizes):
        batch.append(index)
        held += sizes[index]
        if held >= budget or len(batch) >= most:
            batches.append(batch)
            batch, held = [], 0
    return [*batches, batch] if batch else batches


# Items sorted largest first together: few enough that results come back as a run goes.
_WINDOW = 512


def _in_windows(indexes: list[int], sizes: Sequence[int]) -> Iterator[int]:
    """``indexes`` in windows of equal counts, at most :data:`_WINDOW`, each largest first."""
    windows = -(-len(indexes) // _WINDOW)
    width = -(-len(indexes) // windows) if windows else 1
    for start in range(0, len(indexes), width):
        window = indexes[start : start + width]
        yield from sorted(window, key=lambda index: sizes[index], reverse=True)


# In a pool's worker process: the pool's function, set by _receive as the process starts.
_received: Callable[[Any], Any]


def _receive(function: Callable[[Item], Result]) -> None:
    global _received
    _received = function


def _run_batch(items: Sequence[Item]) -> list[Result]:
    return [_received(item) for item in items]


def _one_by_one(
    function: Callable[[Item], Result],
    items: list[Item],
    indexes: list[int],
    crashed: Crashed | None,
) -> Iterator[tuple[int, Result]]:
    """Run each item alone in a worker process, so that a death names its item."""
    worker: _Worker | None = None
    try:
        for index in indexes:
            worker = worker or _Worker(function)
            try:
                result = worker.run(items[index])
            except _WorkerDied as death:
                worker = None
                if crashed is None:
                    raise BrokenProcessPool(f"a worker process died ({death.how})") from None
                result = crashed(items[index], death.how)
            yield index, result
    finally:
        if worker is not None:
            worker.close()


class _WorkerDied(Exception):
    def __init__(self, exitcode: int | None) -> None:
        self.how = f"signal {-exitcode}" if exitcode and exitcode < 0 else f"exit status {exitcode}"
        super().__init__(self.how)


class _Worker:
    """One process that runs ``function`` on the items sent to it, one at a time."""

    def __init__(self, function: Callable[[Item], Result]) -> None:
        context = multiprocessing.get_context()
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_serve, args=(function, child_end), daemon=True)
        self._process.start()
        child_end.close()

    def run(self, item: Item) -> Result:
        try:
            self._connection.send((True, item))
            failed, value = self._connection.recv()
        except (EOFError, OSError):
            self._process.join()
            self._connection.close()
            raise _WorkerDied(self._process.exitcode) from None
        if failed:
            raise value
        return value

    def close(self) -> None:
        # A message, not the end of the pipe: a forked worker holds a copy of this end too.
        self._connection.send((False, None))
        self._connection.close()
        self._process.join()


def _serve(function: Callable[[Item], Result], connection) -> None:
    while True:
        more, item = connection.recv()
        if not more:
            return
        try:
            reply = (False, function(item))
        except Exception as error:  # raised in the parent, as a pool would
            reply = (True, error)
        connection.send(reply)


def pool_forks() -> bool:
    """Do the workers of a pool fork from this process (sharing what it holds, unpickled)?"""
    return multiprocessing.get_start_method() == "fork"


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# Below this many files, starting worker processes costs more than it saves.
_POOL_THRESHOLD = 16


def local_executor(
    jobs: int | None, file_count: int, size_of: Callable[[Any], int] = lambda item: 0
) -> Executor:
    workers = pool_size(jobs, file_count)
    return SerialExecutor() if workers <= 1 else ProcessExecutor(workers, size_of)


def pool_size(jobs: int | None, file_count: int) -> int:
    """The worker processes a local run over ``file_count`` files uses; 1: it runs in process."""
    if jobs is None and file_count < _POOL_THRESHOLD:
        return 1
    return min(jobs or default_workers(), max(file_count, 1))
