"""The module-level HTTP calls of requests and httpx, shared by requests-timeout and tls-verify.

Only module-level functions (and httpx's client classes) are named here: a
``requests.Session`` method takes its defaults from the session, which may be
set anywhere, so its behaviour cannot be read from the call alone.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

import libcst as cst

from cwemod.codemods._http_survey import HTTP_LIBRARIES, VERBS
from cwemod.codemods.base import callee_tails, imported_tails
from cwemod.codemods.kit.calls import name_words
from cwemod.codemods.kit.names import QualifiedNames, last_name
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.kit.text import may_import

REQUESTS_FUNCTIONS = frozenset(
    f"{module}.{verb}" for module in ("requests", "requests.api") for verb in VERBS
)
HTTPX_FUNCTIONS = frozenset(f"httpx.{verb}" for verb in (*VERBS, "stream"))
HTTPX_CLIENTS = frozenset(("httpx.Client", "httpx.AsyncClient"))

_TAILS = frozenset(
    name.rpartition(".")[2] for name in REQUESTS_FUNCTIONS | HTTPX_FUNCTIONS | HTTPX_CLIENTS
)


# A copy of requests vendored in another package: oci's ``oci._vendor.requests``, pip's
# ``pip._vendor.requests``, botocore's ``botocore.vendored.requests``. It takes the same
# keywords, and waits forever the same, so the codemods name it requests.
_VENDORED = re.compile(r"^(?:\w+\.)+?(?:_vendor|vendored|packages)\.(?=requests(?:\.|$))")
_VENDORED_IN_TEXT = re.compile(r"\.(?:_vendor|vendored|packages)\.requests\b")


def unvendored(name: str) -> str:
    """``requests.get`` for ``oci._vendor.requests.get``; any other name as it is."""
    return _VENDORED.sub("", name, count=1)


class HttpNames(QualifiedNames):
    """Qualified names, a vendored requests' named as requests' (see :func:`unvendored`)."""

    def of(self, node: cst.CSTNode) -> set[str]:
        return {unvendored(name) for name in super().of(node)}


def library_of(qualified_name: str) -> str:
    """``requests`` or ``httpx``: the package a qualified name comes from."""
    return qualified_name.partition(".")[0]


def http_calls(
    tree: ast.Module, keyword: str, wanted: Callable[[ast.expr | None], bool]
) -> list[ast.Call]:
    """The calls that may be of the known HTTP functions, whose ``keyword`` argument is ``wanted``.

    ``wanted`` gets the argument's value (None when it is not passed). The
    syntactic gate of both codemods, erring towards more calls: a callee's
    last name is followed through the module's imports, and the name it
    starts from must be one an import of requests or httpx binds (LibCST
    names a callee after its imports only).
    """
    bound = http_bindings(tree)
    if not bound:
        return []
    imported = imported_tails(tree)
    return [
        node
        for node in nodes(tree, ast.Call)
        if callee_tails(node.func, imported) & _TAILS
        and _first_name(node.func) in bound
        and wanted(next((k.value for k in node.keywords if k.arg == keyword), None))
    ]


def may_import_http_library(source: str) -> bool:
    """The text test of :func:`http_calls`: False only where no import binds requests or httpx."""
    return may_import(source, HTTP_LIBRARIES) or bool(_VENDORED_IN_TEXT.search(source))


def http_bindings(tree: ast.Module) -> set[str]:
    """The names imports of requests (vendored too: ``from oci._vendor import requests``) or
    httpx bind, in any scope.

    A star import binds none that LibCST can name, so none here either.
    """
    bound: set[str] = set()
    for node in nodes(tree, (ast.Import, ast.ImportFrom)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if unvendored(alias.name).partition(".")[0] in HTTP_LIBRARIES:
                    bound.add(alias.asname or alias.name.partition(".")[0])
        elif not node.level:
            module = node.module or ""
            bound.update(
                alias.asname or alias.name
                for alias in node.names
                if unvendored(f"{module}.{alias.name}").partition(".")[0] in HTTP_LIBRARIES
            )
    return bound


def _first_name(func: ast.expr) -> str | None:
    """The name a dotted callee starts from, through calls and subscripts as LibCST names it."""
    while isinstance(func, (ast.Attribute, ast.Call, ast.Subscript)):
        func = func.func if isinstance(func, ast.Call) else func.value
    return func.id if isinstance(func, ast.Name) else None


def is_constant(node: ast.expr | None, value: object) -> bool:
    """Is ``node`` the constant ``value`` (``False``, ``True`` or ``None``)?"""
    return isinstance(node, ast.Constant) and node.value is value


def is_literal(node: cst.BaseExpression, name: str) -> bool:
    """Is ``node`` the constant ``False``, ``True`` or ``None`` named ``name``?"""
    return isinstance(node, cst.Name) and node.value == name


# What requests' functions and Session methods take by position after ``url``: requests.get's
# ``params``, post's ``data`` and ``json``; Session.request's up to its ``timeout``.
_POSITIONAL = {"get": ("params",), "post": ("data", "json"), "put": ("data",), "patch": ("data",)}
_SESSION_REQUEST = ("params", "data", "headers", "cookies", "files", "auth", "timeout")
_WHAT = {"params": "the query string", "data": "the body", "json": "a JSON body"}


def timeout_given_by_position(call: cst.Call, function: str) -> str | None:
    """Advice where ``call`` of requests' ``function`` passes by position, into a parameter
    other than ``timeout``, a value that says timeout (monasca-agent's ``requests.get(url,
    self.connection_timeout)``, its params): pass it as ``timeout=``. Else None."""
    module, _, verb = function.rpartition(".")
    session = module == "requests.Session"
    after_url = _SESSION_REQUEST if session and verb == "request" else _POSITIONAL.get(verb, ())
    taken = ("method", "url", *after_url) if verb == "request" else ("url", *after_url)
    for arg, name in zip(call.args, taken):
        if arg.star or arg.keyword is not None:
            return None
        given = code_of(arg.value)
        if name != "timeout" and "timeout" in name_words(last_name(arg.value)):
            what = f" ({_WHAT[name]})" if name in _WHAT else ""
            return (
                f"{given}, passed by position, is {function}'s {name}{what}, not a timeout:"
                f" pass timeout={given} instead, by hand"
            )
    return None
