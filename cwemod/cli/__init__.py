"""The ``cwemod`` command line: parse arguments, call the library, print, exit."""

from __future__ import annotations

import click

from cwemod import __version__
from cwemod.cli.catalog import codemods, explain
from cwemod.cli.findings import findings
from cwemod.cli.fix import fix
from cwemod.cli.gerrit import gerrit
from cwemod.cli.patch import patch


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cwemod")
def main():
    """Turn security-review findings into reviewable code changes.

    Nothing is written unless you ask (--write). Exit codes: 0 nothing to
    change or all written, 1 changes pending with --check, 2 usage or input
    error.
    """


for command in (fix, findings, codemods, explain, patch, gerrit):
    main.add_command(command)
