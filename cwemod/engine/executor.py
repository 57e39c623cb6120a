"""Where per-file work runs. The engine only needs ``map``.

The local process pool is the default; another backend (a Dask or Ray
cluster) only has to provide the same method.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Executor(Protocol):
    def map(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        """Results in the order of ``items``, yielded as they are ready."""
        ...


class SerialExecutor:
    """In-process, one file after another (``-j1``; also easiest to debug)."""

    def map(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        return map(function, items)


class ProcessExecutor:
    """A local process pool: parsing is CPU-bound, so threads would not help."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        items = list(items)
        chunksize = max(1, len(items) // (self.workers * 8))
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(function, items, chunksize=chunksize)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# Below this many files, starting worker processes costs more than it saves.
_POOL_THRESHOLD = 16


def local_executor(jobs: int | None, file_count: int) -> Executor:
    if jobs is None and file_count < _POOL_THRESHOLD:
        return SerialExecutor()
    workers = min(jobs or default_workers(), max(file_count, 1))
    return SerialExecutor() if workers <= 1 else ProcessExecutor(workers)
