"""Each node's parent, as LibCST's ``ParentNodeProvider`` gives it, in one cheap pass.

LibCST's provider visits the module and, at every node, visits the node's
children again to list them: two traversals that rebuild every node, the
costliest metadata of a module after scope analysis. A node's children are
the nodes its fields hold (a field holds a node or a sequence of them), so
reading the fields gives the same parents without visiting.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Callable

import libcst as cst
from libcst.metadata import BaseMetadataProvider


class ParentProvider(BaseMetadataProvider[cst.CSTNode]):
    """The node each node is a child of; the module has none."""

    def _gen_impl(self, module: cst.Module) -> None:
        set_parent = self.set_metadata
        pending: list[cst.CSTNode] = [module]
        while pending:
            node = pending.pop()
            for value in _field_values(type(node))(node):
                if isinstance(value, cst.CSTNode):
                    set_parent(value, node)
                    pending.append(value)
                elif isinstance(value, (list, tuple)):
                    for item in value:
                        if isinstance(item, cst.CSTNode):
                            set_parent(item, node)
                            pending.append(item)


@functools.cache
def _field_values(node_type: type[cst.CSTNode]) -> Callable[[cst.CSTNode], tuple]:
    """A function giving the values of a node's fields: one C call per node."""
    names = [field.name for field in dataclasses.fields(node_type)]
    if len(names) == 1:
        return lambda node: (getattr(node, names[0]),)
    return operator.attrgetter(*names) if names else lambda node: ()
