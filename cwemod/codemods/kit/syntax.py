"""The stdlib ``ast`` tree as the gates read it: nodes by type from one shared walk.

The syntactic gates (:meth:`cwemod.codemods.base.Codemod.might_change`) and
the project surveys each look for a few node types. ``ast.walk`` is a
generator over generators, and eighteen gates walking the same tree cost
more than parsing it; here the tree is walked once, without generators, and
each gate reads the list of the type it wants. The rest answers, on that
walk, what gates ask of LibCST's metadata in the codemods: each node's
parent, which names a module binds, and which calls LibCST would qualify
as a module's function.
"""

from __future__ import annotations

import ast
import functools
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar, overload

NodeT = TypeVar("NodeT", bound=ast.AST)


@functools.lru_cache(maxsize=1)  # the engine's gate, then a codemod, ask of the same text
def parse_ast(text: str) -> ast.Module:
    """``ast.parse(text)``, raising as it does, without CPython's warnings about the source.

    Invalid escapes and the like in the project's code are not cwemod's to
    report, and would be printed as a run goes.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text)


def parsed_or_none(text: str) -> ast.Module | None:
    """:func:`parse_ast`, None where this Python cannot parse the text."""
    try:
        return parse_ast(text)
    except (SyntaxError, ValueError):
        return None


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
    found = index.queries.get(node_type)
    if found is None:
        # Several gates ask for the imports of one tree: the walk is read once for each query.
        present = [kind for kind in index.by_type if issubclass(kind, node_type)]
        if len(present) < 2:
            found = index.by_type[present[0]] if present else []
        else:
            found = [node for node in index.walk if isinstance(node, node_type)]
        index.queries[node_type] = found
    return found


@dataclass
class _Index:
    walk: list[ast.AST] = field(default_factory=list)  # breadth first, as ``ast.walk``
    by_type: dict[type, list[ast.AST]] = field(default_factory=dict)
    queries: dict[type | tuple[type, ...], list[ast.AST]] = field(default_factory=dict)


@functools.lru_cache(maxsize=2)  # the gates of one file ask in turn, file by file
def _index(tree: ast.AST) -> _Index:
    index = _Index([tree])
    walk, by_type = index.walk, index.by_type
    position = 0
    while position < len(walk):  # ``walk`` grows as it is read: a breadth-first queue
        node = walk[position]
        position += 1
        kind = node.__class__
        by_type.setdefault(kind, []).append(node)
        fields = _NODE_FIELDS.get(kind)
        for name in fields if fields is not None else _node_fields(kind):
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if isinstance(item, ast.AST) and not isinstance(item, _LEAVES):
                        walk.append(item)
            elif isinstance(value, ast.AST) and not isinstance(value, _LEAVES):
                walk.append(value)
    return index


# Fields that hold a name, a number, a string or a leaf in every node that has them
# (Python's ASDL): never read for nodes. ``name``, ``value`` and ``arg`` hold a node in
# some kinds (``type X = ...``'s name, most values, ``Starred``'s), so they are per kind.
_NOT_NODES = {"id", "ctx", "attr", "kind", "type_comment", "level", "conversion", "is_async"}
_NOT_NODES |= {"op", "ops", "asname", "module"}
_NOT_NODES_OF = {
    ast.Constant: {"value"},
    ast.arg: {"arg"},
    ast.keyword: {"arg"},
    ast.alias: {"name"},
    ast.FunctionDef: {"name"},
    ast.AsyncFunctionDef: {"name"},
    ast.ClassDef: {"name"},
    ast.ExceptHandler: {"name"},
}
# Per kind of node, the fields that may hold nodes: a third less time than reading every field.
_NODE_FIELDS: dict[type, tuple[str, ...]] = {}


def _node_fields(kind: type) -> tuple[str, ...]:
    skipped = _NOT_NODES | _NOT_NODES_OF.get(kind, set())
    fields = _NODE_FIELDS[kind] = tuple(name for name in kind._fields if name not in skipped)
    return fields


def last_name(node: ast.AST | None) -> str:
    """``TestCase`` of ``unittest.TestCase``, ``md5`` of ``md5``; "" for anything else."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def called_last_name(node: ast.AST | None) -> str:
    """:func:`last_name` of a call's callee, or of a name: ``fixture`` of
    ``pytest.fixture(scope=...)`` and of ``pytest.fixture``; "" for anything else."""
    return last_name(node.func if isinstance(node, ast.Call) else node)


