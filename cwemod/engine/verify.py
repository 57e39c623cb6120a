"""``--verify``: re-run the report's scanner on the fixed files, and keep only proven fixes.

The tool that wrote the report (Bandit for Bandit JSON or Bandit's SARIF,
ruff for ruff's SARIF) scans a temporary copy of every changed file twice:
its original bytes and its new bytes, each under its own relative path so
that path-based settings match. Nothing is written to the project tree.

Each report finding a fix answers is then

- ``resolved``: the scan of the new bytes reports its rule fewer times in
  the finding's place (its lines, widened to the edits that touch them);
- ``still-present``: as many times as the original bytes do;
- ``not-reproduced``: the scan of the original bytes does not report it
  there (a report from another revision or other settings), so the fix
  cannot be proven and is kept as it was planned.

A fix that resolves none of its findings is dropped, and so is a hunk that adds
a finding to its file other than the successors its codemods declare
(``successor_rules``: B603 after a B602 fix). Hunks are dropped by the same
mechanism as ``--lint`` (:mod:`cwemod.engine.lint`): each dropped fix
becomes a refusal whose reason starts "dropped by --verify:".
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cwemod.codemods import Fix, all_codemods
from cwemod.engine.hunks import split_lines
from cwemod.engine.lint import LintError, Violation, drop_adding_hunks, drop_fixes
from cwemod.engine.results import (
    NOT_REPRODUCED,
    RESOLVED,
    STILL_PRESENT,
    FileResult,
    settle_created_files,
)
from cwemod.engine.tools import tool_command, why_it_failed
from cwemod.errors import InputError
from cwemod.linediff import opcodes
from cwemod.reports.model import Finding, Location, Triaged

_TIMEOUT = 600  # seconds for one scan


class ScanError(LintError):
    """The scanner could not scan (it crashed, or its output is not what it should be)."""


@dataclass(frozen=True)
class Scanned:
    """One finding of a re-scan."""

    rule: str
    line: int
    text: str


@dataclass(frozen=True)
class Unscanned:
    """A file the scanner could not scan (it does not parse it): its findings are unknown."""

    reason: str


FileScan = list[Scanned] | Unscanned


@dataclass(frozen=True)
class Scanner:
    """One scanner, run on sources that are written to a temporary directory."""

    tool: str  # "bandit" or "ruff"
    command: tuple[str, ...]

    def scan(self, files: Mapping[str, bytes]) -> dict[str, FileScan]:
        """The findings in each of ``files`` (relative path -> content), by path."""
        found: dict[str, FileScan] = {name: [] for name in files}
        if not files:
            return found
        copies = _copy_names(files)
        with tempfile.TemporaryDirectory(prefix="cwemod-verify-") as directory:
            root = Path(directory).resolve()
            for name, data in files.items():
                target = root / copies[name]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            output = self._run(root, sorted(copies.values()))
            names = {copy: name for name, copy in copies.items()}
            for copy, item in self._parse(output, root):
                name = names.get(PurePosixPath(copy).as_posix())
                if name is None or isinstance(found[name], Unscanned):
                    continue
                if isinstance(item, Unscanned):
                    found[name] = item
                else:
                    found[name].append(item)
        return found

    def _run(self, root: Path, names: list[str]) -> str:
        if self.tool == "bandit":
            argv = [*self.command, "--format", "json", "--quiet", *names]
        else:
            argv = [*self.command, "check", "--isolated", "--no-cache", "--select", "S"]
            argv += ["--output-format", "json", "--exit-zero", *names]
        try:
            run = subprocess.run(argv, cwd=root, capture_output=True, timeout=_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ScanError(f"{self.tool} could not run ({error})") from None
        if run.returncode not in (0, 1):
            raise ScanError(f"{self.tool} failed ({why_it_failed(run)})")
        return run.stdout.decode("utf-8", "replace")

    def _parse(self, output: str, root: Path) -> Iterable[tuple[str, Scanned | Unscanned]]:
        try:
            document = json.loads(output)
            if self.tool == "bandit":
                for item in document["errors"]:
                    yield item["filename"], Unscanned(str(item["reason"]))
                for item in document["results"]:
                    yield item["filename"], _scanned(item["test_id"], item["line_number"], item)
            else:
                for item in document:
                    name = Path(item["filename"]).resolve().relative_to(root).as_posix()
                    if item["code"] is None:  # ruff's syntax errors have no rule
                        yield name, Unscanned(str(item["message"]))
                    else:
                        yield name, _scanned(item["code"], item["location"]["row"], item)
        except (ValueError, KeyError, TypeError) as error:
            raise ScanError(f"{self.tool} wrote output cwemod cannot read ({error})") from None


def _copy_names(files: Iterable[str]) -> dict[str, str]:
    """A relative path inside the scan's directory for each name: its own, without ``..``."""
    copies: dict[str, str] = {}
    for name in files:
        parts = [part for part in PurePosixPath(name).parts if part not in ("/", ".", "..")]
        copy = PurePosixPath(*parts or ["file.py"]).as_posix()
        if copy in copies.values():  # two names that differ only in what was left out
            copy = f"cwemod-{len(copies)}/{copy}"
        copies[name] = copy
    return copies


