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
from cwemod.codemods.kit.source import code_of


def appended_argument(
    codemod: Codemod,
    call: cst.Call,
    args: tuple[cst.Arg, ...],
    new_arg: cst.Arg,
    lines: list[str],
) -> list[cst.Arg] | None:
    """``args`` (of ``call``, as rewritten) with ``new_arg`` last; None when it cannot fit."""
    limit = codemod.project.line_length
    width = len(code_of(new_arg))
    if not args:
        fits = len(lines[codemod.lines_of(call)[0] - 1]) + width <= limit
        return [new_arg] if fits else None
    end = codemod.get_metadata(PositionProvider, call.args[-1].value).end
    line = lines[end.line - 1]
    one_line = codemod.get_metadata(PositionProvider, call.args[0]).start.line == end.line
    if one_line and len(line) + width + 2 <= limit:
        return _appended(args, new_arg, cst.SimpleWhitespace(" "))
    column = argument_column(codemod, call)
    if end.column + 1 > limit or column + width + len(line) - end.column > limit:
        return None
    return _appended(args, new_arg, below_at(column))


def below_at(column: int) -> cst.ParenthesizedWhitespace:
    """A line break, the next line starting at ``column``."""
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=False,
        last_line=cst.SimpleWhitespace(" " * column),
    )


def argument_column(codemod: Codemod, call: cst.Call) -> int:
    """Where a new argument line starts: under the first argument, or under the last one
    when the first does not start on the call's own line (a hanging indent)."""
    first = codemod.get_metadata(PositionProvider, call.args[0]).start
    if first.line == codemod.lines_of(call)[0]:
        return first.column
    return codemod.get_metadata(PositionProvider, call.args[-1]).start.column


def _appended(
    args: tuple[cst.Arg, ...], new_arg: cst.Arg, space: cst.BaseParenthesizableWhitespace
) -> list[cst.Arg]:
    """``args`` and ``new_arg`` after them, ``space`` between; a trailing comma moves to it."""
    last = args[-1]
    comma = cst.Comma(whitespace_after=space)
    return [*args[:-1], last.with_changes(comma=comma), new_arg.with_changes(comma=last.comma)]
