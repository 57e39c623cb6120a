"""The real-code acceptance corpus: four pinned OpenStack sdists and what cwemod must do to them.

For each project, ``<name>.diff`` is the expected ``cwemod fix --unsafe`` diff
and ``<name>.toml`` is its review: a note on every hunk saying why a core
reviewer would accept it, and the sites that must stay untouched, each with
its reason. A change of behaviour is a reviewed change of these files:
``python tests/realcode/update.py`` rewrites the diffs, and the notes are
written by hand.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@", re.MULTILINE)


@dataclass(frozen=True)
class Pin:
    name: str  # as pip knows it
    version: str
    package: str  # the directory cwemod runs on, inside the unpacked sdist

    @property
    def expected_diff(self) -> Path:
        return HERE / f"{self.package}.diff"

    @property
    def review(self) -> Path:
        return HERE / f"{self.package}.toml"


PINS = (
    Pin("neutron", "29.0.0", "neutron"),
    Pin("cinder", "29.0.0", "cinder"),
    Pin("os-brick", "7.1.1", "os_brick"),
    Pin("ironic-python-agent", "13.0.0", "ironic_python_agent"),
)


def run_cwemod(tree: Path, pin: Pin) -> dict:
    """``cwemod fix --unsafe --format json`` over the pinned package (a dry run, no cache)."""
    completed = subprocess.run(
        [sys.executable, "-m", "cwemod", "fix", "--unsafe", "--no-cache", "--format", "json"]
        + [pin.package],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert completed.returncode in (0, 1), completed.stderr
    return json.loads(completed.stdout)


def combined_diff(run: dict) -> str:
    """Every changed file's diff, in path order: the text the expected file holds."""
    files = sorted(run["files"], key=lambda file: file["path"])
    return "".join(file["diff"] for file in files if file["diff"])


def hunks(diff: str) -> list[tuple[str, str]]:
    """``(path, hunk header)`` of every hunk of ``diff``."""
    found = []
    path = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            path = line[4:].removeprefix("b/")
        elif _HUNK.match(line):
            found.append((path, _HUNK.match(line).group(0)))
    return found


def load_review(pin: Pin) -> dict:
    with open(pin.review, "rb") as handle:
        return tomllib.load(handle)


def fixes_at(run: dict) -> Counter:
    """(path, line) -> how many fixes cwemod made there."""
    return Counter((file["path"], fix["line"]) for file in run["files"] for fix in file["fixes"])


def refusals_at(run: dict) -> dict[tuple[str, int], list[str]]:
    found: dict[tuple[str, int], list[str]] = {}
    for file in run["files"]:
        for refusal in file["refusals"]:
            found.setdefault((file["path"], refusal["line"]), []).append(refusal["reason"])
    return found
