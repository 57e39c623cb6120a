"""kit.match answers as ``libcst.matchers`` does, for every shape of pattern cwemod writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import libcst as cst
import libcst.matchers as libcst_matchers
import pytest

from cwemod.codemods.base import nodes_of_type
from cwemod.codemods.kit import match

BEFORE_AFTER = Path(__file__).resolve().parent.parent / "before_after"


def patterns(m):
    """One of each shape the codemods use, spelled alike for both modules."""
    return [
        m.Name(),
        m.Name("False"),
        m.Name() | m.Attribute(value=m.Name()),
        m.Name("True") | m.Name("None"),
        m.Call(),
        m.Call(args=()),
        m.Call(func=m.Name("super")),
        m.Call(func=m.Name("getLogger") | m.Attribute(attr=m.Name("getLogger"))),
        m.Call(func=m.Attribute()),
        m.Call(func=m.Attribute(attr=m.Name("join"))),
        m.Attribute(m.Name("os"), m.Name("path")),
        m.Integer(value="0"),
        m.SimpleStatementLine([m.Expr(m.SimpleString() | m.ConcatenatedString())]),
        m.SimpleStatementLine([m.ImportFrom(module=m.Name("__future__"))]),
        m.IndentedBlock([m.SimpleStatementLine([m.Pass()])]) | m.SimpleStatementSuite([m.Pass()]),
        m.SimpleStatementSuite(body=[m.Pass() | m.Expr()]),
        m.Assign(targets=[m.AssignTarget(target=m.Name())]),
        m.Assign(targets=[m.AssignTarget(target=m.Name("path"))]),
        m.FunctionDef(name=m.Name("run")),
        m.Return() | m.Yield(),
        m.Assign() | m.AugAssign() | m.AnnAssign(),
        m.FunctionDef() | m.Lambda() | m.ClassDef(),
        m.Call() | m.Raise() | m.Assert() | m.Subscript(),
        m.Return() | m.Break(),
        m.List(),
        m.Comment(),
    ]


PAIRS = list(zip(patterns(match), patterns(libcst_matchers)))


@pytest.mark.parametrize("codemod", sorted(path.name for path in BEFORE_AFTER.iterdir()))
def test_matches_and_findall_agree_with_libcst_on_the_cases(codemod):
    for path in sorted((BEFORE_AFTER / codemod).rglob("*.py")):
        if path.name.endswith(".after.py"):
            continue  # its before case, nearly the same code, is read
        module = cst.parse_module(path.read_text())
        every_node = nodes_of_type(module, cst.CSTNode)  # in the order LibCST visits them
        for ours, theirs in PAIRS:
            # LibCST's matchers answer no at once for a node of another class's name.
            names = {option.node_type.__name__ for option in getattr(ours, "options", [ours])}
            matched = [
                node
                for node in every_node
                if type(node).__name__ in names and libcst_matchers.matches(node, theirs)
            ]
            assert [node for node in every_node if match.matches(node, ours)] == matched
            assert match.findall(module, ours) == matched, (path, ours)


def test_sequences_match_element_by_element_and_whole():
    line = cst.parse_statement("x = 1\n")
    assert match.matches(line, match.SimpleStatementLine([match.Assign()]))
    assert not match.matches(line, match.SimpleStatementLine([]))
    assert not match.matches(line, match.SimpleStatementLine([match.Assign(), match.Assign()]))
    assert not match.matches(cst.MaybeSentinel.DEFAULT, match.Name())
    assert not match.matches(None, match.Name())


def test_a_field_the_node_does_not_have_is_an_error():
    with pytest.raises(TypeError, match="no field 'callee'"):
        match.Call(callee=match.Name())
    with pytest.raises(AttributeError):
        match.NoSuchNode  # noqa: B018


def test_the_codemods_run_without_libcst_matchers_or_libcst_codemod():
    """The two cost about 0.4 s to import; a run that edits no import never loads them."""
    code = (
        "import sys\n"
        "from cwemod.codemods import codemod_ids, get_codemod\n"
        "from cwemod.engine.transform import transform_source\n"
        "specs = [(codemod, {}) for codemod in codemod_ids()]\n"
        "outcome = transform_source(sys.stdin.read(), specs, allow_review=True)\n"
        "assert outcome.fixes, outcome\n"
        "print(sorted(m for m in ('libcst.matchers', 'libcst.codemod') if m in sys.modules))\n"
    )
    # silent-except logs where the module already imports logging: no import edit.
    source = (
        "import logging\n\nLOG = logging.getLogger(__name__)\n\n\ndef f():\n"
        "    try:\n        g()\n    except Exception:\n        pass\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], input=source, capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def visits_counted(monkeypatch) -> list[str]:
    """The walks kit.match makes from now on: of a whole module, or of a part of one."""
    visits: list[str] = []
    walk = match.preorder

    def counted(tree):
        visits.append("module" if isinstance(tree, cst.Module) else "part")
        return walk(tree)

    monkeypatch.setattr(match, "preorder", counted)
    return visits


def test_a_modules_nodes_are_collected_once_for_every_codemod_that_asks(monkeypatch):
    visits = visits_counted(monkeypatch)
    module = cst.parse_module("f(1)\ng(h(2))\n")
    calls = nodes_of_type(module, cst.Call)
    calls.clear()  # a caller's list is its own
    assert [call.func.value for call in nodes_of_type(module, cst.Call)] == ["f", "g", "h"]
    nodes_of_type(module, cst.Name)
    second = module.body[1]
    assert [call.func.value for call in nodes_of_type(second, cst.Call)] == ["g", "h"]
    assert visits == ["module"]  # a part of a walked module is not walked again
    changed = module.with_changes(body=module.body[:1])  # a codemod's changes: a new tree
    assert [call.func.value for call in nodes_of_type(changed, cst.Call)] == ["f"]
    made = cst.parse_expression("k(m(3))")  # a node no walked module holds
    assert [call.func.value for call in nodes_of_type(made, cst.Call)] == ["k", "m"]
    assert visits == ["module", "module", "part"]


def _visited(tree, node_type):
    """The nodes of ``node_type`` a LibCST visit of ``tree`` meets, in its order."""
    found = []

    class Collector(cst.CSTVisitor):
        def on_visit(self, node):
            if isinstance(node, node_type):
                found.append(node)
            return True

    tree.visit(Collector())
    return found


@pytest.mark.parametrize("node_type", [cst.Call, cst.BaseExpression, (cst.Name, cst.Attribute)])
def test_every_part_of_a_module_has_the_nodes_a_visit_of_it_finds(node_type):
    source = (BEFORE_AFTER / "requests-timeout").rglob("*.py")
    for path in sorted(source)[:12]:
        module = cst.parse_module(path.read_text())
        for part in nodes_of_type(module, cst.CSTNode):
            assert nodes_of_type(part, node_type) == _visited(part, node_type), (path, part)


def test_a_node_a_tree_holds_twice_is_visited_for_itself():
    """A codemod's new tree may hold one node in two places: neither is its only place."""
    call = cst.parse_expression("f(x)")
    twice = cst.Module(body=[cst.SimpleStatementLine([cst.Expr(call)])] * 2)
    assert len(nodes_of_type(twice, cst.Call)) == 2
    assert nodes_of_type(call, cst.Name) == _visited(call, cst.Name)
    assert nodes_of_type(twice.body[0], cst.Call) == [call]
