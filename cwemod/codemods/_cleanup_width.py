"""Line width for ``cleanup-on-failure``: a rewrite stays within the project's line length."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from itertools import groupby

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
        """The run with each paragraph (parted by bare ``#`` lines) that has a line too long
        re-wrapped; as it is when a line's text is indented or a list item (code, lists)."""
        texts = [_text(line) for line in run]
        self.too_long += [text for text in texts if self.column + len(text) > self.limit]
        words = [text for text in texts if not _is_bare(text)]
        if any(_LAID_OUT.match(text) for text in words):
            return run
        marker = "# " if all(text.startswith("# ") for text in words) else "#"
        result: list[cst.EmptyLine] = []
        for bare, paragraph in groupby(run, key=lambda line: _is_bare(_text(line))):
            lines = list(paragraph)
            result += lines if bare else self._wrapped_paragraph(lines, marker)
        return result

    def _wrapped_paragraph(self, lines: list[cst.EmptyLine], marker: str) -> list[cst.EmptyLine]:
        texts = [_text(line) for line in lines]
        room = self.limit - self.column
        if all(len(text) <= room or text in self.keep for text in texts):
            return lines
        joined = marker + " ".join(text[len(marker) :].strip() for text in texts)
        wrapped = _wrap_comment(joined, room)
        return [lines[0].with_changes(comment=cst.Comment(text)) for text in wrapped] or lines


# A comment line laid out by hand: text indented after the ``#`` (code, a list item's
# continuation), or a list item; re-wrapping would run it into the lines around it.
_LAID_OUT = re.compile(r"#(?:\s\s|\t|\s?(?:[-*+]|\d+[.)])\s)")


def _text(line: cst.EmptyLine) -> str:
    assert line.comment is not None
    return line.comment.value


def _is_bare(text: str) -> bool:
    """A ``#`` line with no words: a paragraph break."""
    return not text[1:].strip()


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
