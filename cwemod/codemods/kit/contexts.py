"""Each expression's context, as LibCST's ``ExpressionContextProvider`` gives it, in one cheap pass.

Scope analysis depends on it, so every module a codemod asks about names
pays for it. LibCST's provider visits the whole module with a visitor per
assignment target, and a visit rebuilds every node; here the same rules
are applied while reading the nodes' fields (as ``kit/parents`` reads
them), about five times faster. The rules are the provider's, one for one:
a name, attribute, subscript, tuple, list or starred element gets the
context it is reached in; assignment targets, ``as`` names, loop and
comprehension targets, parameters and the names of functions and classes
are stores, ``del`` targets are deletions, and what an attribute or a
subscript reads is a load. What the provider does not visit gets nothing:
an attribute's name, and type parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import libcst as cst
from libcst.metadata import ExpressionContext

from cwemod.codemods.kit.walk import field_names

LOAD, STORE, DEL = ExpressionContext.LOAD, ExpressionContext.STORE, ExpressionContext.DEL

# Each entry of the walk: a node and the context it is reached in.
_Pending = list[tuple[cst.CSTNode, ExpressionContext]]


def expression_contexts(module: cst.Module) -> dict[cst.CSTNode, ExpressionContext]:
    """What ``ExpressionContextProvider`` computes for ``module``: node -> its context."""
    found: dict[cst.CSTNode, ExpressionContext] = {}
    pending: _Pending = [(module, LOAD)]
    while pending:
        node, context = pending.pop()
        kind = type(node)
        if kind in _OWN_CONTEXT:
            found[node] = context
        rule = _RULES.get(kind)
        if rule is None:
            pending.extend((child, context) for child in _children(node))
        else:
            rule(node, context, pending)
    return found


def _children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    for name in field_names(type(node)):
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            yield value
        elif isinstance(value, (list, tuple)):
            yield from (item for item in value if isinstance(item, cst.CSTNode))


def _each(
    nodes: Sequence[cst.CSTNode | None], context: ExpressionContext, pending: _Pending
) -> None:
    pending.extend((node, context) for node in nodes if node is not None)


def _name(node: cst.Name, context: ExpressionContext, pending: _Pending) -> None:
    return None  # its parentheses hold no name


def _read_value(
    node: cst.Attribute | cst.Subscript, context: ExpressionContext, pending: _Pending
) -> None:
    pending.append((node.value, LOAD))
    if isinstance(node, cst.Subscript):
        slices = node.slice
        _each(slices if isinstance(slices, Sequence) else [slices], LOAD, pending)


def _assign(node: cst.Assign, context: ExpressionContext, pending: _Pending) -> None:
    _each(node.targets, STORE, pending)
    pending.append((node.value, context))


def _store_target(node, context: ExpressionContext, pending: _Pending) -> None:
    """``AnnAssign``, ``AugAssign``, ``NamedExpr``: a stored target, the rest as reached."""
    pending.append((node.target, STORE))
    _each([getattr(node, "annotation", None), node.value], context, pending)


def _as_name(node: cst.AsName, context: ExpressionContext, pending: _Pending) -> None:
    pending.append((node.name, STORE))


def _comp_for(node: cst.CompFor, context: ExpressionContext, pending: _Pending) -> None:
    pending.append((node.target, STORE))
    _each([node.iter, *node.ifs, node.inner_for_in], context, pending)


def _for(node: cst.For, context: ExpressionContext, pending: _Pending) -> None:
    pending.append((node.target, STORE))
    _each([node.iter, node.body, node.orelse], context, pending)


def _del(node: cst.Del, context: ExpressionContext, pending: _Pending) -> None:
    pending.append((node.target, DEL))


def _class(node: cst.ClassDef, context: ExpressionContext, pending: _Pending) -> None:
    pending.append((node.name, STORE))
    _each([node.body, *node.bases, *node.keywords, *node.decorators], context, pending)


def _function(node: cst.FunctionDef, context: ExpressionContext, pending: _Pending) -> None:
    pending.append((node.name, STORE))
    _each([node.params, node.body, *node.decorators, node.returns], context, pending)


def _param(node: cst.Param, context: ExpressionContext, pending: _Pending) -> None:
    pending.append((node.name, STORE))
    _each([node.annotation, node.default], context, pending)


# The nodes that get the context they are reached in.
_OWN_CONTEXT = frozenset(
    {cst.Name, cst.Attribute, cst.Subscript, cst.Tuple, cst.List, cst.StarredElement}
)
# How the provider's visitor goes on from a node; any other node: to every child, as reached.
_RULES: dict[type, Callable[[cst.CSTNode, ExpressionContext, _Pending], None]] = {
    cst.Name: _name,
    cst.Attribute: _read_value,
    cst.Subscript: _read_value,
    cst.Assign: _assign,
    cst.AnnAssign: _store_target,
    cst.AugAssign: _store_target,
    cst.NamedExpr: _store_target,
    cst.AsName: _as_name,
    cst.CompFor: _comp_for,
    cst.For: _for,
    cst.Del: _del,
    cst.ClassDef: _class,
    cst.FunctionDef: _function,
    cst.Param: _param,
}
