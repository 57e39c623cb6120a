"""``cwemod findings``: the triage table of one or more reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Sequence

import click
from rich.console import Console
from rich.table import Table

from cwemod.cli.errors import user_errors
from cwemod.engine import InputError, load_config
from cwemod.engine.files import display_path, repository_root
from cwemod.engine.locate import clean_symbol
from cwemod.engine.triage import triage
from cwemod.reports import read_report
from cwemod.reports.model import Triaged, Verdict

SCHEMA_VERSION = 1
_COLOURS = {
    Verdict.FIX: "green",
    Verdict.REVIEW: "yellow",
    Verdict.ALREADY_FIXED: "cyan",
    Verdict.NOT_APPLICABLE: "blue",
    Verdict.NO_DEFECT: "dim",
    Verdict.ADVICE_ONLY: "magenta",
    Verdict.UNLOCATED: "red",
    Verdict.REJECTED: "bold red",
}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-r", "--report", "reports", multiple=True, required=True, type=click.Path(path_type=Path),
              metavar="REPORT", help="SARIF 2.1.0, Bandit JSON or a Markdown review (repeatable).")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              help="table (rich on a terminal, tab-separated on a pipe) or json.")
@user_errors
def findings(paths, reports, output_format):
    """Triage REPORT's findings against PATHS: where each is now, and what cwemod can do.

    A report that names no file applies to the single PATH given. Nothing is
    changed; `cwemod fix -r REPORT PATHS` applies the findings marked fix.
    """
    paths = list(paths) or [Path.cwd()]
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
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
            click.echo("\t".join(cell.replace("\n", " ") for cell in row))


def _where(item: Triaged, root: Path | None) -> tuple[str | None, int | None, str | None]:
    """Path, line and symbol of the finding in today's code (report values if unlocated)."""
    location = item.location
    if location is None:
        symbol = clean_symbol(item.finding.symbols[0]) if item.finding.symbols else None
        return item.finding.path, None, symbol
    return display_path(location.path, root), location.shown_line, location.symbol


def finding_record(item: Triaged, root: Path | None = None) -> dict:
    finding = item.finding
    path, line, symbol = _where(item, root)
    return {
        "id": finding.id,
        "report": finding.report,
        "tool": finding.tool,
        "cwe": list(finding.cwe),
        "rule": finding.rule,
        "title": finding.title,
        "path": path,
        "line": line,
        "symbol": symbol,
        "verdict": item.verdict.value,
        "codemod": item.codemod,
        "reason": item.reason,
        "message": finding.message,
        "reported": {"path": finding.path, "lines": list(finding.lines), "symbols": list(finding.symbols)},
    }


def findings_json(triaged: Iterable[Triaged], root: Path | None = None) -> str:
    document = {"version": SCHEMA_VERSION, "findings": [finding_record(item, root) for item in triaged]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def rows(triaged: Sequence[Triaged], root: Path | None, short_ids: bool) -> list[tuple[str, ...]]:
    table = []
    for item in triaged:
        path, line, symbol = _where(item, root)
        if item.location is not None:
            location = f"{path}:{line}" + (f"\n{symbol}" if symbol else "")
        else:
            location = "-"
        finding_id = item.finding.id
        if short_ids and "#" in finding_id:
            finding_id = "#" + finding_id.split("#", 1)[1]
        cwe = ", ".join(item.finding.cwe) or item.finding.rule or "-"
        if item.finding.rule and item.finding.cwe:
            cwe = f"{item.finding.rule} {cwe}"
        table.append((finding_id, cwe, location, item.verdict.value, item.codemod or "-", item.reason))
    return table


def print_findings(console: Console, triaged: Sequence[Triaged], root: Path | None, short_ids: bool) -> None:
    table = Table(show_edge=False, pad_edge=False, show_lines=True)
    for column in ("finding", "CWE", "location now", "verdict", "codemod", "reason"):
        table.add_column(column, overflow="fold")
    for item, row in zip(triaged, rows(triaged, root, short_ids)):
        colour = _COLOURS[item.verdict]
        table.add_row(*row[:3], f"[{colour}]{row[3]}[/]", *row[4:])
    console.print(table)
    counts: dict[str, int] = {}
    for item in triaged:
        counts[item.verdict.value] = counts.get(item.verdict.value, 0) + 1
    console.print(", ".join(f"{count} {verdict}" for verdict, count in counts.items()))
