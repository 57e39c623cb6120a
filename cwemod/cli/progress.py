"""A progress bar on a terminal for long runs; silence on a pipe."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cwemod.engine.results import FileResult

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
