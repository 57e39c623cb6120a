"""Stop pinning SSL 2/3 and TLS 1.0/1.1 in ssl and pyOpenSSL (CWE-327).

Only two shapes have a modern equivalent that keeps the rest of the
behaviour: a server-side ``ssl.wrap_socket`` (``PROTOCOL_TLS_SERVER``
verifies no client certificate, as before) and a pyOpenSSL ``Context`` pinned
to one version (pinned to TLS 1.2 instead). A client ``ssl`` socket or
context cannot take ``PROTOCOL_TLS_CLIENT`` without starting to verify
certificates and host names, and ``PROTOCOL_TLS`` is deprecated, so those are
advice.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

import libcst as cst
from libcst.metadata import FunctionScope, PositionProvider, ScopeProvider

from cwemod.codemods._args_append import KeywordAppender
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings
from cwemod.codemods.kit.calls import (
    argument,
    filled_parameters,
    has_unpacking,
    keyword_arg,
    keyword_argument,
)
from cwemod.codemods.kit.growth import LineGrowth
from cwemod.codemods.kit.handlers import calls_in_fallbacks
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.scanner_marks import MARKED
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.kit.text import has_name
from cwemod.codemods.records import Applicability, RefusalKind

_OLD_SSL = frozenset(
    f"ssl.PROTOCOL_{version}" for version in ("SSLv2", "SSLv3", "TLSv1", "TLSv1_1")
)
_OLD_OPENSSL = frozenset(
    f"OpenSSL.SSL.{version}_METHOD" for version in ("SSLv2", "SSLv3", "TLSv1", "TLSv1_1")
)
_NEGOTIATING_OPENSSL = "OpenSSL.SSL.SSLv23_METHOD"
_INSECURE = _OLD_SSL | _OLD_OPENSSL | {_NEGOTIATING_OPENSSL}
_CONSTANT_TAILS = frozenset(name.rpartition(".")[2] for name in _INSECURE)
_WRAP_SOCKET = "ssl.wrap_socket"
_OPENSSL_CONTEXT = "OpenSSL.SSL.Context"
# ssl.wrap_socket(sock, keyfile, certfile, server_side, cert_reqs, ssl_version, ...)
_SERVER_SIDE_INDEX = 3
_SSL_VERSION_INDEX = 5

_CLIENT_ADVICE = (
    "a client socket: ssl.wrap_socket cannot take PROTOCOL_TLS_CLIENT (it checks host names, "
    "which wrap_socket cannot pass) and is gone in Python 3.12; use "
    "ssl.create_default_context().wrap_socket(sock, server_hostname=host)"
)
_UNVERIFIED_CLIENT = (
    "; that context verifies certificates and host names, which cert_reqs=CERT_NONE turns"
    " off here: set its check_hostname = False and verify_mode = ssl.CERT_NONE to keep that"
    " choice"
)
_UNPACKED_ADVICE = (
    "server_side and ssl_version come in unpacked arguments: a server takes "
    "ssl.PROTOCOL_TLS_SERVER there; a client, ssl.create_default_context().wrap_socket(sock, "
    "server_hostname=host) instead (ssl.wrap_socket is gone in Python 3.12)"
)
_OLD_SSL_BRANCH = (
    "runs only where the ssl module lacks {feature} (a Python that old has nothing newer "
    "to offer); the other branch chooses for the rest"
)
# What every ssl module since Python 2.7.9 and 3.4 has, named as a branch's reason says it.
_MODERN_FEATURES = {
    "SSLContext": "SSLContext",
    "HAS_SNI": "SNI",
    "create_default_context": "create_default_context",
}
_MARKED = f"{MARKED}: the project accepted this protocol here on purpose"
_NEGOTIATING_ADVICE = (
    "SSLv23_METHOD already negotiates the version: set a minimum on the context "
    "with set_min_proto_version(SSL.TLS1_2_VERSION)"
)
# The standard library's HTTPS clients that take a context (``urllib.request``'s handler and
# ``urlopen``, ``http.client``'s connection), by the name they are called by: you-get calls
# ``request.HTTPSHandler`` through a star import.
_CLIENTS_TAKING_A_CONTEXT = frozenset({"HTTPSHandler", "HTTPSConnection", "urlopen"})
_CLIENT_CONTEXT_ADVICE = (
    "{name} goes to the context of an HTTPS client ({client}): use "
    "ssl.create_default_context(), which negotiates TLS 1.2 or newer (and also verifies "
    "certificates and host names by default, which a bare SSLContext does not)"
)
# The versions that negotiate TLS 1.2 or newer (PROTOCOL_SSLv23 is PROTOCOL_TLS's old name).
_NEGOTIATING_SSL = frozenset(
    f"ssl.PROTOCOL_{version}" for version in ("TLS", "SSLv23", "TLS_CLIENT", "TLS_SERVER")
)
_MODERN_SSL = _NEGOTIATING_SSL | {"ssl.PROTOCOL_TLSv1_2"}
_CHOICE_ADVICE = (
    "{name} is one choice in a table of versions that offers TLS 1.2 beside it (a user's"
    " setting): drop {choice} from the choices{offer}, or refuse {them} where the setting is"
    " read"
)
_VERSION_TAILS = frozenset(
    name.rpartition(".")[2] for name in _OLD_SSL | _OLD_OPENSSL | _MODERN_SSL
)
# A choice of a table of versions: its key, the names of its version (none for another value),
# and the value written there (None where ``getattr(ssl, ...)`` fills it).
_Choice = tuple[cst.BaseExpression | None, frozenset[str], cst.BaseExpression | None]
_PARAMETER_CLIENT = (
    "{name} goes to a client socket (ssl.wrap_socket at line {line}, no server_side, through"
    " the parameter {parameter}): use ssl.create_default_context().wrap_socket(sock,"
    " server_hostname=host), which negotiates TLS 1.2 or newer (and verifies certificates);"
    " ssl.wrap_socket is gone in Python 3.12"
)
_BOUND = ("self", "cls")
_UNKNOWN_ADVICE = (
    "{name} goes where the codemod cannot tell a client from a server: a server takes "
    "ssl.PROTOCOL_TLS_SERVER, a client ssl.create_default_context() (which also verifies "
    "certificates); pyOpenSSL takes TLS_METHOD with set_min_proto_version(TLS1_2_VERSION)"
)


class TlsProtocol(Codemod):
    id = "tls-protocol"
    title = "Use TLS 1.2 or newer, not SSL 2/3 or TLS 1.0/1.1"
    cwe = ("CWE-327",)
    rules = ("B502", "B503", "B504")
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    prefilter = ("PROTOCOL_", "_METHOD", "wrap_socket")
    docs = """\
