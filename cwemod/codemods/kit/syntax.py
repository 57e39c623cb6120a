"""The nodes of a stdlib ``ast`` tree by type, found in one walk shared by every gate.

The syntactic gates (:meth:`cwemod.codemods.base.Codemod.might_change`) and
the project surveys each look for a few node types. ``ast.walk`` is a
generator over generators, and eighteen gates walking the same tree cost
more than parsing it; here the tree is walked once, without generators, and
each gate reads the list of the type it wants.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass, field
from typing import TypeVar, overload

NodeT = TypeVar("NodeT", bound=ast.AST)

# Leaves that every operator and name carries; no gate looks for them.
_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


@overload
def nodes(tree: ast.AST, node_type: type[NodeT]) -> list[NodeT]: ...
@overload
def nodes(tree: ast.AST, node_type: tuple[type[ast.AST], ...]) -> list[ast.AST]: ...
def nodes(tree, node_type):
    """Every node of ``node_type`` (a class or a tuple) in ``tree``, in ``ast.walk`` order.

    Operator and context leaves (``ast.Load``, ``ast.Add``…) are not indexed.
    Callers only read the list.
    """
    index = _index(tree)
    if isinstance(node_type, type) and not node_type.__subclasses__():
        return index.by_type.get(node_type, [])
    return [node for node in index.walk if isinstance(node, node_type)]


@dataclass
class _Index:
    walk: list[ast.AST] = field(default_factory=list)  # breadth first, as ``ast.walk``
    by_type: dict[type, list[ast.AST]] = field(default_factory=dict)


@functools.lru_cache(maxsize=2)  # the gates of one file ask in turn, file by file
def _index(tree: ast.AST) -> _Index:
    index = _Index([tree])
    walk, by_type = index.walk, index.by_type
    position = 0
    while position < len(walk):  # ``walk`` grows as it is read: a breadth-first queue
        node = walk[position]
        position += 1
        by_type.setdefault(type(node), []).append(node)
        for name in node._fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if isinstance(item, ast.AST) and not isinstance(item, _LEAVES):
                        walk.append(item)
            elif isinstance(value, ast.AST) and not isinstance(value, _LEAVES):
                walk.append(value)
    return index
