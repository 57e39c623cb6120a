"""The project's own gate: flake8 with the project's configuration and plugins (hacking).

flake8 runs in the project's tree with the source on standard input, named
as the file, so per-file rules (Cinder's C309 "no logging in tests" looks at
the name) apply as in the project's gate, and nothing is written to the tree.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")
_REPORTED = re.compile(r"^[^:]+:\d+:\d+: (\w+) (.*)$")
_LINE_NUMBER = re.compile(r"\bline \d+\b")


def new_violations(tree: Path, path: str, diff: str) -> list[str]:
    """The violations the change in ``diff`` adds to ``path`` (relative to ``tree``)."""
    file = tree / path
    if not file.exists():  # a module the fix creates: everything in it is new
        return sorted(_violations(tree, path, apply_diff("", diff)).elements())
    old = file.read_bytes().decode("utf-8")
    before = _violations(tree, path, old)
    after = _violations(tree, path, apply_diff(old, diff))
    return sorted((after - before).elements())


def _violations(tree: Path, path: str, text: str) -> Counter:
    completed = subprocess.run(
        [sys.executable, "-m", "flake8", f"--stdin-display-name={path}", "-"],
        cwd=tree,
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode not in (0, 1) or completed.stderr.strip():
        raise AssertionError(f"flake8 failed on {path}: {completed.stderr.strip()}")
    found = Counter()
    for line in completed.stdout.splitlines():
        match = _REPORTED.match(line)
        if match:  # line numbers move with the fix: compare code and message only
            found[f"{match.group(1)} {_LINE_NUMBER.sub('line N', match.group(2))}"] += 1
    return found


def apply_diff(old: str, diff: str) -> str:
    """The new text of a one-file unified diff of ``old`` (as cwemod prints it)."""
    old_lines = old.splitlines(keepends=True)
    new_lines: list[str] = []
    taken = 0
    lines = diff.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        match = _HUNK.match(lines[index])
        index += 1
        if not match:
            continue
        start = int(match.group(1)) - (0 if match.group(2) == "0" else 1)
        new_lines += old_lines[taken:start]
        taken = start
        previous = ""
        while index < len(lines) and lines[index][:1] in (" ", "-", "+", "\\"):
            line = lines[index]
            index += 1
            if line.startswith("\\"):  # "no newline at end of file" for the line before
                if previous in (" ", "+"):
                    new_lines[-1] = new_lines[-1].rstrip("\n")
                continue
            previous = line[0]
            if line[0] == "+":
                new_lines.append(line[1:])
            else:
                taken += 1
                if line[0] == " ":
                    new_lines.append(old_lines[taken - 1])
    return "".join(new_lines + old_lines[taken:])
