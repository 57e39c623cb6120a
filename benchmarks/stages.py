"""Where a run's time goes, by stage: cProfile over one in-process run on Neutron.

    python benchmarks/stages.py [--version 29.0.0] [--subtree neutron/agent] [--top 15]

The run is ``-j1`` (one process, so the profile sees every call), all
codemods, ``--unsafe``, dry run, no cache. Each stage is the cumulative time
of the functions that do it; a stage nested in another (the second pass of
the verification parses and transforms again) is listed under both, so
the shares do not add up to 100%. The cProfile overhead inflates pure-Python
stages (visitors, metadata) more than C ones (``ast``, ``compile``).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
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
    "LibCST parse": [("cwemod/engine/parse.py", "parse_module")],
    "metadata (scope, names, positions)": [("libcst/metadata/wrapper.py", "resolve_many")],
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="29.0.0")
    parser.add_argument("--subtree", default="neutron/agent")
    parser.add_argument("--top", type=int, default=15, help="functions to list by own time")
    args = parser.parse_args()

    tree = fetch_neutron(args.version) / args.subtree
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
