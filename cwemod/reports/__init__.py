"""Security reports in, :class:`Finding` out.

``read_report(path)`` detects the format (SARIF 2.1.0, Bandit JSON, or an
LLM review in Markdown) and raises :class:`cwemod.errors.InputError` with one
line "<file>: <what is wrong>" when the file is unreadable, of an unknown
format or malformed. A JSON report's every field is checked for shape
(see :mod:`cwemod.reports._shape`), so no report can end in a traceback.

A report is read whole, so what it may cost is bounded, each limit one line:

- a file larger than MAX_REPORT_BYTES (50 MiB) is refused before it is read; a
  file that is not regular (a pipe, a device) is read up to that size only;
- a Markdown review longer than MAX_MARKDOWN_CHARS (2,000,000 characters; an
  LLM's review is some kilobytes) is refused before it is parsed, as parsing
  Markdown costs far more per byte than JSON;
- a report of more than MAX_FINDINGS (10,000) findings is refused (a JSON
  report's results are counted before they are read), as each finding is
  located and triaged: 10,000 Markdown findings on one file take about 5 s of CPU.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cwemod.errors import InputError
from cwemod.reports._shape import load_json
from cwemod.reports.bandit import looks_like_bandit, parse_bandit
from cwemod.reports.model import Finding, Location, MalformedReport, Triaged, Verdict
from cwemod.reports.sarif import looks_like_sarif, parse_sarif

__all__ = ["Finding", "Location", "Triaged", "Verdict", "parse_report_text", "read_report"]


MAX_REPORT_BYTES = 50 * 1024 * 1024
MAX_MARKDOWN_CHARS = 2_000_000
MAX_FINDINGS = 10_000
_TOO_LARGE = f"report larger than {MAX_REPORT_BYTES // (1024 * 1024)} MiB; cwemod reads no more"


def read_report(path: Path) -> list[Finding]:
    path = Path(path)
    try:
        raw = _read_bounded(path)
    except OSError as error:
        raise InputError(f"{path}: cannot read report: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a text report (not UTF-8)") from None
    try:
        return parse_report_text(text, path.name, path.suffix.lower())
    except MalformedReport as error:
        raise InputError(f"{path}: {error}") from None


def _read_bounded(path: Path) -> bytes:
    with path.open("rb") as stream:
        if os.fstat(stream.fileno()).st_size > MAX_REPORT_BYTES:
            raise InputError(f"{path}: {_TOO_LARGE}")
        raw = stream.read(MAX_REPORT_BYTES + 1)
    if len(raw) > MAX_REPORT_BYTES:
        raise InputError(f"{path}: {_TOO_LARGE}")
    return raw


def parse_report_text(text: str, name: str, suffix: str = "") -> list[Finding]:
    """Findings of one report's text; ``name`` prefixes the finding ids."""
    stripped = text.lstrip()
    if not stripped:
        raise MalformedReport("empty report")
    if stripped[0] in "{[" or suffix in (".json", ".sarif"):
        return _parse_json(text, name)
    if "\x00" in text:
        raise MalformedReport("not a text report")
    if len(text) > MAX_MARKDOWN_CHARS:
        raise MalformedReport(
            f"Markdown review longer than {MAX_MARKDOWN_CHARS:,} characters; cwemod reads no more"
        )
    # Imported here: a Markdown parser is most of what loading this package costs.
    from cwemod.reports.markdown import parse_markdown

    findings = _bounded(parse_markdown(text, name))
    if not findings:
        expected = "items headed by a CWE id, e.g. '1. **CWE-284 (Improper Access Control)**'"
        raise MalformedReport(f"no findings found in this Markdown review (expected {expected})")
    return findings


def _bounded(findings: list[Finding], count: int | None = None) -> list[Finding]:
    count = len(findings) if count is None else count
    if count > MAX_FINDINGS:
        raise MalformedReport(
            f"{count:,} findings, more than the {MAX_FINDINGS:,} cwemod reads from one report;"
            " split the report"
        )
    return findings


def _results_in(document: Any) -> int:
    """How many results a JSON report holds, counted before any is read."""
    if not isinstance(document, dict):
        return 0
    lists = [document.get("results")]
    runs = document.get("runs")
    if isinstance(runs, list):
        lists += [run.get("results") for run in runs if isinstance(run, dict)]
    return sum(len(results) for results in lists if isinstance(results, list))


def _parse_json(text: str, name: str) -> list[Finding]:
    document = load_json(text)
    _bounded([], _results_in(document))
    if looks_like_sarif(document):
        return _bounded(parse_sarif(document, name))
    if looks_like_bandit(document):
        return _bounded(parse_bandit(document, name))
    raise MalformedReport(
        "unknown JSON report (expected SARIF 2.1.0 or Bandit JSON from 'bandit -f json')"
    )
