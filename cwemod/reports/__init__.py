"""Security reports in, :class:`Finding` out.

``read_report(path)`` detects the format (SARIF 2.1.0, Bandit JSON, or an
LLM review in Markdown) and raises :class:`cwemod.errors.InputError` with one
line "<file>: <what is wrong>" when the file is unreadable, of an unknown
format or malformed. A JSON report's every field is checked for shape
(see :mod:`cwemod.reports._shape`), so no report can end in a traceback.
"""

from __future__ import annotations

from pathlib import Path

from cwemod.errors import InputError
from cwemod.reports._shape import load_json
from cwemod.reports.bandit import looks_like_bandit, parse_bandit
from cwemod.reports.markdown import parse_markdown
from cwemod.reports.model import Finding, Location, MalformedReport, Triaged, Verdict
from cwemod.reports.sarif import looks_like_sarif, parse_sarif

__all__ = ["Finding", "Location", "Triaged", "Verdict", "parse_report_text", "read_report"]


def read_report(path: Path) -> list[Finding]:
    path = Path(path)
    try:
        raw = path.read_bytes()
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


def parse_report_text(text: str, name: str, suffix: str = "") -> list[Finding]:
    """Findings of one report's text; ``name`` prefixes the finding ids."""
    stripped = text.lstrip()
    if not stripped:
        raise MalformedReport("empty report")
    if stripped[0] in "{[" or suffix in (".json", ".sarif"):
        return _parse_json(text, name)
    if "\x00" in text:
        raise MalformedReport("not a text report")
    findings = parse_markdown(text, name)
    if not findings:
        expected = "items headed by a CWE id, e.g. '1. **CWE-284 (Improper Access Control)**'"
        raise MalformedReport(f"no findings found in this Markdown review (expected {expected})")
    return findings


def _parse_json(text: str, name: str) -> list[Finding]:
    document = load_json(text)
    if looks_like_sarif(document):
        return parse_sarif(document, name)
    if looks_like_bandit(document):
        return parse_bandit(document, name)
    raise MalformedReport(
        "unknown JSON report (expected SARIF 2.1.0 or Bandit JSON from 'bandit -f json')"
    )
