"""Fuzz cwemod with long budgets, and dry-run it over the whole standard library.

    python benchmarks/fuzz.py stdlib [-j N]
    python benchmarks/fuzz.py fuzz [--examples N] [--seconds S] [--seed N]

``stdlib``: ``cwemod fix --unsafe`` over every ``.py`` file of
``sysconfig.get_path("stdlib")`` (site-packages excluded), through the
engine API, nothing written. It counts files, changed files, per-file
errors by kind, and crashes: exceptions that ``process_file`` let through,
which must never happen (each is printed with its traceback).

``fuzz``: the checks of ``tests/test_fuzz.py`` (no crash, output compiles,
a second run changes nothing) with hypothesmith's grammar and syntax-tree
strategies, fixture inputs wrapped in generated source, and mutated
standard-library files; it stops at ``--examples`` per strategy or after
``--seconds`` in all, whichever comes first. Exit code 1 if anything failed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import re
import sys
import sysconfig
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))


def _error_kind(error: str) -> str:
    """A per-file error without its file-specific detail: "cannot parse", "does not compile"."""
    error = re.sub(r"^[^:]*\.py: ", "", error)
    for kind in (
        "does not compile on the running Python",
        "codemod output does not compile",
        "is not idempotent",
        "nesting too deep",
        "too deeply nested",
        "cannot decode",
        "cannot read",
        "cannot parse",
    ):
        if kind in error:
            return kind
    return error.split("(")[0].strip()[:60]


def _run_one(job):
    from cwemod.engine import process_file

    try:
        result = process_file(job)
    except BaseException:  # a crash is what we count
        return job.display, None, None, traceback.format_exc()
    return job.display, result.changed and result.error is None, result.error, None


def stdlib(jobs: int) -> int:
    from cwemod.codemods import all_codemods
    from cwemod.engine import FixRequest
    from cwemod.engine.run import jobs_for

    root = Path(sysconfig.get_path("stdlib"))
    request = FixRequest(
        paths=[root],
        codemods=[(codemod_id, {}) for codemod_id in all_codemods()],
        allow_review=True,
        excludes=["site-packages"],
    )
    started = time.perf_counter()
    work, refused = jobs_for(request)
    work = [job for job in work if "site-packages" not in job.path.parts]
    errors: Counter[str] = Counter(_error_kind(result.error) for result in refused)
    changed = crashes = 0
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for display, was_changed, error, crash in pool.imap_unordered(_run_one, work, 4):
            if crash is not None:
                crashes += 1
                print(f"CRASH {display}\n{crash}", file=sys.stderr)
                continue
            changed += bool(was_changed)
            if error is not None:
                errors[_error_kind(error)] += 1
                print(f"  error {display}: {error}", file=sys.stderr)
    seconds = time.perf_counter() - started
    from importlib.metadata import version

    print(
        f"standard library {root} (site-packages excluded), Python {platform.python_version()},"
        f" LibCST {version('libcst')},"
        f" {len(all_codemods())} codemods, --unsafe, -j{jobs}\n"
    )
    print("| measurement | count |\n| --- | --- |")
    print(f"| files | {len(work) + len(refused)} |")
    print(f"| changed files (verified: compile, idempotent) | {changed} |")
    for kind, count in sorted(errors.items()):
        print(f"| per-file error: {kind} | {count} |")
    print(f"| crashes (uncaught exceptions) | {crashes} |")
    print(f"\n{seconds:.0f} s wall clock")
    return 1 if crashes else 0


def fuzz(examples: int, seconds: float, seed: int) -> int:
    import hypothesmith
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from test_fuzz import (
        SEEDS,
        check_file,
        check_source,
        mutate,
        stdlib_files_some_codemod_wants,
    )

    deadline = time.monotonic() + seconds
    budget = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    def in_time(check):
        def run(*args):
            if time.monotonic() < deadline:
                check(*args)

        return run

    @budget
    @given(hypothesmith.from_grammar())
    def grammar(source):
        in_time(check_source)(source)

    @budget
    @given(hypothesmith.from_node())
    def syntax_trees(source):
        in_time(check_source)(source)

    @budget
    @given(st.sampled_from(SEEDS), hypothesmith.from_grammar(), st.booleans())
    def wrapped(seed_file, generated, before):
        known = seed_file.read_text(encoding="utf-8")
        generated = generated if generated.endswith("\n") else generated + "\n"
        in_time(check_source)(generated + known if before else known + generated)

    failures = 0
    for name, test in (("grammar", grammar), ("syntax trees", syntax_trees), ("wrapped", wrapped)):
        started = time.perf_counter()
        try:
            test()
            print(f"{name}: ok ({time.perf_counter() - started:.0f} s)")
        except Exception:  # report it and go on with the next strategy
            failures += 1
            print(f"{name}: FAILED\n{traceback.format_exc()}")

    rng = random.Random(seed)
    candidates = stdlib_files_some_codemod_wants(60_000)
    mutated = 0
    with tempfile.TemporaryDirectory() as directory:
        while mutated < examples and time.monotonic() < deadline:
            original = rng.choice(candidates)
            path = Path(directory) / f"{original.stem}.py"
            text = original.read_text(encoding="utf-8")
            path.write_text(mutate(text, rng, rng.randint(1, 12)), encoding="utf-8")
            mutated += 1
            try:
                check_file(path)
            except Exception:
                failures += 1
                keep = Path(f"fuzz-failure-{seed}-{mutated}.py")
                keep.write_bytes(path.read_bytes())
                print(f"mutated {original.name}: FAILED, input kept in {keep}")
                traceback.print_exc()
    print(f"mutated standard-library files: {mutated} (seed {seed})")
    print("failures:", failures)
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("stdlib", help="dry run over the whole standard library")
    run.add_argument("-j", "--jobs", type=int, default=multiprocessing.cpu_count())
    run = commands.add_parser("fuzz", help="long-budget fuzzing")
    run.add_argument("--examples", type=int, default=1000, help="per strategy")
    run.add_argument("--seconds", type=float, default=600, help="in all")
    run.add_argument("--seed", type=int, default=0, help="of the line mutations")
    args = parser.parse_args()
    if args.command == "stdlib":
        return stdlib(args.jobs)
    return fuzz(args.examples, args.seconds, args.seed)


if __name__ == "__main__":
    sys.exit(main())
