"""The triage of a report's findings as output: JSON, a rich table, tab-separated rows.

The JSON schema is documented in docs/reports.md. A report's text is shown
literally in each (see :mod:`cwemod.render.text`): no markup is interpreted and
no control character reaches the terminal raw.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cwemod.engine.files import display_path
from cwemod.engine.locate import clean_symbol
from cwemod.render.text import json_safe, one_line, plain
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


def _where(
    item: Triaged, root: Path | None, shown: dict[Path, str] | None = None
) -> tuple[str | None, int | None, str | None]:
    """Path, line and symbol of the finding in today's code (report values if unlocated).

    ``shown`` remembers each file's display name within one output: many
    findings share a file, and naming it resolves its path.
    """
    location = item.location
    if location is None:
        symbol = clean_symbol(item.finding.symbols[0]) if item.finding.symbols else None
        return item.finding.path, None, symbol
    shown = {} if shown is None else shown
    if location.path not in shown:
        shown[location.path] = display_path(location.path, root)
    return shown[location.path], location.shown_line, location.symbol


def finding_record(item: Triaged, root: Path | None = None, shown: dict | None = None) -> dict:
    finding = item.finding
    path, line, symbol = _where(item, root, shown)
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
    shown: dict[Path, str] = {}
    records = [finding_record(item, root, shown) for item in triaged]
    document = {"version": SCHEMA_VERSION, "findings": records}
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def rows(triaged: Sequence[Triaged], root: Path | None, short_ids: bool) -> list[tuple[str, ...]]:
    table = []
    shown: dict[Path, str] = {}
    for item in triaged:
        path, line, symbol = _where(item, root, shown)
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
        cells = [plain(cell) for cell in row]
        cells[3].stylize(colour)
        table.add_row(*cells)
    console.print(table)
    counts = Counter(item.verdict.value for item in triaged)
    console.print(Text(", ".join(f"{count} {verdict}" for verdict, count in counts.items())))


def tab_separated(row: Sequence[str]) -> str:
    """One row on a pipe: each cell on one line, with no tab of its own."""
    return "\t".join(one_line(cell.replace("\n", " ")) for cell in row)
