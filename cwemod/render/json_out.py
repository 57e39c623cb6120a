"""``--format json``: a stable, documented schema (docs/json.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict

from cwemod.codemods import Fix, Refusal
from cwemod.codemods.kit.lint_excludes import VENDORED_FOLDER
from cwemod.engine.results import FileResult
from cwemod.render.diff import file_diff
from cwemod.render.text import json_safe

SCHEMA_VERSION = 1


def fix_record(fix: Fix) -> dict:
    return {
        "codemod": fix.codemod,
        "line": fix.line,
        "applicability": fix.applicability.value,
        "reason": fix.reason,
        "findings": list(fix.findings),
    }


def refusal_record(refusal: Refusal) -> dict:
    record = asdict(refusal)
    record["verdict"] = record.pop("kind").value
    record["findings"] = list(refusal.findings)
    return record


def file_record(result: FileResult) -> dict:
    if result.error is not None:
        status = "error"
    else:
        status = "changed" if result.changed else "unchanged"
    changed = status == "changed"
    return {
        "path": result.display,
        "status": status,
        "created": result.created,  # a new file (its diff is against /dev/null)
        "error": result.error,
        "applicability": result.applicability.value if changed else None,
        "codemods": result.codemods,
        "fixes": [fix_record(fix) for fix in result.fixes],
        "refusals": [refusal_record(refusal) for refusal in result.refusals],
        "needs_unsafe": [fix_record(fix) for fix in result.skipped_review],
        "diff": file_diff(result) if changed else None,
        "verification": dict(result.verification) or None,
    }


def has_news(result: FileResult) -> bool:
    return bool(result.changed or result.error or result.refusals or result.skipped_review)


def summary(results: list[FileResult]) -> dict:
    """Counts for the summary line and JSON; after a write, ``changed`` counts what was written."""
    standing = [result for result in results if result.counts_as_changed]
    return {
        "files": len(results),
        "changed": len(standing),
        "errors": sum(result.error is not None for result in results),
        "fixes": sum(len(result.fixes) for result in standing),
        "refusals": sum(len(result.refusals) for result in results),
        "needs_unsafe": sum(len(result.skipped_review) for result in results),
        "left_out": sum(result.left_out is not None for result in results),
        "left_out_vendored": sum(result.left_out == VENDORED_FOLDER for result in results),
    }


def results_json(results: Iterable[FileResult], written: bool = False) -> str:
    results = list(results)
    document = {
        "version": SCHEMA_VERSION,
        "written": written,
        "files": [file_record(result) for result in results if has_news(result)],
        "summary": summary(results),
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