def _scanned(rule: object, line: object, item: Mapping) -> Scanned:
    text = item.get("issue_text") or item.get("message") or ""
    if not isinstance(rule, str) or not isinstance(line, int):
        raise TypeError("a finding without a rule id or a line")
    return Scanned(rule, line, str(text).strip())


# -- which scanner --------------------------------------------------------------------


def scanner_for(findings: Iterable[Finding]) -> Scanner | None:
    """The scanner that wrote the findings' reports (None: no finding, nothing to prove).

    Raises :class:`InputError` when that tool is not one cwemod re-runs, or is not installed.
    """
    tools = {finding.tool for finding in findings}
    if not tools:
        return None
    kinds = {_kind(tool) for tool in tools}
    if None in kinds:
        other = sorted(tool for tool in tools if _kind(tool) is None)[0]
        raise InputError(
            f"--verify: cannot re-run {other!r}: it re-runs Bandit (Bandit JSON or SARIF)"
            " and ruff (SARIF)"
        )
    if len(kinds) > 1:
        raise InputError("--verify re-runs one scanner: give reports of Bandit or of ruff")
    kind = kinds.pop()
    return Scanner(kind, _command(kind))


def _kind(tool: str) -> str | None:
    name = tool.strip().lower()
    return name if name in ("bandit", "ruff") else None


def _command(tool: str) -> tuple[str, ...]:
    """``tool`` on PATH, else this Python's module of that name."""
    found = tool_command(tool)
    if found is not None:
        return found
    raise InputError(f"--verify needs {tool}: install it beside cwemod or put it on PATH")


# -- where a finding is, before and after ------------------------------------------------


def finding_status(
    rule: str,
    ranges: Sequence[tuple[int, int]],
    old: str,
    new: str,
    before: Sequence[Scanned],
    after: Sequence[Scanned],
) -> str:
    """Whether ``rule``, found in the 1-based line ``ranges`` of ``old``, is still in ``new``.

    Each range is widened to the edits that touch it and followed into
    ``new``; the rule's findings are counted in both places.
    """
    codes = opcodes(split_lines(old), split_lines(new))
    was = now = 0
    for start, end in ranges:
        (old_from, old_to), (new_from, new_to) = _place(codes, start - 1, end)
        was += sum(1 for item in before if item.rule == rule and old_from < item.line <= old_to)
        now += sum(1 for item in after if item.rule == rule and new_from < item.line <= new_to)
    if was == 0:
        return NOT_REPRODUCED
    return RESOLVED if now < was else STILL_PRESENT


