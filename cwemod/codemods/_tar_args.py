"""Appending a keyword argument to a call within the project's line length.

Used by tar-extract-filter (``filter='data'``) and jinja2-autoescape
(``autoescape=...``): the new argument goes on the last argument's line when
the call is on one line and it fits, or else on a line of its own under the
arguments (pycodestyle's visual indent).
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import PositionProvider

from cwemod.codemods.base import Codemod
from cwemod.codemods.kit.growth import LineGrowth, opens_a_bracket
from cwemod.codemods.kit.source import code_of


class ArgumentAppender:
    """Appends an argument to the calls of one module, within its line length.

    A line the argument lengthens counts for the next call on that line
    (:meth:`commit` once the site is fixed), and text it pushes right or
    moves to a line of its own must not hold a bracket that a continuation
    line is aligned under (:class:`LineGrowth`).
    """

    def __init__(self, codemod: Codemod, growth: LineGrowth) -> None:
        self._codemod = codemod
        self._growth = growth

    def with_argument(
        self, call: cst.Call, args: tuple[cst.Arg, ...], new_arg: cst.Arg
    ) -> list[cst.Arg] | None:
        """``args`` (of ``call``, as rewritten) with ``new_arg`` last; None when it cannot fit."""
        self._growth.hold(None)
        width = len(code_of(new_arg))
        position = self._codemod.get_metadata(PositionProvider, call)
        if not args:
            return self._on_the_line(position.end.line, position.end.column - 1, width, [new_arg])
        end = self._codemod.get_metadata(PositionProvider, call.args[-1].value).end
        first = self._codemod.get_metadata(PositionProvider, call.args[0]).start.line
        opened = self._codemod.get_metadata(PositionProvider, call.func).end.line
        # Beside the arguments only where they share the opening bracket's line: molten's
        # one argument per line, below the bracket, takes the new one on a line of its own.
        if first == end.line and first == opened:
            alongside = _appended(args, new_arg, cst.SimpleWhitespace(" "))
            on_the_line = self._on_the_line(end.line, end.column, width + 2, alongside)
            if on_the_line is not None:
                return on_the_line
        limit = self._growth.limit
        line, column = argument_column(self._codemod, call)
        column = self._growth.shifted(line, column)  # after an edit earlier on its line
        rest = self._growth.lines[end.line - 1][end.column :].rstrip("\r")
        if self._growth.shifted(end.line, end.column) + 1 > limit or opens_a_bracket(rest):
            return None
        if column + width + len(rest) > limit:
            return None
        return _appended(args, new_arg, below_at(column))

    def commit(self) -> None:
        self._growth.commit()

    def _on_the_line(
        self, line: int, column: int, added: int, args: list[cst.Arg]
    ) -> list[cst.Arg] | None:
        if not self._growth.fits(line, column, added):
            return None
        self._growth.hold((line, column, added))
        return args


def below_at(column: int) -> cst.ParenthesizedWhitespace:
    """A line break, the next line starting at ``column``."""
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=False,
        last_line=cst.SimpleWhitespace(" " * column),
    )


def argument_column(codemod: Codemod, call: cst.Call) -> tuple[int, int]:
    """(line, column) of the argument a new argument line starts under: the first, or the
    last when the first does not start on the call's own line (a hanging indent)."""
    first = codemod.get_metadata(PositionProvider, call.args[0]).start
    if first.line == codemod.lines_of(call)[0]:
        return first.line, first.column
    last = codemod.get_metadata(PositionProvider, call.args[-1]).start
    return last.line, last.column


def _appended(
    args: tuple[cst.Arg, ...], new_arg: cst.Arg, space: cst.BaseParenthesizableWhitespace
) -> list[cst.Arg]:
    """``args`` and ``new_arg`` after them, ``space`` between; a trailing comma moves to it,
    and so does the line break before a closing bracket on a line of its own (molten's
    ``loader=...(path)`` then ``)`` below it)."""
    last = args[-1]
    comma = cst.Comma(whitespace_after=space)
    return [
        *args[:-1],
        last.with_changes(comma=comma, whitespace_after_arg=cst.SimpleWhitespace("")),
        new_arg.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg),
    ]
