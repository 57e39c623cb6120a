"""Fitting a rewritten ``command-argv`` statement into the project's line length.

An argument list is longer than the string it replaces. When a changed line
would run past the limit, the list (or, for ``*args`` APIs, the call's
arguments) is filled line by line, continuation lines aligned with the first
item after the bracket: the visual indent pycodestyle accepts (E127/E128).
When even that does not fit, the list moves to a hanging line after the
call's parenthesis first; failing that, the caller refuses the fix.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst
from libcst._nodes.internal import CodegenState

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.growth import opens_a_bracket
from cwemod.codemods.kit.source import code_lines

_SENTINEL = "_cwemod_fit_sentinel_"
_HANGING_INDENT = "    "


class Fitter:
    """Renders statements of one module as they will appear, indentation included."""

    def __init__(self, module: cst.Module, limit: int) -> None:
        self.module = module
        self.limit = limit

    def fit(
        self, statement: cst.CSTNode, indent: str, old: cst.CSTNode, new: cst.CSTNode, spliced: bool
    ) -> cst.CSTNode | None:
        """``new`` (replacing ``old`` in ``statement``), rewrapped to fit, or None.

        ``spliced``: the argv is ``new``'s own arguments (a call), not a list in it.
        """
        site = _Site(self, statement, indent, old)
        before = set(site.lines(old))
        # What follows an expression on its last line moves with its end: it must hold
        # no bracket that a continuation line is aligned under.
        end, after = site.end(old) if isinstance(old, cst.BaseExpression) else (None, "")
        for layout in self._layouts(site, new, spliced):
            if layout is None or any(
                len(line) > self.limit for line in site.lines(layout) if line not in before
            ):
                continue
            if end is None or not opens_a_bracket(after) or site.end(layout)[0] == end:
                return layout
        return None

    def _layouts(
        self, site: _Site, new: cst.CSTNode, spliced: bool
    ) -> Iterator[cst.CSTNode | None]:
        """``new`` as it is, then ever more wrapped."""
        yield new
        if spliced:
            assert isinstance(new, cst.Call)
            yield self._wrapped(site, new, new)
            yield self._wrapped(site, _hanging_after_paren(new), None)
            return
        argv = _first_list(new)
        if argv is None:
            return
        yield self._wrapped(site, new, argv)
        parent = _call_of(new, argv)
        if parent is None:
            return
        hanging = _hanging_after_paren(parent)
        for start in (new, hanging if parent is new else new.deep_replace(parent, hanging)):
            # The call's arguments one after another, then the list inside them.
            step = self._wrapped(site, start, _call_of(start, _first_list(start)), force=True)
            if step is not None:
                yield self._wrapped(site, step, _first_list(step)) or step

    def _wrapped(
        self,
        site: _Site,
        new: cst.CSTNode,
        target: cst.CSTNode | None,
        force: bool = False,
    ) -> cst.CSTNode | None:
        """``new`` with the items of ``target`` (a list or call in it, default ``new``) filled."""
        target = new if target is None else target
        if isinstance(target, cst.List) and target.elements:
            items: Sequence[cst.CSTNode] = target.elements
            column, tail = site.place(new, target)
            column += 1  # the items start after "["
        elif isinstance(target, cst.Call) and target.args:
            items = target.args
            column, _ = site.place(new, target.args[0].value)
            _, tail = site.place(new, target)
        else:
            return None
        tail += 1  # the closing bracket
        codes = [self.module.code_for_node(_without_comma(item)) for item in items]
        breaks = _line_breaks(codes, column, tail, self.limit, force)
        if breaks is None:
            return None
        rewrapped = [
            _with_comma(item, column if index in breaks else None)
            if index < len(items) - 1
            else _without_comma(item)
            for index, item in enumerate(items)
        ]
        if isinstance(target, cst.List):
            replacement: cst.CSTNode = target.with_changes(elements=rewrapped)
        else:
            replacement = target.with_changes(args=rewrapped)
        return new.deep_replace(target, replacement) if target is not new else replacement


class _Site:
    """One statement whose ``old`` node is replaced: renders it, finds columns in it."""

    def __init__(self, fitter: Fitter, statement: cst.CSTNode, indent: str, old: cst.CSTNode):
        self.module = fitter.module
        self.statement = statement
        self.indent = indent
        self.old = old

    def place(self, new: cst.CSTNode, node: cst.CSTNode) -> tuple[int, int]:
        """Column where ``node`` starts, and the length of the text after it on its line."""
        sentinel = cst.Name(_SENTINEL)
        for line in self.lines(new.deep_replace(node, sentinel) if node is not new else sentinel):
            if _SENTINEL in line:
                column = line.index(_SENTINEL)
                return column, len(line) - column - len(_SENTINEL)
        raise AssertionError("the sentinel is rendered")

    def end(self, new: cst.CSTNode) -> tuple[int, str]:
        """Column where ``new`` ends on its last line, and the text after it there."""
        marked = self.lines(cst.Name(_SENTINEL))
        row = next(index for index, line in enumerate(marked) if _SENTINEL in line)
        after = marked[row].split(_SENTINEL, 1)[1]
        lines = self.lines(new)
        last = lines[row + len(lines) - len(marked)]
        return len(last) - len(after), after

    def lines(self, new: cst.CSTNode) -> list[str]:
        statement = (
            self.statement if new is self.old else self.statement.deep_replace(self.old, new)
        )
        state = CodegenState(
            default_indent=self.module.default_indent,
            default_newline=self.module.default_newline,
            indent_tokens=[self.indent] if self.indent else [],
        )
        statement._codegen(state)
        return code_lines("".join(state.tokens))


def _first_list(node: cst.CSTNode) -> cst.List | None:
    found = m.findall(node, m.List())
    return found[0] if found else None  # type: ignore[return-value]


def _call_of(node: cst.CSTNode, argument: cst.CSTNode | None) -> cst.Call | None:
    """The call in ``node`` that has ``argument`` as one of its arguments."""
    for call in m.findall(node, m.Call()):
        assert isinstance(call, cst.Call)
        if any(arg.value is argument for arg in call.args):
            return call
    return None


def _line_breaks(
    codes: Sequence[str], column: int, tail: int, limit: int, force: bool
) -> set[int] | None:
    """Indices of items after which a new line starts, filling each line greedily.

    ``force``: an item too long for any line still gets a line of its own
    (it is wrapped inside afterwards) instead of failing.
    """
    breaks: set[int] = set()
    width = 0  # of the current line's items so far, separators included
    for index, code in enumerate(codes):
        last = index == len(codes) - 1
        end = tail if last else 1  # the closing text, or a comma
        added = len(code) if width == 0 else 2 + len(code)
        if width and column + width + added + end > limit:
            breaks.add(index - 1)
            width, added = 0, len(code)
        if column + added + end > limit:
            if not force:
                return None
            if not last:
                breaks.add(index)
            width = 0
            continue
        width += added
    return breaks


def _with_comma(item: cst.CSTNode, new_line_column: int | None) -> cst.CSTNode:
    after: cst.BaseParenthesizableWhitespace = cst.SimpleWhitespace(" ")
    if new_line_column is not None:
        after = cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            indent=False,
            last_line=cst.SimpleWhitespace(" " * new_line_column),
        )
    return item.with_changes(comma=cst.Comma(whitespace_after=after))


def _without_comma(item: cst.CSTNode) -> cst.CSTNode:
    return item.with_changes(comma=cst.MaybeSentinel.DEFAULT)


def _hanging_after_paren(call: cst.Call) -> cst.Call:
    return call.with_changes(
        whitespace_before_args=cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            indent=True,
            last_line=cst.SimpleWhitespace(_HANGING_INDENT),
        )
    )
