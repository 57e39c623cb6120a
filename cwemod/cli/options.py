"""Options shared by every command that plans a fix (fix, patch, gerrit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cwemod.cli.errors import Failure
from cwemod.engine.request import make_request, read_path_list
from cwemod.engine.run import FixRequest

if TYPE_CHECKING:
    from cwemod.engine.reformat import Formatters
    from cwemod.engine.verify import Scanner


def fix_options(command: Callable) -> Callable:
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        click.option(
            "-c",
            "--codemod",
            "codemods",
            multiple=True,
            metavar="ID",
            help="Run only this codemod (repeatable).",
        ),
        click.option(
            "--exclude",
            "excludes",
            multiple=True,
            metavar="GLOB",
            help="Skip files matching GLOB inside directories (repeatable).",
        ),
        click.option(
            "-j",
            "--jobs",
            type=int,
            default=None,
            help="Worker processes (default: CPUs; -j1 runs in-process).",
        ),
        click.option(
            "--unsafe",
            is_flag=True,
            help="Also apply review-level fixes (each says what to review).",
        ),
        click.option(
            "-r",
            "--report",
            "reports",
            multiple=True,
            type=click.Path(path_type=Path),
            metavar="REPORT",
            help="Fix only what this report's findings ask for: SARIF, Bandit JSON"
            " or a Markdown review (repeatable).",
        ),
        click.option(
            "--paths-from",
            type=click.Path(path_type=Path, dir_okay=False),
            default=None,
            metavar="FILE",
            help="Also run over the paths listed in FILE, one per line ('-': stdin).",
        ),
        click.option(
            "--executor",
            type=click.Choice(["process", "dask"]),
            default="process",
            help="Where per-file work runs: local processes (default) or a Dask cluster"
            " (pip install 'cwemod[dask]').",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            help="The Dask scheduler for --executor dask (default: a local cluster).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            help="Neither read nor update the cache of outcomes in .cwemod_cache/.",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def request_from(
    paths,
    codemods,
    excludes,
    jobs,
    unsafe,
    reports=(),
    paths_from=None,
    executor="process",
    scheduler=None,
    no_cache=False,
) -> FixRequest:
    if paths_from is not None:
        paths = [*paths, *read_path_list(paths_from)]
    return make_request(
        paths,
        codemods=codemods,
        excludes=excludes,
        jobs=jobs,
        unsafe=unsafe,
        reports=reports,
        executor=executor,
        scheduler=scheduler,
        cache=not no_cache,
    )


def verify_option(command: Callable) -> Callable:
    return click.option(
        "--verify",
        is_flag=True,
        help="Re-run the scanner that wrote the report (Bandit, ruff) on the fixed files;"
        " keep only the fixes it proves, and say for each finding whether it is resolved.",
    )(command)


def reformat_option(command: Callable) -> Callable:
    return click.option(
        "--reformat",
        is_flag=True,
        help="Lay the fixed statements out with the project's formatter (black or ruff format)"
        " where the file is already formatted with it.",
    )(command)


def project_formatters(reformat: bool) -> Formatters | None:
    """What ``--reformat`` runs: each file's project formatter, found when a file needs it."""
    if not reformat:
        return None
    from cwemod.engine.reformat import Formatters

    return Formatters()


def verify_scanner(verify: bool, request: FixRequest) -> Scanner | None:
    """The scanner ``--verify`` re-runs, found before planning so that a missing one fails fast."""
    if not verify:
        return None
    if request.targets is None:
        raise Failure("--verify needs a report (-r): it re-runs the tool that wrote it")
    from cwemod.engine.verify import scanner_for

    return scanner_for(request.findings.values())
