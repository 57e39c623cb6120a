"""Terminal output with rich: diffs with a header per file, tables, docs."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.markdown import Markdown
from rich.syntax import Syntax
from rich.table import Table

from cwemod.codemods import Codemod
from cwemod.engine.results import FileResult
from cwemod.render.diff import file_diff


def print_results(console: Console, results: Iterable[FileResult]) -> None:
    for result in results:
        if result.changed:
            _print_change(console, result)


def _print_change(console: Console, result: FileResult) -> None:
    console.rule(f"[bold]{result.display}[/] · {', '.join(result.codemods)} ({result.applicability.value})", align="left")
    for fix in result.fixes:
        answered = f" [cyan]answers {', '.join(fix.findings)}[/]" if fix.findings else ""
        console.print(f"  line {fix.line}: [bold]{fix.codemod}[/] ({fix.applicability.value}): {fix.reason}{answered}")
    console.print(Syntax(file_diff(result), "diff", theme="ansi_dark", background_color="default"))


def print_left_alone(console: Console, results: Iterable[FileResult]) -> None:
    """Refusals and review-level fixes that were not applied, one line each."""
    rows = [
        (result.display, record.line, record.codemod, label, record.reason)
        for result in results
        for label, records in (("refused", result.refusals), ("needs --unsafe", result.skipped_review))
        for record in records
    ]
    if not rows:
        return
    table = Table(title="Left alone", title_justify="left", show_edge=False, pad_edge=False)
    for column in ("file", "line", "codemod", "why", "reason"):
        table.add_column(column, overflow="fold")
    for path, line, codemod, label, reason in rows:
        table.add_row(path, str(line), codemod, label, reason)
    console.print(table)


def print_catalog(console: Console, codemods: Iterable[type[Codemod]]) -> None:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("id", "CWE", "applicability", "title"):
        table.add_column(column)
    for codemod in codemods:
        table.add_row(codemod.id, ", ".join(codemod.cwe), codemod.applicability.value, codemod.title)
    console.print(table)


def print_markdown(console: Console, text: str) -> None:
    console.print(Markdown(text))
