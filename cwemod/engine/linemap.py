"""Follow a line number across an edit of the same file."""

from __future__ import annotations

import difflib
from typing import Sequence


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
