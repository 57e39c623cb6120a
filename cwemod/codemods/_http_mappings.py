"""What an HTTP call's ``**mapping`` gives a keyword, shared by requests-timeout and tls-verify.

A call such as icinga2api's ``session.post(**request_args)`` takes its
keywords from a dict: the keys of the literal the mapping is bound to, and
those the code adds to it by key (``request_args['stream'] = True``, under
an ``if`` or not), by ``setdefault('stream', ...)`` or by
``update(stream=...)``. A local name is read in its function; a ``self.``
attribute in its class, where it is bound to a literal and set by key.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

import libcst as cst

from cwemod.codemods._http_calls import http_bindings, is_constant
from cwemod.codemods._http_sessions import plain_self_assignments
from cwemod.codemods._http_survey import VERBS
from cwemod.codemods.base import callee_tails, imported_tails
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import keyword_arg
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import is_string, string_key
from cwemod.codemods.kit.syntax import nodes

BoundOf = Callable[[cst.Name], list[cst.BaseExpression] | None]


def unpacked_values(
    call: cst.Call,
    key: str,
    bound_of: BoundOf,
    around: cst.CSTNode,
    owner: cst.ClassDef | None,
) -> list[cst.BaseExpression]:
    """What the ``**mapping`` arguments of ``call`` give ``key`` (see :func:`mapping_values`)."""
    return [
        value
        for arg in call.args
        if arg.star == "**"
        for value in mapping_values(arg.value, key, bound_of, around, owner)
    ]


def mapping_values(
    mapping: cst.BaseExpression,
    key: str,
    bound_of: BoundOf,
    around: cst.CSTNode,
    owner: cst.ClassDef | None,
) -> list[cst.BaseExpression]:
    """What ``mapping`` gives ``key``: the key's values in the dict literals it is bound to,
    then those ``around`` (the call's function) sets for a name, or ``owner`` (its class)
    for a ``self.`` attribute (see :func:`values_set`)."""
    if isinstance(mapping, cst.Name):
        bound, tree = bound_of(mapping) or [], around
    elif owner is not None and m.matches(mapping, m.Attribute(value=m.Name("self"))):
        bound = plain_self_assignments(owner, mapping.attr.value)  # type: ignore[attr-defined]
        tree = owner
    else:
        return []
    literal = [value for value in bound for value in literal_values(value, key)]
    return literal + values_set(tree, mapping, key)


def literal_values(value: cst.BaseExpression, key: str) -> list[cst.BaseExpression]:
    """The values ``value``, where it is a dict literal, gives the string key ``key``."""
    if not isinstance(value, cst.Dict):
        return []
    return [
        element.value
        for element in value.elements
        if isinstance(element, cst.DictElement) and is_string(element.key, key)
    ]


def values_set(
    tree: cst.CSTNode, mapping: cst.BaseExpression, key: str
) -> list[cst.BaseExpression]:
    """What ``tree`` sets ``mapping[key]`` to (``mapping`` a name or ``self.`` attribute), in
    source order: by item, by ``setdefault`` and by ``update`` (a keyword or a dict literal);
    a ``setdefault(key)`` call itself, which gives no value to read."""
    values = [
        assign.value
        for assign in nodes_of_type(tree, cst.Assign)
        if any(_is_item(target.target, mapping, key) for target in assign.targets)
    ]
    for call in nodes_of_type(tree, cst.Call):
        value = _set_by_call(call, mapping, key)
        if value is not None:
            values.append(value)
    return values


def same_mapping(node: cst.BaseExpression, mapping: cst.BaseExpression) -> bool:
    """Is ``node`` written as ``mapping``, a name or a ``self.`` attribute?"""
    if isinstance(mapping, cst.Name):
        return isinstance(node, cst.Name) and node.value == mapping.value
    return (
        isinstance(mapping, cst.Attribute)
        and isinstance(node, cst.Attribute)
        and node.attr.value == mapping.attr.value
        and m.matches(node.value, m.Name("self"))
        and m.matches(mapping.value, m.Name("self"))
    )


def _is_item(node: cst.BaseExpression, mapping: cst.BaseExpression, key: str) -> bool:
    """Is ``node`` ``mapping['key']``?"""
    return (
        isinstance(node, cst.Subscript)
        and same_mapping(node.value, mapping)
        and string_key(node) == key
    )


def _set_by_call(
    call: cst.Call, mapping: cst.BaseExpression, key: str
) -> cst.BaseExpression | None:
    """The value of ``mapping.setdefault(key, value)`` or ``mapping.update(key=value)`` (or
    of a dict literal's ``key``); the call itself where it gives none to read."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and same_mapping(func.value, mapping)):
        return None
    if func.attr.value == "setdefault":
        if not (call.args and is_string(call.args[0].value, key)):
            return None
        return call.args[1].value if len(call.args) > 1 else call
    if func.attr.value == "update":
        keyword = keyword_arg(call, key)
        if keyword is not None:
            return keyword.value
        for arg in call.args:
            found = literal_values(arg.value, key)
            if found:
                return found[0]
    return None


def may_unpack_a_constant(tree: ast.Module, key: str, value: object) -> list[ast.Call]:
    """The ast gate: calls of an HTTP verb (``requests.post``, ``session.post``) that pass a
    ``**mapping``, in a module that gives the string key ``key`` the constant ``value`` in a
    dict literal, by item, or by ``update``/``setdefault``, and imports requests or httpx
    (as :func:`~cwemod.codemods._http_calls.may_import_http_library` tests the text),
    erring towards more calls."""
    if not http_bindings(tree) or not any(
        _gives(node, key, value) for node in nodes(tree, (ast.Dict, ast.Assign, ast.Call))
    ):
        return []
    imported = imported_tails(tree)
    return [
        call
        for call in nodes(tree, ast.Call)
        if any(keyword.arg is None for keyword in call.keywords)
        and callee_tails(call.func, imported) & _CALLEES
    ]


_CALLEES = frozenset((*VERBS, "stream", "Client", "AsyncClient"))


def _gives(node: ast.AST, key: str, value: object) -> bool:
    """Does ``node`` give ``key`` the constant ``value`` (``{key: value}``, ``x[key] = value``,
    ``x.update(key=value)``, ``x.setdefault(key, value)``)?"""
    if isinstance(node, ast.Dict):
        pairs = zip(node.keys, node.values)
        return any(_is_key(k, key) and is_constant(v, value) for k, v in pairs)
    if isinstance(node, ast.Assign):
        return is_constant(node.value, value) and any(
            isinstance(target, ast.Subscript) and _is_key(target.slice, key)
            for target in node.targets
        )
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    if node.func.attr == "update":
        return any(k.arg == key and is_constant(k.value, value) for k in node.keywords)
    return (
        node.func.attr == "setdefault"
        and len(node.args) == 2
        and _is_key(node.args[0], key)
        and is_constant(node.args[1], value)
    )


def _is_key(node: ast.AST | None, key: str) -> bool:
    return isinstance(node, ast.Constant) and node.value == key


def literal_keys(value: cst.BaseExpression) -> set[str] | None:
    """The keys of a dict literal whose keys are all string literals; else None."""
    if not isinstance(value, cst.Dict):
        return None
    keys: set[str] = set()
    for element in value.elements:
        key = element.key if isinstance(element, cst.DictElement) else None
        text = key.evaluated_value if isinstance(key, cst.SimpleString) else None
        if not isinstance(text, str):
            return None
        keys.add(text)
    return keys


def sole_target(
    parent: cst.CSTNode | None, target: cst.CSTNode, parent_of: Callable[[cst.CSTNode], Any]
) -> cst.Assign | cst.AnnAssign | None:
    """The statement that assigns to ``target`` (whose parent is ``parent``) and nothing else."""
    if isinstance(parent, cst.AnnAssign):
        return parent if parent.target is target and parent.value is not None else None
    if not isinstance(parent, cst.AssignTarget) or parent.target is not target:
        return None
    assign = parent_of(parent)
    return assign if isinstance(assign, cst.Assign) and len(assign.targets) == 1 else None


def class_binds(owner: cst.ClassDef, name: str) -> bool:
    """Does the class body itself bind ``name`` (a class attribute the instance's may shadow)?"""
    return any(
        m.findall(statement, m.AssignTarget(target=m.Name(name)) | m.AnnAssign(target=m.Name(name)))
        for statement in owner.body.body
        if isinstance(statement, cst.SimpleStatementLine)
    )


def changed_by_literal_keys_only(function: cst.FunctionDef, mapping: str) -> bool:
    """Does ``function`` change ``mapping`` only by ``mapping['key'] = ...`` with string keys
    other than timeout (bugsnag's ``req_options['proxies'] = ...``)?"""
    for call in nodes_of_type(function, cst.Call):
        func = call.func
        if m.matches(func, m.Attribute(value=m.Name(mapping))) and func.attr.value in (  # type: ignore[attr-defined]
            "update",
            "setdefault",
            "__setitem__",
        ):
            return False
    for assign in nodes_of_type(function, cst.Assign):
        for target in assign.targets:
            item = target.target
            if isinstance(item, cst.Subscript) and m.matches(item.value, m.Name(mapping)):
                key = string_key(item)
                if key is None or key == "timeout":
                    return False
    return True
