"""A progress bar on a terminal for long runs (silence on a pipe), and the run it shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cwemod.cli.terminal import is_terminal
from cwemod.engine.results import FileResult
from cwemod.engine.run import FixRequest, plan

if TYPE_CHECKING:
    from rich.progress import Progress

    from cwemod.engine.lint import Linter
    from cwemod.engine.reformat import Formatters
    from cwemod.engine.verify import Scanner

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
    if not is_terminal(stderr=True):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _Bar(progress)


def planned(
    request: FixRequest,
    linter: Linter | None,
    scanner: Scanner | None,
    formatters: Formatters | None = None,
) -> list[FileResult]:
    """The request's results, with a progress bar, then reformatted, linted and verified when asked."""
    with progress_bar() as progress:
        results = plan(request, progress=progress)
        if formatters is not None:
            from cwemod.engine.reformat import reformat_results

            reformat_results(results, formatters, request.jobs, progress)
        if linter is not None:
            from cwemod.engine.lint import lint_results

            lint_results(results, linter, request.jobs, progress)
    if scanner is not None:
        from cwemod.engine.verify import verify_results

        verify_results(results, request.findings, request.triaged, scanner)
    return results
