"""A progress bar on a terminal for long runs (silence on a pipe), and the run it shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cwemod.engine import plan
from cwemod.engine.lint import Linter, lint_results
from cwemod.engine.results import FileResult
from cwemod.engine.run import FixRequest
from cwemod.engine.verify import Scanner, verify_results

_MIN_FILES = 2


class _Bar:
    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task = None

    def start(self, total: int) -> None:
        if total >= _MIN_FILES:
            self._task = self._progress.add_task("cwemod", total=total)

    def advance(self, result: FileResult) -> None:
        if self._task is not None:
            self._progress.update(self._task, advance=1, description=result.display[-40:])


@contextmanager
def progress_bar() -> Iterator[_Bar | None]:
    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        yield _Bar(progress)


def planned(
    request: FixRequest, linter: Linter | None, scanner: Scanner | None
) -> list[FileResult]:
    """The request's results, with a progress bar, then linted and verified when asked."""
    with progress_bar() as progress:
        results = plan(request, progress=progress)
        if linter is not None:
            lint_results(results, linter, request.jobs, progress)
    if scanner is not None:
        verify_results(results, request.findings, request.triaged, scanner)
    return results
