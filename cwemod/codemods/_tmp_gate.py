"""The ``ast`` gate of ``hardcoded-tmp``: can a module hold a literal or a gettempdir() path?"""

from __future__ import annotations

import ast
from typing import NamedTuple

from cwemod.codemods._tmp_uses import is_shared_tmp_path
from cwemod.codemods.kit.syntax import last_name, nodes


def might_name_a_shared_path(tree: ast.Module) -> bool:
    """A shared directory's literal, or a fixed or joined name under gettempdir()?"""
    if any(
        isinstance(node.value, str) and is_shared_tmp_path(node.value)
        for node in nodes(tree, ast.Constant)
    ):
        return True
    known = _gettempdir_names(tree)
    return any(
        _names_a_file_in_gettempdir(node, known)
        for node in nodes(tree, (ast.JoinedStr, ast.BinOp, ast.Call))
    )


# The last names of _PATH_JOINS and _PATH_CLASSES, for the ``ast`` gate.
_JOINS_BY_LAST_NAME = frozenset({"join", "Path", "PurePath", "PosixPath"})


def _names_a_file_in_gettempdir(node: ast.AST, known: _GettempdirNames) -> bool:
    """The ``ast`` gate's :meth:`HardcodedTmp._in_gettempdir`,
    :meth:`HardcodedTmp._joined_to_gettempdir` and the joins of
    :meth:`HardcodedTmp.visit_Call` and ``visit_BinaryOperation``, by the call's last name:
    whether ``node`` (an f-string, a ``%``, ``+`` or ``/``, a call) is a gettempdir() (or
    a name bound to one) and some text or name, whatever it is."""
    if isinstance(node, ast.Call) and last_name(node.func) in _JOINS_BY_LAST_NAME:
        return len(node.args) >= 2 and _in_gettempdir_in_ast(node.args[0], known)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left = node.left
        return (
            isinstance(left, ast.Call)
            and last_name(left.func) in _JOINS_BY_LAST_NAME
            and len(left.args) == 1
            and _in_gettempdir_in_ast(left.args[0], known)
        )
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if len(node.values) >= 2 else None
        return isinstance(first, ast.FormattedValue) and _in_gettempdir_in_ast(first.value, known)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _in_gettempdir_in_ast(node.left, known)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        right = node.right
        if isinstance(right, ast.Tuple):
            right = right.elts[0] if right.elts else None
        return _in_gettempdir_in_ast(right, known)
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "format"
        and bool(node.args)
        and _in_gettempdir_in_ast(node.args[0], known)
    )


class _GettempdirNames(NamedTuple):
    """For the ``ast`` gate: the names a call of gettempdir() is made by (``gettempdir``, and
    what ``from tempfile import gettempdir as g`` binds), and the names the module assigns
    such a call to, in any scope (pyroma's ``tempdir = tempfile.gettempdir()``)."""

    callees: frozenset[str]
    bound: frozenset[str]


def _gettempdir_names(tree: ast.Module) -> _GettempdirNames:
    callees = {"gettempdir"} | {
        alias.asname
        for node in nodes(tree, ast.ImportFrom)
        for alias in node.names
        if alias.name == "gettempdir" and alias.asname
    }
    known = _GettempdirNames(frozenset(callees), frozenset())
    bound = {
        target.id
        for node in nodes(tree, (ast.Assign, ast.AnnAssign))
        if _calls_gettempdir(node.value, known)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    return known._replace(bound=frozenset(bound))


def _calls_gettempdir(node: ast.AST | None, known: _GettempdirNames) -> bool:
    return isinstance(node, ast.Call) and last_name(node.func) in known.callees


def _in_gettempdir_in_ast(node: ast.AST | None, known: _GettempdirNames) -> bool:
    return _calls_gettempdir(node, known) or (isinstance(node, ast.Name) and node.id in known.bound)
