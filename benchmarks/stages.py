"""Where a run's time goes, by stage: cProfile over one in-process run on Neutron.

    python benchmarks/stages.py [--version 29.0.0] [--subtree neutron/agent] [--top 15]
    python benchmarks/stages.py --sampled [--subtree neutron]

The run is ``-j1`` (one process, so the profile sees every call), all
codemods, ``--unsafe``, dry run, no cache. Each stage is the cumulative time
of the functions that do it; a stage nested in another (the second pass of
the verification parses and transforms again) is listed under both, so
the shares do not add up to 100%. The cProfile overhead inflates pure-Python
stages (visitors, metadata, the ``ast`` index) more than C ones (``ast``,
``compile``): ``--sampled`` runs the same command under py-spy instead (a
sampling profiler outside the process, which costs no more for a Python call
than for a C one; ``pip install py-spy``), and gives each stage its share of
the samples.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from neutron import fetch_neutron  # noqa: E402

from cwemod.engine import plan  # noqa: E402
from cwemod.engine.executor import SerialExecutor  # noqa: E402
from cwemod.engine.request import make_request  # noqa: E402

# stage -> (module path suffix, function name) of the functions that do it
STAGES = {
    "read files": [("cwemod/engine/files.py", "read_regular")],
    "surveys (project facts)": [("cwemod/engine/projects.py", "_facts")],
    "text prefilter": [
        (f"cwemod/codemods/{module}.py", "wants")
        for module in ("base", "cleanup_on_failure", "silent_except")
    ],
    "ast gate (stdlib parse + might_change)": [("cwemod/engine/transform.py", "_syntactic_gate")],
    "stdlib ast.parse (gates and surveys)": [("cwemod/codemods/kit/syntax.py", "parse_ast")],
    "ast index by node type (gates and surveys)": [("cwemod/codemods/kit/syntax.py", "_index")],
    "LibCST parse": [("cwemod/engine/parse.py", "parse_module")],
    "metadata (scope, names, positions)": [("cwemod/codemods/kit/metadata.py", "resolve_many")],
    "codemod visits (transform)": [("cwemod/codemods/base.py", "transform_module_impl")],
    "codegen (module.code)": [("libcst/_nodes/module.py", "code")],
    "verification (compile + second pass)": [("cwemod/engine/work.py", "_verify")],
    "whole run (plan)": [("cwemod/engine/run.py", "plan")],
}


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    times = dict.fromkeys(STAGES, 0.0)
    for (filename, _, function), (_, _, _, cumulative, _) in stats.stats.items():
        for stage, functions in STAGES.items():
            if any(filename.endswith(path) and function == name for path, name in functions):
                times[stage] += cumulative
    return times


def sampled_shares(raw: Path) -> tuple[dict[str, float], int]:
    """Each stage's share of py-spy's samples (its ``raw`` output: one stack and a count a line)."""
    hits: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        total += int(count)
        for stage, functions in STAGES.items():
            if any(_in_frame(frame, functions) for frame in stack.split(";")):
                hits[stage] += int(count)
    return {stage: hits[stage] / max(total, 1) for stage in STAGES}, total


def _in_frame(frame: str, functions: list[tuple[str, str]]) -> bool:
    """Is ``frame`` (``Class.function (path/file.py:line)``) one of ``functions``?"""
    name, _, where = frame.partition(" (")
    path = where.rpartition(":")[0]
    function = name.rpartition(".")[2]
    return any(path.endswith(suffix) and function == wanted for suffix, wanted in functions)


def sampled(tree: Path) -> None:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not os.access(spy, os.X_OK):
        sys.exit("--sampled needs py-spy: pip install py-spy")
    command = [sys.executable, "-m", "cwemod", "fix", "--format", "json", "--unsafe", "-j1"]
    command += ["--no-cache", tree.name]
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "stacks.txt"
        # py-spy pauses the run for each sample (about a third slower): without the pauses
        # (--nonblocking) it drops samples it cannot read whole, most of them in Python code.
        record = [spy, "record", "--rate", "250", "--format", "raw", "--output", str(raw), "--"]
        start = time.perf_counter()
        subprocess.run(record + command, cwd=tree.parent, stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        shares, samples = sampled_shares(raw)
    print(f"{tree.name}/: {samples} samples over {wall:.1f} s (py-spy, 250 a second)")
    print()
    print("| stage | share of the samples |")
    print("| --- | --- |")
    for stage, share in shares.items():
        print(f"| {stage} | {share:.0%} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="29.0.0")
    parser.add_argument("--subtree", default="neutron/agent")
    parser.add_argument("--top", type=int, default=15, help="functions to list by own time")
    parser.add_argument("--sampled", action="store_true", help="py-spy's samples, not cProfile")
    args = parser.parse_args()

    tree = fetch_neutron(args.version) / args.subtree
    if args.sampled:
        sampled(tree)
        return
    request = make_request([tree], unsafe=True)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    results = plan(request, executor=SerialExecutor())
    profiler.disable()
    wall = time.perf_counter() - start

    stats = pstats.Stats(profiler)
    times = stage_times(stats)
    whole = times["whole run (plan)"] or wall
    print(
        f"neutron {args.version} {args.subtree}/: {len(results)} files,"
        f" {sum(r.changed for r in results)} changed, {wall:.1f} s under cProfile"
    )
    print()
    print("| stage | seconds | share of the run |")
    print("| --- | --- | --- |")
    for stage, seconds in times.items():
        print(f"| {stage} | {seconds:.2f} | {seconds / whole:.0%} |")
    print()
    print(f"The {args.top} functions with the most own time:")
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