## What it does
- A server-side `ssl.wrap_socket(..., server_side=True)` with
  `ssl_version=ssl.PROTOCOL_SSLv2/SSLv3/TLSv1/TLSv1_1`, or with no
  `ssl_version`, gets `ssl_version=ssl.PROTOCOL_TLS_SERVER`.
- A pyOpenSSL `SSL.Context(SSL.SSLv2_METHOD)` (also `SSLv3_METHOD`,
  `TLSv1_METHOD`, `TLSv1_1_METHOD`) gets `SSL.TLSv1_2_METHOD`.

## Why is this bad?
SSL 2 and 3 and TLS 1.0 and 1.1 have known attacks (POODLE, BEAST, weak
MACs) and are deprecated by RFC 8996; a socket pinned to one of them, or one
that lets the peer pick it, can be downgraded or decrypted (CWE-327).

## Fix safety
Review:
- `PROTOCOL_TLS_SERVER` negotiates the best version both sides speak, TLS
  1.2 at least on Python 3.10 and later; a client that speaks only an old
  version can no longer connect. It verifies no client certificate unless
  `cert_reqs` asks, like the old socket. `ssl.wrap_socket` itself is gone
  in Python 3.12: move to `SSLContext.wrap_socket` when you can.
- `TLSv1_2_METHOD` pins TLS 1.2, as the old method pinned its version: the
  peer must speak TLS 1.2. `TLS_METHOD` with
  `set_min_proto_version(SSL.TLS1_2_VERSION)` would also allow TLS 1.3.

Safe: none.

