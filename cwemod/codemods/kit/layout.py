"""Fitting a node into the line length: measuring it, wrapping a call's arguments, and moving
its continuation lines."""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.kit.source import code_lines


def fits(module: cst.Module, node: cst.CSTNode, column: int, limit: int) -> bool:
    """Does ``node``, its first line starting at ``column``, keep every line within ``limit``?

    Continuation lines are counted from ``column`` too, as a block's lines are.
    """
    return all(column + len(line) <= limit for line in code_lines(module.code_for_node(node)))


def wrapped_after_paren(call: cst.Call, indent: str, one_per_line: bool = False) -> cst.Call:
    """``f(\\n    args)``: the arguments on a hanging-indent line, or with ``one_per_line``
    each on its own (``f(\\n    a,\\n    b)``, the bracket closing after the last: pep8's
    hanging indent, no magic comma)."""
    line_break = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=True,
        last_line=cst.SimpleWhitespace(indent),
    )
    args = list(call.args)
    if one_per_line:
        args[:-1] = [
            arg.with_changes(comma=cst.Comma(whitespace_after=line_break)) for arg in args[:-1]
        ]
    return call.with_changes(whitespace_before_args=line_break, args=args)


def broken_after_the_bracket(
    call: cst.Call, indent: str, unit: str, one_per_line: bool, relative: bool = False
) -> cst.Call:
    """``f(\\n    a, b\\n)``, or ``f(\\n    a,\\n    b,\\n)`` with ``one_per_line``: black's
    and ruff format's layout of a call too long for its line, the arguments hugged on a line
    of their own below the opening bracket (where they fit), else one per line with the magic
    trailing comma; the closing bracket on a line of its own at ``indent``, the arguments
    one ``unit`` further. ``relative``: ``indent`` counts from the block's indentation (a new
    statement's), else from the line's start. ``call`` is on one line, without a trailing
    comma."""

    def line_break(width: str) -> cst.ParenthesizedWhitespace:
        return cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            indent=relative,
            last_line=cst.SimpleWhitespace(width),
        )

    inner, outer = line_break(indent + unit), line_break(indent)
    *others, last = call.args
    if one_per_line:
        others = [arg.with_changes(comma=cst.Comma(whitespace_after=inner)) for arg in others]
        last = last.with_changes(
            comma=cst.Comma(whitespace_after=outer), whitespace_after_arg=cst.SimpleWhitespace("")
        )
    else:
        last = last.with_changes(whitespace_after_arg=outer)
    return call.with_changes(whitespace_before_args=inner, args=[*others, last])


def continuation_lines_moved(node: cst.CSTNode, by: int) -> tuple[cst.CSTNode, int] | None:
    """``node`` with each line break inside its brackets indenting the next line ``by``
    columns further (less when negative), and how many such breaks it holds: what keeps
    the lines aligned under a bracket of its first line that moved (zuul's
    ``random.choices(...)``, three lines under its bracket, made
    ``secrets.SystemRandom().choices(...)``). None when one of them cannot move: a
    comment or blank line kept with it, an indentation of other than spaces. A line of a
    string over several lines, or after a backslash, is no such break: the caller compares
    the count with the lines it spans."""
    mover = _LineMover(by)
    moved = node.visit(mover)
    if mover.stuck or not isinstance(moved, cst.CSTNode):
        return None
    return moved, mover.moved


class _LineMover(cst.CSTTransformer):
    def __init__(self, by: int) -> None:
        super().__init__()
        self.by = by
        self.moved = 0
        self.stuck = False

    def leave_ParenthesizedWhitespace(
        self, original_node: cst.ParenthesizedWhitespace, updated_node: cst.ParenthesizedWhitespace
    ) -> cst.ParenthesizedWhitespace:
        indent = updated_node.last_line.value
        if updated_node.empty_lines or indent.strip(" ") or len(indent) + self.by < 0:
            self.stuck = True
            return updated_node
        self.moved += 1
        return updated_node.with_changes(
            last_line=cst.SimpleWhitespace(" " * (len(indent) + self.by))
        )
