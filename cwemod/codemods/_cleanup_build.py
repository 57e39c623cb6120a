"""The new code ``cleanup-on-failure`` writes: try/finally, with, and release on failure."""

from __future__ import annotations

import re

import libcst as cst

from cwemod.codemods._cleanup_scan import first_comment_kept, lone_call
from cwemod.codemods._cleanup_sites import Acquire
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.quotes import SINGLE, prevailing_quote, string_literal
from cwemod.codemods.kit.source import code_of


class CodeBuilder:
    """Parses new blocks in the module's own indentation, newlines and quotes."""

    def __init__(self, module: cst.Module, excutils: str | None, line_length: int) -> None:
        self._module = module
        self._line_length = line_length
        self._config = module.config_for_parsing
        self._excutils = excutils  # how to call save_and_reraise_exception, if imported

    def _log_lines(self, logger: str, message: str, depth: int, column: int) -> list[str]:
        """The logging call, wrapped after its parenthesis when one line would be too long."""
        prefix = "    " * depth
        one_line = f"{logger}.exception({message})"
        width = len(self._config.default_indent.expandtabs(8))
        if column + width * depth + len(one_line) <= self._line_length:
            return [prefix + one_line]
        return [f"{prefix}{logger}.exception(", f"{prefix}    {message})"]

    def _fits_wrapped(self, message: str, depth: int, column: int) -> bool:
        """Does ``message`` fit on a line of its own under the logging call?"""
        width = len(self._config.default_indent.expandtabs(8))
        return column + width * (depth + 1) + len(message) + 1 <= self._line_length

    def _block_text(self, lines: list[str]) -> str:
        indent, newline = self._config.default_indent, self._config.default_newline
        return "".join(line.replace("    ", indent) + newline for line in lines)

    def _parse(self, lines: list[str]) -> cst.BaseStatement:
        return cst.parse_statement(self._block_text(lines), config=self._config)

    def statement(self, code: str) -> cst.BaseStatement:
        """One line of code as a statement of this module."""
        return self._parse([code])

    def try_finally(self, work: list[cst.BaseStatement], release: cst.BaseStatement) -> cst.Try:
        node = self._parse(["try:", "    pass", "finally:", "    pass"])
        assert isinstance(node, cst.Try) and node.finalbody is not None
        release = without_leading_blank_lines([release])[0]
        return node.with_changes(
            body=node.body.with_changes(body=work),
            finalbody=node.finalbody.with_changes(
                body=node.finalbody.body.with_changes(body=[release])
            ),
        )

    def with_finally(self, attempt: cst.Try, release: cst.BaseStatement) -> cst.Try:
        """``attempt``, a ``try`` with no ``finally``, given one that runs ``release``
        (rpkg's ``try: ... except rpm.error: return None``, then the close)."""
        return attempt.with_changes(
            finalbody=self.try_finally(list(attempt.body.body), release).finalbody
        )

    def with_release_first(self, attempt: cst.Try, release: cst.BaseStatement) -> cst.Try:
        """``attempt``, whose ``finally`` is an indented block, with ``release`` as the first
        statement of it; the comments above the old first statement stay with it."""
        finalbody = attempt.finalbody
        assert finalbody is not None and isinstance(finalbody.body, cst.IndentedBlock)
        block = finalbody.body
        release = without_leading_blank_lines([release])[0]
        return attempt.with_changes(
            finalbody=finalbody.with_changes(body=block.with_changes(body=[release, *block.body]))
        )

    def release_on_failure(
        self, work: list[cst.BaseStatement], release: str, logger: str, function: str, column: int
    ) -> cst.Try:
        depth = 3 if self._excutils is not None else 2
        quote = prevailing_quote(self._module, default=SINGLE)
        message = code_of(string_literal(f"Cleanup after a failed {function}() failed", quote))
        if not self._fits_wrapped(message, depth, column):
            # mlflow's _create_model_downloading_tmp_dir(): the traceback names it anyway
            message = code_of(string_literal("Cleanup after a failure failed", quote))
        if self._excutils is not None:
            head = [
                "try:",
                "    pass",
                "except Exception:",
                f"    with {self._excutils}():",
                "        try:",
                f"            {release}",
                "        except Exception:",
            ]
            lines = head + self._log_lines(logger, message, depth, column)
        else:
            head = [
                "try:",
                "    pass",
                "except BaseException:",
                "    try:",
                f"        {release}",
                "    except Exception:",
            ]
            lines = [*head, *self._log_lines(logger, message, depth, column), "    raise"]
        node = self._parse(lines)
        assert isinstance(node, cst.Try)
        return node.with_changes(body=node.body.with_changes(body=work))


