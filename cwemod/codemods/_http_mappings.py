"""What an HTTP call's ``**mapping`` gives a keyword, shared by requests-timeout and tls-verify.

A call such as icinga2api's ``session.post(**request_args)`` takes its
keywords from a dict: the keys of the literal the mapping is bound to, and
those the code adds to it by key (``request_args['stream'] = True``, under
an ``if`` or not), by ``setdefault('stream', ...)`` or by
``update(stream=...)``. A local name is read in its function; a ``self.``
attribute in its class, where it is bound to a literal and set by key.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._http_sessions import plain_self_assignments
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import keyword_arg
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import is_string, string_key

BoundOf = Callable[[cst.Name], list[cst.BaseExpression] | None]


def unpacked_values(
    call: cst.Call,
    key: str,
    bound_of: BoundOf,
    around: cst.CSTNode,
    owner: cst.ClassDef | None,
) -> list[cst.BaseExpression]:
    """What the ``**mapping`` arguments of ``call`` give ``key``: the key's values in the dict
    literals a mapping is bound to, then those ``around`` (the call's function) sets for a
    name, or ``owner`` (its class) for a ``self.`` attribute (see :func:`values_set`)."""
    values: list[cst.BaseExpression] = []
    for arg in call.args:
        mapping = arg.value
        if arg.star != "**":
            continue
        if isinstance(mapping, cst.Name):
            bound, tree = bound_of(mapping) or [], around
        elif owner is not None and m.matches(mapping, m.Attribute(value=m.Name("self"))):
            bound = plain_self_assignments(owner, mapping.attr.value)  # type: ignore[attr-defined]
            tree = owner
        else:
            continue
        values += [value for literal in bound for value in literal_values(literal, key)]
        values += values_set(tree, mapping, key)
    return values


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
