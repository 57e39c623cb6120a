"""The triage of a report's findings as output: JSON, a rich table, tab-separated rows.

The JSON schema is documented in docs/reports.md.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from cwemod.engine.files import display_path
from cwemod.engine.locate import clean_symbol
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
        "reported": {
            "path": finding.path,
            "lines": list(finding.lines),
            "symbols": list(finding.symbols),
        },
    }


def findings_json(triaged: Iterable[Triaged], root: Path | None = None) -> str:
    records = [finding_record(item, root) for item in triaged]
    document = {"version": SCHEMA_VERSION, "findings": records}
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
        verdict, codemod = item.verdict.value, item.codemod or "-"
        table.append((finding_id, cwe, location, verdict, codemod, item.reason))
    return table


def print_findings(
    console: Console, triaged: Sequence[Triaged], root: Path | None, short_ids: bool
) -> None:
    table = Table(show_edge=False, pad_edge=False, show_lines=True)
    for column in ("finding", "CWE", "location now", "verdict", "codemod", "reason"):
        table.add_column(column, overflow="fold")
    for item, row in zip(triaged, rows(triaged, root, short_ids)):
        colour = _COLOURS[item.verdict]
        table.add_row(*row[:3], f"[{colour}]{row[3]}[/]", *row[4:])
    console.print(table)
    counts = Counter(item.verdict.value for item in triaged)
    console.print(", ".join(f"{count} {verdict}" for verdict, count in counts.items()))
