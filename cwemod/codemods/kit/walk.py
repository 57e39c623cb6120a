"""A tree's nodes in source order, read from their fields instead of visited.

A LibCST visit, even a visitor's that changes nothing, builds every node of
the tree again; reading each node's fields takes half the time. The order
is LibCST's: a node's child fields are listed as LibCST's own visit of a
node of its type announces them (``on_visit_attribute``), which it does for
each field in turn, whether it holds a node, a sequence, or nothing. The
one exception is a field LibCST skips when it is None (an f-string field's
``format_spec``): a node that holds one where the node first listed held
None is listed again, by itself.
"""

from __future__ import annotations

import dataclasses
import functools

import libcst as cst


def preorder(
    tree: cst.CSTNode,
) -> tuple[list[cst.CSTNode], dict[cst.CSTNode, tuple[int, int]], set[cst.CSTNode]]:
    """The nodes of ``tree`` in source order; each one's span of indexes (its own, up to
    past its last node); and the nodes met more than once (a fix may place one twice),
    whose span is their last place's."""
    nodes: list[cst.CSTNode] = []
    spans: dict[cst.CSTNode, tuple[int, int]] = {}
    shared: set[cst.CSTNode] = set()
    pending: list[cst.CSTNode | int] = [tree]  # a node to enter, or the index of one to close
    while pending:
        item = pending.pop()
        if item.__class__ is int:
            spans[nodes[item]] = (item, len(nodes))
            continue
        if item in spans:
            shared.add(item)
        index = len(nodes)
        spans[item] = (index, index)
        nodes.append(item)
        pending.append(index)
        for name in _fields_last_first(item):
            value = getattr(item, name)
            if isinstance(value, cst.CSTNode):
                pending.append(value)
            elif value.__class__ is tuple or value.__class__ is list:
                pending.extend(reversed(value))
    return nodes, spans, shared


@functools.cache
def field_names(node_type: type[cst.CSTNode]) -> tuple[str, ...]:
    """The fields of ``node_type``, in order: its children, its tokens and its values."""
    return tuple(field.name for field in dataclasses.fields(node_type))


def _fields_last_first(node: cst.CSTNode) -> tuple[str, ...]:
    node_type = type(node)
    listed = _LISTED.get(node_type)
    if listed is None:
        listed = _LISTED[node_type] = _listed(node)
    fields, skipped_when_none = listed
    if any(getattr(node, name) is not None for name in skipped_when_none):
        return _listed(node)[0]
    return fields


def _listed(node: cst.CSTNode) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields LibCST visits in ``node``, last first; and the others that are None in it."""
    announced = _Announced(node)
    node._visit_and_replace_children(announced)
    fields = tuple(dict.fromkeys(announced.fields))
    unseen = (name for name in field_names(type(node)) if name not in fields)
    return fields[::-1], tuple(name for name in unseen if getattr(node, name) is None)


# node type -> its listed fields, as _listed gives them for the first node of the type
_LISTED: dict[type[cst.CSTNode], tuple[tuple[str, ...], tuple[str, ...]]] = {}


class _Announced(cst.CSTVisitor):
    """Records the fields LibCST announces as it visits one node's children, not theirs."""

    def __init__(self, node: cst.CSTNode) -> None:
        super().__init__()
        self.node = node
        self.fields: list[str] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        return False

    def on_leave(self, original_node: cst.CSTNode) -> None:
        pass

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        if node is self.node:
            self.fields.append(attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass
