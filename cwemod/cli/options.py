"""Options shared by every command that plans a fix (fix, patch, gerrit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from cwemod.engine.request import make_request
from cwemod.engine.run import FixRequest


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
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def request_from(paths, codemods, excludes, jobs, unsafe, reports=()) -> FixRequest:
    return make_request(
        paths, codemods=codemods, excludes=excludes, jobs=jobs, unsafe=unsafe, reports=reports
    )
