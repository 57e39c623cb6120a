"""Each node's parent, as LibCST's ``ParentNodeProvider`` gives it, in one cheap pass.

LibCST's provider visits the module and, at every node, visits the node's
children again to list them: two traversals that rebuild every node, the
costliest metadata of a module after scope analysis. A node's children are
the nodes its fields hold (a field holds a node or a sequence of them), so
reading the fields gives the same parents without visiting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst
from libcst.metadata import BaseMetadataProvider

from cwemod.codemods.kit.walk import field_names


class ParentProvider(BaseMetadataProvider[cst.CSTNode]):
    """The node each node is a child of; the module has none."""

    def _gen_impl(self, module: cst.Module) -> None:
        set_parent = self.set_metadata
        pending: list[cst.CSTNode] = [module]
        while pending:
            node = pending.pop()
            for name in field_names(type(node)):
                value = getattr(node, name)
                if isinstance(value, cst.CSTNode):
                    set_parent(value, node)
                    pending.append(value)
                elif isinstance(value, (list, tuple)):
                    for item in value:
                        if isinstance(item, cst.CSTNode):
                            set_parent(item, node)
                            pending.append(item)


def ancestors(
    node: cst.CSTNode, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> Iterator[cst.CSTNode]:
    """The nodes around ``node``, its parent first, up to the module."""
    current = parent_of(node)
    while current is not None:
        yield current
        current = parent_of(current)


def enclosing_function(
    node: cst.CSTNode, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> cst.FunctionDef | None:
    """The function whose body holds ``node``; None at module level or inside a lambda."""
    parent = parent_of(node)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
        parent = parent_of(parent)
    return parent if isinstance(parent, cst.FunctionDef) else None


def statement_in_block(
    node: cst.CSTNode, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> tuple[cst.IndentedBlock | cst.Module, int] | None:
    """The block (or module) holding ``node``'s statement, and the statement's index in it
    (a statement on its ``if`` line is the ``if``'s); None where the parents reach none."""
    child, parent = node, parent_of(node)
    while parent is not None and not isinstance(parent, (cst.IndentedBlock, cst.Module)):
        child, parent = parent, parent_of(parent)
    if parent is None:
        return None
    return parent, next(i for i, statement in enumerate(parent.body) if statement is child)
