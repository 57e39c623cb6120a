"""Fix Bandit's own examples from Bandit's report, and prove it by scanning again.

    python benchmarks/bandit_examples.py [--version 1.9.4] [--bandit CMD]

Bandit's sdist is fetched with ``pip download`` into ``benchmarks/.cache/``
and its ``examples/`` copied to a temporary directory. There:

1. ``bandit -f json -r examples`` writes the report;
2. ``cwemod fix -r report --write --unsafe --verify`` fixes what it can
   (and keeps only what the re-scan proves);
3. Bandit scans ``examples/`` again.

It prints a Markdown table per Bandit test id: findings before and after,
the findings cwemod fixed (its fix kept and the re-scan resolving it), the
findings it left with a verdict, and new findings; then the reasons of the
findings left (the most frequent per test id), and whether every rewritten
file compiles. docs/bandit-examples.md records a run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from sdist import fetch_sdist

from cwemod.codemods import all_codemods

REPORT = "bandit.json"
REASONS_PER_ID = 3


def scan(bandit: list[str], work: Path) -> bytes:
    """Bandit's JSON report on ``examples/`` in ``work``, with paths relative to ``work``."""
    run = subprocess.run(
        [*bandit, "--format", "json", "--quiet", "-r", "examples"],
        cwd=work,
        capture_output=True,
        check=False,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"bandit failed: {run.stderr.decode(errors='replace')}")
    return run.stdout


