"""The source text of a node."""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import TypeVar

import libcst as cst

T = TypeVar("T")

_EMPTY_MODULE = cst.Module(body=[])


def code_of(node: cst.CSTNode) -> str:
    """``node`` as source, in the default formatting of an empty module (4 spaces, ``\\n``)."""
    return _EMPTY_MODULE.code_for_node(node)


# module -> its code, for the last few trees: every codemod on a tree asks for its lines.
_CODES: OrderedDict[cst.Module, str] = OrderedDict()
_KEPT = 2  # the tree a file parsed to, and the one its latest fix made


def keep_for_tree(memo: OrderedDict[cst.Module, T], module: cst.Module, value: T) -> T:
    """Keep ``value`` in ``memo`` for ``module``, and only the last few trees' values.

    For what is worked out once per tree and asked by every codemod that
    runs on it; a tree never changes (a fix makes a new one).
    """
    memo[module] = value
    memo.move_to_end(module)
    while len(memo) > _KEPT:
        memo.popitem(last=False)
    return value


def module_code(module: cst.Module) -> str:
    """``module.code``, generated once per tree, and never for a tree the engine parsed.

    LibCST gives a parsed tree's text back unchanged, so the engine hands it
    over (:func:`remember_code`) and no codemod regenerates it.
    """
    code = _CODES.get(module)
    if code is None:
        code = module.code
        remember_code(module, code)
    return code


def remember_code(module: cst.Module, code: str) -> None:
    """Say that ``code`` is ``module.code`` (it parsed from it)."""
    keep_for_tree(_CODES, module, code)


_LINE_END = re.compile(r"\r\n|\r|\n")


def code_lines(code: str) -> list[str]:
    """``code``'s lines, without their ends, numbered as LibCST's positions count them.

    Lines end at LF, CRLF and CR, as Python's tokenizer ends them; not at
    the form feeds (``^L`` page breaks) and other separators that
    ``str.splitlines()`` also splits at, which would shift every line below.
    """
    return _LINE_END.split(code)


_LINES: OrderedDict[cst.Module, list[str]] = OrderedDict()


def module_lines(module: cst.Module) -> list[str]:
    """:func:`code_lines` of :func:`module_code`, once per tree."""
    lines = _LINES.get(module)
    if lines is None:
        lines = keep_for_tree(_LINES, module, code_lines(module_code(module)))
    return lines
