"""Is an HTTP call's URL plain ``http://``? Read from the call, a name's binding, or the
module's own function that builds it (acme's ``HTTP01.uri()``)."""

from __future__ import annotations

import libcst as cst

from cwemod.codemods._http_calls import HTTPX_CLIENTS
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import argument, called_name
from cwemod.codemods.kit.match import nodes_of_type

_PLAIN = "http://"


def plain_http_source(
    call: cst.Call, function: str, bindings: Bindings, module: cst.Module
) -> str | None:
    """How the URL of ``call`` (of the HTTP function ``function``) is known to be plain
    ``http://``: ``"the URL"``, or the function that builds it (``"uri()"``); else None."""
    if function in HTTPX_CLIENTS:
        return None
    index = 1 if function.rpartition(".")[2] in ("request", "stream") else 0
    url = argument(call, "url", index)
    if url is None or url.star:
        return None
    values: list[cst.BaseExpression] | None = [url.value]
    if isinstance(url.value, cst.Name):
        values = bindings.of(url.value)
    if not values:
        return None
    if all(_starts_plain(value) for value in values):
        return "the URL"
    built = values[0] if len(values) == 1 and isinstance(values[0], cst.Call) else None
    name = called_name(built) if built is not None else None
    return f"{name}()" if name is not None and _builds_plain(module, name) else None


def _builds_plain(module: cst.Module, name: str) -> bool:
    """Does every function of the module named ``name`` return only ``http://`` URLs?"""
    functions = [f for f in nodes_of_type(module, cst.FunctionDef) if f.name.value == name]
    returned = [
        node.value
        for function in functions
        for node in m.findall(function.body, m.Return())
        if isinstance(node, cst.Return)
    ]
    return bool(returned) and all(v is not None and _starts_plain(v) for v in returned)


def _starts_plain(node: cst.BaseExpression) -> bool:
    """Does the string expression begin with the literal text ``http://``?"""
    while True:
        if isinstance(node, cst.BinaryOperation) and isinstance(
            node.operator, (cst.Add, cst.Modulo)
        ):
            node = node.left
        elif isinstance(node, cst.ConcatenatedString):
            node = node.left
        elif m.matches(node, m.Call(func=m.Attribute(attr=m.Name("format")))):
            node = node.func.value  # type: ignore[attr-defined]
        else:
            break
    if isinstance(node, cst.SimpleString):
        text = node.evaluated_value
    elif isinstance(node, cst.FormattedString) and node.parts:
        first = node.parts[0]
        text = first.value if isinstance(first, cst.FormattedStringText) else ""
    else:
        return False
    return isinstance(text, str) and text.lower().startswith(_PLAIN)
