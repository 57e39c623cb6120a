"""``silent-except``: readers of the tree around a handler, shared by the judgements of its context.

They read the tree through the nodes' parents (cwemod's ``ParentProvider``), passed in as
``parent_of``.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import named_parameters
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import enclosing_function

ParentOf = Callable[[cst.CSTNode], "cst.CSTNode | None"]


CONTINUE_BODY = m.IndentedBlock([m.SimpleStatementLine([m.Continue()])]) | m.SimpleStatementSuite(
    [m.Continue()]
)
PASS_BODY = m.IndentedBlock([m.SimpleStatementLine([m.Pass()])]) | m.SimpleStatementSuite(
    [m.Pass()]
)


def index_in(statements: tuple[cst.BaseStatement, ...] | list, node: cst.CSTNode) -> int:
    return next(index for index, statement in enumerate(statements) if statement is node)


def called(small: cst.BaseSmallStatement) -> cst.Call | None:
    """The call a statement is made of (``f()``, ``await f()``, or Twisted's ``yield f()``
    in an ``inlineCallbacks`` function: magic-wormhole's ``yield w.close()``), if it is one."""
    if not isinstance(small, cst.Expr):
        return None
    value = small.value
    if isinstance(value, cst.Await):
        value = value.expression
    elif isinstance(value, cst.Yield) and isinstance(value.value, cst.Call):
        value = value.value
    return value if isinstance(value, cst.Call) else None


def parameters_around(node: cst.CSTNode, parent_of: ParentOf) -> set[str]:
    """The parameter names of the function ``node`` is in."""
    function = enclosing_function(node, parent_of)
    if function is None:
        return set()
    return {p.name.value for p in named_parameters(function.params)}


def statements_after(statement: cst.BaseStatement, parent_of: ParentOf) -> list:
    """What runs next in the function: the rest of the block, else after the ``if`` it ends."""
    block = parent_of(statement)
    if not isinstance(block, cst.IndentedBlock):
        return []
    after = block.body[index_in(block.body, statement) + 1 :]
    owner = parent_of(block)
    if not after and isinstance(owner, cst.Else) and isinstance(parent_of(owner), cst.Try):
        # raven's get_version_from_app(): in a try's else, what follows that try is next
        return statements_after(parent_of(owner), parent_of)  # type: ignore[arg-type]
    if not after and isinstance(owner, cst.Else) and isinstance(parent_of(owner), cst.If):
        owner = parent_of(owner)  # msldap's cstruct: the try ends an if's else
    if after or not isinstance(owner, cst.If):
        return list(after)
    while isinstance(parent_of(owner), cst.If):  # an elif: the whole if statement
        owner = parent_of(owner)
    return statements_after(owner, parent_of)


def may_bind(statement: cst.BaseStatement, name: str) -> bool:
    """Could ``statement`` bind ``name``? A target holding the name, an import or a
    definition of it, ``global``/``nonlocal`` or a star import count."""
    named = m.Name(name)
    if m.findall(
        statement,
        m.AsName(name=named) | m.NamedExpr(target=named) | m.FunctionDef(name=named)
        | m.ClassDef(name=named) | m.ImportAlias(name=named, asname=None) | m.Global()
        | m.Nonlocal() | m.ImportStar(),
    ):  # fmt: skip
        return True
    targets = [
        node.target  # type: ignore[attr-defined]
        for node in m.findall(statement, m.AssignTarget() | m.AnnAssign() | m.AugAssign() | m.For())
    ]
    return any(m.findall(target, named) for target in targets)


def is_pass(statement: cst.BaseStatement) -> bool:
    return m.matches(statement, m.SimpleStatementLine([m.Pass()]))


def only_imports(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def reads(value: cst.BaseExpression, name: str) -> bool:
    """Does ``value`` read the variable ``name`` (not an attribute of that name: pylsp's
    ``defined_names = list(d.defined_names())``)?"""
    attributes = {id(node.attr) for node in nodes_of_type(value, cst.Attribute)}
    return any(
        node.value == name and id(node) not in attributes for node in nodes_of_type(value, cst.Name)
    )
