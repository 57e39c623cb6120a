"""Time cwemod on real code: the Neutron source from the package index.

    python benchmarks/neutron.py [--version 29.0.0] [--subtree neutron] [--skip-dask] [--repeat 3]

Every figure is a ratio against a baseline measured in the same run on the
same machine (the targets are issue 14's), so results from different
machines can be compared:

- cold full run (``-j2``, all codemods, ``--unsafe``, dry run) / ``bandit -r``;
- warm rerun (the cache of the cold run) / cold run;
- ``-j1`` / ``-j2`` without the cache: what the process pool buys; beside
  it, what a second process buys on this machine at all (twice the ``-j1``
  run's time over that of two ``-j1`` runs at once, ``ceiling.py``), and
  the speed-up as a share of that ceiling;
- Dask local cluster / process pool, both without the cache;
- one file with the seed review / a bare LibCST parse of that file, each
  a fresh Python process;
- peak RSS of the largest process of each run (parent or worker).

Each run's CPU time (user and system, of the process and every process it
waited for: pool workers, forked surveys, a local cluster's workers) is
printed too: on a shared machine it drifts far less than the wall time, so
it shows what a change did to the work when the wall times cannot.

Every run is a fresh ``cwemod`` process, as a user would start it. Every
run, Bandit's too, is made once in each of ``--repeat`` rounds; a figure is
the median of its rounds' ratios, each ratio of two runs of the same round
(a shared machine's speed drifts by half over a few minutes: a ratio of
two runs made one after the other drifts far less). The tables also give
each figure's and each run's fastest and slowest rounds. The source is
fetched with ``pip download`` into ``benchmarks/.cache/``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sdist import fetch_sdist

SEED_REVIEW = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "llm-review-dvr_fip_ns.md"
)
SEED_FILE = "neutron/agent/l3/dvr_fip_ns.py"
TARGETS = {
    "cold -j2 / bandit": 0.10,
    "warm / cold": 0.05,
    "-j1 / -j2 (speed-up)": 1.7,
    "dask / process pool": 1.3,
    "single file / bare parse": 1.5,
}
# Each figure: the run above the line, the run below it, both from the same round.
RATIOS = {
    "cold -j2 / bandit": ("cold -j2", "bandit"),
    "warm / cold": ("warm -j2", "cold -j2"),
    "-j1 / -j2 (speed-up)": ("-j1 no cache", "-j2 no cache"),
    "single file / bare parse": ("single file", "bare parse"),
    "dask / process pool": ("dask -j2 no cache", "-j2 no cache"),
}
# What the machine gives, measured in the same rounds: no target, the bound of one.
ALONE, TWO_AT_ONCE = "-j1 no cache", "-j1 no cache, two at once"
RSS_TARGET_MB = 300


def fetch_neutron(version: str) -> Path:
    return fetch_sdist("neutron", version)


def measure(argv: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB of the largest process, and CPU seconds, in a fresh wrapper.

    The wrapper adopts the run's orphans (on Linux) and waits for them, so
    that processes the run did not wait for itself (the forkserver of a
    Dask local cluster, and its workers) count too.
    """
    probe = (
        "import ctypes, os, resource, subprocess, sys, time\n"
        "try:\n"
        "    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER\n"
        "except (OSError, AttributeError):\n"
        "    pass\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "took = time.perf_counter() - start\n"
        "while True:\n"
        "    try:\n"
        "        os.wait()\n"
        "    except ChildProcessError:\n"
        "        break\n"
        "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(took, used.ru_maxrss, used.ru_utime + used.ru_stime)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe, *argv], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(output[0]), int(output[1]) / 1024, float(output[2])


def cwemod(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "cwemod", "fix", "--format", "json", *arguments]


def two_at_once(command: list[str]) -> list[str]:
    script = Path(__file__).resolve().with_name("ceiling.py")
    return [sys.executable, str(script), "--copies", "2", "--", *command]


def compile_cwemod() -> None:
    """Compile cwemod's bytecode first, as pip does when it installs a package.

    An editable checkout run with PYTHONDONTWRITEBYTECODE (or after an edit)
    would otherwise compile its changed modules again in every timed process.
    """
    package = Path(__file__).resolve().parents[1] / "cwemod"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="29.0.0")
    parser.add_argument("--subtree", default="neutron", help="part of the source tree to time")
    parser.add_argument("--skip-dask", action="store_true", help="no Dask local cluster run")
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of the cwemod runs (the median is reported)"
    )
    args = parser.parse_args()

    root = fetch_neutron(args.version)
    compile_cwemod()
    tree = args.subtree
    files = list((root / tree).rglob("*.py"))
    bandit = shutil.which("bandit") or str(Path(sys.executable).with_name("bandit"))
    bare = f"import libcst; libcst.parse_module(open({SEED_FILE!r}, 'rb').read())"
    timed = {
        "cold -j2": cwemod("--unsafe", "-j2", tree),
        "warm -j2": cwemod("--unsafe", "-j2", tree),  # right after the cold run: its cache
        "-j1 no cache": cwemod("--unsafe", "-j1", "--no-cache", tree),
        "-j2 no cache": cwemod("--unsafe", "-j2", "--no-cache", tree),
        TWO_AT_ONCE: two_at_once(cwemod("--unsafe", "-j1", "--no-cache", tree)),
        "dask -j2 no cache": cwemod("--unsafe", "-j2", "--no-cache", "--executor", "dask", tree),
        "bare parse": [sys.executable, "-c", bare],
        "single file": cwemod("--no-cache", "-r", str(SEED_REVIEW), SEED_FILE),
    }
    if args.skip_dask:
        del timed["dask -j2 no cache"]

    # Every run in each round, Bandit next to the cold run: the machine's speed drifts
    # (by half over a few minutes, at worst), and a ratio of two runs made one after
    # the other is about the same in a fast spell and in a slow one.
    timed = {"bandit": [bandit, "-q", "-r", tree, "-f", "json", "-o", os.devnull], **timed}
    samples: dict[str, list[tuple[float, float, float]]] = {}
    for _ in range(args.repeat):
        shutil.rmtree(root / ".cwemod_cache", ignore_errors=True)
        for name, argv in timed.items():
            samples.setdefault(name, []).append(measure(argv, root))
    runs = {
        name: (
            statistics.median(seconds for seconds, _, _ in taken),
            max(rss for _, rss, _ in taken),
        )
        for name, taken in samples.items()
    }
    per_round = {
        figure: [
            top[0] / bottom[0]
            for top, bottom in zip(samples[numerator], samples[denominator], strict=True)
        ]
        for figure, (numerator, denominator) in RATIOS.items()
        if numerator in samples
    }
    ratios = {figure: statistics.median(values) for figure, values in per_round.items()}
    machine = machine_figures(samples, per_round["-j1 / -j2 (speed-up)"])
    print(
        f"neutron {args.version} {tree}/: {len(files)} files,"
        f" {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    print()
    print(f"| figure | ratio (median of {args.repeat} rounds) | lowest-highest round | target |")
    print("| --- | --- | --- | --- |")
    for name, ratio in ratios.items():
        better = ">=" if name.startswith("-j1") else "<="
        spread = f"{min(per_round[name]):.3f}-{max(per_round[name]):.3f}"
        print(f"| {name} | {ratio:.3f} | {spread} | {better} {TARGETS[name]} |")
    print()
    print(
        f"| what the machine gives | ratio (median of {args.repeat} rounds) | lowest-highest round |"
    )
    print("| --- | --- | --- |")
    for name, values in machine.items():
        print(f"| {name} | {statistics.median(values):.3f} | {min(values):.3f}-{max(values):.3f} |")
    print()
    print(
        f"| run | seconds (median of {args.repeat}) | fastest-slowest"
        f" | peak RSS of its largest process (MB; target <= {RSS_TARGET_MB})"
        " | CPU seconds (median) |"
    )
    print("| --- | --- | --- | --- | --- |")
    for name, (seconds, rss) in runs.items():
        taken = [seconds for seconds, _, _ in samples[name]]
        cpu = statistics.median(used for _, _, used in samples[name])
        print(
            f"| {name} | {seconds:.2f} | {min(taken):.2f}-{max(taken):.2f} | {rss:.0f}"
            f" | {cpu:.2f} |"
        )


def machine_figures(
    samples: dict[str, list[tuple[float, float, float]]], speed_ups: list[float]
) -> dict[str, list[float]]:
    """Per round: what a second process buys here, and the share of it cwemod's ``-j2`` takes."""
    ceilings = [
        2 * alone[0] / paired[0]
        for alone, paired in zip(samples[ALONE], samples[TWO_AT_ONCE], strict=True)
    ]
    return {
        "two-process ceiling (2 x -j1 / two -j1 at once)": ceilings,
        "speed-up / ceiling": [
            speed_up / bound for speed_up, bound in zip(speed_ups, ceilings, strict=True)
        ],
    }


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    start = time.perf_counter()
    main()
    print(f"\n(benchmark took {time.perf_counter() - start:.0f} s)")
