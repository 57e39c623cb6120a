"""Cheap pre-filters of ``cleanup-on-failure``: can a file hold a site at all?"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from typing import Any

from cwemod.codemods._cleanup_pairs import BUILTIN_PAIRS, parse_pairs
from cwemod.codemods.base import imported_tails
from cwemod.codemods.kit.syntax import nodes

# Every built-in acquire's source text contains one of these.
_BUILTIN_ACQUIRE_TEXT = (
    "mkdtemp",
    "open(",
    "socket",
    "Temporary",
    "create(",
    "add_dummy(",
    "add_vxlan(",
    "add_veth(",
)


def may_hold_acquire(source: str, options: Mapping[str, Any] | None) -> bool:
    """Can ``source`` hold an acquire of a built-in or configured pair?

    Without the options any file can, since a configured pair may name anything.
    """
    if options is None:
        return True
    configured = [
        pair.acquire_name.rpartition(".")[2] for pair in parse_pairs(options.get("pairs"))
    ]
    return any(name in source for name in (*_BUILTIN_ACQUIRE_TEXT, *configured))


def functions_with_top_level_acquire(
    tree: ast.Module, options: Mapping[str, Any]
) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Only an acquire directly in a function body (one call, assigned or not) can be fixed."""
    pairs = [*parse_pairs(options.get("pairs")), *BUILTIN_PAIRS]
    function_tails = {pair.acquire.rpartition(".")[2] for pair in pairs if not pair.is_method}
    method_names = {pair.acquire_name for pair in pairs if pair.is_method}
    imported = imported_tails(tree)
    for function in nodes(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for statement in function.body:
            assigned = isinstance(statement, ast.Assign) and len(statement.targets) == 1
            if not (assigned or isinstance(statement, ast.Expr)) or not isinstance(
                statement.value, ast.Call
            ):
                continue
            func = statement.value.func
            if (isinstance(func, ast.Attribute) and func.attr in method_names) or (
                assigned and _may_name(func, function_tails, imported)
            ):
                yield function
                break


def _may_name(func: ast.expr, function_tails: set[str], imported: Mapping[str, set[str]]) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr in function_tails
    return isinstance(func, ast.Name) and (func.id in function_tails or func.id in imported)
