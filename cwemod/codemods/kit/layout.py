"""Fitting a node into the line length: measuring it, and wrapping a call's arguments."""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.kit.source import code_lines


def fits(module: cst.Module, node: cst.CSTNode, column: int, limit: int) -> bool:
    """Does ``node``, its first line starting at ``column``, keep every line within ``limit``?

    Continuation lines are counted from ``column`` too, as a block's lines are.
    """
    return all(column + len(line) <= limit for line in code_lines(module.code_for_node(node)))


def wrapped_after_paren(call: cst.Call, indent: str) -> cst.Call:
    """``f(\\n    args)``: the arguments on a hanging-indent line."""
    return call.with_changes(
        whitespace_before_args=cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            indent=True,
            last_line=cst.SimpleWhitespace(indent),
        )
    )
