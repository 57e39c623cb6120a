"""Time the line diff behind ``cwemod fix`` previews on large files with many fixes.

    python benchmarks/diff.py [--difflib-up-to 2000] [--repeat 3]

The files are copies of one function with two fixes in each (the shape that
made ``difflib.SequenceMatcher`` quadratic: most lines occur many times).
Every figure is a ratio against a baseline measured in the same run:

- the diff against a LibCST parse of the same file, the least any cwemod run
  on that file costs;
- ``difflib.SequenceMatcher(autojunk=False)``, what cwemod used before, against
  the same parse (only up to ``--difflib-up-to`` lines: it grows quadratically);
- the diff of a file against the diff of a file half its size (2.0 is linear);
- two unrelated random files of two distinct lines (no anchors, thousands of
  edits: the worst case the work budget bounds) against the diff of a real
  edit of the same length.
"""

from __future__ import annotations

import argparse
import difflib
import random
import time
from functools import partial

import libcst as cst

from cwemod.engine.hunks import hunks, split_lines

SIZES = (1_250, 2_500, 5_000, 10_000, 20_000, 40_000)
LINES_PER_FUNCTION = 80


def copies_of_a_function(lines: int) -> tuple[str, str]:
    """A file of near-identical functions, and the file with two fixes in each."""
    header = "import logging\nimport yaml\n\nLOG = logging.getLogger(__name__)\n"
    old, new = [header], [header]
    for index in range(lines // LINES_PER_FUNCTION):
        head = f"\n\ndef load_{index}(path):\n    with open(path) as f:\n"
        body = "".join(f"    item_{k} = data.get({k})\n" for k in range(LINES_PER_FUNCTION - 10))
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


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def time_diff(old: str, new: str, repeat: int) -> float:
    return best_of(repeat, partial(hunks, split_lines(old), split_lines(new)))


def time_difflib(old: str, new: str) -> float:
    old_lines, new_lines = split_lines(old), split_lines(new)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    return best_of(1, lambda: list(matcher.get_grouped_opcodes(3)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--difflib-up-to", type=int, default=2_500, help="largest file for difflib")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; best counts")
    args = parser.parse_args()

    print("| lines | fixes | diff / parse | difflib / parse | diff / diff of half the lines | s |")
    print("| --- | --- | --- | --- | --- | --- |")
    previous = None
    for lines in SIZES:
        old, new = copies_of_a_function(lines)
        parse = best_of(1, partial(cst.parse_module, old))
        diff = time_diff(old, new, args.repeat)
        difflib_ratio = time_difflib(old, new) / parse if lines <= args.difflib_up_to else None
        cells = [
            lines,
            2 * (lines // LINES_PER_FUNCTION),
            f"{diff / parse:.4f}",
            "-" if difflib_ratio is None else f"{difflib_ratio:.3f}",
            "-" if previous is None else f"{diff / previous:.2f}",
            f"{diff:.3f}",
        ]
        print("| " + " | ".join(map(str, cells)) + " |")
        previous = diff

    lines = 20_000
    real = time_diff(*copies_of_a_function(lines), args.repeat)
    worst = time_diff(random_two_line_file(lines, 1), random_two_line_file(lines, 2), args.repeat)
    print()
    print(
        f"two unrelated random files of {lines} lines / a real edit of {lines} lines: "
        f"{worst / real:.1f} ({worst:.2f} s)"
    )


if __name__ == "__main__":
    main()
