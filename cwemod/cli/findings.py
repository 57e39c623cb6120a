"""``cwemod findings``: the triage table of one or more reports."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from cwemod.cli.errors import user_errors
from cwemod.engine import load_config
from cwemod.engine.files import check_paths, repository_root
from cwemod.engine.triage import triage
from cwemod.render.findings import findings_json, print_findings, rows, tab_separated
from cwemod.reports import read_report


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-r",
    "--report",
    "reports",
    multiple=True,
    required=True,
    type=click.Path(path_type=Path),
    metavar="REPORT",
    help="SARIF 2.1.0, Bandit JSON or a Markdown review (repeatable).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    help="table (rich on a terminal, tab-separated on a pipe) or json.",
)
@user_errors
def findings(paths, reports, output_format):
    """Triage REPORT's findings against PATHS: where each is now, and what cwemod can do.

    A report that names no file applies to the single PATH given. Nothing is
    changed; `cwemod fix -r REPORT PATHS` applies the findings marked fix.
    """
    paths = list(paths) or [Path.cwd()]
    check_paths(paths)
    found = [finding for report in reports for finding in read_report(report)]
    triaged = triage(found, paths, load_config(paths[0]))
    root = repository_root(paths[0] if paths[0].is_dir() else paths[0].parent)
    if output_format == "json":
        click.echo(findings_json(triaged, root), nl=False)
        return
    console = Console()
    short = len(reports) == 1
    if console.is_terminal:
        print_findings(console, triaged, root, short)
    else:
        for row in rows(triaged, root, short):
            click.echo(tab_separated(row))