## Refuses
- A call or a constant marked `# nosec` (or ruff's `# noqa: S503`, as
  scrapy's gate writes it): the project accepted it as it is. A constant
  that is only compared (`if method != SSL.SSLv23_METHOD:`) selects no
  protocol and is left alone.
- A client `ssl.wrap_socket` (no `server_side=True`): it cannot take
  `PROTOCOL_TLS_CLIENT`, which checks host names it cannot pass, and
  `PROTOCOL_TLS` is deprecated; the advice is
  `ssl.create_default_context().wrap_socket(sock, server_hostname=host)`;
  so does a `functools.partial(ssl.wrap_socket, ..., ssl_version=...)`
  with no `server_side` (pykafka's legacy wrapper), and one with no
  `server_side` whose `ssl_version` is a parameter of its function that
  holds an old version and nothing but versions: its default, and what
  the module's calls of the function (`f(...)`, `self.f(...)`) pass it
  (proliantutils' `_get_socket(self, sslversion=ssl.PROTOCOL_TLSv1)` and
  its `self._get_socket(ssl.PROTOCOL_SSLv3)` retry): those constants get
  the client's advice too.
- `ssl.SSLContext(ssl.PROTOCOL_TLSv1)` and an old constant passed to any
  other function or used as a default argument: client or server cannot be
  told, and a client context would start verifying certificates. A
  context given to an HTTPS client of the standard library (you-get's
  `request.HTTPSHandler(context=...)`, `HTTPSConnection`, `urlopen`), or to
  the module's own class derived from one (youtube-dl's `YoutubeDLHTTPSHandler`
  is an `HTTPSHandler`), there or by a name bound to it, is a client's: the
  advice is `ssl.create_default_context()`. An old version in
  a table of versions that offers TLS 1.2 beside it (flexget's MQTT
  `tls_version` setting), or a version that negotiates it
  (`PROTOCOL_SSLv23`, `PROTOCOL_TLS`: oslo.messaging's `ssl_version`
  table), or added to one or to its copy by `update({...})` or by key
  (imaplib2's `TLS_MAP[TLS_NO_SSL] = TLS_MAP[TLS_SECURE].copy()`, then
  `.update({"tls1": ssl.PROTOCOL_TLSv1})`), or in a table that `getattr(ssl,
  ...)` fills with `PROTOCOL_TLSv1_2` by key (`T[name] = getattr(ssl,
  NAMES[name])`), gets advice to drop from the choices every old key of
  the table, those `getattr` fills from `NAMES` too (oslo.service's
  `'tlsv1_1'`: `PROTOCOL_TLSv1_1` is still in Python 3.13's ssl module),
  naming the version that negotiates beside them where there is one.
- `SSL.SSLv23_METHOD`, given to a context or anywhere else (scrapy's
  table of settings): it already negotiates; the fix is a minimum version
  on the context (`set_min_proto_version`), a separate statement.
- An `ssl_version` or `server_side` that is not a literal, or arguments
  passed as `**kwargs` (ryu's `ssl_args.setdefault('server_side', True)`,
  then `ssl.wrap_socket(sock, **ssl_args)`): advice for either side.
- An old constant or `ssl.wrap_socket()` in a branch that runs only on an
  ssl module without `SSLContext`, SNI or `create_default_context` (all
  there since Python 2.7.9 and 3.4): the body of `if not hasattr(ssl,
  'SSLContext'):` (ryu's controller), the `else` of `if getattr(ssl,
  'HAS_SNI', False):` or `if ssl.HAS_SNI:` (imaplib2), of `if hasattr(ssl,
  'SSLContext') and getattr(ssl, 'HAS_SNI', False):` (gsutil; with `and`
  every test must be one of these); and `ssl.wrap_socket()` in the `except
  AttributeError` of a `try` that uses `SSLContext` (pywbem's listener):
  that code runs only on a Python too old for anything newer (not
  applicable).
- A project whose oldest Python is before 3.6 (Trac's `>= 3.5`), whose ssl
  module has no `PROTOCOL_TLS_SERVER`: advice only. A server socket with
  no `ssl_version` in a project whose oldest Python is 3.10 or later
  (pyTelegramBotAPI's `>= 3.11`): the default already negotiates TLS 1.2
  or newer there (not applicable).
- A call that would no longer fit the project's line length, or where the
  new argument or constant would move a bracket that a continuation line is
  aligned under (the reason says which). A keyword argument still goes on a
  line past the length already: flake8 reports a long line once however long
  it is; where the last argument's line has no room, it goes on a line of its
  own aligned under the first argument, as requests-timeout's does.

## Options
None.
"""
    example = """\
import ssl


def serve_tls(sock, certfile):
    return ssl.wrap_socket(sock, certfile=certfile, server_side=True,
                           ssl_version=ssl.PROTOCOL_TLSv1)
"""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        """:meth:`might_change` asks for a name: one of them is written as a whole word."""
        return has_name(source, (*_CONSTANT_TAILS, "wrap_socket"))

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        for node in nodes(tree, (ast.Attribute, ast.Name, ast.alias)):
            if isinstance(node, ast.Attribute):
                name = node.attr
            elif isinstance(node, ast.Name):
                name = node.id
            elif isinstance(node, ast.alias):
                name = node.name.rpartition(".")[2]
            else:
                continue
            if name in _CONSTANT_TAILS or name == "wrap_socket":
                return True
        return False

    def visit_Module(self, node: cst.Module) -> None:
        self._names = QualifiedNames(self)
        code = module_code(node)
        self._growth = LineGrowth(code, self.project.line_length)
        self._appender = KeywordAppender(self, self._growth, self.project.formatter is not None)
        self._constants: list[tuple[cst.CSTNode, str]] = []
        self._answered: set[cst.CSTNode] = set()
        self._unresolved: list[cst.CSTNode] = []  # an old version's name from another module
        self._attribute_names: set[cst.Name] = set()  # the `b` of `a.b`, not a name of its own
        self._compared: set[cst.CSTNode] = set()  # `method != SSL.SSLv23_METHOD` selects nothing
        # the constant of `HTTPSHandler(context=ssl.SSLContext(<constant>))`, and the client
        self._client_contexts: dict[cst.CSTNode, str] = {}
        # the constants a parameter hands to a client's wrap_socket: the call's line, the name
        self._client_sockets: dict[cst.CSTNode, tuple[int, str]] = {}
        self._module = node
        self._clients = _https_clients(node)  # the clients by name, the module's own too
        self._bindings = Bindings(self, node)
        # the old versions of a table beside TLS 1.2 (flexget's {'tlsv1.2': ..., 'tlsv1': ...}),
        # each with the keys of all the table's old versions and what it offers instead:
        # (("'tlsv1'", "'tlsv1_1'"), " ('sslv23', PROTOCOL_SSLv23, ...)")
        self._choices = self._grown_tables(node)
        # Each constant and call in the body of `if not hasattr(ssl, 'SSLContext'):`, in the
        # else of `if getattr(ssl, 'HAS_SNI', False):`, and the feature.
        self._old_ssl_only = _old_ssl_regions(node)
        # pywbem's listener: ssl.wrap_socket() where the try's SSLContext is missing
        self._old_ssl_fallbacks = calls_in_fallbacks(
            node, "AttributeError", lambda attempt: "SSLContext" in code_of(attempt.body)
        )

    def _grown_tables(self, module: cst.Module) -> dict[cst.CSTNode, tuple[tuple[str, ...], str]]:
        """The old versions of each table of versions kept at a place, with what is added to it
        or to its copy by ``update({...})`` or by key (imaplib2's ``TLS_MAP[TLS_NO_SSL] =
        TLS_MAP[TLS_SECURE].copy()``, then ``TLS_MAP[TLS_NO_SSL].update({"tls1": ...})``), and
        what ``getattr(ssl, ...)`` fills it with (oslo.service's ``_SSL_PROTOCOLS[protocol] =
        getattr(ssl, _OPTIONAL_PROTOCOLS[protocol])``, 'tlsv1_1' among them)."""
        tables: dict[tuple[Any, ...], list[_Choice]] = {}  # each dict by where it is kept
        literals: dict[tuple[Any, ...], cst.Dict] = {}
        for node in nodes_of_type(module, (cst.Assign, cst.Call)):
            if isinstance(node, cst.Call):
                if m.matches(node.func, m.Attribute(attr=m.Name("update"))) and node.args:
                    table = tables.get(self._place(node.func.value))
                    if table is not None:
                        table.extend(self._literal_choices(node.args[0].value))
                continue
            for target in (t.target for t in node.targets):
                place = self._place(target)
                kept = None if place is None else self._kept_table(node.value, tables)
                if kept is not None:
                    tables[place] = kept
                    tables.update(self._inner_tables(place, node.value))
                    if isinstance(node.value, cst.Dict):
                        literals[place] = node.value
                elif isinstance(target, cst.Subscript):
                    table = tables.get(self._place(target.value))
                    if table is not None:
                        table.extend(self._added_by_key(target, node.value, literals))
        advice: dict[cst.CSTNode, tuple[tuple[str, ...], str]] = {}
        for choices in tables.values():  # a copy's own old versions: the table's come first
            for old, found in _advice(choices).items():
                advice.setdefault(old, found)
        return advice

    def _added_by_key(
        self,
        target: cst.Subscript,
        value: cst.BaseExpression,
        literals: Mapping[Any, cst.Dict],
    ) -> list[_Choice]:
        """``table[key] = value``; or the versions ``getattr(ssl, NAMES[key])`` fills the table
        with, each by its key in ``NAMES`` (oslo.messaging's loop over its optional versions)."""
        index = target.slice[0].slice if len(target.slice) == 1 else None
        key = index.value if isinstance(index, cst.Index) else None
        if not m.matches(value, m.Call(func=m.Name("getattr"))) or len(value.args) < 2:
            return [(key, self._version_names(value), value)]
        if "ssl" not in self._names.of(value.args[0].value):
            return []
        name = value.args[1].value
        if isinstance(name, cst.SimpleString):
            return [(key, _ssl_names(name), None)]
        if not isinstance(name, cst.Subscript):
            return []
        names = literals.get(self._place(name.value))
        elements = [] if names is None else names.elements
        return [
            (e.key, _ssl_names(e.value), None) for e in elements if isinstance(e, cst.DictElement)
        ]

    def _kept_table(
        self, value: cst.BaseExpression, tables: Mapping[Any, list[_Choice]]
    ) -> list[_Choice] | None:
        """The choices of a dict, or of a copy of a table (``X.copy()``, ``dict(X)``)."""
        if isinstance(value, cst.Dict):
            return self._literal_choices(value)
        copied = None
        if m.matches(value, m.Call(func=m.Attribute(attr=m.Name("copy")), args=[])):
            copied = tables.get(self._place(value.func.value))
        elif m.matches(value, m.Call(func=m.Name("dict"))) and len(value.args) == 1:
            copied = tables.get(self._place(value.args[0].value))
        return None if copied is None else list(copied)

    def _inner_tables(self, place: tuple[Any, ...], value: cst.BaseExpression):
        """``table["secure"]`` of ``table = {"secure": {"tls1_2": ...}}``, with its choices."""
        if not isinstance(value, cst.Dict):
            return
        for element in value.elements:
            if isinstance(element, cst.DictElement) and isinstance(element.value, cst.Dict):
                key = _key(element.key)
                if key is not None:
                    yield (*place, key), self._literal_choices(element.value)

    def _literal_choices(self, table: cst.BaseExpression) -> list[_Choice]:
        if not isinstance(table, cst.Dict):
            return []
        elements = [e for e in table.elements if isinstance(e, cst.DictElement)]
        return [(e.key, self._version_names(e.value), e.value) for e in elements]

    def _version_names(self, value: cst.BaseExpression) -> frozenset[str]:
        """The qualified names of a version constant (none for any other value)."""
        if _tail_name(value) not in _VERSION_TAILS:
            return frozenset()
        return frozenset(self._names.of(value))

    def _place(self, node: cst.BaseExpression) -> tuple[Any, ...] | None:
        """Where a table is kept: ``TLS_MAP[TLS_SECURE]`` in its scope."""
        path = _path(node)
        return None if path is None else (self.get_metadata(ScopeProvider, node, None), *path)

    def visit_Dict(self, node: cst.Dict) -> None:
        for old, found in _advice(self._literal_choices(node)).items():
            self._choices.setdefault(old, found)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self._compared.add(node.left)
        self._compared.update(target.comparator for target in node.comparisons)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._attribute_names.add(node.attr)
        if node.attr.value in _CONSTANT_TAILS:
            self._remember_constant(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in _CONSTANT_TAILS and node not in self._attribute_names:
            self._remember_constant(node)

    def _remember_constant(self, node: cst.CSTNode) -> None:
        found = self._names.of(node) & _INSECURE
        if found:
            self._constants.append((node, min(found)))
        else:
            self._unresolved.append(node)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        function = self._names.of(original_node.func)
        if function & {_WRAP_SOCKET, _OPENSSL_CONTEXT} and self.marked(original_node):
            self.refuse(
                original_node,
                RefusalKind.ADVICE_ONLY,
                _MARKED,
            )
            self._answered.update(arg.value for arg in original_node.args)
            return updated_node
        self._remember_client_context(original_node)
        if "functools.partial" in function and self._partial_client_socket(original_node):
            return updated_node
        if _WRAP_SOCKET in function:
            return self._wrap_socket(original_node, updated_node)
        if _OPENSSL_CONTEXT in function:
            return self._openssl_context(original_node, updated_node)
        return updated_node

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        for node, name in self._constants:
            if node in self._answered or node in self._compared or self.in_tests:
                continue
            if self.marked(node):
                self.note(node, RefusalKind.NOT_APPLICABLE, _MARKED)
                continue
            if node in self._old_ssl_only:  # ryu's controller, for Python before 2.7.9
                feature = self._old_ssl_only[node]
                self.refuse(
                    node, RefusalKind.NOT_APPLICABLE, _OLD_SSL_BRANCH.format(feature=feature)
                )
                continue
            if name == _NEGOTIATING_OPENSSL:  # scrapy's {"TLS": SSL.SSLv23_METHOD, ...}
                self.refuse(node, RefusalKind.ADVICE_ONLY, _NEGOTIATING_ADVICE)
                continue
            short = name.rpartition(".")[2]
            client = self._client_contexts.get(node)
            if node in self._choices:
                keys, offer = self._choices[node]
                them = "them" if len(keys) > 1 else "it"
                choice = _joined(keys)
                advice = _CHOICE_ADVICE.format(name=short, choice=choice, offer=offer, them=them)
            elif client is not None:
                advice = _CLIENT_CONTEXT_ADVICE.format(name=short, client=client)
            elif node in self._client_sockets:
                line, parameter = self._client_sockets[node]
                advice = _PARAMETER_CLIENT.format(name=short, line=line, parameter=parameter)
            else:
                advice = _UNKNOWN_ADVICE.format(name=short)
            self.refuse(node, RefusalKind.ADVICE_ONLY, advice)
        for node in self._unresolved:
            self.note(
                node,
                RefusalKind.NOT_APPLICABLE,
                f"{code_of(node)} does not come from the ssl module or pyOpenSSL's OpenSSL.SSL",
            )
        return updated_node

    def _partial_client_socket(self, call: cst.Call) -> bool:
        """pykafka's ``partial(ssl.wrap_socket, ..., ssl_version=ssl.PROTOCOL_TLSv1)`` with no
        ``server_side``: a client's socket, given the client's advice."""
        if not call.args or _WRAP_SOCKET not in self._names.of(call.args[0].value):
            return False
        version = keyword_arg(call, "ssl_version")
        if version is None or keyword_arg(call, "server_side") is not None:
            return False
        if not self._names.of(version.value) & _OLD_SSL:
            return False
        self._answered.add(version.value)
        if not self.in_tests:
            self.refuse(call, RefusalKind.ADVICE_ONLY, _CLIENT_ADVICE)
        return True

    def _remember_client_context(self, call: cst.Call) -> None:
        """The version given to ``ssl.SSLContext()`` as the context of an HTTPS client, there
        or by a name bound to it (youtube-dl's ``context = ssl.SSLContext(...)``, then
        ``YoutubeDLHTTPSHandler(params, context=context)``)."""
        func = call.func
        called = func.attr if isinstance(func, cst.Attribute) else func
        if not isinstance(called, cst.Name):
            return
        kind = self._clients.get(called.value)
        context = argument(call, "context", None)
        if kind is None or context is None:
            return
        made = [context.value]
        if isinstance(context.value, cst.Name):
            made = self._bindings.of(context.value) or []
        for value in made:
            if (
                isinstance(value, cst.Call)
                and "ssl.SSLContext" in self._names.of(value.func)
                and value.args
            ):
                self._client_contexts[value.args[0].value] = _shown_client(called.value, kind)

    # -- ssl.wrap_socket ---------------------------------------------------

    def _wrap_socket(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        version = argument(original, "ssl_version", _SSL_VERSION_INDEX)
        if version is not None:
            self._answered.add(version.value)
        if self.in_tests:
            return updated
        if original in self._old_ssl_fallbacks:
            # pywbem's listener: try SSLContext(...).wrap_socket(), except AttributeError:
            # ssl.wrap_socket(), "before Py 2.7.9"
            self.refuse(
                original,
                RefusalKind.NOT_APPLICABLE,
                "the fallback where the ssl module lacks SSLContext, which the try before it"
                " uses: a Python that old has nothing newer to offer",
            )
            return updated
        if original in self._old_ssl_only:  # imaplib2's: if getattr(ssl, 'HAS_SNI', False)
            feature = self._old_ssl_only[original]
            self.refuse(
                original, RefusalKind.NOT_APPLICABLE, _OLD_SSL_BRANCH.format(feature=feature)
            )
            return updated
        version_name = self._version_name(version)
        if version is not None and version_name is None and self._client_parameter(original):
            return updated
        if version is not None and version_name not in _OLD_SSL:
            if version_name is None:
                self.refuse(
                    original,
                    RefusalKind.ADVICE_ONLY,
                    "ssl_version is not a constant the codemod knows; check it is TLS 1.2+",
                )
            else:
                self.note(original, RefusalKind.ALREADY_FIXED, f"{version_name} is not insecure")
            return updated
        if has_unpacking(original):
            # ryu's StreamServer: ssl_args.setdefault('server_side', True), then **ssl_args
            self.refuse(original, RefusalKind.ADVICE_ONLY, _UNPACKED_ADVICE)
            return updated
        if not self._is_server_side(original):
            advice = _CLIENT_ADVICE
            cert_reqs = keyword_arg(original, "cert_reqs")
            if cert_reqs is not None and "ssl.CERT_NONE" in self._names.of(cert_reqs.value):
                # pyload's IRC addon: verification off on purpose (self-signed servers)
                advice += _UNVERIFIED_CLIENT
            self.refuse(original, RefusalKind.ADVICE_ONLY, advice)
            return updated
        if not isinstance(original.func, cst.Attribute):
            self.refuse(
                original,
                RefusalKind.ADVICE_ONLY,
                "wrap_socket is imported by name; pass ssl_version=ssl.PROTOCOL_TLS_SERVER",
            )
            return updated
        oldest = self.project.oldest_python
        if version is None and oldest is not None and oldest >= (3, 10):
            # pyTelegramBotAPI's webhook example, requires-python >= 3.11
            self.refuse(
                original,
                RefusalKind.NOT_APPLICABLE,
                "no ssl_version: from Python 3.10 (the project's oldest is"
                f" {'.'.join(map(str, oldest))}) the default already negotiates TLS 1.2 or"
                " newer; ssl.wrap_socket is gone in 3.12: move to"
                " ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).wrap_socket() when you can",
            )
            return updated
        if self.refuse_before_python(
            original,
            (3, 6),
            "whose ssl module has no PROTOCOL_TLS_SERVER (it came in 3.6); there the default"
            " PROTOCOL_SSLv23 negotiates: set a minimum by hand where it exists",
        ):
            return updated  # Trac's standalone server, python_requires >= 3.5
        server = cst.Attribute(original.func.value, cst.Name("PROTOCOL_TLS_SERVER"))
        new_arg = keyword_argument("ssl_version", server)
        if version is None:
            appended = self._appender.with_keyword(original, updated, new_arg)
            fits = appended is not None
        else:
            appended, fits = None, self._value_fits(version, server)
        if not fits:
            text = code_of(new_arg)
            if version is None:
                self._refuse_width(original, self._appender.refusal(original, text))
            else:
                self._refuse_width(original, self._why_not_value(version, server, text))
            return updated
        before = "no ssl_version" if version is None else version_name
        reason = (
            f"server socket with {before}: PROTOCOL_TLS_SERVER negotiates TLS 1.2 or newer, so "
            "clients that speak only older versions are refused (ssl.wrap_socket is gone in "
            "Python 3.12)"
        )
        if not self.accept_fix(original, Applicability.REVIEW, reason):
            return updated
        if appended is not None:
            self._appender.commit()
            return appended
        self._commit_value(version, server)
        return _with_value(updated, original, version, server)

    def _client_parameter(self, call: cst.Call) -> bool:
        """Client advice where ``ssl_version`` of a client ``call`` (no ``server_side``, nothing
        unpacked) is a parameter of its function that holds an old version: its default, or
        what the module's calls of the function pass (proliantutils' ``_get_socket(self,
        sslversion=ssl.PROTOCOL_TLSv1)``, and its ``self._get_socket(ssl.PROTOCOL_SSLv3)``
        retry); those constants get the client's advice too."""
        version = argument(call, "ssl_version", _SSL_VERSION_INDEX)
        if argument(call, "server_side", _SERVER_SIDE_INDEX) is not None or has_unpacking(call):
            return False
        values = self._parameter_values(version.value) if version is not None else None
        old = [v for v in values or () if self._names.of(v) & _OLD_SSL]
        if not old or any(not self._names.of(v) & (_OLD_SSL | _MODERN_SSL) for v in values):
            return False
        line = self.lines_of(call)[0]
        for value in old:
            self._client_sockets[value] = (line, code_of(version.value))
        names = ", ".join(sorted({min(self._names.of(v)).rpartition(".")[2] for v in old}))
        said = f"{code_of(version.value)} comes from a parameter ({names}): {_CLIENT_ADVICE}"
        self.refuse(call, RefusalKind.ADVICE_ONLY, said)
        return True

    def _parameter_values(self, name: cst.BaseExpression) -> list[cst.BaseExpression] | None:
        """What the parameter ``name`` is: its default, and each argument the module's calls
        of its function (``f(...)``, ``self.f(...)``) give it; None where ``name`` is not
        only a parameter, or a call fills it in a way not read (``*args``)."""
        scope = self.get_metadata(ScopeProvider, name, None) if isinstance(name, cst.Name) else None
        if not isinstance(scope, FunctionScope) or not isinstance(scope.node, cst.FunctionDef):
            return None
        bound = [assignment.node for assignment in scope[name.value]]
        if len(bound) != 1 or not isinstance(bound[0], cst.Param):
            return None
        function, param = scope.node, bound[0]
        values = [param.default] if param.default is not None else []
        params, called = function.params, function.name.value
        first = params.params[0].name.value if params.params else None
        bound_params = params.with_changes(params=params.params[1:])
        for call in nodes_of_type(self._module, cst.Call):
            func = call.func
            if isinstance(func, cst.Attribute) and func.attr.value == called:
                # self.f(...): the method's self (or cls) is bound
                filled = filled_parameters(call, bound_params if first in _BOUND else params)
            elif m.matches(func, m.Name(called)):
                filled = filled_parameters(call, params)
            else:
                continue
            if any(parameter is None for _, parameter in filled):
                return None
            values += [arg.value for arg, parameter in filled if parameter == name.value]
        return values

    def _value_fits(self, old: cst.Arg, value: cst.BaseExpression) -> bool:
        return self._growth.fits(*self.growth_replacing(old.value, value))

    def _commit_value(self, old: cst.Arg, value: cst.BaseExpression) -> None:
        self._growth.grow(*self.growth_replacing(old.value, value))

    def _why_not_value(self, old: cst.Arg, value: cst.BaseExpression, text: str) -> str:
        line, column, _ = self.growth_replacing(old.value, value)
        return self._growth.why_not(line, column, text)

    def _refuse_width(self, call: cst.Call, why: str) -> None:
        self.refuse(call, RefusalKind.ADVICE_ONLY, f"{why}; write it by hand")

    def _is_server_side(self, call: cst.Call) -> bool:
        server_side = argument(call, "server_side", _SERVER_SIDE_INDEX)
        return (
            server_side is not None
            and isinstance(server_side.value, cst.Name)
            and server_side.value.value == "True"
        )

    def _version_name(self, version: cst.Arg | None) -> str | None:
        if version is None:
            return None
        found = self._names.of(version.value)
        return min(found) if found else None

    # -- pyOpenSSL -----------------------------------------------------------

    def _openssl_context(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        method = argument(original, "method", 0)
        if method is None or self.in_tests:
            return updated
        name = self._version_name(method)
        if name == _NEGOTIATING_OPENSSL:
            self._answered.add(method.value)
            self.refuse(original, RefusalKind.ADVICE_ONLY, _NEGOTIATING_ADVICE)
            return updated
        if name not in _OLD_OPENSSL or not isinstance(method.value, cst.Attribute):
            return updated
        self._answered.add(method.value)
        old = name.rpartition(".")[2]
        reason = (
            f"{old} pinned an insecure version; TLSv1_2_METHOD pins TLS 1.2, so the peer must "
            "speak it (TLS_METHOD with set_min_proto_version would also allow TLS 1.3)"
        )
        new = method.value.with_changes(attr=cst.Name("TLSv1_2_METHOD"))
        if not self._value_fits(method, new):
            self._refuse_width(original, self._why_not_value(method, new, code_of(new)))
            return updated
        if not self.accept_fix(original, Applicability.REVIEW, reason):
            return updated
        self._commit_value(method, new)
        return _with_value(updated, original, method, new)


def _https_clients(module: cst.Module) -> dict[str, str]:
    """The HTTPS clients that take a context, by the name they are called by, each with the
    standard library's client it is: the module's classes derived from one count (youtube-dl's
    ``YoutubeDLHTTPSHandler(compat_urllib_request.HTTPSHandler)``)."""
    clients = {name: name for name in _CLIENTS_TAKING_A_CONTEXT}
    classes = nodes_of_type(module, cst.ClassDef)
    grown = True
    while grown:
        grown = False
        for owner in classes:
            bases = [_tail_name(base.value) for base in owner.bases if base.keyword is None]
            kind = next((clients[base] for base in bases if base in clients), None)
            if kind is not None and owner.name.value not in clients:
                clients[owner.name.value] = kind
                grown = True
    return clients


def _shown_client(name: str, kind: str) -> str:
    """``HTTPSHandler()``, or ``YoutubeDLHTTPSHandler(), an HTTPSHandler``."""
    return f"{name}()" if name == kind else f"{name}(), an {kind}"


def _tail_name(node: cst.BaseExpression) -> str | None:
    """``HTTPSHandler`` of ``compat_urllib_request.HTTPSHandler`` and of ``HTTPSHandler``."""
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return node.value if isinstance(node, cst.Name) else None


def _ssl_names(name: cst.BaseExpression) -> frozenset[str]:
    """``ssl.PROTOCOL_TLSv1_1`` for the string ``'PROTOCOL_TLSv1_1'`` given to ``getattr``."""
    value = name.evaluated_value if isinstance(name, cst.SimpleString) else None
    return frozenset({f"ssl.{value}"}) if isinstance(value, str) else frozenset()


def _advice(choices: list[_Choice]) -> dict[cst.CSTNode, tuple[tuple[str, ...], str]]:
    """Each old version written in a table that offers TLS 1.2, with the keys of every old
    version of the table (those ``getattr`` fills too) and what it offers instead."""
    offer = _offer(choices)
    old = [(key, value) for key, names, value in choices if names & (_OLD_SSL | _OLD_OPENSSL)]
    if offer is None or not old:
        return {}
    keys = tuple(dict.fromkeys(_shown_key(key) for key, _ in old))
    if len(keys) > 1:  # "it" among several keys: name each
        keys = tuple(dict.fromkeys(_named_key(key) for key, _ in old))
    return {value: (keys, offer) for _, value in old if value is not None}


def _offer(choices: list[_Choice]) -> str | None:
    """What a table offers beside its old versions: a version that negotiates named
    (oslo.messaging's ``"sslv23": ssl.PROTOCOL_SSLv23``), else nothing to add where it pins
    TLS 1.2; None where it offers neither."""
    pinned = False
    for key, names, _ in choices:
        negotiating = min(names & _NEGOTIATING_SSL, default=None)
        if negotiating is not None:
            short = negotiating.rpartition(".")[2]
            return f" ({_shown_key(key)}, {short}, negotiates TLS 1.2 or newer)"
        pinned = pinned or "ssl.PROTOCOL_TLSv1_2" in names
    return "" if pinned else None


def _joined(keys: tuple[str, ...]) -> str:
    """``'a'``, ``'a' and 'b'``, ``'a', 'b' and 'c'``."""
    return keys[0] if len(keys) == 1 else f"{', '.join(keys[:-1])} and {keys[-1]}"


def _named_key(key: cst.BaseExpression | None) -> str:
    """``'tlsv1'``, or ``the key [TLS_NO_SSL]`` for a key that is not a string."""
    shown = _shown_key(key)
    if shown != "it" or key is None:
        return shown
    return f"the key [{code_of(key)}]"


def _shown_key(key: cst.BaseExpression | None) -> str:
    """``'tlsv1'`` for the key ``"tlsv1"``; ``it`` for a key that is not a string."""
    if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str):
        return repr(key.evaluated_value)
    return "it"


def _path(node: cst.BaseExpression) -> tuple[str, ...] | None:
    """``('TLS_MAP', '[TLS_SECURE]')`` for ``TLS_MAP[TLS_SECURE]``, ``('a', 'b')`` for ``a.b``."""
    if isinstance(node, cst.Name):
        return (node.value,)
    if isinstance(node, cst.Attribute):
        base = _path(node.value)
        return None if base is None else (*base, node.attr.value)
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        base = _path(node.value)
        key = _key(index.value) if isinstance(index, cst.Index) else None
        return None if base is None or key is None else (*base, key)
    return None


def _key(node: cst.BaseExpression | None) -> str | None:
    """A key as a string that tells ``'a'`` (and ``"a"``) from the name ``a``."""
    if isinstance(node, cst.SimpleString):
        return repr(node.evaluated_value)
    path = None if node is None else _path(node)
    return None if path is None else f"[{'.'.join(path)}]"


def _old_ssl_regions(module: cst.Module) -> dict[cst.CSTNode, str]:
    """Each node in a branch that runs only where the ssl module lacks a feature every Python
    since 2.7.9 has, and the feature: the body of ``if not hasattr(ssl, 'SSLContext'):`` (ryu's
    controller), the ``else`` of ``if getattr(ssl, 'HAS_SNI', False):`` (imaplib2)."""
    regions: dict[cst.CSTNode, str] = {}
    for statement in nodes_of_type(module, cst.If):
        region, feature = statement.orelse, _has_feature(statement.test)
        if feature is None:
            region, feature = statement.body, _lacks_feature(statement.test)
        if feature is not None and region is not None:
            for node in nodes_of_type(region, (cst.Attribute, cst.Name, cst.Call)):
                regions.setdefault(node, feature)
    return regions


def _has_feature(test: cst.BaseExpression) -> str | None:
    """The feature missing wherever ``test`` is false: ``SNI`` for ``ssl.HAS_SNI``, for
    ``getattr(ssl, 'HAS_SNI', False)``, and for ``hasattr(ssl, 'SSLContext') and ssl.HAS_SNI``
    ``SSLContext or SNI``."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _lacks_feature(test.expression)
    if isinstance(test, cst.BooleanOperation):
        return _either(test, _has_feature, isinstance(test.operator, cst.And))
    if m.matches(test, m.Attribute(m.Name("ssl"))):
        return _MODERN_FEATURES.get(test.attr.value)
    if not m.matches(test, m.Call(func=m.Name("hasattr") | m.Name("getattr"))):
        return None
    if len(test.args) < 2 or not m.matches(test.args[0].value, m.Name("ssl")):
        return None
    name = test.args[1].value
    value = name.evaluated_value if isinstance(name, cst.SimpleString) else None
    return _MODERN_FEATURES.get(value) if isinstance(value, str) else None


def _lacks_feature(test: cst.BaseExpression) -> str | None:
    """The feature missing wherever ``test`` is true (``not hasattr(ssl, 'SSLContext')``)."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _has_feature(test.expression)
    if isinstance(test, cst.BooleanOperation):
        return _either(test, _lacks_feature, isinstance(test.operator, cst.Or))
    return None


def _either(test: cst.BooleanOperation, feature_of, every: bool) -> str | None:
    """A feature of either operand, or with ``every`` both operands' (``A or B``)."""
    left, right = feature_of(test.left), feature_of(test.right)
    if every:
        return None if left is None or right is None else f"{left} or {right}"
    return left if left is not None else right


def _with_value(
    updated: cst.Call, original: cst.Call, old: cst.Arg, value: cst.BaseExpression
) -> cst.Call:
    """``updated`` with the argument that was ``old`` in ``original`` given ``value``."""
    index = list(original.args).index(old)
    args = list(updated.args)
    args[index] = args[index].with_changes(value=value)
    return updated.with_changes(args=args)