def _place(codes, low: int, high: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """Old lines ``[low, high)`` (0-based), widened to the edits touching them, and in new."""
    old_span, new_span = [low, high], [None, None]

    def cover(span, first, last):
        span[0] = first if span[0] is None else min(span[0], first)
        span[1] = last if span[1] is None else max(span[1], last)

    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal":
            first, last = max(low, i1), min(high, i2)
            if first < last:
                cover(new_span, j1 + first - i1, j1 + last - i1)
        elif i1 < high and low < i2 or (i1 == i2 and low <= i1 <= high):
            cover(old_span, i1, i2)
            cover(new_span, j1, j2)
    if new_span[0] is None:
        new_span = [0, 0]
    return (old_span[0], old_span[1]), (new_span[0], new_span[1])


# -- one file -------------------------------------------------------------------------


@dataclass
class _FileCheck:
    """The scans of one file's versions, kept by content, and what they prove."""

    result: FileResult
    scanner: Scanner
    located: Mapping[str, tuple[str, tuple[tuple[int, int], ...]]]  # finding -> rule, lines
    ignored: frozenset[str]  # the successor rules of the file's codemods
    scans: dict[bytes, FileScan] = field(default_factory=dict)

    def scanned(self, data: bytes) -> list[Scanned]:
        """The findings in ``data``; raises :class:`ScanError` when the scanner cannot scan it."""
        if data not in self.scans:
            self.scans[data] = self.scanner.scan({self.result.display: data})[self.result.display]
        found = self.scans[data]
        if isinstance(found, Unscanned):
            raise ScanError(f"{self.scanner.tool} cannot scan it ({found.reason})")
        return found

    def violations(self, data: bytes, path: Path) -> list[Violation]:
        """The scan as ``--lint`` reads flake8, without the expected successors."""
        return [
            Violation(item.line, item.rule, item.text)
            for item in self.scanned(data)
            if item.rule not in self.ignored
        ]

    def statuses(self, fixes: Iterable[Fix]) -> dict[str, str]:
        """Each answered finding's status in the result's current bytes."""
        before = self.scanned(self.result.old)
        after = self.scanned(self.result.new if self.result.changed else self.result.old)
        found = {}
        for finding_id in dict.fromkeys(f for fix in fixes for f in fix.findings):
            if finding_id in self.located:
                rule, ranges = self.located[finding_id]
                found[finding_id] = finding_status(
                    rule, ranges, self.result.old_text, self.result.new_text, before, after
                )
        return found

    def still_present(self) -> dict[Fix, str]:
        """The fixes that resolve none of the findings they answer, each with why.

        A fix answers every finding at its site whose rule its codemod
        declares: a fix that resolves B602 and leaves B607 (a partial path)
        on the same line is kept, and B607's status says it is still there.
        """
        statuses = self.statuses(self.result.fixes)
        reasons = {}
        for fix in self.result.fixes:
            present = [f for f in fix.findings if statuses.get(f) == STILL_PRESENT]
            if present and not any(statuses.get(f) == RESOLVED for f in fix.findings):
                rule = self.located[present[0]][0]
                reasons[fix] = f"{self.scanner.tool} still reports {rule} ({present[0]})"
        return reasons

    def run(self) -> None:
        """Drop the fixes the scans do not prove, until the rest is proven; then note statuses.

        A file the scanner cannot scan, before or after, fails and is left as it was.
        """
        planned = list(self.result.fixes)
        try:
            for _ in range(len(planned) + 1):  # each round drops at least one fix, or ends
                count = len(self.result.fixes)
                drop_fixes(self.result, self.still_present(), "verify")
                drop_adding_hunks(self.result, self, "verify")
                if self.result.error is not None or len(self.result.fixes) == count:
                    break
            if self.result.error is None:
                self.result.verification = self.statuses(planned)
        except ScanError as error:
            self.result.new, self.result.error = None, f"--verify: {error}; file left as it was"


# -- all files ------------------------------------------------------------------------


def verify_results(
    results: Sequence[FileResult],
    findings: Mapping[str, Finding],
    triaged: Sequence[Triaged],
    scanner: Scanner,
) -> None:
    """Prove each changed result's fixes with ``scanner``; drop what it does not prove.

    A file the scanner cannot scan fails with the reason, and is left as it was.
    """
    changed = [result for result in results if result.changed and result.error is None]
    located = _located(findings, triaged)
    try:
        before = scanner.scan({result.display: result.old for result in changed})
        after = scanner.scan({result.display: result.new or b"" for result in changed})
    except ScanError as error:
        for result in changed:
            result.new, result.error = None, f"--verify: {error}; file left as it was"
        return
    for result in changed:
        if result.created:
            _check_created(result, after[result.display], results)
            continue
        check = _FileCheck(result, scanner, located, _successors(result.codemods))
        check.scans[result.old] = before[result.display]
        check.scans[result.new or b""] = after[result.display]
        check.run()
    settle_created_files(results)  # a module no fix needs any more is not created


def _check_created(result: FileResult, found: FileScan, results: Sequence[FileResult]) -> None:
    """A new module (a helper's home) is not created when it brings an unexpected finding.

    The files that need it then fail, and stay as they were.
    """
    users = [other for other in results if any(path == result.path for path, _ in other.needs)]
    expected = _successors([codemod for user in users for codemod in user.codemods])
    if isinstance(found, Unscanned):
        why = f"cannot scan it ({found.reason})"
    else:
        unexpected = [item for item in found if item.rule not in expected]
        why = f"adds {unexpected[0].rule} {unexpected[0].text}" if unexpected else None
    if why is not None:
        result.new, result.error = None, f"--verify: {why}; not created"


def _located(
    findings: Mapping[str, Finding], triaged: Sequence[Triaged]
) -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]:
    """Finding id -> its rule and its lines in today's file, for the findings with both."""
    places: dict[str, Location] = {
        item.finding.id: item.location for item in triaged if item.location is not None
    }
    return {
        finding_id: (finding.rule, places[finding_id].fix_ranges)
        for finding_id, finding in findings.items()
        if finding.rule and finding_id in places
    }


def _successors(codemods: Iterable[str]) -> frozenset[str]:
    registry = all_codemods()
    rules = set()
    for codemod in codemods:
        declared = getattr(registry.get(codemod), "successor_rules", ())
        # ruff's flake8-bandit rules keep Bandit's numbers: B603 is S603.
        rules |= {*declared, *("S" + rule[1:] for rule in declared)}
    return frozenset(rules)
