"""Line width for ``cleanup-on-failure``: a rewrite stays within the project's line length."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import libcst as cst

from cwemod.codemods.kit.source import code_lines, code_of


def lines_over(statements: Sequence[cst.BaseStatement], column: int, limit: int) -> int:
    """How many lines of ``statements``, placed at ``column``, are longer than ``limit``.

    Lines inside multi-line strings are counted as if indented too; that is the
    same for the old and the new form of a site, so comparisons stay fair.
    """
    lines = (line for statement in statements for line in code_lines(code_of(statement)))
    return sum(column + len(line) > limit for line in lines)


def wrap_long_comments(
    statements: Sequence[cst.BaseStatement],
    old: Sequence[cst.BaseStatement],
    column: int,
    width: int,
    limit: int,
) -> list[cst.BaseStatement]:
    """Re-wrap whole-line comments that indentation pushed past ``limit``.

    ``statements`` replace ``old``, both placed at ``column``; a comment that
    was already too long where it was in ``old`` is the project's, and is left
    as it is, moved or not (wfuzz's 89-column comment, re-wrapped, made room
    in the count of long lines for a code line the fix pushed past the limit).
    """
    finder = _CommentWrapper(column, width, limit)
    for statement in old:
        statement.visit(finder)
    wrapper = _CommentWrapper(column, width, limit, frozenset(finder.too_long))
    return [statement.visit(wrapper) for statement in statements]  # type: ignore[misc]


class _CommentWrapper(cst.CSTTransformer):
    def __init__(
        self,
        column: int,
        width: int,
        limit: int,
        keep: frozenset[str] = frozenset(),
    ) -> None:
        self.column = column
        self.width = width
        self.limit = limit
        self.keep = keep  # comments too long before the rewrite
        self.too_long: list[str] = []  # those seen too long here

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self.column += self.width

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        self.column -= self.width
        return updated_node

    def on_leave(
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        leading = getattr(updated_node, "leading_lines", None)
        if isinstance(updated_node, cst.BaseStatement) and leading:
            return updated_node.with_changes(leading_lines=self._reflowed(list(leading)))
        return super().on_leave(original_node, updated_node)

    def _reflowed(self, lines: list[cst.EmptyLine]) -> list[cst.EmptyLine]:
        """Runs of comment lines, re-wrapped as one paragraph when a line is too long."""
        result: list[cst.EmptyLine] = []
        run: list[cst.EmptyLine] = []
        for line in [*lines, None]:
            if line is not None and line.comment is not None and line.indent:
                run.append(line)
                continue
            result += self._wrapped_run(run)
            run = []
            if line is not None:
                result.append(line)
        return result

    def _wrapped_run(self, run: list[cst.EmptyLine]) -> list[cst.EmptyLine]:
        texts = [line.comment.value for line in run if line.comment is not None]
        too_long = [text for text in texts if self.column + len(text) > self.limit]
        self.too_long += too_long
        if all(text in self.keep for text in too_long):
            return run
        marker = "# " if all(text.startswith("# ") for text in texts) else "#"
        joined = marker + " ".join(text[len(marker) :].strip() for text in texts)
        wrapped = _wrap_comment(joined, self.limit - self.column)
        if not wrapped:
            return run
        return [run[0].with_changes(comment=cst.Comment(text)) for text in wrapped]


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
