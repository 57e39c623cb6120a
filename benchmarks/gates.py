"""What the ``ast`` gates buy: the files each codemod's text test lets through, and its gate.

    python benchmarks/gates.py [--version 29.0.0] [--subtree neutron]

A whole-tree run parses with ``ast`` every file that some codemod's text
tests (``Codemod.wants``, then the narrower ``Codemod.may_have_candidates``)
let through, then asks each such codemod's gate (``candidates``, else
``might_change``) whether LibCST must run. This counts, per codemod, the
files its text tests and its gate pass, and times the ``ast`` parses of the
files no gate passes: work a narrower text test could spare (a text test
must never say no where the gate says yes).

It then counts the same in a whole-tree ``-j1`` dry run of the engine
itself, which also leaves test modules alone for the codemods that do so
in a whole-tree run: the files it parses with ``ast``, those no gate
passes, and the time its gates take.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from neutron import fetch_neutron  # noqa: E402

from cwemod.codemods import all_codemods  # noqa: E402
from cwemod.codemods.kit.syntax import parse_ast  # noqa: E402
from cwemod.engine import plan, transform  # noqa: E402
from cwemod.engine.request import make_request  # noqa: E402
from cwemod.runtime import collect_less_often  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="29.0.0")
    parser.add_argument("--subtree", default="neutron")
    args = parser.parse_args()

    codemods = [(cls, cls.resolve_options({})) for cls in all_codemods().values()]
    wanted, narrowed, gated = Counter(), Counter(), Counter()
    parsed = {"some gate passes": [0, 0.0], "no gate passes": [0, 0.0]}
    files = sorted((fetch_neutron(args.version) / args.subtree).rglob("*.py"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        wanting = [(cls, options) for cls, options in codemods if cls.wants(text, options)]
        wanted.update(cls.id for cls, _ in wanting)
        wanting = [
            (cls, options)
            for cls, options in wanting
            if transform.narrower_test(cls, text, options)
        ]
        narrowed.update(cls.id for cls, _ in wanting)
        if not wanting:
            continue
        start = time.perf_counter()
        tree = parse_ast(text)
        seconds = time.perf_counter() - start
        passing = [cls for cls, options in wanting if transform.gate_of(cls, tree, options)[0]]
        gated.update(cls.id for cls in passing)
        kind = parsed["some gate passes" if passing else "no gate passes"]
        kind[0] += 1
        kind[1] += seconds
    print(f"{args.subtree}/: {len(files)} files")
    print()
    print("| codemod | text test passes | narrower text test passes | gate passes |")
    print("| --- | --- | --- | --- |")
    for codemod_id, count in wanted.most_common():
        print(f"| {codemod_id} | {count} | {narrowed[codemod_id]} | {gated[codemod_id]} |")
    print()
    print("| files parsed with ast | files | seconds parsing |")
    print("| --- | --- | --- |")
    for kind, (count, seconds) in parsed.items():
        print(f"| {kind} | {count} | {seconds:.2f} |")
    print()
    parses, idle, seconds = engine_gates(fetch_neutron(args.version) / args.subtree)
    print(
        "| the engine's whole-tree -j1 run | files parsed with ast | no gate passes | seconds in the gates |"
    )
    print("| --- | --- | --- | --- |")
    print(f"| {args.subtree}/ | {parses} | {idle} | {seconds:.2f} |")


def engine_gates(path: Path) -> tuple[int, int, float]:
    """The ``ast`` parses of a whole-tree ``-j1`` dry run (all codemods, ``--unsafe``).

    Counted around the engine's gate (``transform._syntactic_gate``): the
    files it parsed, those on which no codemod's gate passed, and its time.
    """
    counts = {"parsed": 0, "idle": 0, "seconds": 0.0}
    gate = transform._syntactic_gate

    def counted(text, wanted, file):
        start = time.perf_counter()
        passed = gate(text, wanted, file)
        if not all(transform._has_no_gate(cls) for cls, _ in wanted):
            counts["parsed"] += 1
            counts["idle"] += not passed.wanted
            counts["seconds"] += time.perf_counter() - start
        return passed

    transform._syntactic_gate = counted
    collect_less_often()  # as the command line does
    try:
        plan(make_request([path], unsafe=True, jobs=1))
    finally:
        transform._syntactic_gate = gate
    return counts["parsed"], counts["idle"], counts["seconds"]


if __name__ == "__main__":
    main()
