"""Appending a keyword argument to a call in the layout of its other arguments."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import PositionProvider


def appended_keyword_fits(
    codemod: MetadataDependent, call: cst.Call, added: str, lines: Sequence[str], limit: int
) -> bool:
    """Does the line that receives ``added`` (``name=value``) stay within ``limit``?

    ``call`` is an original node (its positions are asked of ``codemod``);
    ``lines`` are the module's source lines.
    """
    if not call.args:
        line = codemod.get_metadata(PositionProvider, call).end.line
        return len(lines[line - 1]) + len(added) <= limit
    position = codemod.get_metadata(PositionProvider, call.args[-1].value)
    end_line = lines[position.end.line - 1]
    if not _new_argument_on_own_line(call):
        return len(end_line) + len(", ") + len(added) <= limit
    if isinstance(call.args[-1].comma, cst.Comma):
        return position.start.column + len(added) + len(",") <= limit
    # The rest of the last argument's line (a closing bracket...) moves behind the new one.
    rest = len(end_line) - position.end.column
    return position.start.column + len(added) + rest <= limit


def _new_argument_on_own_line(call: cst.Call) -> bool:
    """Does the last argument start a line of its own (so the new one does too)?"""
    return isinstance(_whitespace_before_last(call), cst.ParenthesizedWhitespace)


def _whitespace_before_last(call: cst.Call) -> cst.BaseParenthesizableWhitespace:
    if len(call.args) == 1:
        return call.whitespace_before_args
    comma = call.args[-2].comma
    return comma.whitespace_after if isinstance(comma, cst.Comma) else cst.SimpleWhitespace("")


def _line_break(
    like: cst.BaseParenthesizableWhitespace,
    indent_like: cst.ParenthesizedWhitespace,
) -> cst.ParenthesizedWhitespace:
    """A line break indented as ``indent_like``, keeping the comment and blank lines of ``like``."""
    if isinstance(like, cst.ParenthesizedWhitespace):
        first_line, empty_lines = like.first_line, like.empty_lines
    else:
        first_line, empty_lines = cst.TrailingWhitespace(), ()
    return cst.ParenthesizedWhitespace(
        first_line=first_line,
        empty_lines=empty_lines,
        indent=indent_like.indent,
        last_line=indent_like.last_line,
    )


def _bare(whitespace: cst.BaseParenthesizableWhitespace) -> cst.BaseParenthesizableWhitespace:
    """``whitespace`` without its comment and blank lines: they stay with the old argument."""
    if not isinstance(whitespace, cst.ParenthesizedWhitespace):
        return whitespace
    return whitespace.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=())


def with_keyword_appended(call: cst.Call, new: cst.Arg) -> cst.Call:
    """``call`` with ``new`` as its last argument, in the layout of the arguments before it.

    When the last argument starts a line of its own, the new one gets its own
    line, indented alike; otherwise it follows the last argument on its line.
    A comment after the last argument stays with it.
    """
    args = list(call.args)
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    before_last = _whitespace_before_last(call)
    if isinstance(before_last, cst.ParenthesizedWhitespace):
        if isinstance(last.comma, cst.Comma):
            after = last.comma.whitespace_after
            args[-1] = last.with_changes(
                comma=last.comma.with_changes(whitespace_after=_line_break(after, before_last))
            )
            args.append(
                new.with_changes(comma=last.comma.with_changes(whitespace_after=_bare(after)))
            )
        else:
            after = last.whitespace_after_arg
            args[-1] = last.with_changes(
                comma=cst.Comma(whitespace_after=_line_break(after, before_last)),
                whitespace_after_arg=cst.SimpleWhitespace(""),
            )
            args.append(new.with_changes(whitespace_after_arg=_bare(after)))
        return call.with_changes(args=args)
    if isinstance(last.comma, cst.Comma):
        args[-1] = last.with_changes(
            comma=last.comma.with_changes(whitespace_after=cst.SimpleWhitespace(" "))
        )
        args.append(new.with_changes(comma=last.comma))
        return call.with_changes(args=args)
    args[-1] = last.with_changes(
        comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
        whitespace_after_arg=cst.SimpleWhitespace(""),
    )
    args.append(new.with_changes(whitespace_after_arg=last.whitespace_after_arg))
    return call.with_changes(args=args)
