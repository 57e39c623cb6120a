"""Bandit's JSON report (``bandit -f json``).

Every field is read through :mod:`cwemod.reports._shape`, whose docstring
states what a wrong shape gets. ``line_range`` is followed for at most
LINE_SPAN lines past its first.
"""

from __future__ import annotations

from typing import Any

from cwemod.reports._shape import Node, line_span
from cwemod.reports.model import Finding

TOOL = "bandit"


def looks_like_bandit(document: Any) -> bool:
    return (
        isinstance(document, dict)
        and isinstance(document.get("results"), list)
        and ("generated_at" in document or "metrics" in document or "errors" in document)
        and "runs" not in document
    )


def parse_bandit(document: dict, report: str) -> list[Finding]:
    results = Node(document, "").get_objects("results", required=True)
    return [_finding(result, index, report) for index, result in enumerate(results)]


def _finding(result: Node, index: int, report: str) -> Finding:
    rule = result.get_str("test_id", required=True)
    path = result.get_str("filename", required=True)
    line = result.get_line("line_number", required=True)
    line_range = result.get_lines("line_range") or [line]
    return Finding(
        id=f"{report}#{index + 1}",
        tool=TOOL,
        message=(result.get_str("issue_text") or "").strip(),
        cwe=_cwe(result.get_object("issue_cwe")),
        rule=rule,
        title=result.get_str("test_name"),
        path=path,
        lines=tuple(dict.fromkeys([line, *line_span(min(line_range), max(line_range))])),
        report=report,
    )


def _cwe(issue_cwe: Node | None) -> tuple[str, ...]:
    """``{"id": 78, "link": ...}``; bandit writes id -1 or nothing when it has none."""
    number = issue_cwe.get_int("id") if issue_cwe is not None else None
    return (f"CWE-{number}",) if number is not None and number > 0 else ()
