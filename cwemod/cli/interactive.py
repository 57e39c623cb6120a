"""``cwemod fix -i``: accept or skip each hunk, then write what was accepted."""

from __future__ import annotations

import click

from cwemod.cli.errors import EXIT_ERROR, EXIT_OK
from cwemod.engine import WriteError, sweep_stale_temporaries, write_atomically
from cwemod.engine.hunks import Hunk, apply_hunks, hunks, split_lines
from cwemod.engine.results import FileResult
from cwemod.render.diff import hunk_lines

_HELP = "y - apply this hunk\nn - skip it\na - apply it and the rest of this file\nd - skip the rest of this file\nq - quit; write what was accepted so far"
_COLOURS = {"+": "green", "-": "red", "@": "cyan"}


class _Quit(Exception):
    pass


def walk_hunks(results: list[FileResult]) -> int:
    code = EXIT_OK
    for result in results:
        if not result.changed:
            continue
        old, new = split_lines(result.old_text), split_lines(result.new_text)
        try:
            accepted = _ask_file(result, old, new)
        except _Quit:
            return code
        if accepted and not _write_accepted(result, old, new, accepted):
            code = EXIT_ERROR
    return code


def _ask_file(result: FileResult, old: list[str], new: list[str]) -> list[Hunk]:
    file_hunks = hunks(old, new)
    click.secho(f"--- {result.display} ({', '.join(result.codemods)}, {result.applicability.value})", bold=True)
    accepted: list[Hunk] = []
    for index, hunk in enumerate(file_hunks):
        for line in hunk_lines(hunk, old, new):
            click.secho(line, nl=False, fg=_COLOURS.get(line[:1]))
        answer = _prompt(f"Apply this hunk [{index + 1}/{len(file_hunks)}] (y,n,a,d,q,?)")
        if answer == "y":
            accepted.append(hunk)
        elif answer == "a":
            return accepted + file_hunks[index:]
        elif answer == "d":
            return accepted
        elif answer == "q":
            if accepted:
                _write_accepted(result, old, new, accepted)
            raise _Quit
    return accepted


def _prompt(question: str) -> str:
    while True:
        answer = click.prompt(question, default="n", show_default=False).strip().lower()[:1]
        if answer in ("y", "n", "a", "d", "q"):
            return answer
        click.echo(_HELP)


def _write_accepted(result: FileResult, old: list[str], new: list[str], accepted: list[Hunk]) -> bool:
    text = apply_hunks(old, new, accepted)
    data = text.encode(result.encoding)
    try:
        compile(data, result.display, "exec", dont_inherit=True)
    except SyntaxError as error:
        click.echo(f"cwemod: {result.display}: the chosen hunks do not compile together ({error.msg}); not written", err=True)
        return False
    sweep_stale_temporaries(result.path.parent)
    try:
        write_atomically(result.path, result.old, data)
    except WriteError as error:
        click.echo(f"cwemod: {result.display}: {error}", err=True)
        return False
    click.echo(f"cwemod: wrote {result.display}", err=True)
    return True