def cwemod(work: Path, *args: str) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "cwemod", *args, "--format", "json"],
        cwd=work,
        capture_output=True,
        check=False,
    )
    try:
        return json.loads(run.stdout)  # exit status 2 with a document: some files failed
    except ValueError:
        sys.exit(f"cwemod {' '.join(args)} failed: {run.stderr.decode(errors='replace')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="1.9.4", help="the Bandit release to fetch")
    parser.add_argument(
        "--bandit",
        default=None,
        help="the Bandit command (default: bandit on PATH, else python -m bandit)",
    )
    args = parser.parse_args()
    bandit = shlex.split(args.bandit) if args.bandit else _default_bandit()
    os.environ["PATH"] = f"{Path(bandit[0]).parent}{os.pathsep}{os.environ['PATH']}"

    source = fetch_sdist("bandit", args.version)
    with tempfile.TemporaryDirectory(prefix="cwemod-bandit-examples-") as directory:
        work = Path(directory)
        shutil.copytree(source / "examples", work / "examples")
        report = scan(bandit, work)
        (work / REPORT).write_bytes(report)
        before = json.loads(report)["results"]
        triage = cwemod(work, "findings", "-r", REPORT, "examples")
        start = time.perf_counter()
        fixed = cwemod(work, "fix", "-r", REPORT, "--write", "--unsafe", "--verify", "examples")
        seconds = time.perf_counter() - start
        after = json.loads(scan(bandit, work))["results"]
        broken = _not_compiling(work, fixed)

    _print_header(args.version, bandit, len(before), seconds)
    _print_table(before, after, triage, fixed)
    _print_compiles(fixed, broken)
    _print_reasons(triage, fixed)


def _default_bandit() -> list[str]:
    found = shutil.which("bandit")
    return [found] if found else [sys.executable, "-m", "bandit"]


def _not_compiling(work: Path, fixed: dict) -> list[str]:
    broken = []
    for record in fixed["files"]:
        if record["status"] != "changed":
            continue
        path = work / record["path"]
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            broken.append(f"{record['path']}: {error}")
    return broken


def _statuses(fixed: dict) -> dict[str, str]:
    """Report finding id -> what --verify found of it, for the findings a fix answered."""
    return {
        finding: status
        for record in fixed["files"]
        for finding, status in (record.get("verification") or {}).items()
    }


def _left(item: dict, fixed: dict) -> str:
    """Why a finding that is not fixed was left: its triage verdict, or what --verify saw."""
    status = _statuses(fixed).get(item["id"])
    return f"{item['verdict']}, {status}" if status else item["verdict"]


def _resolved(fixed: dict) -> set[str]:
    """The report findings a kept fix answers and the re-scan shows resolved."""
    kept = {
        finding
        for record in fixed["files"]
        if record["status"] == "changed"
        for fix in record["fixes"]
        for finding in fix["findings"]
    }
    return {
        finding
        for record in fixed["files"]
        for finding, status in (record.get("verification") or {}).items()
        if status == "resolved" and finding in kept
    }


def _print_header(version: str, bandit: list[str], findings: int, seconds: float) -> None:
    shown = subprocess.run([*bandit, "--version"], capture_output=True, text=True, check=False)
    words = shown.stdout.split()  # "bandit 1.9.4" (or "__main__.py 1.9.4" as a module)
    running = words[1] if len(words) > 1 else "?"
    print(
        f"Bandit {version} examples/: {findings} findings; bandit {running} scanning;"
        f" Python {platform.python_version()}; {platform.system()} {platform.machine()},"
        f" {os.cpu_count()} CPUs; cwemod fix --verify took {seconds:.1f} s"
    )
    print()


def _print_table(before: list[dict], after: list[dict], triage: dict, fixed: dict) -> None:
    resolved = _resolved(fixed)
    rule_of = {item["id"]: item["rule"] for item in triage["findings"]}
    verdicts: dict[str, Counter] = defaultdict(Counter)
    for item in triage["findings"]:
        if item["id"] not in resolved:
            verdicts[item["rule"]][_left(item, fixed)] += 1
    count_before = Counter(item["test_id"] for item in before)
    count_after = Counter(item["test_id"] for item in after)
    expected = _successors(fixed)
    fixed_by_rule = Counter(rule_of[finding] for finding in resolved if finding in rule_of)
    print("| test id | before | after | fixed | left (verdict) | new |")
    print("| --- | ---: | ---: | ---: | --- | ---: |")
    for rule in sorted(count_before | count_after):
        left = ", ".join(f"{n} {verdict}" for verdict, n in sorted(verdicts[rule].items()))
        new = max(0, count_after[rule] - count_before[rule])
        new_text = f"{new} (expected successor)" if new and rule in expected else str(new or "")
        print(
            f"| {rule} | {count_before[rule]} | {count_after[rule]} | {fixed_by_rule[rule]}"
            f" | {left or '-'} | {new_text} |"
        )
    added = count_after - count_before
    unexpected = sum(count for rule, count in added.items() if rule not in expected)
    print(
        f"| all | {len(before)} | {len(after)} | {len(resolved)} | |"
        f" {sum(added.values())} ({unexpected} unexpected) |"
    )
    print()


def _successors(fixed: dict) -> set[str]:
    """The rules the codemods of the rewritten files declare as their fixes' next findings."""
    registry = all_codemods()
    return {
        rule
        for record in fixed["files"]
        if record["status"] == "changed"
        for codemod in record["codemods"]
        for rule in getattr(registry.get(codemod), "successor_rules", ())
    }


def _print_compiles(fixed: dict, broken: list[str]) -> None:
    changed = sum(record["status"] == "changed" for record in fixed["files"])
    fixes = sum(len(record["fixes"]) for record in fixed["files"] if record["status"] == "changed")
    dropped = [
        refusal
        for record in fixed["files"]
        for refusal in record["refusals"]
        if refusal["reason"].startswith("dropped by --verify")
    ]
    print(
        f"{changed} files rewritten ({fixes} fixes); {len(broken)} do not compile;"
        f" {len(dropped)} fixes dropped by --verify."
    )
    for line in broken:
        print(f"- does not compile: {line}")
    for record in fixed["files"]:
        if record["error"]:
            print(f"- failed, left as it was: {record['path']}: {record['error']}")
    for refusal in dropped:
        print(f"- dropped: {refusal['codemod']}: {refusal['reason']}")
    print()


def _print_reasons(triage: dict, fixed: dict) -> None:
    """The most frequent reasons of the findings left, per test id."""
    resolved = _resolved(fixed)
    reasons: dict[str, Counter] = defaultdict(Counter)
    for item in triage["findings"]:
        if item["id"] not in resolved:
            reasons[item["rule"]][f"{_left(item, fixed)}: {_short(item['reason'])}"] += 1
    print("Why findings were left (most frequent reasons per test id):")
    print()
    for rule in sorted(reasons):
        for reason, count in reasons[rule].most_common(REASONS_PER_ID):
            print(f"- {rule} ({count}x) {reason}")


def _short(reason: str, limit: int = 160) -> str:
    # Drop the quoted finding text triage starts with: "<message>" (B101 ...): <why>
    why = reason.split("): ", 1)[-1] if reason.startswith('"') else reason
    return why if len(why) <= limit else why[: limit - 1] + "…"


if __name__ == "__main__":
    main()
