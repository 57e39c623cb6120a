"""Follow a line number across an edit of the same file."""

from __future__ import annotations

import difflib
from typing import Sequence

from cwemod.codemods.base import LineRange


class LineMap:
    """Maps 1-based line numbers of ``old`` to the matching line of ``new``.

    A line inside a replaced block maps to the start of its replacement, so
    a finding on an edited statement still points at that statement.
    """

    def __init__(self, old: Sequence[str], new: Sequence[str]) -> None:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        self._opcodes = matcher.get_opcodes()

    def __call__(self, line: int) -> int:
        index = line - 1
        for tag, i1, i2, j1, j2 in self._opcodes:
            if i1 <= index < i2:
                offset = index - i1 if tag == "equal" else 0
                return j1 + min(offset, max(j2 - j1 - 1, 0)) + 1
        return line


def follow_ranges(ranges: Sequence[LineRange], original: str, current: str) -> list[LineRange]:
    """``ranges`` in the lines of ``original``, moved to the matching lines of ``current``."""
    if original == current:
        return list(ranges)
    line_map = LineMap(original.splitlines(), current.splitlines())
    return [LineRange(line_map(r.start), line_map(r.end), r.finding) for r in ranges]