def can_use_with(
    acquire: Acquire, acquire_statement: cst.BaseStatement, release: cst.BaseStatement
) -> bool:
    """May the pair become ``with <acquire> as name:``?

    Not where the acquire spans lines: its continuation lines are aligned
    under a bracket that ``with`` would move, or indented as the new body is.
    """
    return (
        acquire.pair.context_manager
        and acquire.is_local_name
        and isinstance(acquire_statement, cst.SimpleStatementLine)
        and "\n" not in code_of(acquire_statement.body[0])
        and isinstance(release, cst.SimpleStatementLine)
        and not any(line.comment for line in release.leading_lines)
        and release.trailing_whitespace.comment is None
        and m.matches(lone_call(release), m.Call(args=()))
    )


def without_leading_blank_lines(statements: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """The block's first statement without the blank lines above it (comments stay)."""
    if not statements:
        return statements
    first = statements[0]
    return [
        first.with_changes(leading_lines=first_comment_kept(first.leading_lines)),
        *statements[1:],
    ]


def below_blank_lines(node: cst.Try, work: list[cst.BaseStatement]) -> cst.Try:
    """``node``, put in place of ``work``, below the blank lines that opened ``work``.

    The author's blank line after the acquire stays where it was, above the new
    ``try:``, rather than at the top of its body: the diff only adds the ``try:``
    there, and the acquire still stands apart from the steps (enos's kolla.py).
    """
    if not work:
        return node
    lines = work[0].leading_lines
    blank = lines[: len(lines) - len(first_comment_kept(lines))]
    return node.with_changes(leading_lines=[*blank, *node.leading_lines])


def with_statement(acquire_statement: cst.BaseStatement, work: list[cst.BaseStatement]) -> cst.With:
    assert isinstance(acquire_statement, cst.SimpleStatementLine)
    assign = acquire_statement.body[0]
    assert isinstance(assign, cst.Assign)
    item = cst.WithItem(item=assign.value, asname=cst.AsName(name=assign.targets[0].target))
    header = acquire_statement.trailing_whitespace
    if header.comment is not None:
        kept = without_with_suppression(header.comment.value)
        if kept != header.comment.value:
            comment = cst.Comment(kept) if kept else None
            whitespace = header.whitespace if kept else cst.SimpleWhitespace("")
            header = header.with_changes(comment=comment, whitespace=whitespace)
    return cst.With(
        items=[item],
        body=cst.IndentedBlock(body=work, header=header),
        leading_lines=acquire_statement.leading_lines,
    )


# What silences "use a context manager" (ruff's and flake8-simplify's SIM115, pylint's
# consider-using-with): a with statement leaves nothing for it to silence.
_WITH_RULES = frozenset({"SIM115", "R1732", "consider-using-with"})
_SUPPRESSION = re.compile(
    r"(?P<directive>#\s*(?:noqa\s*:|pylint\s*:\s*disable\s*=)\s*)"
    r"(?P<codes>[\w-]+(?:\s*,\s*[\w-]+)*)"
)


def without_with_suppression(comment: str) -> str:
    """``comment`` without what silences a rule asking for ``with``; "" when nothing is left.

    setuptools' ``open(...)  # noqa: SIM115 # handle managed explicitly``: the
    reason goes with the directive it explains, when the directive goes whole.
    """
    match = _SUPPRESSION.search(comment)
    if match is None:
        return comment
    codes = [code.strip() for code in match["codes"].split(",")]
    left = [code for code in codes if code not in _WITH_RULES]
    if len(left) == len(codes):
        return comment
    if left:
        return comment[: match.start("codes")] + ", ".join(left) + comment[match.end("codes") :]
    return comment[: match.start()].rstrip()
