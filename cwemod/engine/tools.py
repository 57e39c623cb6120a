"""The project's tools that cwemod runs (flake8, a formatter, a scanner): how to run
one, on each changed file a few at a time, and what its failure says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from importlib.util import find_spec

from cwemod.engine.results import FileResult
from cwemod.engine.run import Progress


def for_each_changed(
    results: Sequence[FileResult],
    work: Callable[[FileResult], FileResult],
    jobs: int | None = None,
    progress: Progress | None = None,
) -> None:
    """``work`` on every changed result that has not failed, in threads.

    Each call waits on a process of its own (the tool), so threads run
    them side by side; ``jobs`` caps how many, as for the run itself.
    """
    # Here, not at the top: a run that checks nothing never loads it.
    from concurrent.futures import ThreadPoolExecutor, as_completed

    changed = [result for result in results if result.changed and result.error is None]
    if progress is not None:
        progress.start(len(changed))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(changed) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(work, result) for result in changed]
        for future in as_completed(futures):
            done = future.result()
            if progress is not None:
                progress.advance(done)


def why_it_failed(run: subprocess.CompletedProcess[bytes]) -> str:
    """The last line the tool wrote to stderr, else its exit status."""
    lines = run.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else f"exit status {run.returncode}"


def tool_command(name: str) -> tuple[str, ...] | None:
    """How to run the tool ``name``: on PATH, else this Python's module; None when neither."""
    found = shutil.which(name)
    if found is not None:
        return (found,)
    if find_spec(name) is not None:
        return (sys.executable, "-m", name)
    return None
