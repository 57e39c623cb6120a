"""``cwemod codemods`` and ``cwemod explain``.

``codemods`` reads the catalog from the codemods' sources and never loads
LibCST or rich's Markdown and syntax highlighting; ``explain`` imports them
when it runs.
"""

from __future__ import annotations

import click
from rich.console import Console

from cwemod.cli.errors import user_errors
from cwemod.codemods._index import CatalogEntry, catalog


@click.command()
def codemods():
    """List every codemod: id, CWE ids, applicability, title."""
    console = Console()
    if console.is_terminal:
        print_catalog(console, catalog())
        return
    for line in catalog_lines(catalog()):
        click.echo(line)


def print_catalog(console: Console, entries: list[CatalogEntry]) -> None:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False)
    for column in ("id", "CWE", "applicability", "title"):
        table.add_column(column)
    for entry in entries:
        table.add_row(entry.id, ", ".join(entry.cwe), entry.applicability, entry.title)
    console.print(table)


def catalog_lines(entries: list[CatalogEntry]) -> list[str]:
    """The catalog on a pipe: id, CWE ids, applicability and title, tab-separated."""
    return [
        "\t".join((entry.id, ",".join(entry.cwe) or "-", entry.applicability, entry.title))
        for entry in entries
    ]


@click.command()
@click.argument("codemod_id", metavar="CODEMOD")
@user_errors
def explain(codemod_id):
    """What CODEMOD changes, why, what it refuses, and an example diff."""
    from cwemod.codemods import get_codemod
    from cwemod.render.explain import explain_markdown
    from cwemod.render.pretty import print_markdown

    text = explain_markdown(get_codemod(codemod_id))
    console = Console()
    if console.is_terminal:
        print_markdown(console, text)
    else:
        click.echo(text, nl=False)
