"""``cwemod fix --reformat``: the changed statements laid out by the project's formatter.

A project gated by black or ``ruff format`` takes no line laid out another
way: a call split one argument per line needs a trailing comma, and a
continuation aligned under its bracket is indented again. When the project
names one of them (:mod:`cwemod.codemods.kit.formatters`) and the file is
already as that formatter lays it out, the fixed
file goes through it too: the rest of the file is unchanged and formatted,
so only the fixed statements move. A file the formatter would change
before the fix keeps the planned change: the formatter's changes would not
be the fix's. Where the project names no formatter but configures ruff
(its linter: werkzeug's and websockets' sdists ship ``[tool.ruff]`` alone),
a file ``ruff format`` would leave as it is goes through it as well. The
formatter reads the file's name from ``--stdin-filename``, so the
project's own settings apply; nothing is written to the project tree.
"""

from __future__ import annotations

import functools
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cwemod.codemods.kit.compiled import compile_error
from cwemod.codemods.kit.formatters import RUFF, configures_ruff, project_formatter
from cwemod.engine.hunks import Hunk, hunks, split_lines
from cwemod.engine.results import FileResult
from cwemod.engine.run import Progress
from cwemod.engine.tools import for_each_changed, tool_command, why_it_failed

_TIMEOUT = 120  # seconds for one formatter run


class ReformatError(Exception):
    """The formatter could not run, or could not format the file."""


def formatter_command(name: str) -> tuple[str, ...]:
    """How to run the formatter ``name``: on PATH, else this Python's; :class:`ReformatError`."""
    found = tool_command(name)
    if found is not None:
        return found
    raise ReformatError(f"the project formats with {name}, which is not installed here")


def _arguments(name: str, path: Path) -> tuple[str, ...]:
    """The formatter's arguments to read the source from stdin as the file at ``path``."""
    if name == RUFF:
        return ("format", "--stdin-filename", str(path), "-")
    return ("-q", "--stdin-filename", str(path), "-")


@dataclass(frozen=True)
class Formatter:
    """One formatter run over sources that are not on disk."""

    name: str
    command: tuple[str, ...]
    # Not named by the project: ruff configured for its linter, the file as ruff lays it out.
    inferred: bool = False

    def formatted(self, data: bytes, path: Path) -> bytes:
        """``data``, as the content of ``path``, laid out; raises :class:`ReformatError`."""
        argv = [*self.command, *_arguments(self.name, path.absolute())]
        try:
            # In an empty directory: ``python -m`` puts its directory first on sys.path, where a
            # module of the project's (beets' beetsplug/types.py) would stand for the stdlib's.
            # The formatter finds the project's settings from --stdin-filename.
            with tempfile.TemporaryDirectory(prefix="cwemod-reformat-") as empty:
                run = subprocess.run(
                    argv,
                    cwd=empty,
                    input=data,
                    capture_output=True,
                    timeout=_TIMEOUT,
                    check=False,
                )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ReformatError(f"{self.name} could not run ({error})") from None
        if run.returncode != 0:
            raise ReformatError(f"{self.name} failed ({why_it_failed(run)})")
        return run.stdout


class Formatters:
    """The formatter of each file's project, found once per formatter name."""

    def __init__(self) -> None:
        self._commands: dict[str, tuple[str, ...]] = {}

    def for_file(self, path: Path) -> Formatter | None:
        folder = path.absolute().parent
        name = project_formatter(folder)
        if name is None:
            return self._inferred(folder)
        if name not in self._commands:
            self._commands[name] = formatter_command(name)
        return Formatter(name, self._commands[name])

    def _inferred(self, folder: Path) -> Formatter | None:
        """ruff, where the project configures it (its linter) and ruff is installed: it lays
        out only a file it would leave as it is (see :func:`reformat_result`)."""
        if not configures_ruff(folder):
            return None
        if RUFF not in self._commands:
            command = tool_command(RUFF)
            if command is None:
                return None
            self._commands[RUFF] = command
        return Formatter(RUFF, self._commands[RUFF], inferred=True)


def reformat_results(
    results: Sequence[FileResult],
    formatters: Formatters,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> None:
    """Lay out every changed result by its project's formatter, a few at a time."""
    for_each_changed(
        results, functools.partial(reformat_result, formatters=formatters), jobs, progress
    )


def reformat_result(result: FileResult, formatters: Formatters) -> FileResult:
    """``result`` with its new text laid out by the project's formatter, where that is the fix's.

    A result whose file the formatter keeps remembers it (``laid_out_by``),
    so that the stages of a patch series are laid out as the whole change.
    When the formatter cannot run, the file fails with the reason and is
    left as it was.
    """
    if not result.changed or result.error is not None:
        return result
    try:
        formatter = formatters.for_file(result.path)
        if formatter is None or (formatter.inferred and result.created):
            return result  # a module the run makes follows a formatter the project names
        if not (result.created or _keeps(formatter, result)):
            return result  # not kept in the formatter's layout: the fix keeps its own
        result.laid_out_by = formatter
        result.new = laid_out(result, result.new_text).encode(result.encoding)
    except ReformatError as error:
        result.new, result.error = None, f"--reformat: {error}; file left as it was"
    return result


def _keeps(formatter: Formatter, result: FileResult) -> bool:
    """Does ``formatter`` leave the file as it is? Not when it cannot read it either
    (ruff reads UTF-8 only, and the file may be Latin-1): it does not format it.

    Raises :class:`ReformatError` where it cannot format any file there: mercurial
    requires black 23 (``required-version``), and another black refuses every file.
    """
    try:
        return formatter.formatted(result.old, result.path) == result.old
    except ReformatError:
        formatter.formatted(b"pass\n", result.path)  # raises where nothing can be formatted
        return False


def laid_out(result: FileResult, text: str) -> str:
    """``text``, a change of ``result``'s old text, as ``result.laid_out_by`` lays it out.

    ``text`` as it is when the formatter would change a line outside its
    hunks, or the formatter's text would not compile. Raises
    :class:`ReformatError`.
    """
    assert result.laid_out_by is not None
    data = text.encode(result.encoding)
    formatted = result.laid_out_by.formatted(data, result.path)
    if formatted == data or compile_error(formatted, result.display) is not None:
        return text
    try:
        new = formatted.decode(result.encoding)
    except UnicodeDecodeError:
        return text
    return new if _within_the_change(result.old_text, text, new) else text


def _within_the_change(old: str, changed: str, formatted: str) -> bool:
    """Does every line ``formatted`` changes lie in (or beside) a hunk of ``old -> changed``?"""
    old_lines = split_lines(old)
    planned = [_span(hunk) for hunk in hunks(old_lines, split_lines(changed))]
    return all(
        any(_overlap(change, fix) for fix in planned)
        for change in map(_span, hunks(old_lines, split_lines(formatted), context=0))
    )


def _span(hunk: Hunk) -> tuple[int, int]:
    return hunk.old_start, hunk.old_start + hunk.old_count


def _overlap(change: tuple[int, int], fix: tuple[int, int]) -> bool:
    """Do two spans of old lines overlap? An insertion (empty span) overlaps where it goes."""
    (start, end), (begin, stop) = change, fix
    if start == end:
        return begin <= start <= stop
    return start < stop and begin < end
