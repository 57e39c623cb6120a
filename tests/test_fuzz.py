"""Fuzzing: generated and mutated source through every codemod (issue 15).

Short budgets here (the whole file runs in seconds); ``benchmarks/fuzz.py``
runs the same checks with long budgets and over the whole standard library.

What every input must give: no uncaught exception (a per-file error string
from the engine is fine), output that compiles whenever the input did, and
a second run that changes nothing.
"""

from __future__ import annotations

import random
import sysconfig
import warnings
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwemod.codemods import all_codemods
from cwemod.engine import FileJob, TransformError, process_file, transform_source

pytestmark = pytest.mark.slow  # CI runs it as its own step: pytest -m slow

ALL = tuple((codemod_id, {}) for codemod_id in all_codemods())
BEFORE_AFTER = Path(__file__).resolve().parent.parent / "before_after"
# Inputs each codemod acts on: the fixtures' before and unchanged files.
SEEDS = sorted(
    path
    for path in BEFORE_AFTER.glob("*/*.py")
    if path.name.endswith((".before.py", ".unchanged.py"))
)
# An error the engine gives when a codemod itself is wrong, never for bad input.
CODEMOD_BUGS = ("codemod output does not compile", "is not idempotent")

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never flakes on a new one
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _compiles(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # generated source is full of odd literals
            compile(text, "<fuzz>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def check_source(text: str) -> None:
    """Every codemod over ``text``, review fixes allowed: the three promises."""
    try:
        outcome = transform_source(text, ALL, filename="fuzz.py", allow_review=True)
    except TransformError:
        return  # a per-file error: what a user sees as one line
    if outcome.text == text:
        return
    if _compiles(text):
        assert _compiles(outcome.text), f"output does not compile:\n{outcome.text}"
    again = transform_source(outcome.text, ALL, filename="fuzz.py", allow_review=True)
    assert again.text == outcome.text, "a second run changed the output"


def check_file(path: Path) -> None:
    """``process_file`` as ``cwemod fix --unsafe`` runs it: never raises, never a codemod bug."""
    result = process_file(FileJob(path, path.name, ALL, allow_review=True))
    assert not (result.error and any(bug in result.error for bug in CODEMOD_BUGS)), result.error
    if result.new is not None:
        assert _compiles(result.new.decode(result.encoding or "utf-8"))


def mutate(text: str, rng: random.Random, edits: int) -> str:
    """``text`` with ``edits`` random lines deleted or duplicated."""
    lines = text.splitlines(keepends=True)
    for _ in range(edits):
        if not lines:
            break
        index = rng.randrange(len(lines))
        if rng.random() < 0.5:
            del lines[index]
        else:
            lines.insert(index, lines[index])
    return "".join(lines)


@FUZZ
@given(hypothesmith.from_grammar())
def test_generated_source_through_every_codemod(source):
    check_source(source)


@settings(FUZZ, max_examples=15)
@given(
    st.sampled_from(SEEDS),
    hypothesmith.from_grammar(),
    st.booleans(),
)
def test_codemod_inputs_with_generated_source_around_them(seed, generated, before):
    """The fixtures wake the codemods up; generated statements around them stress them."""
    known = seed.read_text(encoding="utf-8")
    if not generated.endswith("\n"):
        generated += "\n"
    check_source(generated + known if before else known + generated)


@FUZZ
@given(st.sampled_from(SEEDS), st.randoms(use_true_random=False), st.integers(1, 4))
def test_mutated_codemod_inputs_through_process_file(tmp_path_factory, seed, rng, edits):
    path = tmp_path_factory.mktemp("mutated") / "mutated.py"
    path.write_text(mutate(seed.read_text(encoding="utf-8"), rng, edits), encoding="utf-8")
    check_file(path)


def stdlib_files_some_codemod_wants(limit_bytes: int) -> list[Path]:
    """Standard-library files (no site-packages) small enough, that some codemod would read."""
    stdlib = Path(sysconfig.get_path("stdlib"))
    found = []
    for path in sorted(stdlib.glob("*.py")):
        try:
            if path.stat().st_size > limit_bytes:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if any(cls.wants(text, cls.resolve_options({})) for cls in all_codemods().values()):
            found.append(path)
    return found


@pytest.mark.parametrize("seed", range(4))
def test_mutated_standard_library_files_through_process_file(tmp_path, seed):
    rng = random.Random(seed)
    candidates = stdlib_files_some_codemod_wants(12_000)
    assert candidates, "no standard-library file for any codemod"
    for original in rng.sample(candidates, min(3, len(candidates))):
        for attempt in range(2):
            path = tmp_path / f"{original.stem}_{attempt}.py"
            text = original.read_text(encoding="utf-8")
            path.write_text(mutate(text, rng, rng.randint(1, 6)), encoding="utf-8")
            check_file(path)
