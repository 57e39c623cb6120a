"""The one-line summaries ``cwemod fix`` prints on stderr after its output."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cwemod.engine.results import NOT_REPRODUCED, RESOLVED, VERIFY_DROPPED, FileResult
from cwemod.render.json_out import summary

if TYPE_CHECKING:
    from cwemod.reports.model import Triaged


def summary_line(results: list[FileResult], written: bool) -> str:
    counts = summary(results)
    verb = "changed" if written else "would change"
    if counts["files"]:
        parts = [f"{counts['changed']} of {counts['files']} files {verb} ({counts['fixes']} fixes)"]
    else:  # no file to run on: a report with nothing to fix, or no Python file in the PATHs
        parts = [f"no file {verb}"]
    if counts["refusals"]:
        parts.append(_counted(counts["refusals"], "site", "sites") + " left alone with a reason")
    if counts["needs_unsafe"]:
        needs = _counted(
            counts["needs_unsafe"], "review-level fix needs", "review-level fixes need"
        )
        parts.append(f"{needs} --unsafe")
    if counts["errors"]:
        parts.append(_counted(counts["errors"], "file", "files") + " failed")
    if counts["left_out"]:
        parts.append(_left_out(counts["left_out"], counts["left_out_vendored"]))
    if counts["changed"] and not written:
        parts.append("run with --write to apply")
    return "cwemod: " + "; ".join(parts)


def _left_out(count: int, vendored: int) -> str:
    """The files not run on, and why: a folder named for vendored code, or the project's
    lint configuration (each counted where there are both)."""
    named, configured = (
        "in a folder named for vendored code",
        "excluded by the project's lint configuration",
    )
    if vendored and vendored < count:
        why = f"{vendored} {named}, {count - vendored} {configured}"
    else:
        why = named if vendored else configured
    return f"{_counted(count, 'file', 'files')} left out ({why})"


def _counted(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def report_line(triaged: Sequence[Triaged], results: list[FileResult], allow_review: bool) -> str:
    """What became of the report's findings: answered, waiting for --unsafe, left to triage."""
    from cwemod.reports.model import Verdict  # a run with no report loads no report reader

    answered = {
        finding
        for result in results
        if result.counts_as_changed
        for fix in result.fixes
        for finding in fix.findings
    }
    waiting = [
        item.finding.id for item in triaged if item.verdict is Verdict.REVIEW and not allow_review
    ]
    parts = [f"{len(answered)} of {len(triaged)} report findings answered by a fix"]
    if waiting:
        parts.append(f"{len(waiting)} need --unsafe ({', '.join(waiting)})")
    if len(triaged) - len(answered) - len(waiting) > 0:
        parts.append("see `cwemod findings` for the others")
    return "cwemod: " + "; ".join(parts)


def verify_line(results: list[FileResult]) -> str:
    """What ``--verify`` proved: findings resolved, fixes it dropped, findings it could not see."""
    statuses = Counter(status for result in results for status in result.verification.values())
    dropped = sum(
        refusal.reason.startswith(VERIFY_DROPPED)
        for result in results
        for refusal in result.refusals
    )
    parts = [f"{statuses[RESOLVED]} findings resolved"]
    if dropped:
        parts.append(f"{dropped} fixes dropped (see their reasons)")
    if statuses[NOT_REPRODUCED]:
        parts.append(
            f"{statuses[NOT_REPRODUCED]} not reproduced by a scan of the original files (kept)"
        )
    return "cwemod: --verify: " + "; ".join(parts)
