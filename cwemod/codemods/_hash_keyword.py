"""Where ``usedforsecurity=False`` goes in a call, keeping its layout and the line length.

On a line of its own where the last argument has one and the closing
bracket is on the line below (mistral writes ``md5(\n    key,\n
usedforsecurity=False\n)``; ``usedforsecurity=False,`` where black or ruff format
gates the project, as flytekit's does, but beside a lone argument on that line
where it fits, as those formatters write it: apprise's ``sha1(\n    key,
usedforsecurity=False\n)``); else after the last argument on its line
when that fits, but where black or ruff format gates the project and the
arguments are hugged on a line between the brackets with no room left,
one per line with the magic comma, as they write them; else on a new line
aligned under the first argument (pycodestyle's visual indent), as
OpenStack writes it, but where black or ruff format gates the project, the
line broken after the call's opening bracket as they break it (apprise's
``sha1(\n    path.encode("utf-8"), usedforsecurity=False\n)``;
one argument per line with the magic comma where they do not fit together); on a new line too
where the arguments hang below the call and the last spans several lines
(after its closing bracket the keyword would read as an inner call's);
after a trailing comma, the way the arguments are already laid out (one
per line, or side by side).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import libcst as cst
from libcst.metadata import CodeRange

from cwemod.codemods._args_append import (
    arguments_one_per_line,
    hugs_its_arguments,
    new_argument_on_own_line,
    with_keyword_appended,
)
from cwemod.codemods.kit.calls import keyword_argument
from cwemod.codemods.kit.growth import LineGrowth, opens_a_bracket
from cwemod.codemods.kit.layout import broken_after_the_bracket
from cwemod.codemods.kit.source import code_lines

KEYWORD = "usedforsecurity=False"

# What black and ruff format break after the call's opening bracket when its line is too long:
# a call on its line after nothing but a statement's start (``return``, assignment targets,
# a keyword argument's name or a dict's key)...
_FORMATTERS_HEAD = re.compile(
    r"\s*(?:(?:return|yield)\s+"
    r"|(?:[\w.]+(?:\[[^][()]*\])*\s*(?::[^=]+)?(?:[-+*/%&|^@]|//|<<|>>|\*\*)?=\s*)+"
    r"|\"[^\"]*\":\s*|'[^']*':\s*)?"
)
# ... and before nothing but one attribute of its result (two are a chain they lay out
# otherwise), empty calls, subscripts, a comma and a comment
_FORMATTERS_REST = re.compile(r"(?:\[[^][()]*\])*(?:\.\w+(?:\(\)|\[[^][()]*\])*)?,?(?:\s+#.*)?")
_DOTTED = re.compile(r"[\w.]+")
_EMPTY = cst.Module([])


class KeywordPlacer:
    """Adds the keyword to calls of one module; :meth:`commit` once a site is fixed."""

    def __init__(
        self,
        growth: LineGrowth,
        position: Callable[[cst.CSTNode], CodeRange],
        magic_comma: bool = False,
        indent: str = "    ",
    ) -> None:
        self._growth = growth
        self._position = position
        self._magic_comma = magic_comma  # black or ruff format gates the project
        self._indent = indent  # the module's

    def with_keyword(self, original: cst.Call, updated: cst.Call) -> cst.Call | None:
        """``updated`` with the keyword added, or None when it cannot be laid out."""
        self._growth.hold(None)
        new_arg = keyword_argument("usedforsecurity", cst.Name("False"))
        if not original.args:
            end = self._position(original).end  # just after ")"
            return self._on_the_line(updated, [new_arg], end.line, end.column - 1, len(KEYWORD))
        last = updated.args[-1]
        if isinstance(last.comma, cst.Comma):
            return self._after_trailing_comma(original, updated, new_arg)
        end = self._position(original.args[-1]).end
        spaced = last.with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
            whitespace_after_arg=cst.SimpleWhitespace(""),
        )
        moved = new_arg.with_changes(whitespace_after_arg=last.whitespace_after_arg)
        args = [*updated.args[:-1], spaced, moved]
        added = len(", " + KEYWORD)
        if isinstance(
            original.args[-1].whitespace_after_arg, cst.ParenthesizedWhitespace
        ) and new_argument_on_own_line(original):
            # apprise's ``sha1(\n    path.encode("utf-8")\n).hexdigest()`` under ruff format:
            # beside it where that fits, as ruff writes it; mistral's (no formatter): one per line
            if self._magic_comma and hugs_its_arguments(original):
                beside = self._on_the_line(updated, args, end.line, end.column, added)
                if beside is not None:
                    return beside
            return self._below_the_last(original, updated, new_arg)
        if self._closes_a_hanging_argument(original):
            # After the bracket that closes a multi-line argument, the keyword would read as
            # the inner call's: it goes on a line of its own, under the arguments.
            return self._on_a_new_line(original, updated, new_arg)
        on_the_line = self._on_the_line(updated, args, end.line, end.column, added)
        if on_the_line is None and self._magic_comma and hugs_its_arguments(original):
            # no room left on the line of arguments hugged between the brackets
            first = self._position(original.args[0]).start
            broken = arguments_one_per_line(updated, new_arg, first.column, self._growth.limit)
            if broken is not None:
                self._growth.hold((first.line, first.column, self._growth.limit))
            return broken
        return (
            on_the_line
            or self._on_a_new_line(original, updated, new_arg)
            or self._on_a_long_line(updated, args, end.line, end.column, added)
        )

    def commit(self) -> None:
        self._growth.commit()

    def _closes_a_hanging_argument(self, original: cst.Call) -> bool:
        """Do the arguments hang below the call, the last spanning several lines?

        Only there does a line of its own keep pycodestyle's indentation rules
        (under an argument that starts beside the bracket it would not).
        """
        first, last = self._position(original.args[0]), self._position(original.args[-1])
        return (
            isinstance(original.whitespace_before_args, cst.ParenthesizedWhitespace)
            and last.start.line != last.end.line
            and last.start.column == first.start.column
        )

    def _on_the_line(
        self, updated: cst.Call, args: list[cst.Arg], line: int, column: int, added: int
    ) -> cst.Call | None:
        if not self._growth.fits(line, column, added):
            return None
        self._growth.hold((line, column, added))
        return updated.with_changes(args=args)

    def _on_a_long_line(
        self, updated: cst.Call, args: list[cst.Arg], line: int, column: int, added: int
    ) -> cst.Call | None:
        """On a line past the limit already (gns3-server's 97-column IOU key digest): flake8
        reports it once either way, as requests-timeout's keyword finds."""
        if self._growth.grown(line) or not self._growth.fits_or_was_long(line, column, added):
            return None
        self._growth.hold((line, column, added))
        return updated.with_changes(args=args)

    def _on_a_new_line(
        self, original: cst.Call, updated: cst.Call, new_arg: cst.Arg
    ) -> cst.Call | None:
        """``f(a,\\n  usedforsecurity=False)``: under the first argument, then the line's rest;
        under black or ruff format, as they break the line (:meth:`_as_formatters_break_it`)."""
        if self._magic_comma:
            broken = self._as_formatters_break_it(original, updated, new_arg)
            if broken is not None:
                return broken
        end = self._position(original.args[-1]).end
        if isinstance(original.args[-1].whitespace_after_arg, cst.ParenthesizedWhitespace):
            return self._below_the_last(original, updated, new_arg)
        if self._growth.grown(end.line) or not updated.args[-1].whitespace_after_arg.empty:
            return None
        rest = self._growth.lines[end.line - 1][end.column :].rstrip()
        column = self._position(original.args[0]).start.column
        limit = self._growth.limit
        if opens_a_bracket(rest) or end.column + 1 > limit or column + len(KEYWORD + rest) > limit:
            return None
        newline = cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            indent=False,
            last_line=cst.SimpleWhitespace(" " * column),
        )
        last = updated.args[-1].with_changes(comma=cst.Comma(whitespace_after=newline))
        self._growth.hold(
            (end.line, end.column, limit)
        )  # nothing more goes on that line in this run
        return updated.with_changes(args=[*updated.args[:-1], last, new_arg])

    def _as_formatters_break_it(
        self, original: cst.Call, updated: cst.Call, new_arg: cst.Arg
    ) -> cst.Call | None:
        """apprise's ``hashlib.sha1(path.encode("utf-8")).hexdigest()`` with no room left on its
        line: ``hashlib.sha1(\\n    path.encode("utf-8"), usedforsecurity=False\\n).hexdigest()``,
        or one argument per line with the magic comma where they do not fit together, as black
        and ruff format write it. None for a call of several lines, or a line those formatters
        would break elsewhere (_FORMATTERS_HEAD, _FORMATTERS_REST)."""
        where = self._position(original)
        line, column = where.start.line, where.start.column
        if where.end.line != line or self._growth.grown(line) or self._indent.strip(" "):
            return None
        text = self._growth.lines[line - 1]
        head, rest = text[:column], text[where.end.column :].rstrip()
        func = _EMPTY.code_for_node(original.func)
        if not (
            _FORMATTERS_HEAD.fullmatch(head)
            and _FORMATTERS_REST.fullmatch(rest)
            and _DOTTED.fullmatch(func)
        ):
            return None
        indent = head[: len(head) - len(head.lstrip())]
        appended = with_keyword_appended(updated, new_arg)
        for one_per_line in (False, True):
            broken = broken_after_the_bracket(appended, indent, self._indent, one_per_line)
            lines = code_lines(_EMPTY.code_for_node(broken))
            lines[0], lines[-1] = head + lines[0], lines[-1] + rest
            if all(len(each) <= self._growth.limit for each in lines):
                self._growth.hold((line, where.end.column, self._growth.limit))
                return broken
        return None

    def _below_the_last(
        self, original: cst.Call, updated: cst.Call, new_arg: cst.Arg
    ) -> cst.Call | None:
        """``f(\n    a\n)`` to ``f(\n    a,\n    usedforsecurity=False\n)``: the bracket stays below.

        Only where the last argument starts a line of its own: beside the
        bracket that opens the call, a line below it would not be aligned.
        """
        if not new_argument_on_own_line(original):
            return None
        start, end = self._position(original.args[-1]).start, self._position(original.args[-1]).end
        comma = len(",") if self._magic_comma else 0
        if start.column + len(KEYWORD) + comma > self._growth.limit:
            return None
        if not self._growth.fits(end.line, end.column, len(",")):
            return None
        self._growth.hold((end.line, end.column, len(",")))
        return with_keyword_appended(updated, new_arg, self._magic_comma)

    def _after_trailing_comma(
        self, original: cst.Call, updated: cst.Call, new_arg: cst.Arg
    ) -> cst.Call | None:
        last = updated.args[-1]
        if len(updated.args) > 1 and isinstance(updated.args[-2].comma, cst.Comma):
            separator = updated.args[-2].comma.whitespace_after
        else:
            separator = updated.whitespace_before_args
        start = self._position(original.args[-1]).start
        end = self._position(original.args[-1]).end
        args = [
            *updated.args[:-1],
            last.with_changes(comma=cst.Comma(whitespace_after=separator)),
            new_arg.with_changes(comma=last.comma),
        ]
        if isinstance(separator, cst.ParenthesizedWhitespace):  # one argument per line
            if start.column + len(KEYWORD) + 1 > self._growth.limit:
                return None
            return updated.with_changes(args=args)
        if not isinstance(separator, cst.SimpleWhitespace):
            return None
        added = len(separator.value) + len(KEYWORD) + 1
        return self._on_the_line(updated, args, end.line, end.column + 1, added)
