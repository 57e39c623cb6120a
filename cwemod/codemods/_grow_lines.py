"""Keeping a line within the project's line length when an edit inserts text into it.

Shared by ``secure-random`` and ``hash-not-for-security``, whose edits only
insert text on one line. Text inserted before an opening bracket that a
later line is aligned under would break that alignment (pycodestyle's
visual indent), so such an edit does not fit either.
"""

from __future__ import annotations

import re

_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")


class LineGrowth:
    """The lines of a module and how much this run's edits have already lengthened each."""

    def __init__(self, code: str, limit: int) -> None:
        self.lines = code.split("\n")
        self.limit = limit
        self._grown: dict[int, int] = {}

    def fits(self, line: int, column: int, added: int) -> bool:
        """May ``added`` characters go in at ``column`` of ``line`` (1-based)?"""
        text = self.lines[line - 1]
        if len(text.rstrip("\r")) + self._grown.get(line, 0) + added > self.limit:
            return False
        return not opens_a_bracket(text[column:])

    def grow(self, line: int, added: int) -> None:
        self._grown[line] = self._grown.get(line, 0) + added

    def grown(self, line: int) -> bool:
        return line in self._grown


def opens_a_bracket(text: str) -> bool:
    """Does ``text`` (the rest of a line) leave a bracket open? Errs towards yes."""
    code = _STRING.sub("", text)
    code = code.split("#", 1)[0] if "#" in code else code
    depth = 0
    for char in code:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(depth - 1, 0)  # closes a bracket opened before ``text``
    return depth > 0 or "'" in code or '"' in code
