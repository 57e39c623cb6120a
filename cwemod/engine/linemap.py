"""Follow a line number across an edit of the same file."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Sequence

from cwemod.codemods.records import LineRange
from cwemod.engine.hunks import split_lines
from cwemod.linediff import opcodes


class LineMap:
    """Maps 1-based line numbers of ``old`` to the matching line of ``new``.

    A line inside a replaced block maps to the start of its replacement, so
    a finding on an edited statement still points at that statement.
    """

    def __init__(self, old: Sequence[Hashable], new: Sequence[Hashable]) -> None:
        self._opcodes = opcodes(old, new)
        self._starts = [i1 for _, i1, _, _, _ in self._opcodes]

    def __call__(self, line: int) -> int:
        index = line - 1
        position = bisect_right(self._starts, index) - 1
        if position < 0:
            return line
        tag, i1, i2, j1, j2 = self._opcodes[position]
        if not i1 <= index < i2:
            return line
        offset = index - i1 if tag == "equal" else 0
        return j1 + min(offset, max(j2 - j1 - 1, 0)) + 1


def follow_ranges(ranges: Sequence[LineRange], original: str, current: str) -> list[LineRange]:
    """``ranges`` in the lines of ``original``, moved to the matching lines of ``current``."""
    if original == current:
        return list(ranges)
    line_map = LineMap(split_lines(original), split_lines(current))
    return [LineRange(line_map(r.start), line_map(r.end), r.finding) for r in ranges]
