"""defusedxml: a document that a function of the module screens with expat before the parse.

django-filer's ``filer/utils/svg.py`` calls ``reject_entity_declarations(content)``
right before ``ET.fromstring(content)``: the function runs an expat parser whose
``EntityDeclHandler`` raises, so a document declaring an entity never reaches the
parse, and the module stays free of a dependency on purpose.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type

# The expat handlers that see every entity declaration (the second, the whole DTD).
_SCREENING_HANDLERS = ("EntityDeclHandler", "StartDoctypeDeclHandler")


def statements_before(
    call: cst.Call, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> Iterator[tuple[cst.CSTNode, cst.CSTNode]]:
    """(statement, holder) for each statement that runs before ``call`` whenever it does:
    those before ``holder``, the statement that holds ``call``, in each block around it,
    up to the function around it."""
    node: cst.CSTNode = call
    parent = parent_of(node)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.ClassDef)):
        body = getattr(parent, "body", None)
        if isinstance(body, (list, tuple)):
            index = next((i for i, statement in enumerate(body) if statement is node), 0)
            yield from ((statement, node) for statement in reversed(body[:index]))
        if isinstance(parent, cst.Lambda):
            return
        node, parent = parent, parent_of(parent)


def screening_call(statement: cst.CSTNode, name: str, module: cst.Module) -> tuple[str, str]:
    """(function, handler) where ``statement`` is a call ``function(name, ...)`` of a
    function of the module that sets an expat handler of entities to something that
    raises; else ("", "")."""
    small = statement.body if isinstance(statement, cst.SimpleStatementLine) else [statement]
    for expression in small:
        call = expression.value if isinstance(expression, cst.Expr) else None
        if not m.matches(call, m.Call(func=m.Name())) or not call.args:  # type: ignore[union-attr]
            continue
        first = call.args[0]  # type: ignore[union-attr]
        if first.keyword is None and not first.star and m.matches(first.value, m.Name(name)):
            function = call.func.value  # type: ignore[union-attr]
            defined = _module_functions(module, function)
            handler = _raising_handler(defined[-1], module) if defined else ""
            if handler:
                return function, handler
    return "", ""


def _raising_handler(function: cst.FunctionDef, module: cst.Module) -> str:
    """The handler of ``_SCREENING_HANDLERS`` ``function`` sets to a function whose body
    raises, or to a lambda calling one (``parser.EntityDeclHandler = entity_declared``)."""
    for assign in nodes_of_type(function, cst.Assign):
        value = assign.value
        if isinstance(value, cst.Lambda):
            value = value.body.func if isinstance(value.body, cst.Call) else value.body
        for target in assign.targets:
            handler = target.target
            if not m.matches(handler, m.Attribute(attr=m.Name())):
                continue
            attribute = handler.attr.value  # type: ignore[attr-defined]
            if attribute in _SCREENING_HANDLERS and _raises(value, function, module):
                return attribute
    return ""


def _raises(value: cst.BaseExpression, within: cst.FunctionDef, module: cst.Module) -> bool:
    """Is ``value`` the name of a function (nested in ``within``, or of the module) whose
    body raises, however it is defined there?"""
    if not isinstance(value, cst.Name):
        return False
    nested = [f for f in nodes_of_type(within.body, cst.FunctionDef) if f.name.value == value.value]
    found = nested or _module_functions(module, value.value)
    return bool(found) and all(m.findall(function.body, m.Raise()) for function in found)


def _module_functions(module: cst.Module, name: str) -> list[cst.FunctionDef]:
    """The module's top-level ``def name``, in source order."""
    return [s for s in module.body if isinstance(s, cst.FunctionDef) and s.name.value == name]
