"""``cwemod codemods`` and ``cwemod explain``."""

from __future__ import annotations

import click
from rich.console import Console

from cwemod.cli.errors import user_errors
from cwemod.codemods import all_codemods, get_codemod
from cwemod.render.explain import explain_markdown
from cwemod.render.pretty import catalog_lines, print_catalog, print_markdown


@click.command()
def codemods():
    """List every codemod: id, CWE ids, applicability, title."""
    console = Console()
    if console.is_terminal:
        print_catalog(console, all_codemods().values())
        return
    for line in catalog_lines(all_codemods().values()):
        click.echo(line)


@click.command()
@click.argument("codemod_id", metavar="CODEMOD")
@user_errors
def explain(codemod_id):
    """What CODEMOD changes, why, what it refuses, and an example diff."""
    text = explain_markdown(get_codemod(codemod_id))
    console = Console()
    if console.is_terminal:
        print_markdown(console, text)
    else:
        click.echo(text, nl=False)
