"""What every report format is read into, and what triage says of it."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class MalformedReport(ValueError):
    """A report is unusable; the text says where and what (read_report adds the file name)."""


class Verdict(str, enum.Enum):
    FIX = "fix"  # safe fix, applied by default
    REVIEW = "review"  # fix applied only with --unsafe
    ALREADY_FIXED = "already-fixed"
    NOT_APPLICABLE = "not-applicable"
    NO_DEFECT = "no-defect"  # the report itself states no defect
    ADVICE_ONLY = "advice-only"  # no mechanical fix exists
    UNLOCATED = "unlocated"  # the code the finding names was not found
    REJECTED = "rejected"  # the finding names a file outside the given paths


@dataclass(frozen=True)
class Finding:
    """One finding of one report, as the report states it."""

    id: str  # stable within a run, e.g. "review.md#1"
    tool: str  # "llm-review", "bandit", or the SARIF driver name
    message: str
    cwe: tuple[str, ...] = ()  # "CWE-284"
    rule: str | None = None  # tool rule id, e.g. "B602"
    title: str | None = None  # e.g. "Improper Access Control"
    solution: str | None = None
    path: str | None = None  # as written in the report; None: not named
    lines: tuple[int, ...] = ()  # line hints, most specific first
    symbols: tuple[str, ...] = ()  # e.g. ("_fip_port_lock",) or ("FipNamespace.create",)
    states_no_defect: bool = False  # the report says there is no defect here
    report: str | None = None  # the report file it came from
    fingerprint: str | None = None  # SARIF partialFingerprints: the same finding across runs


@dataclass
class Location:
    path: Path
    start: int  # 1-based line range in today's file
    end: int
    symbol: str | None = None  # qualified name found, e.g. "FipNamespace._fip_port_lock"
    line: int | None = None  # the line to show (a def line, not its decorators); None: start
    ranges: tuple[tuple[int, int], ...] = ()  # where a fix may go if not all of start..end

    @property
    def shown_line(self) -> int:
        return self.line if self.line is not None else self.start

    @property
    def fix_ranges(self) -> tuple[tuple[int, int], ...]:
        return self.ranges or ((self.start, self.end),)


@dataclass
class Triaged:
    finding: Finding
    verdict: Verdict
    reason: str
    codemod: str | None = None
    location: Location | None = None
    fixed_by: tuple[str, ...] = ()  # every codemod whose fix answers it (verdict fix/review)
