"""Run one command in several processes at once: what a second process buys on this machine.

    python benchmarks/ceiling.py --copies 2 -- COMMAND [ARGUMENT ...]

Starts COPIES processes of COMMAND side by side and waits for all; exits 1
if one fails. ``neutron.py`` runs cwemod's ``-j1`` this way: two copies
share nothing, so no split of the same work between two processes can
finish sooner than two copies at once. Twice the time of one copy over the
time of two is the ceiling of the ``-j2`` speed-up here: 2.0 on two idle
cores, less where the CPUs are hardware threads of one core or the host is
busy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    children = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(args.copies)
    ]
    if any([child.wait() for child in children]):
        sys.exit(1)


if __name__ == "__main__":
    main()
