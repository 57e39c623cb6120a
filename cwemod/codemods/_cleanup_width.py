"""Line width for ``cleanup-on-failure``: a rewrite stays within the file's 79 columns."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import libcst as cst

from cwemod.codemods.kit.lines import DEFAULT_LINE_LENGTH
from cwemod.codemods.kit.source import code_of

MAX_LINE = DEFAULT_LINE_LENGTH


def fits_line_limit(module: cst.Module) -> bool:
    """No line is longer than 79 columns: the project keeps to PEP 8's limit."""
    return all(len(line) <= MAX_LINE for line in module.code.splitlines())


def lines_over(statements: Sequence[cst.BaseStatement], column: int, limit: int) -> int:
    """How many lines of ``statements``, placed at ``column``, are longer than ``limit``.

    Lines inside multi-line strings are counted as if indented too; that is the
    same for the old and the new form of a site, so comparisons stay fair.
    """
    lines = (line for statement in statements for line in code_of(statement).splitlines())
    return sum(column + len(line) > limit for line in lines)


def wrap_long_comments(
    statements: Sequence[cst.BaseStatement], column: int, width: int, limit: int
) -> list[cst.BaseStatement]:
    """Re-wrap whole-line comments that indentation pushed past ``limit``."""
    wrapper = _CommentWrapper(column, width, limit)
    return [statement.visit(wrapper) for statement in statements]  # type: ignore[misc]


class _CommentWrapper(cst.CSTTransformer):
    def __init__(self, column: int, width: int, limit: int) -> None:
        self.column = column
        self.width = width
        self.limit = limit

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self.column += self.width

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        self.column -= self.width
        return updated_node

    def leave_EmptyLine(
        self, original_node: cst.EmptyLine, updated_node: cst.EmptyLine
    ) -> cst.EmptyLine | cst.FlattenSentinel[cst.EmptyLine]:
        comment = updated_node.comment
        if (
            comment is None
            or not updated_node.indent
            or self.column + len(comment.value) <= self.limit
        ):
            return updated_node
        lines = _wrap_comment(comment.value, self.limit - self.column)
        if len(lines) < 2:
            return updated_node
        return cst.FlattenSentinel(
            [updated_node.with_changes(comment=cst.Comment(line)) for line in lines]
        )


def _wrap_comment(text: str, room: int) -> list[str]:
    """The comment's lines within ``room`` columns; none when a word does not fit."""
    marker = "# " if text.startswith("# ") else "#"
    lines = textwrap.wrap(
        text[len(marker) :],
        width=room,
        initial_indent=marker,
        subsequent_indent=marker,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines if all(len(line) <= room for line in lines) else []
