"""``cwemod patch``: the planned fixes as a ``git format-patch`` series."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from cwemod.cli.errors import user_errors
from cwemod.cli.options import (
    fix_options,
    project_formatters,
    reformat_option,
    request_from,
    verify_option,
    verify_scanner,
)
from cwemod.cli.progress import planned
from cwemod.engine.lint import linter
from cwemod.engine.results import FileResult
from cwemod.engine.run import FixRequest
from cwemod.render.text import one_line
from cwemod.vcs import Split
from cwemod.vcs.groups import dropped_fixes
from cwemod.vcs.workflow import write_patch_series

SPLITS = [split.value for split in Split]


def split_option(command: Callable) -> Callable:
    return click.option(
        "--split",
        type=click.Choice(SPLITS),
        default=Split.CODEMOD.value,
        show_default=True,
        help="One commit per codemod, per report finding, or per file.",
    )(command)


def lint_options(command: Callable) -> Callable:
    """``--lint`` and ``--lint-cmd``, as ``cwemod fix`` has them."""
    command = click.option(
        "--lint-cmd",
        metavar="CMD",
        default=None,
        help="The flake8 command for --lint, which it implies"
        " (default: flake8 on PATH, else python -m flake8).",
    )(command)
    return click.option(
        "--lint",
        is_flag=True,
        help="Run the project's flake8 (and ruff, where it configures ruff) on each changed"
        " file before and after the fix; leave out every hunk that adds a violation.",
    )(command)


def plan_linted(
    request: FixRequest,
    lint: bool,
    lint_cmd: str | None,
    verify: bool = False,
    reformat: bool = False,
) -> list[FileResult]:
    """The planned results, without the hunks ``--lint`` or ``--verify`` dropped; each said."""
    checker = linter(lint_cmd) if lint or lint_cmd else None
    scanner = verify_scanner(verify, request)
    results = planned(request, checker, scanner, project_formatters(reformat))
    for item in dropped_fixes(results):
        refusal = item.refusal
        line = f"cwemod: {item.display}:{refusal.line}: {refusal.codemod}: {refusal.reason}"
        click.echo(one_line(line), err=True)
    return results


@click.command()
@fix_options
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Directory for the .patch files.",
)
@split_option
@lint_options
@reformat_option
@verify_option
@user_errors
def patch(
    output: Path,
    split: str,
    lint: bool,
    lint_cmd: str | None,
    reformat: bool,
    verify: bool,
    **fix_args,
):
    """Write the fixes for PATHS as a patch series that `git am` applies.

    PATHS must be in one git repository whose files to change have no
    uncommitted changes. One commit per group is built on top of HEAD
    without touching the working tree or the current branch, and exported
    with `git format-patch` into OUTPUT. With --lint, the hunks that add a
    flake8 violation are in no commit; each commit message lists its fixes
    that were left out, and why.
    """
    request = request_from(**fix_args)
    results = plan_linted(request, lint, lint_cmd, verify, reformat)
    series = write_patch_series(results, request, Split(split), output)
    if not series.paths:
        click.echo("cwemod: nothing to change; no patch written", err=True)
        return
    for path in series.paths:
        click.echo(path)
    # git am drops the CR of CRLF lines unless told to keep them.
    keep_cr = " --keep-cr" if series.has_crlf else ""
    click.echo(
        f"cwemod: wrote {len(series.paths)} patches to {output}; "
        f"apply them with: git am{keep_cr} {output}/*.patch",
        err=True,
    )
