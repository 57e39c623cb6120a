"""Calls of a ``requests.Session`` the code makes itself, for requests-timeout.

A stock Session has no timeout of its own: ``session.get(url)`` without
``timeout=`` waits forever, as ``requests.get(url)`` does. Only a session the
code plainly makes is followed: a local name, or a ``self.`` attribute, bound
to ``requests.Session()`` and nothing else; and not one that has an adapter
mounted (an ``HTTPAdapter`` subclass may set a default timeout in ``send()``)
or its ``request`` replaced (``functools.partial(s.request, timeout=...)``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import libcst as cst

from cwemod.codemods._http_survey import VERBS
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.kit.syntax import nodes

SESSION_CLASSES = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})


def may_call_a_session(tree: ast.Module) -> list[ast.Call]:
    """The ast gate: ``x.get(...)`` (an HTTP verb) without ``timeout=`` in a module that
    calls ``Session()`` or ``session()``, erring towards more calls."""
    called = {_last_name(node.func) for node in nodes(tree, ast.Call)}
    if not called & {"Session", "session"}:
        return []
    return [
        node
        for node in nodes(tree, ast.Call)
        if isinstance(node.func, ast.Attribute)
        and node.func.attr in VERBS
        and not any(keyword.arg == "timeout" for keyword in node.keywords)
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
) -> bool:
    """Is ``receiver``, bound to ``bound`` (every value it is given), a session made with
    ``requests.Session()`` that ``around`` (its function, or its class for a ``self.``
    attribute) gives no defaults?"""
    if not bound or not all(
        isinstance(value, cst.Call) and made_by(value.func) & SESSION_CLASSES for value in bound
    ):
        return False
    written = code_of(receiver)
    for node in m.findall(around, m.Attribute(attr=m.Name("mount") | m.Name("request"))):
        assert isinstance(node, cst.Attribute)
        if code_of(node.value) == written and (
            node.attr.value == "mount" or _assigned(around, node)
        ):
            return False
    return True


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


def _assigned(tree: cst.CSTNode, attribute: cst.Attribute) -> bool:
    return any(
        target.target is attribute
        for assign in m.findall(tree, m.Assign())
        for target in assign.targets  # type: ignore[attr-defined]
    )
