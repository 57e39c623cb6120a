"""Cheap pre-filters of ``cleanup-on-failure``: can a file hold a site at all?"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from typing import Any

from cwemod.codemods._cleanup_pairs import BUILTIN_PAIRS, Pair, parse_pairs
from cwemod.codemods.base import imported_tails
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.kit.text import (
    CALLED_OR_BOUND,
    called_on_a_name,
    dotted_tail_imported,
    name_then,
    parameter_names,
)

# Every built-in acquire's source text contains one of these.
_BUILTIN_ACQUIRE_TEXT = (
    "mkdtemp",
    "mkstemp",
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


# The built-in acquires the gate names by their last part: functions, and methods taken
# on any receiver (a device made under its first argument's name) or on a plain name.
_FUNCTION_TAILS = tuple(
    sorted({pair.acquire.rpartition(".")[2] for pair in BUILTIN_PAIRS if not pair.is_method})
)
_ANY_RECEIVER = tuple(
    sorted(pair.acquire_name for pair in BUILTIN_PAIRS if pair.is_method and pair.by_argument)
)
_NAMED_RECEIVER = tuple(
    sorted(pair.acquire_name for pair in BUILTIN_PAIRS if pair.is_method and not pair.by_argument)
)


def may_hold_site(source: str, options: Mapping[str, Any]) -> bool:
    """The text test of :func:`functions_with_top_level_acquire`: False only where it finds none.

    Each function it yields calls a built-in acquire by its last name, or by
    a name an import binds to it: the source holds a function's name
    followed by ``(``, ``)`` or ``as``, or ending an ``import a.b.name``; a
    device method's name called; or ``create`` called on ``self``,
    ``super()`` or a name written in a ``def``'s parameters (the gate takes
    it on a parameter only). With configured pairs every file may.
    """
    if parse_pairs(options.get("pairs")):
        return True
    if name_then(source, (*_FUNCTION_TAILS, *_ANY_RECEIVER), CALLED_OR_BOUND) or any(
        dotted_tail_imported(source, tail) for tail in _FUNCTION_TAILS
    ):
        return True
    parameters = parameter_names(source)
    receivers = None if parameters is None else {"self", *parameters}
    return any(called_on_a_name(source, method, receivers) for method in _NAMED_RECEIVER)


def functions_with_top_level_acquire(
    tree: ast.Module, options: Mapping[str, Any]
) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Functions with a statement at the top of their body that may be a site.

    Follows ``AcquireFinder.acquire_at`` and the first tests of
    ``CleanupOnFailure._handle``, erring towards yes: an assigned call of an
    acquire function, or a method acquire on ``self``, ``super()`` or a
    parameter not rebound above (a device pair: on anything but a parameter).
    A method acquire (but a device pair's) after which nothing can fail is
    no site, as its resource is the receiver: ``_handle`` finds nothing to
    clean up after (``def __enter__(self): self.create(); return self``).
    """
    pairs = [*parse_pairs(options.get("pairs")), *BUILTIN_PAIRS]
    function_tails = {pair.acquire.rpartition(".")[2] for pair in pairs if not pair.is_method}
    imported = imported_tails(tree)
    for function in nodes(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = _parameters(function)
        rebound: set[str] = set()  # parameters a plain assignment above has rebound
        for index, statement in enumerate(function.body):
            if not isinstance(statement, (ast.Assign, ast.Expr)) or not isinstance(
                statement.value, ast.Call
            ):
                continue
            call = statement.value
            targets = statement.targets if isinstance(statement, ast.Assign) else []
            if (
                len(targets) == 1
                and isinstance(targets[0], (ast.Name, ast.Attribute, ast.Tuple, ast.List))
                and _may_name(call.func, function_tails, imported)
            ):
                yield function
                break
            method = _may_be_method_acquire(call, pairs, params, params - rebound)
            if method is not None and (method.by_argument or _may_fail(function.body[index + 1 :])):
                yield function
                break
            rebound.update(target.id for target in targets if isinstance(target, ast.Name))


def _may_name(func: ast.expr, function_tails: set[str], imported: Mapping[str, set[str]]) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr in function_tails
    return isinstance(func, ast.Name) and bool(
        {func.id, *imported.get(func.id, ())} & function_tails
    )


def _may_be_method_acquire(
    call: ast.Call, pairs: list[Pair], params: set[str], owned_params: set[str]
) -> Pair | None:
    """The pair of the method ``call`` may acquire with, when its receiver may own it.

    ``owned_params``: the parameters that still hold what the caller passed.
    """
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    pair = next((p for p in pairs if p.is_method and p.acquire_name == func.attr), None)
    if pair is None:
        return None
    receiver = func.value
    name = receiver.id if isinstance(receiver, ast.Name) else None
    if pair.by_argument:  # a device made under the name of its first argument, by a local
        named = bool(call.args) and isinstance(call.args[0], ast.Name)
        return pair if named and name not in params else None
    is_super = isinstance(receiver, ast.Call) and _is_name(receiver.func, "super")
    return pair if name == "self" or is_super or name in owned_params else None


def _may_fail(statements: list[ast.stmt]) -> bool:
    """``_cleanup_scan.can_fail``, erring towards yes: a call, raise, assert or subscript
    anywhere in them (a print or a log call too)."""
    risky = (ast.Call, ast.Raise, ast.Assert, ast.Subscript)
    return any(isinstance(node, risky) for statement in statements for node in ast.walk(statement))


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    arguments = function.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [star for star in (arguments.vararg, arguments.kwarg) if star is not None]
    return {argument.arg for argument in every}
