"""The few LibCST matchers cwemod uses, without importing ``libcst.matchers``.

``libcst.matchers`` defines a matcher class for every node type, hundreds of
dataclasses: importing it costs about 0.4 s, more than LibCST itself, in every
process that runs a codemod. cwemod's codemods only ask whether a node is of
one type with some fields equal to values or matching nested patterns, or
one of several such patterns. This module answers that with LibCST's
spelling, so ``import cwemod.codemods.kit.match as m`` reads as before::

    m.matches(node, m.Call(func=m.Name("open") | m.Attribute(attr=m.Name("open"))))
    m.findall(function, m.Return() | m.Yield())

As with LibCST's matchers, positional arguments constrain the node's
fields in order (``m.Name("x")`` is ``m.Name(value="x")``), and a list or
tuple matches a sequence of the same length element by element. There are
no wildcards (``ZeroOrMore``), metadata or predicates: none is used.
"""

from __future__ import annotations

import bisect
import functools
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any, TypeVar

import libcst as cst

from cwemod.codemods.kit.source import keep_for_tree
from cwemod.codemods.kit.walk import field_names, preorder

NodeT = TypeVar("NodeT", bound=cst.CSTNode)


class Pattern:
    """A node of ``node_type`` whose given fields match (see :func:`matches`)."""

    __slots__ = ("node_type", "fields", "_type_name")

    def __init__(self, node_type: type[cst.CSTNode], *values: Any, **fields: Any) -> None:
        names = field_names(node_type)
        if len(values) > len(names):
            raise TypeError(f"{node_type.__name__} has {len(names)} fields")
        for name in fields:
            if name not in names:
                raise TypeError(f"{node_type.__name__} has no field {name!r}")
        self.node_type = node_type
        self.fields = {**dict(zip(names, values)), **fields}
        self._type_name = node_type.__name__

    def matches(self, node: object) -> bool:
        # By the class's name, as LibCST's matchers compare a node with a matcher.
        return type(node).__name__ == self._type_name and all(
            _matches(getattr(node, name), expected) for name, expected in self.fields.items()
        )

    def __or__(self, other: Pattern | OneOf) -> OneOf:
        return OneOf(self, other)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.fields.items())
        return f"m.{self.node_type.__name__}({fields})"


class OneOf:
    """Any of ``options``: what ``a | b`` makes."""

    __slots__ = ("options",)

    def __init__(self, *options: Pattern | OneOf) -> None:
        self.options: tuple[Pattern, ...] = tuple(
            pattern
            for option in options
            for pattern in (option.options if isinstance(option, OneOf) else (option,))
        )

    def matches(self, node: object) -> bool:
        return any(option.matches(node) for option in self.options)

    def __or__(self, other: Pattern | OneOf) -> OneOf:
        return OneOf(self, other)

    def __repr__(self) -> str:
        return " | ".join(map(repr, self.options))


BaseMatcherNode = Pattern | OneOf


def matches(node: object, pattern: BaseMatcherNode) -> bool:
    """Does ``node`` match ``pattern``? False for anything that is no node of its type."""
    return pattern.matches(node)


def findall(tree: cst.CSTNode, pattern: BaseMatcherNode) -> list[cst.CSTNode]:
    """Every node of ``tree`` (``tree`` too) that matches ``pattern``, in source order."""
    options = pattern.options if isinstance(pattern, OneOf) else (pattern,)
    node_types = tuple({option.node_type for option in options})
    return [node for node in nodes_of_type(tree, node_types) if pattern.matches(node)]


def nodes_of_type(
    tree: cst.CSTNode, node_type: type[NodeT] | tuple[type[NodeT], ...]
) -> list[NodeT]:
    """Every node of ``node_type`` (a class or a tuple) in ``tree`` (``tree`` too), in source order.

    What ``findall(tree, m.NodeType())`` finds, without matching each node's fields.
    A whole module is walked once for all the codemods that ask, of it or of any
    part of it (10 ms on a 470-line module): a tree never changes (a codemod's
    changes make a new one). A part of a tree not walked yet (a node a fix
    made) is walked by itself.
    """
    if isinstance(tree, cst.Module):
        walked = _MODULE_NODES.get(tree)
        if walked is None:
            walked = keep_for_tree(_MODULE_NODES, tree, _Preorder(tree))
        return walked.within(tree, node_type) or []
    for walked in reversed(_MODULE_NODES.values()):
        found = walked.within(tree, node_type)
        if found is not None:
            return found
    return [node for node in preorder(tree)[0] if isinstance(node, node_type)]


class _Preorder:
    """Every node of a module in source order, and where each node's own nodes lie among them.

    Asked for the nodes of one type in a part of the module (cinder's 3,500-line
    class, once for each ``self.session.get()`` in it), it slices the list of that
    type's nodes: the visit those questions made took 34 s of the file's 37.
    """

    def __init__(self, module: cst.Module) -> None:
        self._nodes, self._spans, self._shared = preorder(module)
        self._by_class: defaultdict[type[cst.CSTNode], list[int]] = defaultdict(list)
        for index, node in enumerate(self._nodes):  # node class -> the indexes of its nodes
            self._by_class[type(node)].append(index)
        self._typed: dict[Any, tuple[list[int], list[Any]]] = {}

    def within(self, tree: cst.CSTNode, node_type: Any) -> list[Any] | None:
        """The nodes of ``node_type`` in ``tree``; None when ``tree`` has no one place here."""
        span = self._spans.get(tree)
        if span is None or tree in self._shared:
            return None
        typed = self._typed.get(node_type)
        if typed is None:
            kinds = [kind for kind in self._by_class if issubclass(kind, node_type)]
            indexes = sorted(chain.from_iterable(self._by_class[kind] for kind in kinds))
            typed = self._typed[node_type] = (indexes, [self._nodes[i] for i in indexes])
        indexes, nodes = typed
        return nodes[bisect.bisect_left(indexes, span[0]) : bisect.bisect_left(indexes, span[1])]


# module -> its nodes in source order, for the last few trees
_MODULE_NODES: OrderedDict[cst.Module, _Preorder] = OrderedDict()


def _matches(value: object, expected: object) -> bool:
    if isinstance(expected, (Pattern, OneOf)):
        return expected.matches(value)
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(value, Sequence)
            and not isinstance(value, str)
            and len(value) == len(expected)
            and all(_matches(item, wanted) for item, wanted in zip(value, expected))
        )
    return value == expected


@functools.cache
def _pattern_of(name: str) -> Callable[..., Pattern]:
    node_type = getattr(cst, name, None)
    if not (isinstance(node_type, type) and issubclass(node_type, cst.CSTNode)):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return functools.partial(Pattern, node_type)


def __getattr__(name: str) -> Callable[..., Pattern]:
    """``m.Call``, ``m.Name``…: a pattern maker for each of LibCST's node types."""
    return _pattern_of(name)
