"""Bandit's JSON report (``bandit -f json``)."""

from __future__ import annotations

from typing import Any

from cwemod.reports.model import Finding, MalformedReport

TOOL = "bandit"


def looks_like_bandit(document: Any) -> bool:
    return (
        isinstance(document, dict)
        and isinstance(document.get("results"), list)
        and ("generated_at" in document or "metrics" in document or "errors" in document)
        and "runs" not in document
    )


def parse_bandit(document: dict, report: str) -> list[Finding]:
    return [_finding(result, index, report) for index, result in enumerate(document["results"])]


def _finding(result: Any, index: int, report: str) -> Finding:
    where = f"results[{index}]"
    if not isinstance(result, dict):
        raise MalformedReport(f"{where} is not an object")
    for key in ("test_id", "filename", "line_number"):
        if key not in result:
            raise MalformedReport(f"{where} has no {key}")
    line = result["line_number"]
    if not isinstance(line, int) or line < 1:
        raise MalformedReport(f"{where}.line_number is not a positive integer")
    line_range = result.get("line_range") or [line]
    if not (isinstance(line_range, list) and all(isinstance(n, int) and n >= 1 for n in line_range)):
        raise MalformedReport(f"{where}.line_range is not a list of line numbers")
    return Finding(
        id=f"{report}#{index + 1}",
        tool=TOOL,
        message=str(result.get("issue_text", "")).strip(),
        cwe=_cwe(result.get("issue_cwe")),
        rule=str(result["test_id"]),
        title=result.get("test_name"),
        path=str(result["filename"]),
        lines=tuple(dict.fromkeys([line, *range(min(line_range), max(line_range) + 1)])),
        report=report,
    )


def _cwe(issue_cwe: Any) -> tuple[str, ...]:
    """``{"id": 78, "link": ...}``; bandit writes id -1 or nothing when it has none."""
    if isinstance(issue_cwe, dict) and isinstance(issue_cwe.get("id"), int) and issue_cwe["id"] > 0:
        return (f"CWE-{issue_cwe['id']}",)
    return ()
