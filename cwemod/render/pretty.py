"""Terminal output with rich: diffs with a header per file, tables, docs.

Paths, reasons and a report's titles are printed as :class:`rich.text.Text`
made by :func:`cwemod.render.text.plain`: their markup is not interpreted and
their control characters are shown as escapes (``\\x1b``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cwemod.engine.results import FileResult
from cwemod.render.diff import file_diff
from cwemod.render.text import plain, visible_code
from cwemod.reports.model import Finding


def print_results(
    console: Console, results: Iterable[FileResult], findings: Mapping[str, Finding] | None = None
) -> None:
    """Each changed file that did not fail: a header, a line per fix (and its finding), the diff."""
    for result in results:
        if result.counts_as_changed:
            _print_change(console, result, findings or {})


def _print_change(console: Console, result: FileResult, findings: Mapping[str, Finding]) -> None:
    codemods = ", ".join(result.codemods)
    new_file = " · new file" if result.created else ""
    title = Text.assemble(
        plain(result.display, "bold"),
        plain(f"{new_file} · {codemods} ({result.applicability.value})"),
    )
    console.rule(title, align="left")
    for fix in result.fixes:
        line = Text.assemble(
            f"  line {fix.line}: ",
            plain(fix.codemod, "bold"),
            plain(f" ({fix.applicability.value}): {fix.reason}"),
        )
        console.print(line, highlight=False)
        for finding_id in fix.findings:
            answers = _describe(finding_id, findings.get(finding_id))
            status = result.verification.get(finding_id)
            answers += f" · {status} (--verify)" if status else ""
            console.print(plain(f"    answers {answers}", "cyan"), highlight=False)
    diff = visible_code(file_diff(result))
    from rich.syntax import Syntax  # loads pygments: imported only when a diff is shown

    console.print(Syntax(diff, "diff", theme="ansi_dark", background_color="default"))


def _describe(finding_id: str, finding: Finding | None) -> str:
    if finding is None:
        return finding_id
    cwe = ", ".join(finding.cwe) or finding.rule or ""
    title = f" {finding.title}" if finding.title else ""
    return f"{finding_id} ({cwe}{title})" if cwe or title else finding_id


def print_left_alone(console: Console, results: Iterable[FileResult]) -> None:
    """Refusals and review-level fixes that were not applied, one line each."""
    rows = [
        (result.display, record.line, record.codemod, label, record.reason)
        for result in results
        for label, records in (
            ("refused", result.refusals),
            ("needs --unsafe", result.skipped_review),
        )
        for record in records
    ]
    if not rows:
        return
    table = Table(title="Left alone", title_justify="left", show_edge=False, pad_edge=False)
    for column in ("file", "line", "codemod", "why", "reason"):
        table.add_column(column, overflow="fold")
    for path, line, codemod, label, reason in rows:
        table.add_row(plain(path), str(line), plain(codemod), label, plain(reason))
    console.print(table)


def print_markdown(console: Console, text: str) -> None:
    from rich.markdown import Markdown  # loads a Markdown parser: imported only when used

    console.print(Markdown(text))
