"""Which ``try`` around an HTTP call a read timeout would escape (requests-timeout).

A handler of network failures (``ConnectionError``, ``URLError``) that
catches no ``Timeout`` lets the ``ReadTimeout`` a new keyword brings
escape; requests' own ``HTTPError`` is none (only ``raise_for_status()``
raises it, for the server's answer), nor is one that only logs and raises it
again (kuryr-kubernetes' CNI runner's ``LOG.exception(...)`` then ``raise``):
nothing recovers there, so a Timeout escaping it changes nothing for the caller; a read through ``.raw`` raises urllib3's ``ReadTimeoutError``,
which a handler expecting an ``OSError`` misses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.loggers import logs_at_a_level
from cwemod.codemods.kit.source import code_of

ParentOf = Callable[[cst.CSTNode], Any]
NamesOf = Callable[[cst.CSTNode], set[str]]

# The last names of what catches requests' Timeout: its classes and bases (IOError's).
_CATCH_A_TIMEOUT = frozenset(
    {"Timeout", "ReadTimeout", "ConnectTimeout", "RequestException", "IOError", "OSError",
     "EnvironmentError", "Exception", "BaseException"}
)  # fmt: skip


_REQUESTS_CONNECTION_ERRORS = frozenset(
    {"requests.ConnectionError", "requests.exceptions.ConnectionError"}
)

# Raised by Response.raise_for_status() only: its adapters raise ConnectionError, Timeout...
_REQUESTS_HTTP_ERRORS = frozenset({"requests.HTTPError", "requests.exceptions.HTTPError"})


# What a handler for network failures catches, none of which is a Timeout. Not SSLError
# alone: nikola's handler retries over http, a fallback a timeout must not take; nor the
# URL's errors (InvalidURL, MissingSchema), about what is asked, not the network.
_NETWORK_ERRORS = frozenset(
    {"ConnectionError", "HTTPError", "URLError", "ProxyError", "TooManyRedirects",
     "ChunkedEncodingError", "ContentDecodingError"}
)  # fmt: skip


# What a handler that expects a read timeout to be an OSError catches (requests' errors,
# the builtin TimeoutError, socket.timeout): urllib3's ReadTimeoutError is none of them.
_EXPECT_AN_OSERROR = (_CATCH_A_TIMEOUT | _NETWORK_ERRORS | {"TimeoutError", "timeout"}) - {
    "Exception",
    "BaseException",
}


# urllib3's ReadTimeoutError and its bases short of Exception.
_URLLIB3_TIMEOUT_BASES = frozenset(
    {"ReadTimeoutError", "TimeoutError", "RequestError", "PoolError", "HTTPError"}
)


def _caught_names(handler: cst.ExceptHandler) -> set[str] | None:
    """The last names of the classes ``handler`` catches; None when it catches all or
    names something the codemod cannot read."""
    if handler.type is None:
        return None
    names = set()
    for value in caught_classes(handler):
        dotted = code_of(value)
        if not all(part.isidentifier() for part in dotted.split(".")):
            return None
        names.add(dotted.rpartition(".")[2])
    return names


def _answered(handler: cst.ExceptHandler, names_of: NamesOf) -> set[str]:
    """``{"HTTPError"}`` where ``handler`` handles the server's answer, which a Timeout has not
    (its ``response`` is None), so it is no handler of network failures: its HTTPError is
    requests' (keystone-rxt's ``except requests.HTTPError``), or it reads the ``response`` of
    the exception it binds (airbyte-cdk's ``e.response.status_code``). An HTTPError the
    codemod cannot tell for requests' (urllib's, urllib3's) stays a network failure."""
    bound = handler.name.name if handler.name is not None else None
    if isinstance(bound, cst.Name):
        read = m.Attribute(value=m.Name(bound.value), attr=m.Name("response"))
        if m.findall(handler.body, read):
            return {"HTTPError"}
    errors = [v for v in caught_classes(handler) if code_of(v).rpartition(".")[2] == "HTTPError"]
    if errors and all(names_of(v) and names_of(v) <= _REQUESTS_HTTP_ERRORS for v in errors):
        return {"HTTPError"}
    return set()


def handlers_that_miss_the_timeout(
    call: cst.Call, parent_of: ParentOf, names_of: NamesOf
) -> str | None:
    """What the ``try`` statements around ``call`` (in its function) catch, and which
    timeout escapes them, when they catch network failures and none of it is a Timeout;
    None when one catches it, or none is about the network."""
    caught: list[str] = []
    connect = False  # requests' ConnectionError: its ConnectTimeout is one
    child, parent = call, parent_of(call)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
        if isinstance(parent, cst.Try) and parent.body is child:
            for handler in parent.handlers:
                if only_logs_and_reraises(handler):
                    continue  # what it catches goes on as it came, to the try around it
                names = _caught_names(handler)
                if names is None or names & _CATCH_A_TIMEOUT:
                    return None
                caught += sorted(names - _answered(handler, names_of))
                connect = connect or _catches_connection_error(handler, names_of)
        child, parent = parent, parent_of(parent)
    if not set(caught) & _NETWORK_ERRORS:
        return None  # a handler for what the response holds (ValueError): not the network's
    if connect:
        # repo2docker's Software Heritage retry: a connect timeout is retried, a read not
        escapes = "which covers a connect timeout but not requests.ReadTimeout"
    else:
        escapes = "not the requests.exceptions.Timeout a timeout raises"
    return f"{', '.join(dict.fromkeys(caught))}, {escapes}"


def only_logs_and_reraises(handler: cst.ExceptHandler) -> bool:
    """Does ``handler`` only log at a level (``LOG.exception(...)``) and end with a bare
    ``raise``, so that what it catches goes on as it came?"""
    lines = handler.body.body
    if not all(isinstance(line, cst.SimpleStatementLine) for line in lines):
        return False
    smalls = [small for line in lines for small in line.body]  # type: ignore[attr-defined]
    if not smalls or not m.matches(smalls[-1], m.Raise(exc=None)):
        return False
    return all(
        m.matches(small, m.Expr(value=m.Call())) and logs_at_a_level(small.value)
        for small in smalls[:-1]
    )


def _catches_connection_error(handler: cst.ExceptHandler, names_of: NamesOf) -> bool:
    """Does ``handler`` catch requests' ``ConnectionError`` (not the builtin one), a base
    of its ``ConnectTimeout``?"""
    return any(names_of(value) & _REQUESTS_CONNECTION_ERRORS for value in caught_classes(handler))


def raw_read_missed(raw: cst.CSTNode, parent_of: ParentOf, names_of: NamesOf) -> str | None:
    """What the innermost ``try`` around the ``.raw`` read ``raw`` that expects network
    failures (``OSError``, requests' errors) catches, where neither it nor one inside it
    catches urllib3's ``ReadTimeoutError``."""
    child, parent = raw, parent_of(raw)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
        if isinstance(parent, cst.Try) and parent.body is child:
            if any(_catches_urllib3_timeout(h, names_of) for h in parent.handlers):
                return None
            names = {n for h in parent.handlers for n in _caught_names(h) or ()}
            if names & _EXPECT_AN_OSERROR:
                return ", ".join(sorted(names & _EXPECT_AN_OSERROR))
        child, parent = parent, parent_of(parent)
    return None


def _catches_urllib3_timeout(handler: cst.ExceptHandler, names_of: NamesOf) -> bool:
    """Does ``handler`` catch urllib3's ``ReadTimeoutError`` (or what it cannot read)?"""
    names = _caught_names(handler)
    if names is None or names & {"ReadTimeoutError", "Exception", "BaseException"}:
        return True
    return any(
        name.startswith("urllib3.") and name.rpartition(".")[2] in _URLLIB3_TIMEOUT_BASES
        for value in caught_classes(handler)
        for name in names_of(value)
    )
