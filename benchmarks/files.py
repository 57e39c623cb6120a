"""Which files a run's time goes to: every file of Neutron transformed alone, slowest first.

    python benchmarks/files.py [--version 29.0.0] [--subtree neutron] [--top 25]

Each file runs through the engine's own per-file step (prefilter, ``ast``
gates, LibCST where a gate lets it through) with all codemods, in one
process, without the project surveys. It shows how far a few large modules
bound a whole-tree run: scope and position metadata are computed over a
whole module, however few sites in it a codemod can touch.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from neutron import fetch_neutron  # noqa: E402

from cwemod.codemods import all_codemods  # noqa: E402
from cwemod.engine.transform import transform_source  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="29.0.0")
    parser.add_argument("--subtree", default="neutron")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    root = fetch_neutron(args.version)
    codemods = [(codemod_id, {}) for codemod_id in all_codemods()]
    timed = []
    for path in sorted((root / args.subtree).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        outcome = transform_source(text, codemods, allow_review=True, module_path=relative)
        records = len(outcome.fixes) + len(outcome.refusals)
        timed.append((time.perf_counter() - start, relative, text.count("\n"), records))
    total = sum(seconds for seconds, *_ in timed)
    timed.sort(reverse=True)
    top = timed[: args.top]
    print(f"{len(timed)} files, {total:.1f} s in all; the {args.top} slowest:")
    print()
    print("| seconds | lines | fixes and refusals | file |")
    print("| --- | --- | --- | --- |")
    for seconds, relative, lines, records in top:
        print(f"| {seconds:.2f} | {lines} | {records} | {relative} |")
    print()
    print(f"share of the time in these {args.top}: {sum(s for s, *_ in top) / total:.0%}")


if __name__ == "__main__":
    main()
