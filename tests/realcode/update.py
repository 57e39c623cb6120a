"""Rewrite the expected diffs of the acceptance corpus from a fresh run.

    python tests/realcode/update.py [PACKAGE ...]

Then read every changed hunk, and write or fix its note in ``<package>.toml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

from corpus import PINS, combined_diff, hunks, run_cwemod  # noqa: E402

from realsource import sdist_tree  # noqa: E402


def main(wanted: list[str]) -> None:
    for pin in PINS:
        if wanted and pin.package not in wanted:
            continue
        run = run_cwemod(sdist_tree(pin.name, pin.version), pin)
        diff = combined_diff(run)
        pin.expected_diff.write_text(diff, encoding="utf-8")
        print(f"{pin.expected_diff.name}: {len(hunks(diff))} hunks")


if __name__ == "__main__":
    main(sys.argv[1:])
