"""``cwemod fix -i``: accept or skip each hunk, then write what was accepted."""

from __future__ import annotations

from pathlib import Path

import click

from cwemod.cli.errors import EXIT_ERROR, EXIT_OK
from cwemod.engine import WriteError, write_accepted
from cwemod.engine.hunks import Hunk, hunks, split_lines
from cwemod.engine.results import FileResult, missing_support
from cwemod.render.diff import hunk_lines
from cwemod.render.text import one_line, visible_code

_HELP = (
    "y - apply this hunk\n"
    "n - skip it\n"
    "a - apply it and the rest of this file\n"
    "d - skip the rest of this file\n"
    "q - quit; write what was accepted so far"
)
_COLOURS = {"+": "green", "-": "red", "@": "cyan"}


class _Quit(Exception):
    pass


def walk_hunks(results: list[FileResult]) -> int:
    """Ask about each hunk, file by file, and write the accepted ones.

    The files whose changes others need (a new module, a helper added to a
    module) come first; a file whose fixes need what was not accepted there
    is skipped, so nothing written calls what is not there.
    """
    code = EXIT_OK
    written: dict[Path, str] = {}
    for result in _providers_first(results):
        if not result.changed:
            continue
        missing = missing_support(result, written, results)
        if missing is not None:
            click.echo(f"cwemod: {one_line(result.display)}: skipped: {missing}", err=True)
            continue
        old, new = split_lines(result.old_text), split_lines(result.new_text)
        try:
            accepted = _ask_file(result, old, new)
        except _Quit:
            return code
        text = _write(result, accepted) if accepted else None
        if text is not None:
            written[result.path] = text
        elif accepted:
            code = EXIT_ERROR
    return code


def _providers_first(results: list[FileResult]) -> list[FileResult]:
    provided = {path for result in results for path, _ in (*result.needs, *result.uses)}
    return sorted(results, key=lambda result: result.path not in provided)


def _ask_file(result: FileResult, old: list[str], new: list[str]) -> list[Hunk]:
    file_hunks = hunks(old, new)
    codemods = ", ".join(result.codemods)
    name = one_line(result.display)
    click.secho(f"--- {name} ({codemods}, {result.applicability.value})", bold=True)
    accepted: list[Hunk] = []
    for index, hunk in enumerate(file_hunks):
        for line in hunk_lines(hunk, old, new):
            click.secho(visible_code(line), nl=False, fg=_COLOURS.get(line[:1]))
        answer = _prompt(f"Apply this hunk [{index + 1}/{len(file_hunks)}] (y,n,a,d,q,?)")
        if answer == "y":
            accepted.append(hunk)
        elif answer == "a":
            return accepted + file_hunks[index:]
        elif answer == "d":
            return accepted
        elif answer == "q":
            if accepted:
                _write(result, accepted)
            raise _Quit
    return accepted


def _prompt(question: str) -> str:
    while True:
        answer = click.prompt(question, default="n", show_default=False).strip().lower()[:1]
        if answer in ("y", "n", "a", "d", "q"):
            return answer
        click.echo(_HELP)


def _write(result: FileResult, accepted: list[Hunk]) -> str | None:
    """The text written; None when it could not be (the reason is shown)."""
    try:
        text = write_accepted(result, accepted)
    except WriteError as error:
        click.echo(f"cwemod: {one_line(result.display)}: {one_line(str(error))}", err=True)
        return None
    click.echo(f"cwemod: wrote {one_line(result.display)}", err=True)
    return text
