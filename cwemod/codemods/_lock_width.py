"""Keeping a keyed lock call within the project's line length.

Wrapping the name makes the call longer. When it no longer fits, its
arguments are refilled in pycodestyle's visual-indent style (each line
starting under the first argument), which is how these calls are written
in OpenStack; a call with comments among its arguments is never refilled.
A name over several lines is never wrapped, nor an argument over several
lines moved to another column: their continuation lines would stay behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import libcst as cst

# LibCST's own renderer, given the indentation of the block around the node.
from libcst._nodes.internal import CodegenState

from cwemod.codemods._lock_calls import name_argument
from cwemod.codemods._lock_helper import wrap_name
from cwemod.codemods._lock_survey import LockSite
from cwemod.codemods.kit.growth import moves_an_aligned_bracket
from cwemod.codemods.kit.lines import flake8_configs
from cwemod.codemods.kit.match import nodes_of_type

_EMPTY = cst.Module([])
_MARK = "__cwemod_argument__"  # stands for an argument whose column is asked
# Statements whose continuation lines must not sit at the block's indent (pycodestyle E125).
_COMPOUND_HEADERS = {"with", "async", "if", "elif", "while", "for", "def", "class", "except"}
# pycodestyle's E126 (over-indented hanging indent) is off unless a project's ``ignore`` drops it.
_E126_OFF = re.compile(r"(?<![A-Z0-9])E(1(26?)?)?(?![0-9])")


def header_hanging_indent(block: str, root: str | None) -> str | None:
    """The hanging indent of a continuation line in a ``with``/``if``/... header, if any.

    It must differ from the block's own indent (E125), so it is two steps
    deep, which pycodestyle calls over-indented (E126) where the project's
    flake8 ``ignore`` list does not keep that check off. None there.
    """
    return block + " " * 8 if _e126_off(root) else None


@cache
def _e126_off(root: str | None) -> bool:
    if root is None:
        return True
    for parser in flake8_configs(Path(root)):
        if parser.has_section("flake8"):
            ignore = parser.get("flake8", "ignore", fallback=None)
            return ignore is None or bool(_E126_OFF.search(ignore.upper()))
    return True


# Why a keyed call cannot be laid out.
TOO_WIDE = "width"
SHIFTS = "alignment"
SPLIT_NAME = "split name"


def keyed_layout(
    original: cst.Call,
    keyed: cst.Call,
    lines: tuple[str, str],
    columns: tuple[int, int],
    limit: int,
    root: str | None,
    alone: bool = False,
) -> tuple[cst.Call | None, str | None]:
    """``keyed`` laid out in place of ``original`` within ``limit``, or why it cannot be
    (:data:`TOO_WIDE`, :data:`SHIFTS`, :data:`SPLIT_NAME`).

    ``lines`` are the call's first and last lines, ``columns`` where it starts
    on the first and ends on the last. ``alone``: the call was parsed on its
    own (:func:`keyed_site_fits`), its continuation lines indented in full
    rather than from the block's indent.
    """
    if _name_spans_lines(original):
        return None, SPLIT_NAME
    first, last = lines
    indent = first[: len(first) - len(first.lstrip())]
    header = first.split(None, 1)[0] in _COMPOUND_HEADERS if first.strip() else True
    hanging = header_hanging_indent(indent, root) if header else indent + "    "
    block = "" if alone else indent
    tail = len(last.rstrip()) - columns[1]
    fitted = fitted_call(keyed, columns[0], tail, limit, hanging, block)
    if fitted is None:
        return None, TOO_WIDE
    old, new = _rendered(original, block), _rendered(fitted, block)
    if moves_an_aligned_bracket(last, columns[0], columns[1], old, new) or _moves_a_split_argument(
        original, fitted, columns[0], block
    ):
        return None, SHIFTS
    return fitted, None


@cache
def keyed_site_fits(site: LockSite, helper: str, limit: int, root: str | None) -> bool:
    """Would the codemod lay ``site`` out keyed through ``helper`` (``utils.salted_lock_name``)
    in its own module's run? The same layout, on the site's own text."""
    if not site.source or "\r" in site.source:
        return False  # not measurable
    lines = site.source.split("\n")
    end = len(site.source) - len(lines[-1]) + site.end_column
    try:
        call = cst.parse_expression(site.source[site.column : end])
    except (cst.ParserSyntaxError, RecursionError):
        return False
    if not isinstance(call, cst.Call) or name_argument(call) is None:
        return False
    keyed = wrap_name(call, cst.parse_expression(helper))
    columns = (site.column, site.end_column)
    laid = keyed_layout(call, keyed, (lines[0], lines[-1]), columns, limit, root, alone=True)
    return laid[0] is not None


def fitted_call(
    call: cst.Call, column: int, tail: int, limit: int, hanging: str | None, block: str = ""
) -> cst.Call | None:
    """``call`` as it is, or refilled, so that every line fits ``limit``; None if it cannot.

    ``column`` is where the call starts on its first line, ``tail`` how many
    characters follow it on its last line (``:`` of a ``with``, for example).
    ``hanging`` is the indent of a hanging continuation line (``f(\n    x)``),
    None where one is not wanted (a ``with`` header, where pycodestyle
    wants it to differ from the block's indent). ``block`` is the indentation
    of the block the call is in: continuation lines of an indented
    parenthesis start with it.
    """
    if _fits(call, column, tail, limit, block):
        return call
    if _has_comments(call) or not call.args:
        return None
    before = call.whitespace_before_args
    if isinstance(before, cst.ParenthesizedWhitespace):  # already hanging: keep it so
        hanging = (block if before.indent else "") + before.last_line.value
    else:
        indent = " " * (column + len(_EMPTY.code_for_node(call.func)) + 1)
        refilled = _refill(call, limit, indent, hang=False, tail=tail)
        if _fits(refilled, column, tail, limit, block):
            return refilled
    if hanging is None:
        return None
    for refilled in _hanging_layouts(call, limit, hanging, tail):
        if _fits(refilled, column, tail, limit, block):
            return refilled
    return None


def _hanging_layouts(call: cst.Call, limit: int, hanging: str, tail: int) -> Iterator[cst.Call]:
    """``call``'s arguments on hanging lines at ``hanging``; then, each in turn, with an
    argument that is a call broken after its own bracket too, one indent deeper (how
    OpenStack writes ``synchronized(\n    utils.salted_lock_name(\n        'x' % y),\n
    external=True)``)."""
    yield _refill(call, limit, hanging, hang=True, tail=tail)
    for index, arg in enumerate(call.args):
        inner = arg.value
        if (
            isinstance(inner, cst.Call)
            and inner.args
            and not _has_comments(inner)
            and not isinstance(inner.whitespace_before_args, cst.ParenthesizedWhitespace)
        ):
            broken = inner.with_changes(whitespace_before_args=_newline_then(hanging + "    "))
            args = [*call.args[:index], arg.with_changes(value=broken), *call.args[index + 1 :]]
            yield _refill(call.with_changes(args=args), limit, hanging, hang=True, tail=tail)


def _name_spans_lines(call: cst.Call) -> bool:
    """Does the lock name break across lines? Its continuation lines are laid out under
    its first one (``'x-%s' % (a,\n               b)``, ``'x-%s'\n% (a, b)``): wrapping
    the name moves its first line on and leaves them out of line (pycodestyle's E128)."""
    name = name_argument(call)
    return name is not None and _spans_lines(name.value)


def _spans_lines(node: cst.CSTNode) -> bool:
    return any(
        isinstance(part, cst.ParenthesizedWhitespace) or "\n" in part.value
        for part in nodes_of_type(node, (cst.ParenthesizedWhitespace, cst.SimpleWhitespace))
    )


def _moves_a_split_argument(original: cst.Call, fitted: cst.Call, column: int, block: str) -> bool:
    """Does ``fitted`` start another argument that spans lines at another column than
    ``original`` does? Its own continuation lines stay where they were, out of line."""
    return any(
        _spans_lines(arg.value)
        and _argument_column(original, index, column, block)
        != _argument_column(fitted, index, column, block)
        for index, arg in enumerate(original.args)
    )


def _argument_column(call: cst.Call, index: int, column: int, block: str) -> int:
    """The column the value of ``call``'s argument ``index`` starts at (the call at ``column``)."""
    args = list(call.args)
    args[index] = args[index].with_changes(value=cst.Name(_MARK))
    code = _rendered(call.with_changes(args=args), block)
    before = code[: code.index(_MARK)]
    return len(before) + column if "\n" not in before else len(before.rpartition("\n")[2])


def _fits(call: cst.Call, column: int, tail: int, limit: int, block: str) -> bool:
    lines = _rendered(call, block).split("\n")
    widths = [column + len(lines[0]), *(len(line) for line in lines[1:])]
    widths[-1] += tail
    return max(widths) <= limit


def _rendered(call: cst.Call, block: str) -> str:
    """``call``'s code, its continuation lines indented from ``block``."""
    state = CodegenState(default_indent="    ", default_newline="\n", indent_tokens=[block])
    call._codegen(state)
    return "".join(state.tokens)


def _has_comments(call: cst.Call) -> bool:
    return "#" in "".join(
        _EMPTY.code_for_node(arg.comma) for arg in call.args if isinstance(arg.comma, cst.Comma)
    ) or "#" in _EMPTY.code_for_node(call.whitespace_before_args)


def _refill(call: cst.Call, limit: int, indent: str, hang: bool, tail: int) -> cst.Call:
    """Put as many arguments on each line as fit, continuation lines at ``indent``.

    ``hang``: the first argument starts a new line too.
    """
    args = [arg.with_changes(comma=cst.MaybeSentinel.DEFAULT) for arg in call.args]
    texts = [_EMPTY.code_for_node(arg) for arg in args]
    width = len(indent)
    laid: list[cst.Arg] = []
    for index, (arg, text) in enumerate(zip(args, texts)):
        needed = len(text) + 1 + (tail if index == len(args) - 1 else 0)  # and ')' or ','
        if "\n" in text or (laid and "\n" in texts[index - 1]):
            needed = limit  # an argument over several lines has them to itself
        if laid and width + 1 + needed > limit:
            previous = laid[-1]
            laid[-1] = previous.with_changes(comma=_comma_then_newline(indent))
            width = len(indent)
        elif laid:
            laid[-1] = laid[-1].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
            width += 1
        laid.append(arg)
        width += needed
    before = _newline_then(indent) if hang else cst.SimpleWhitespace("")
    return call.with_changes(args=laid, whitespace_before_args=before)


def _comma_then_newline(indent: str) -> cst.Comma:
    return cst.Comma(whitespace_after=_newline_then(indent))


def _newline_then(indent: str) -> cst.ParenthesizedWhitespace:
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=False,
        last_line=cst.SimpleWhitespace(indent),
    )
