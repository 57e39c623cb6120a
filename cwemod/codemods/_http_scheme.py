"""Is an HTTP call's URL plain ``http://``? Read from the call, a name's binding, or the
module's own function that builds it (acme's ``HTTP01.uri()``). Does a failure of the call
go on to plain ``http://`` (arjun's loop over ``['https', 'http']``), or does a handler
hide it (networking-arista's EAPI client logs a connection error)?"""

from __future__ import annotations

import re
from collections.abc import Callable

import libcst as cst

from cwemod.codemods._http_calls import HTTPX_CLIENTS
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import argument, called_name
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of

_PLAIN = "http://"
# The last names of what catches a certificate failure: requests' SSLError and its bases
# (IOError's), httpx's ConnectError and its bases.
_CATCH_A_TLS_FAILURE = frozenset(
    {"SSLError", "ConnectionError", "RequestException", "IOError", "OSError",
     "EnvironmentError", "Exception", "BaseException", "ConnectError", "NetworkError",
     "TransportError", "RequestError", "HTTPError"}
)  # fmt: skip
# A statement that ends a handler without going on to the loop's next turn.
_ENDS = (cst.Raise, cst.Return, cst.Break)


def plain_http_source(
    call: cst.Call, function: str, bindings: Bindings, module: cst.Module
) -> str | None:
    """How the URL of ``call`` (of the HTTP function ``function``) is known to be plain
    ``http://``: ``"the URL"``, or the function that builds it (``"uri()"``); else None
    (also for a session's ``send()``, which takes a prepared request, not a URL)."""
    if function in HTTPX_CLIENTS or function.rpartition(".")[2] == "send":
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


def http_fallback(
    call: cst.Call,
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None],
    bindings: Bindings,
) -> str | None:
    """How a certificate failure of ``call`` goes on to plain ``http://``: a handler of a
    ``try`` around it that retries with an ``http://`` URL (nikola's theme command), or
    goes on to the next turn of a loop over ``'https'`` and ``'http'`` (arjun's
    ``stable_request()``); None where neither."""
    child, parent = call, parent_of(call)
    goes_on = False
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
        if isinstance(parent, cst.Try) and parent.body is child:
            handlers = [h for h in parent.handlers if _catches_a_tls_failure(h)]
            if any(_builds_plain_url(handler) for handler in handlers):
                return "a handler of the try around it retries with an http:// URL"
            goes_on = goes_on or any(_goes_on(handler) for handler in handlers)
        elif isinstance(parent, cst.For) and parent.body is child and goes_on:
            if {"http", "https"} <= _schemes(parent.iter, bindings):
                return f"the loop over {code_of(parent.iter)} goes on to http when it fails"
        child, parent = parent, parent_of(parent)
    return None


def hidden_tls_failure(
    call: cst.Call, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> cst.ExceptHandler | None:
    """The handler of a ``try`` around ``call`` (in its function) that a certificate failure
    of the call reaches first and that hides it: it catches requests' ``SSLError`` (a
    ``ConnectionError``) or a base of it, raises nothing and does not report the error it
    caught (networking-arista's EAPI client: ``except requests.exceptions.ConnectionError:``
    logs "Error while trying to connect" and returns None). None where none does."""
    child, parent = call, parent_of(call)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
        if isinstance(parent, cst.Try) and parent.body is child:
            for handler in parent.handlers:
                if not _catches_a_tls_failure(handler):
                    continue
                if not _reports(handler):
                    return handler
                if _names_more_than_http_error(handler):
                    break  # it reaches this handler, which raises or reports it
        child, parent = parent, parent_of(parent)
    return None


def _reports(handler: cst.ExceptHandler) -> bool:
    """Does ``handler`` raise, name the error it caught (``as error``, then ``error``), or
    log its traceback (``LOG.exception(...)``, ``exc_info=``, ``traceback.print_exc()``)?"""
    if nodes_of_type(handler.body, cst.Raise):
        return True
    caught = handler.name.name if handler.name is not None else None
    named = {caught.value} if isinstance(caught, cst.Name) else set()
    for node in nodes_of_type(handler.body, (cst.Name, cst.Call)):
        if isinstance(node, cst.Name) and (node.value in named or node.value == "exc_info"):
            return True
        if isinstance(node, cst.Call) and _TRACEBACK.search(code_of(node.func)):
            return True
    return False


# A call that logs or prints the error being handled: LOG.exception, traceback.print_exc...
_TRACEBACK = re.compile(r"(?:^|\.)(?:exception|print_exc|format_exc|exc_info)$|^traceback\.")


def _names_more_than_http_error(handler: cst.ExceptHandler) -> bool:
    """Does ``handler`` catch more than ``HTTPError`` (requests' is no base of its SSLError,
    httpx's is of its ConnectError): something a certificate failure surely stops at?"""
    names = {code_of(value).rpartition(".")[2] for value in caught_classes(handler)}
    return handler.type is None or bool(names & _CATCH_A_TLS_FAILURE - {"HTTPError"})


def _catches_a_tls_failure(handler: cst.ExceptHandler) -> bool:
    """Does ``handler`` catch requests' ``SSLError`` or httpx's ``ConnectError``, read by
    the last names of the classes it names?"""
    if handler.type is None:
        return True
    names = {code_of(value).rpartition(".")[2] for value in caught_classes(handler)}
    return bool(names & _CATCH_A_TLS_FAILURE)


def _goes_on(handler: cst.ExceptHandler) -> bool:
    """Does ``handler`` end other than by ``raise``, ``return`` or ``break``?"""
    last = handler.body.body[-1]  # a statement, or a small one after the colon
    if isinstance(last, cst.SimpleStatementLine):
        last = last.body[-1]
    return not isinstance(last, _ENDS)


def _builds_plain_url(handler: cst.ExceptHandler) -> bool:
    """Does ``handler`` write the scheme ``'http'`` (``url.replace('https', 'http')``) or
    build a URL that starts with ``http://`` (``'http://' + host``, ``f'http://{host}'``)?"""
    built = (cst.BinaryOperation, cst.FormattedString, cst.Call)
    for node in nodes_of_type(handler.body, (cst.SimpleString, *built)):
        if isinstance(node, cst.SimpleString):
            if node.evaluated_value in ("http", "http:", "http://"):
                return True
        elif _starts_plain(node) and not _text_only(node):
            return True
    return False


def _text_only(node: cst.BaseExpression) -> bool:
    """Is ``node`` an f-string without a replacement field (a message, not a URL built)?"""
    return isinstance(node, cst.FormattedString) and all(
        isinstance(part, cst.FormattedStringText) for part in node.parts
    )


def _schemes(sequence: cst.BaseExpression, bindings: Bindings) -> set[str]:
    """The schemes the strings of ``sequence`` (or of a name's bindings) name: ``'https'``,
    ``'http://'``, or a URL's (``f'https://{host}'``)."""
    values = bindings.of(sequence) if isinstance(sequence, cst.Name) else [sequence]
    found = set()
    for value in values or ():
        for node in nodes_of_type(value, (cst.SimpleString, cst.FormattedString)):
            if isinstance(node, cst.SimpleString):
                text = node.evaluated_value
            else:
                first = node.parts[0] if node.parts else None
                text = first.value if isinstance(first, cst.FormattedStringText) else ""
            scheme = text.lower().partition(":")[0] if isinstance(text, str) else ""
            if scheme in ("http", "https"):
                found.add(scheme)
    return found
