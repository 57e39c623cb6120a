"""kit.walk: a tree's nodes, read from their fields, in the order a LibCST visit meets them."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from cwemod.codemods.kit import walk
from cwemod.codemods.kit.walk import preorder

BEFORE_AFTER = Path(__file__).resolve().parents[1] / "before_after"


class Visited(cst.CSTVisitor):
    """What a LibCST visit meets: each node in turn, its span, and the nodes met twice."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[cst.CSTNode] = []
        self.spans: dict[cst.CSTNode, tuple[int, int]] = {}
        self.shared: set[cst.CSTNode] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if node in self.spans:
            self.shared.add(node)
        self.spans[node] = (len(self.nodes), 0)
        self.nodes.append(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.spans[original_node] = (self.spans[original_node][0], len(self.nodes))


def assert_walked_as_visited(tree: cst.CSTNode) -> None:
    visited = Visited()
    tree.visit(visited)
    nodes, spans, shared = preorder(tree)
    assert len(nodes) == len(visited.nodes)
    assert all(ours is theirs for ours, theirs in zip(nodes, visited.nodes))
    assert spans == visited.spans
    assert shared == visited.shared


def test_every_case_module_is_walked_as_libcst_visits_it():
    for path in sorted(BEFORE_AFTER.rglob("*.py")):
        assert_walked_as_visited(cst.parse_module(path.read_bytes()))


@pytest.mark.parametrize(
    "source",
    [
        # a format_spec, skipped by LibCST where it is None, after nodes that had none
        'a = f"{x}"\nb = f"{y:>{width}}"\nc = f"{z!r}"\n',
        'b = f"{y:>{width}}"\na = f"{x}"\n',
        "from m import *\nfrom n import (a, b)\n",  # names: a node or a sequence
        "@d\nasync def f(a, /, b=1, *c, d, **e) -> int:\n    return [i async for i in a]\n",
    ],
)
def test_fields_skipped_when_none_are_walked_where_they_hold_nodes(source, monkeypatch):
    monkeypatch.setattr(walk, "_LISTED", {})  # learn every node type from this module
    assert_walked_as_visited(cst.parse_module(source))


def test_a_node_placed_twice_is_shared():
    name = cst.Name("x")
    module = cst.Module(body=[cst.SimpleStatementLine([cst.Expr(name)])] * 2)
    nodes, spans, shared = preorder(module)
    assert name in shared
    assert_walked_as_visited(module)


def test_a_part_of_a_tree_is_walked_by_itself():
    call = cst.parse_expression("f(g(1), key=h)")
    nodes, spans, _ = preorder(call)
    assert nodes[0] is call
    assert spans[call] == (0, len(nodes))
    assert_walked_as_visited(call)
