"""The cheap syntactic test (stdlib ``ast``) behind ``SaltedLockName.might_change``."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from cwemod.codemods._lock_calls import (
    FILE_OPENERS,
    HAND_BUILT_LOCKS,
    LOCK,
    LOCK_FUNCTIONS,
    LOCK_PATH_IDENTIFIER,
    PARTIAL_FACTORIES,
)
from cwemod.codemods.base import callee_tails, imported_tails
from cwemod.codemods.kit.syntax import nodes


def may_record_a_lock_call(tree: ast.Module) -> bool:
    """Is there a call the codemod could key or refuse in a whole-tree run?

    Follows ``SaltedLockName.leave_Call`` by the last part of each callee's name
    (imports followed through their aliases), erring towards yes.
    """
    imported = imported_tails(tree)
    aliases = _module_alias_names(tree, imported)
    return any(
        _may_be_reported_lock_call(node, imported, aliases) for node in nodes(tree, ast.Call)
    )


def _tails(names: Any) -> set[str]:
    return {name.rpartition(".")[2] for name in names}


_ALWAYS_EXTERNAL_TAILS = _tails(
    name for name, sig in LOCK_FUNCTIONS.items() if sig.always_external
) | _tails(name for name, sig in PARTIAL_FACTORIES.items() if sig.always_external)
_LOCK_TAILS = _tails(LOCK_FUNCTIONS) - _ALWAYS_EXTERNAL_TAILS
_FACTORY_TAILS = _tails(PARTIAL_FACTORIES) - _ALWAYS_EXTERNAL_TAILS
_HAND_BUILT_TAILS = _tails(HAND_BUILT_LOCKS)
_OPENER_TAILS = _tails(FILE_OPENERS)


def _may_be_reported_lock_call(
    call: ast.Call, imported: Mapping[str, set[str]], aliases: Mapping[str, bool]
) -> bool:
    if any(keyword.arg == "external" for keyword in call.keywords):
        return True  # an external lock, or one decided at run time, of any callee
    names = callee_tails(call.func, imported)
    partial_of = (
        callee_tails(call.func.func, imported) if isinstance(call.func, ast.Call) else set()
    )
    alias = call.func.id if isinstance(call.func, ast.Name) else None
    # A plain name no import binds (a local ``lock = functools.partial(...)``) never
    # resolves to a lock function; module-level aliases are ``aliases``.
    lock_names = set() if alias is not None and alias not in imported else names
    if (
        lock_names & _ALWAYS_EXTERNAL_TAILS
        or partial_of & _ALWAYS_EXTERNAL_TAILS
        or aliases.get(alias, False)
    ):
        return True
    lock_like = lock_names & _LOCK_TAILS or partial_of & _FACTORY_TAILS or alias in aliases
    if lock_like and _may_be_external_or_odd(call):
        return True
    if names & _HAND_BUILT_TAILS or _may_be_lockutils_set_defaults(call.func, imported):
        return True
    if names & _OPENER_TAILS and any(
        _may_build_lock_path(value) for value in _argument_values(call)
    ):
        return True
    return (
        isinstance(call.func, ast.Attribute)
        and call.func.attr in ("set_override", "set_default")
        and any(_mentions_lock_path(value) for value in _argument_values(call))
    )


def _may_be_lockutils_set_defaults(func: ast.expr, imported: Mapping[str, set[str]]) -> bool:
    """``lockutils.set_defaults`` through any import; not ``db_options.set_defaults``.

    A plain ``set_defaults`` may have been imported from lockutils; an
    attribute's receiver must be lockutils itself, as LibCST qualifies it.
    """
    if isinstance(func, ast.Name):
        return "set_defaults" in callee_tails(func, imported)
    if not (isinstance(func, ast.Attribute) and func.attr == "set_defaults"):
        return False
    return "lockutils" in callee_tails(func.value, imported)


def _may_be_external_or_odd(call: ast.Call) -> bool:
    """Not certainly an in-process lock with a plain name (those are silent in whole-tree runs)."""
    unpacked = any(isinstance(arg, ast.Starred) for arg in call.args) or any(
        k.arg is None for k in call.keywords
    )
    named = bool(call.args) or any(keyword.arg == "name" for keyword in call.keywords)
    return unpacked or not named or len(call.args) > LOCK.external_index


def _argument_values(call: ast.Call) -> list[ast.expr]:
    return [*call.args, *(keyword.value for keyword in call.keywords)]


def _may_build_lock_path(value: ast.expr) -> bool:
    if isinstance(value, (ast.Name, ast.Attribute)):
        return False
    identifiers = [
        node.id
        if isinstance(node, ast.Name)
        else node.attr
        if isinstance(node, ast.Attribute)
        else node.arg
        for node in ast.walk(value)
        if isinstance(node, (ast.Name, ast.Attribute, ast.arg, ast.keyword))
    ]
    return any(identifier and LOCK_PATH_IDENTIFIER.search(identifier) for identifier in identifiers)


def _mentions_lock_path(value: ast.expr) -> bool:
    return any(
        isinstance(node, ast.Constant) and isinstance(node.value, str) and "lock_path" in node.value
        for node in ast.walk(value)
    )


def _module_alias_names(tree: ast.Module, imported: Mapping[str, set[str]]) -> dict[str, bool]:
    """Top-level names that may be bound to a lock function or a prefixed partial.

    The ``ast`` twin of ``SaltedLockName._module_aliases``. Each maps to whether
    its locks may be always external.
    """
    lock_tails = _LOCK_TAILS | _ALWAYS_EXTERNAL_TAILS | _FACTORY_TAILS
    aliases: dict[str, bool] = {}
    for statement in tree.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            continue
        target, tails = statement.targets[0], callee_tails(statement.value, imported)
        if isinstance(target, ast.Name) and tails & lock_tails:
            aliases[target.id] = aliases.get(target.id, False) or bool(
                tails & _ALWAYS_EXTERNAL_TAILS
            )
    return aliases
