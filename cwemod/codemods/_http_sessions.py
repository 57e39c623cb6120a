"""Calls of a ``requests.Session`` the code makes itself, for requests-timeout.

A stock Session has no timeout of its own: ``session.get(url)`` without
``timeout=`` waits forever, as ``requests.get(url)`` does. Only a session the
code plainly makes is followed: a local name, or a ``self.`` attribute, bound
to ``requests.Session()`` and nothing else but ``None`` until then (by the
class or the base classes the module defines for it; directly, or through a
method of theirs that returns only that attribute or a new Session); and not
one that has an adapter mounted (an ``HTTPAdapter`` subclass may set a
default timeout in ``send()``; requests' own sets none) or its ``request``
replaced (``functools.partial(s.request, timeout=...)``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import libcst as cst

from cwemod.codemods._http_survey import VERBS
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import values_assigned
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.kit.syntax import nodes

SESSION_CLASSES = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})
REQUESTS_ADAPTERS = frozenset({"requests.adapters.HTTPAdapter", "requests.HTTPAdapter"})


def may_call_a_session(
    tree: ast.Module, wanted: Callable[[ast.expr | None], bool]
) -> list[ast.Call]:
    """The ast gate: ``x.get(...)`` (an HTTP verb) whose ``timeout=`` is ``wanted`` (given
    its value, None where it is not passed) in a module that calls ``Session()`` or
    ``session()``, erring towards more calls."""
    called = {_last_name(node.func) for node in nodes(tree, ast.Call)}
    if not called & {"Session", "session"}:
        return []
    return _verb_calls(tree, wanted)


def _verb_calls(tree: ast.Module, wanted: Callable[[ast.expr | None], bool]) -> list[ast.Call]:
    return [
        node
        for node in nodes(tree, ast.Call)
        if isinstance(node.func, ast.Attribute)
        and node.func.attr in VERBS
        and wanted(next((k.value for k in node.keywords if k.arg == "timeout"), None))
    ]


def _last_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def plain_session(
    receiver: cst.BaseExpression,
    bound: list[cst.BaseExpression] | None,
    made_by: Callable[[cst.BaseExpression], set[str]],
    around: cst.CSTNode,
    or_given: bool = False,
) -> bool:
    """Is ``receiver``, bound to ``bound`` (every value it is given), a session made with
    ``requests.Session()`` that ``around`` (its function, or its class for a ``self.``
    attribute) gives no defaults? With ``or_given``, one bound to ``session or Session()``
    too (pyzabbix's: the caller's session, else a stock one)."""
    made = [
        _made_part(value) if or_given else value
        for value in bound or ()
        if not m.matches(value, m.Name("None"))
    ]
    if not made or not all(
        isinstance(value, cst.Call) and made_by(value.func) & SESSION_CLASSES for value in made
    ):
        return False
    written = code_of(receiver)
    mounts = {
        id(call.func): call
        for call in m.findall(around, m.Call(func=m.Attribute(attr=m.Name("mount"))))
    }
    for node in m.findall(around, m.Attribute(attr=m.Name("mount") | m.Name("request"))):
        assert isinstance(node, cst.Attribute)
        if code_of(node.value) != written:
            continue
        if node.attr.value == "request" and _assigned(around, node):
            return False
        if node.attr.value == "mount" and not _mounts_requests_adapter(
            mounts.get(id(node)), made_by, around
        ):
            return False
    return True


def given_or_requests(
    value: cst.BaseExpression, made_by: Callable[[cst.BaseExpression], set[str]]
) -> bool:
    """``session or requests``: the caller's session, else the requests module itself
    (premailer's ``self.session = session or requests``)."""
    return (
        isinstance(value, cst.BooleanOperation)
        and isinstance(value.operator, cst.Or)
        and isinstance(value.left, (cst.Name, cst.Attribute))
        and "requests" in made_by(value.right)
    )


def may_call_given_or_requests(
    tree: ast.Module, wanted: Callable[[ast.expr | None], bool]
) -> list[ast.Call]:
    """The ast gate of ``given_or_requests``: ``x.get(...)`` (an HTTP verb) whose
    ``timeout=`` is ``wanted`` in a module with a ``... or requests`` (by any name an
    ``import requests`` binds)."""
    requests_names = {
        alias.asname or alias.name
        for node in nodes(tree, ast.Import)
        for alias in node.names
        if alias.name == "requests"
    }
    if not any(
        isinstance(node.op, ast.Or)
        and isinstance(node.values[-1], ast.Name)
        and node.values[-1].id in requests_names
        for node in nodes(tree, ast.BoolOp)
    ):
        return []
    return _verb_calls(tree, wanted)


def _made_part(value: cst.BaseExpression) -> cst.BaseExpression:
    """``Session()`` of ``session or Session()``; else ``value``."""
    if (
        isinstance(value, cst.BooleanOperation)
        and isinstance(value.operator, cst.Or)
        and isinstance(value.left, (cst.Name, cst.Attribute))
    ):
        return value.right
    return value


def _mounts_requests_adapter(
    mount: cst.Call | None, made_by: Callable[[cst.BaseExpression], set[str]], around: cst.CSTNode
) -> bool:
    """Is ``mount`` ``session.mount(prefix, HTTPAdapter(...))``, made there or bound once in
    ``around`` (dns-lexicon's ``session_adapter``): requests' own adapter, for retries?"""
    if mount is None or len(mount.args) != 2:
        return False
    adapter = mount.args[1].value
    if isinstance(adapter, cst.Name):
        values = values_assigned(around, adapter.value)
        adapter = values[0] if len(values) == 1 else adapter
    return isinstance(adapter, cst.Call) and bool(made_by(adapter.func) & REQUESTS_ADAPTERS)


def module_class_chain(module: cst.Module, owner: cst.ClassDef) -> list[cst.ClassDef]:
    """``owner`` and the base classes the module defines for it at its top level, through
    their bases in the module too (etesync's ``JournalManager(BaseManager)``)."""
    classes: dict[str, list[cst.ClassDef]] = {}
    for statement in module.body:
        if isinstance(statement, cst.ClassDef):
            classes.setdefault(statement.name.value, []).append(statement)
    chain, pending = [owner], [owner]
    while pending:
        for base in pending.pop().bases:
            found = classes.get(base.value.value, []) if isinstance(base.value, cst.Name) else []
            if len(found) == 1 and found[0] not in chain:
                chain.append(found[0])
                pending.append(found[0])
    return chain


def plain_self_assignments(owner: cst.CSTNode, attribute: str) -> list[cst.BaseExpression]:
    """What ``self.<attribute> = value`` statements in ``owner`` assign. Unlike
    kit/bindings' ``self_attribute_values``, writes to its own attributes
    (cinder's ``self.session.verify = ...``) do not count against it: a session is set
    up that way."""
    target = m.Attribute(value=m.Name("self"), attr=m.Name(attribute))
    plain = [
        assign.value  # type: ignore[attr-defined]
        for assign in m.findall(owner, m.Assign())
        if any(m.matches(t.target, target) for t in assign.targets)  # type: ignore[attr-defined]
    ]
    # pulp-glue's ``self._session: requests.Session = requests.session()``
    annotated = [
        assign.value
        for assign in nodes_of_type(owner, cst.AnnAssign)
        if assign.value is not None and m.matches(assign.target, target)
    ]
    return plain + annotated


def through_builders(
    values: list[cst.BaseExpression], chain: list[cst.ClassDef], attribute: str
) -> list[cst.BaseExpression]:
    """``values`` bound to ``self.<attribute>``, where a ``self.<method>()`` of one method of
    ``chain`` (pyexchange's ``self.session = self.build_session()``) stands for what that
    method returns other than ``self.<attribute>`` itself (None where it returns nothing)."""
    found: list[cst.BaseExpression] = []
    for value in values:
        returned = _returned_by_method(value, chain)
        if returned is None:
            found.append(value)
            continue
        own = m.Attribute(value=m.Name("self"), attr=m.Name(attribute))
        found += [given for given in returned if not m.matches(given, own)]
    return found


def _returned_by_method(
    value: cst.BaseExpression, chain: list[cst.ClassDef]
) -> list[cst.BaseExpression] | None:
    """What the method ``value`` calls with no arguments (``self.build_session()``) returns,
    where one method of that name in ``chain`` defines it, neither yielding nor nesting a
    function; else None."""
    method = m.Call(func=m.Attribute(value=m.Name("self")), args=[])
    if not m.matches(value, method):
        return None
    name = value.func.attr.value  # type: ignore[attr-defined]
    defined = [
        statement
        for cls in chain
        for statement in cls.body.body
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name
    ]
    if len(defined) != 1 or m.findall(defined[0].body, m.Yield() | m.FunctionDef() | m.Lambda()):
        return None
    returns = list(nodes_of_type(defined[0].body, cst.Return))
    return [given.value or cst.Name("None") for given in returns] or [cst.Name("None")]


def _assigned(tree: cst.CSTNode, attribute: cst.Attribute) -> bool:
    return any(
        target.target is attribute
        for assign in m.findall(tree, m.Assign())
        for target in assign.targets  # type: ignore[attr-defined]
    )
