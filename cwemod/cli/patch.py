"""``cwemod patch``: the planned fixes as a ``git format-patch`` series."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from cwemod.cli.errors import user_errors
from cwemod.cli.options import fix_options, request_from
from cwemod.cli.progress import progress_bar
from cwemod.engine import plan
from cwemod.vcs import Split
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
@user_errors
def patch(output: Path, split: str, **fix_args):
    """Write the fixes for PATHS as a patch series that `git am` applies.

    PATHS must be in one git repository whose files to change have no
    uncommitted changes. One commit per group is built on top of HEAD
    without touching the working tree or the current branch, and exported
    with `git format-patch` into OUTPUT.
    """
    request = request_from(**fix_args)
    with progress_bar() as progress:
        results = plan(request, progress=progress)
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
