"""Keeping a line a fix edits in place within the project's gate (pycodestyle's E501, E127/E128).

For the codemods whose edits lengthen or shorten a line in place (a keyword
argument appended, a name replaced, an argument dropped). Each edit is
judged against the line as the run's earlier edits left it
(:class:`LineGrowth`), so two calls on one line are not each judged against
the line as it was. What follows an edit on its line moves with it: when
that text opens a bracket a later line is aligned under (pycodestyle's
visual indent), the edit would break the alignment, so it does not fit
either (:func:`moves_an_aligned_bracket`), unless those lines move along with it
(:meth:`LineGrowth.fits_realigned`).
"""

from __future__ import annotations

import re

from libcst.metadata import CodeRange

from cwemod.codemods.kit.source import code_lines

_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")


class LineGrowth:
    """The lines of a module and how much this run's edits have already lengthened each."""

    def __init__(self, code: str, limit: int) -> None:
        self.lines = code_lines(code)
        self.limit = limit
        self._grown: dict[int, int] = {}
        self._edits: dict[int, list[tuple[int, int]]] = {}  # (column, characters) by line
        self._held: tuple[int, int, int] | None = None

    def fits(self, line: int, column: int, added: int) -> bool:
        """May ``added`` characters go in at ``column`` of ``line`` (1-based)?

        Fewer than none (a shorter name) never lengthen the line, but they
        move what follows as well.
        """
        text = self.lines[line - 1]
        length = len(text) + self._grown.get(line, 0) + added
        if added > 0 and length > self.limit:
            return False
        return added == 0 or not _leaves_open(text, column)

    def fits_or_was_long(self, line: int, column: int, added: int) -> bool:
        """:meth:`fits`, or the line is past the limit already: flake8 reports it once
        either way, so growing it adds no E501 (impacket's 140-column password lines).
        For an edit that has no other layout to try."""
        text = self.lines[line - 1]
        if len(text) > self.limit:
            return added <= 0 or not _leaves_open(text, column)
        return self.fits(line, column, added)

    def why_not(self, line: int, column: int, text: str) -> str:
        """Why ``text`` put in at ``column`` of ``line`` does not :meth:`fits`: it would move
        a bracket a continuation line is aligned under, or else run past the limit."""
        if _leaves_open(self.lines[line - 1], column):
            return f"{text} would shift an aligned continuation line"
        return f"{text} would run past {self.limit} columns"

    def fits_realigned(self, span: CodeRange, aligned: int, added: int) -> bool:
        """May ``added`` characters go in at the start of ``span`` (a call over several lines,
        its first argument just after the bracket at column ``aligned``) when the lines after
        its first move as far, to stay aligned under the brackets they were (pycodestyle's
        visual indent)? Each of them must be indented with spaces to ``aligned`` or further
        (no hanging line, no line of a string or comment there), and every line of the span
        stay within the limit (or have been past it already, as :meth:`fits_or_was_long`);
        what follows the span on its last line must open no bracket: the lines below it stay.
        zuul's ``random.choices(string.ascii_lowercase +`` and the two lines under it."""
        first, last = span.start.line, span.end.line
        if first == last or "\t" in self.lines[first - 1][: span.start.column]:
            return False
        if opens_a_bracket(self.lines[last - 1][span.end.column :]):
            return False
        for text in self.lines[first:last]:
            indent = len(text) - len(text.lstrip(" "))
            if indent < aligned or not text.strip() or text.lstrip(" ").startswith("#"):
                return False
        return all(
            added <= 0 or len(text) > self.limit or self._length(line) + added <= self.limit
            for line, text in enumerate(self.lines[first - 1 : last], first)
        )

    def grow_realigned(self, span: CodeRange, added: int) -> None:
        """Count ``added`` characters put in at the start of ``span`` and before each of its
        continuation lines (:meth:`fits_realigned`)."""
        self.grow(span.start.line, span.start.column, added)
        for line in range(span.start.line + 1, span.end.line + 1):
            self.grow(line, 0, added)

    def _length(self, line: int) -> int:
        return len(self.lines[line - 1]) + self._grown.get(line, 0)

    def grow(self, line: int, column: int, added: int) -> None:
        """Count ``added`` characters put in at ``column`` of ``line`` (1-based)."""
        self._grown[line] = self._grown.get(line, 0) + added
        self._edits.setdefault(line, []).append((column, added))

    def hold(self, edit: tuple[int, int, int] | None) -> None:
        """Keep ``edit`` (line, column, characters) until :meth:`commit`: its fix is not made yet."""
        self._held = edit

    def commit(self) -> None:
        """Count the edit held, now that its fix is made."""
        if self._held is not None:
            self.grow(*self._held)
            self._held = None

    def shifted(self, line: int, column: int) -> int:
        """Where the text at ``column`` of ``line`` stands after the edits counted before it."""
        return column + sum(added for at, added in self._edits.get(line, ()) if at <= column)

    def grown(self, line: int) -> bool:
        return line in self._grown


SHIFTS_ALIGNMENT = "the fix would shift an aligned continuation line; make it by hand"


def moves_an_aligned_bracket(line: str, start: int, end: int, old: str, new: str) -> bool:
    """Would ``new`` in place of ``old`` move a bracket a continuation line is aligned under?

    ``old`` is the code from column ``start`` of its first line to column
    ``end`` of its last one, ``line``; what follows it there moves when the
    replacement ends elsewhere.
    """
    if "\n" in new:  # its last line is not known in columns here: only when it is the same
        moved = new.rpartition("\n")[2] != old.rpartition("\n")[2]
    elif "\n" in old:
        moved = start + len(new) != end
    else:
        moved = len(new) != len(old)
    return moved and opens_a_bracket(line[end:])


def _leaves_open(line: str, column: int) -> bool:
    """:func:`opens_a_bracket` of the line's rest from ``column``, unless the whole line is
    complete: every string and bracket on it closed there (a call inside an f-string's
    field, yt-dlp's ``f'${hashlib.sha1(...).hexdigest()}*{rand}~'``)."""
    return opens_a_bracket(line[column:]) and not _complete(line)


def _complete(line: str) -> bool:
    """Are the strings and brackets of ``line`` all opened and closed on it?"""
    code = _STRING.sub("", line).split("#", 1)[0]
    if "'" in code or '"' in code or code.rstrip().endswith("\\"):
        return False
    depth = 0
    for char in code:
        depth += char in "([{"
        depth -= char in ")]}"
        if depth < 0:
            return False
    return depth == 0


def holds_a_comment(text: str) -> bool:
    """Does ``text`` (the rest of a line) hold a comment? Errs towards yes (a ``#`` in a string
    that starts on an earlier line)."""
    return "#" in _STRING.sub("", text)


def opens_a_bracket(text: str) -> bool:
    """Does ``text`` (the rest of a line) leave a bracket open that the next lines may be
    aligned under? Errs towards yes.

    Not a bracket that ends the line (a hanging indent, datasette's
    ``hexdigest()[``): the lines below are indented from the line's start,
    wherever the bracket is.
    """
    code = _STRING.sub("", text)
    code = code.split("#", 1)[0] if "#" in code else code
    opened: list[int] = []  # where each bracket still open is
    for at, char in enumerate(code):
        if char in "([{":
            opened.append(at)
        elif char in ")]}" and opened:
            opened.pop()  # else it closes a bracket opened before ``text``
    if "'" in code or '"' in code:
        return True
    return bool(opened) and bool(code[opened[-1] + 1 :].strip())
