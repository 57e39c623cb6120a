"""The line diff behind the unified diff, ``--interactive`` and the line map.

Property tests run the diff on random files full of identical lines; size
tests run it in a child process with a time limit (a hang guard, not a
benchmark: speed figures live in benchmarks/diff.py).
"""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cwemod
from cwemod import linediff
from cwemod.codemods import LineRange
from cwemod.engine.hunks import Hunk, apply_hunks, hunks, split_lines
from cwemod.engine.linemap import follow_ranges
from cwemod.engine.results import FileResult
from cwemod.render.diff import file_diff

# Few distinct lines, so that most lines repeat, as blank lines and `return` do in code.
LINES = ["\n", "    pass\n", "    return x\n", "def f():\n", "x = 1\n", "\x0c\n", "# end\n"]

line_lists = st.lists(st.sampled_from(LINES), max_size=60)


@st.composite
def edited(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A file and an edit of it: lines inserted, deleted or replaced here and there."""
    old = draw(line_lists)
    new = list(old)
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(new)))
        removed = draw(st.integers(0, 3))
        new[at : at + removed] = draw(st.lists(st.sampled_from([*LINES, "added\n"]), max_size=3))
    return old, new


def without_final_newline(lines: list[str]) -> list[str]:
    return lines[:-1] + [lines[-1].rstrip("\n")] if lines else lines


def rebuilt_from_hunks(old: list[str], new: list[str], found: list[Hunk]) -> list[str]:
    """``new`` as the hunks describe it: old lines between hunks, each opcode inside."""
    out: list[str] = []
    index = 0
    for hunk in found:
        out += old[index : hunk.old_start]
        assert len(out) == hunk.new_start
        for tag, i1, i2, j1, j2 in hunk.opcodes:
            if tag == "equal":
                assert old[i1:i2] == new[j1:j2]
            out += new[j1:j2]
        index = hunk.old_start + hunk.old_count
    return out + old[index:]


@settings(deadline=None)
@given(edited(), st.integers(0, 4))
def test_hunk_opcodes_turn_old_into_new(case, context):
    old, new = case
    found = hunks(old, new, context)
    assert rebuilt_from_hunks(old, new, found) == new
    for hunk in found:
        assert hunk.old_count == sum(i2 - i1 for _, i1, i2, _, _ in hunk.opcodes)
        assert hunk.new_count == sum(j2 - j1 for _, _, _, j1, j2 in hunk.opcodes)


@settings(deadline=None)
@given(edited())
def test_applying_every_hunk_gives_the_new_text(case):
    old, new = case
    assert apply_hunks(old, new, hunks(old, new)) == "".join(new)


@settings(deadline=None)
@given(edited(), st.integers(0, 4))
def test_hunks_with_context_never_overlap(case, context):
    old, new = case
    found = hunks(old, new, context)
    for first, second in itertools.pairwise(found):
        assert first.old_start + first.old_count < second.old_start
        assert first.new_start + first.new_count < second.new_start


@settings(deadline=None)
@given(line_lists, st.integers(0, 60), st.integers(0, 5), line_lists.map(lambda lines: lines[:4]))
def test_the_diff_of_one_edited_block_changes_no_more_than_the_block(old, at, removed, inserted):
    at = min(at, len(old))
    removed = min(removed, len(old) - at)
    new = old[:at] + inserted + old[at + removed :]
    changes = [code for hunk in hunks(old, new, 0) for code in hunk.opcodes if code[0] != "equal"]
    assert sum(i2 - i1 for _, i1, i2, _, _ in changes) <= removed
    assert sum(j2 - j1 for _, _, _, j1, j2 in changes) <= len(inserted)


def longest_common_subsequence(a: list[int], b: list[int]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b):
            diagonal, row[j + 1] = row[j + 1], diagonal + 1 if x == y else max(row[j], row[j + 1])
    return row[-1]


@settings(deadline=None)
@given(st.lists(st.integers(0, 2), max_size=30), st.lists(st.integers(0, 2), max_size=30))
def test_myers_finds_a_shortest_edit_script(a, b):
    # What lies between two anchors is diffed this way: every line kept is on a longest match.
    span = linediff._Span(0, len(a), 0, len(b))
    blocks = linediff._myers(a, b, span, linediff._Budget(len(a) + len(b)))
    for (i, j, size), (next_i, next_j, _) in itertools.pairwise([*blocks, (len(a), len(b), 0)]):
        assert size > 0 and i + size <= next_i and j + size <= next_j
        assert a[i : i + size] == b[j : j + size]
    assert sum(size for _, _, size in blocks) == longest_common_subsequence(a, b)


@pytest.fixture(scope="module")
def git_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("apply")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


@settings(
    deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edited(), st.booleans(), st.booleans())
def test_git_apply_accepts_the_unified_diff(git_dir, case, old_ends_open, new_ends_open):
    old, new = case
    old = without_final_newline(old) if old_ends_open else old
    new = without_final_newline(new) if new_ends_open else new
    old_bytes, new_bytes = "".join(old).encode(), "".join(new).encode()
    target = git_dir / "f.py"
    target.write_bytes(old_bytes)
    patch = file_diff(FileResult(path=target, display="f.py", old=old_bytes, new=new_bytes))
    if old_bytes == new_bytes:
        assert patch == "--- a/f.py\n+++ b/f.py\n"
        return
    (git_dir / "f.patch").write_text(patch, newline="")
    subprocess.run(["git", "apply", "f.patch"], cwd=git_dir, check=True, capture_output=True)
    assert target.read_bytes() == new_bytes


def test_line_map_counts_lines_only_at_newlines():
    # str.splitlines would see a line break at the form feed and count five lines.
    original = "a = 1\n\x0c\nb = 2\nc = 3\n"
    current = "a = 1\n\x0c\nb = 2\ninserted = 0\nc = 3\n"
    followed = follow_ranges([LineRange(3, 3), LineRange(4, 4)], original, current)
    assert [(r.start, r.end) for r in followed] == [(3, 3), (5, 5)]


# -- size: what took minutes with difflib.SequenceMatcher -----------------------------------

# Each child times its step against a LibCST parse of the same text, measured in the same
# run, so a loaded machine slows both alike. The timeout only stops a quadratic step from
# running for hours: it is far above what a linear one takes.
HANG_GUARD = 300

_DIFF_IN_CHILD = """
import sys, time
from pathlib import Path
import libcst
from cwemod.engine.results import FileResult
from cwemod.render.diff import file_diff
old, new, patch = map(Path, sys.argv[1:])
start = time.perf_counter()
libcst.parse_module(old.read_text())
parse = time.perf_counter() - start
result = FileResult(path=old, display=old.name, old=old.read_bytes(), new=new.read_bytes())
start = time.perf_counter()
patch.write_text(file_diff(result), newline="")
print((time.perf_counter() - start) / parse)
"""


def copies_of_a_function(count: int, lines: int) -> tuple[str, str]:
    """A file of ``count`` near-identical functions, and the file with two fixes in each."""
    size = lines // count
    header = "import logging\nimport yaml\n\nLOG = logging.getLogger(__name__)\n"
    old, new = [header], [header]
    for index in range(count):
        head = f"\n\ndef load_{index}(path):\n    with open(path) as f:\n"
        body = "".join(f"    item_{k} = data.get({k})\n" for k in range(size - 10))
        before = (
            "        data = yaml.load(f)\n    try:\n        data.check()\n    except Exception:\n"
        )
        old.append(head + before + "        pass\n" + body + "    return data\n")
        after = before.replace("yaml.load", "yaml.safe_load")
        logged = f"        LOG.exception('load_{index}')\n"
        new.append(head + after + logged + body + "    return data\n")
    return "".join(old), "".join(new)


def random_two_line_file(lines: int, seed: int) -> str:
    pick = random.Random(seed).choice
    return "".join(pick(["x = 1\n", "\n"]) for _ in range(lines))


def run_timed_child(script: str, *args: str, cwd: Path | None = None) -> float:
    """Run ``script`` in a fresh process; it prints its step's time over a LibCST parse's."""
    code_root = str(Path(cwemod.__file__).resolve().parents[1])
    child = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": code_root},
        check=True,
        timeout=HANG_GUARD,
        capture_output=True,
        text=True,
    )
    return float(child.stdout)


def diff_applies_in_time(tmp_path: Path, old: str, new: str, parses: float) -> str:
    """The diff costs less than ``parses`` LibCST parses of the old text; ``git apply`` takes it."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "big.py").write_text(old)
    (tmp_path / "new.py").write_text(new)
    assert run_timed_child(_DIFF_IN_CHILD, "big.py", "new.py", "big.patch", cwd=tmp_path) < parses
    subprocess.run(["git", "apply", "big.patch"], cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "big.py").read_text() == new
    return (tmp_path / "big.patch").read_text()


@pytest.mark.parametrize(("functions", "lines"), [(125, 10_000), (250, 20_000)])
def test_diff_of_many_fixes_in_a_large_file_is_fast(tmp_path, functions, lines):
    old, new = copies_of_a_function(functions, lines)
    assert len(split_lines(old)) >= lines and new.count("safe_load") == functions
    # About 1% of a parse at every size (benchmarks/diff.py); difflib took 1.3 parses at 5,000 lines.
    patch = diff_applies_in_time(tmp_path, old, new, parses=0.25)
    # As small as it gets: the two fixed lines of each function, nothing else.
    removed = [line for line in patch.splitlines()[2:] if line.startswith("-")]
    assert len(removed) == 2 * functions


def test_diff_of_unrelated_files_of_two_distinct_lines_is_bounded(tmp_path):
    # No line is unique, and the shortest edit script is thousands of edits long.
    old, new = random_two_line_file(20_000, seed=1), random_two_line_file(20_000, seed=2)
    diff_applies_in_time(tmp_path, old, new, parses=5)


_KEEP_BLANK_LINES_IN_CHILD = """
import time
import libcst as cst
from cwemod.codemods.base import _keep_blank_lines_of_removed_lines
start = time.perf_counter()
before = cst.parse_module("import os\\n\\n" + "x = 1\\n" * 20_000)
parse = time.perf_counter() - start
after = before.with_changes(body=before.body[1:])
start = time.perf_counter()
kept = _keep_blank_lines_of_removed_lines(before, after)
print((time.perf_counter() - start) / parse)
assert kept.code.startswith("\\nx = 1\\n")
"""


def test_removed_import_keeps_its_blank_lines_fast_among_identical_statements():
    # The codemods' import removal matches top-level statements of the old and new tree.
    assert run_timed_child(_KEEP_BLANK_LINES_IN_CHILD) < 3