def calls_module_function(tree: ast.AST, modules: set[str], functions: set[str]) -> bool:
    """Is there a call whose qualified name may be ``<module>.<function>``?

    Follows how LibCST qualifies a callee: through an ``import module [as
    alias]`` (``alias.function(...)``), a ``from module import function
    [as alias]`` (``alias(...)``) or a ``from elsewhere import module``, in
    any scope. Erring towards yes is the
    caller's business; this one is exact for those two shapes.
    """
    return next(module_function_calls(tree, modules, functions), None) is not None


def module_function_calls(
    tree: ast.AST, modules: set[str], functions: set[str]
) -> Iterator[ast.Call]:
    """The calls whose qualified name may be ``<module>.<function>``, found as
    :func:`calls_module_function` finds them."""
    module_names: set[str] = set()
    imported: dict[str, str] = {}  # local name -> the function it was imported as
    for node in nodes(tree, (ast.Import, ast.ImportFrom)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname is None and alias.name.partition(".")[0] in modules:
                    module_names.add(alias.name.partition(".")[0])  # ``import a.b`` binds ``a``
                elif alias.name in modules:
                    module_names.add(alias.asname or alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module in modules and not node.level:
            imported.update((alias.asname or alias.name, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            # A project module that re-exports the module (ansible-navigator's
            # ``from .utils.serialize import yaml``).
            module_names.update(
                alias.asname or alias.name for alias in node.names if alias.name in modules
            )
    for call in nodes(tree, ast.Call):
        func = call.func
        if (isinstance(func, ast.Name) and imported.get(func.id) in functions) or (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in module_names
            and func.attr in functions
        ):
            yield call


def bound_names(tree: ast.AST) -> set[str]:
    """Every name ``tree`` binds anywhere, in any scope (assignments, imports, definitions).

    A name not in it resolves, in every scope, to a builtin or to nothing.
    """
    bound: set[str] = set()
    for node in nodes(tree, (ast.Name, ast.arg, ast.alias, ast.ExceptHandler)):
        if isinstance(node, ast.Name):
            if not isinstance(node.ctx, ast.Load):
                bound.add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add(node.asname or node.name.partition(".")[0])
        elif node.name:
            bound.add(node.name)
    definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Global, ast.Nonlocal)
    for node in nodes(tree, definitions):
        bound.update(node.names if isinstance(node, (ast.Global, ast.Nonlocal)) else [node.name])
    for node in nodes(tree, (ast.MatchAs, ast.MatchStar, ast.MatchMapping)):
        name = node.rest if isinstance(node, ast.MatchMapping) else node.name
        if name:
            bound.add(name)
    return bound


@functools.lru_cache(maxsize=2)
def parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    """Each node's parent (operator and context leaves left out), from the one shared walk."""
    parent_of: dict[ast.AST, ast.AST] = {}
    for node in _index(tree).walk:
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, _LEAVES):
                parent_of[child] = node
    return parent_of


def own_returns(body: list[ast.stmt]) -> Iterator[ast.Return]:
    """The ``return`` statements of a function's body, not of the functions it defines."""
    for statement in body:
        if isinstance(statement, ast.Return):
            yield statement
        elif not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for child in ast.iter_child_nodes(statement):
                if isinstance(child, ast.stmt):
                    yield from own_returns([child])
                elif isinstance(child, (ast.excepthandler, ast.match_case)):
                    yield from own_returns(child.body)
