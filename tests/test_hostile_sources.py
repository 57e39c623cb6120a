"""Source shaped to crash LibCST's native parser fails its own file only.

Each file below killed the whole run with SIGSEGV (or ran for minutes and
then did) before the engine probed the shape of a source before parsing it.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
from pathlib import Path

import pytest

from conftest import cwemod_script
from cwemod.engine.executor import ProcessExecutor
from cwemod.engine.locate import SourceIndex
from cwemod.engine.parse import ParseError

UNSAFE_YAML = (
    "import yaml\n\n\ndef load(path):\n    return yaml.load(open(path), Loader=yaml.Loader)\n"
)
SAFE_YAML = "import yaml\n\n\ndef load(path):\n    return yaml.safe_load(open(path))\n"
# Every hostile file also holds what a codemod fixes, so the engine does parse it.
WANTED = "import yaml\nyaml.load(x)\n"

HOSTILE = {
    "parens": "x = " + "(" * 5_000 + "1" + ")" * 5_000 + "\n",
    "lists": "x = " + "[" * 3_000 + "1" + "]" * 3_000 + "\n",
    "sum": "x = 1" + " + 1" * 20_000 + "\n",
    "attributes": "x = a" + ".b" * 20_000 + "\n",
    "calls": "x = f" + "()" * 20_000 + "\n",
    "subscripts": "x = a" + "[0]" * 20_000 + "\n",
    "nots": "x = " + "not " * 20_000 + "a\n",
    "minuses": "x = " + "- " * 20_000 + "a\n",
    "powers": "x = 2" + " ** 2" * 20_000 + "\n",
    "conditionals": "x = " + "a if b else " * 20_000 + "c\n",
    "lambdas": "x = " + "lambda: " * 5_000 + "0\n",
    "ands": "x = a" + " and a" * 10_000 + "\n",
    "elifs": "if x:\n    pass\n" + "elif x:\n    pass\n" * 10_000,
    "indentation": "".join(" " * level + "if x:\n" for level in range(1_000)) + " " * 1_000 + "x\n",
    # Syntax newer than Python 3.11 first: CPython gives up on line 1, LibCST goes on.
    "new_syntax_then_lambdas": "type Alias = int\nx = " + "lambda: " * 5_000 + "0\n",
}


def cwemod(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # Its own process: a crash must not take the test run with it. On the unprotected
    # engine the long chains run for minutes before they crash.
    return cwemod_script(*args, cwd=cwd, timeout=60)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "good.py").write_text(UNSAFE_YAML)
    for name, body in HOSTILE.items():
        (root / f"{name}.py").write_text(WANTED + body)
    return root


@pytest.mark.parametrize("jobs", ["-j1", "-j2"])
def test_each_hostile_file_fails_alone_and_the_others_are_written(project, jobs):
    result = cwemod("fix", "--write", jobs, ".", cwd=project)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": cannot parse: " in line]
    for name in HOSTILE:
        assert f"cwemod: {name}.py: cannot parse: nesting too deep (" in result.stderr, name
        assert (project / f"{name}.py").read_text() == WANTED + HOSTILE[name]
    assert len(errors) == len(HOSTILE)
    assert (project / "good.py").read_text() == SAFE_YAML


def test_refusal_names_the_line(tmp_path):
    (tmp_path / "deep.py").write_text(WANTED + "\n" + HOSTILE["sum"])

    result = cwemod("fix", "-j1", ".", cwd=tmp_path)

    expected = "cwemod: deep.py: cannot parse: nesting too deep (more than 1000 levels, line 4)"
    assert expected in result.stderr


def test_a_tree_too_deep_for_python_recursion_is_an_error_of_its_file(tmp_path):
    # Deep enough for LibCST's Python visitors to exhaust the stack, not enough to be refused.
    (tmp_path / "deep.py").write_text(WANTED + "x = 1" + " + 1" * 700 + "\n")
    (tmp_path / "good.py").write_text(UNSAFE_YAML)

    result = cwemod("fix", "--write", "-j1", ".", cwd=tmp_path)

    assert result.returncode == 2
    assert "cwemod: deep.py: too deeply nested for cwemod\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "good.py").read_text() == SAFE_YAML


def test_locating_findings_in_a_too_deep_file_raises_parse_error():
    with pytest.raises(ParseError, match="too deeply nested for cwemod"):
        SourceIndex(WANTED + "x = 1" + " + 1" * 700 + "\n")
    with pytest.raises(ParseError, match=r"nesting too deep \(too many nested parentheses, line 3"):
        SourceIndex(WANTED + HOSTILE["parens"])


DIE = -1


def tenfold_or_die(item: int) -> int:
    """A job that kills its own process on one item, as a native crash in LibCST would."""
    if item == DIE:
        faulthandler.disable()  # pytest's handler would print a traceback of the worker
        os.kill(os.getpid(), signal.SIGSEGV)
    return item * 10


def describe_crash(item: int, how: str) -> str:
    return f"{item} crashed: {how}"


@pytest.mark.parametrize("count", [4, 60])  # one item per task, and several
def test_a_worker_crash_fails_its_item_only_and_results_keep_their_order(count):
    items = list(range(count))
    items[2] = DIE

    results = list(ProcessExecutor(2).map(tenfold_or_die, items, crashed=describe_crash))

    expected = [item * 10 for item in items]
    expected[2] = f"{DIE} crashed: signal 11"
    assert results == expected


@pytest.mark.parametrize("name", ["parens", "sum"])
def test_triage_of_a_hostile_file_is_a_verdict_not_a_crash(tmp_path, name):
    path = tmp_path / "deep.py"
    path.write_text(WANTED + HOSTILE[name])
    report = tmp_path / "bandit.json"
    report.write_text(
        '{"generated_at": "now", "results": [{"test_id": "B506", "filename": "deep.py",'
        ' "line_number": 2, "issue_text": "yaml.load"}]}'
    )
    result = cwemod("findings", "-r", str(report), str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\tunlocated\t" in result.stdout
    assert "cannot parse: nesting too deep" in result.stdout
