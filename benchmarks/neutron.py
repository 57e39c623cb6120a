"""Time cwemod on real code: the Neutron source from the package index.

    python benchmarks/neutron.py [--version 29.0.0] [--subtree neutron] [--repeat 1]

Every figure is a ratio against a baseline measured in the same run on the
same machine, so results from different machines can be compared:

- parse floor: LibCST parsing every file once, nothing else, in one process;
- cwemod -j1 against that floor: what the codemods, prefilter and checks cost;
- cwemod -jN against -j1: what the process pool buys;
- one run per codemod against one run with all codemods: what parsing each
  file once (instead of once per codemod) saves.

The source is fetched with ``pip download`` into ``benchmarks/.cache/``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import libcst as cst

from cwemod.codemods import all_codemods
from cwemod.engine import FixRequest, plan
from cwemod.engine.executor import ProcessExecutor, SerialExecutor, default_workers

CACHE = Path(__file__).resolve().parent / ".cache"


def fetch_neutron(version: str) -> Path:
    source = CACHE / f"neutron-{version}"
    if source.is_dir():
        return source
    CACHE.mkdir(exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            f"neutron=={version}",
            "--dest",
            str(CACHE),
        ],
        check=True,
    )
    with tarfile.open(CACHE / f"neutron-{version}.tar.gz") as archive:
        archive.extractall(CACHE, filter="data")
    return source


def best_of(repeat: int, work) -> tuple[float, object]:
    """The shortest time of ``repeat`` runs of ``work``, and what it returned."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = work()
        times.append(time.perf_counter() - start)
    return min(times), value


def parse_all(files: list[Path]) -> None:
    for path in files:
        try:
            cst.parse_module(path.read_bytes())
        except cst.ParserSyntaxError:
            pass


def run_cwemod(tree: Path, codemods: list[str], executor) -> list:
    request = FixRequest([tree], [(codemod_id, {}) for codemod_id in codemods], allow_review=True)
    return plan(request, executor=executor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="29.0.0")
    parser.add_argument("--subtree", default="neutron", help="part of the source tree to time")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per measurement; the best counts"
    )
    args = parser.parse_args()

    tree = fetch_neutron(args.version) / args.subtree
    files = sorted(tree.rglob("*.py"))
    codemods = list(all_codemods())
    workers = default_workers()

    floor, _ = best_of(args.repeat, lambda: parse_all(files))
    serial, results = best_of(args.repeat, lambda: run_cwemod(tree, codemods, SerialExecutor()))
    pooled, _ = best_of(args.repeat, lambda: run_cwemod(tree, codemods, ProcessExecutor(workers)))
    one_by_one, _ = best_of(
        args.repeat, lambda: [run_cwemod(tree, [codemod], SerialExecutor()) for codemod in codemods]
    )
    parsed_share = _parsed_share(tree, files, codemods)

    print(
        f"neutron {args.version} {args.subtree}/: {len(files)} files, {len(codemods)} codemods, "
        f"{sum(r.changed for r in results)} files changed, {os.cpu_count()} CPUs, best of {args.repeat}"
    )
    print()
    print("| measurement | ratio | seconds |")
    print("| --- | --- | --- |")
    print(f"| parse floor (LibCST parse of every file, 1 process) | 1.00 | {floor:.2f} |")
    print(f"| cwemod -j1, all codemods / parse floor | {serial / floor:.2f} | {serial:.2f} |")
    print(f"| cwemod -j{workers} / cwemod -j1 | {pooled / serial:.2f} | {pooled:.2f} |")
    print(
        f"| one run per codemod / one run with all | {one_by_one / serial:.2f} | {one_by_one:.2f} |"
    )
    print()
    print(f"files the prefilter let through to the parser: {parsed_share:.0%}")


def _parsed_share(tree: Path, files: list[Path], codemods: list[str]) -> float:
    classes = [all_codemods()[codemod_id] for codemod_id in codemods]
    wanted = sum(
        any(
            cls.wants(path.read_text(encoding="utf-8", errors="replace"), cls.resolve_options({}))
            for cls in classes
        )
        for path in files
    )
    return wanted / len(files)


if __name__ == "__main__":
    main()
