"""Where a digest goes only to a log (zabbix-api's ``self.debug(... hashed_pw_string)``).

A digest of a password in a log is cracked offline whatever the hash: the advice there is
to log no function of the secret, not a stronger hash. Not where the digest is printed by a
function that prints the secret itself (zuul's create-auth-token): that is the output of a
command whose output is the secret.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods._secret_flow import ParentOf
from cwemod.codemods.kit.calls import called_name
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of

# A logger's level methods, ``log(level, ...)`` and ``print``: what writes a value out.
_LOGGING_CALLS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "log", "print"}
)
# Calls that make text of a value: the text goes where the value would.
_TEXT_CALLS = frozenset({"repr", "str", "format", "join"})
# Expressions that carry a value on into the one around them.
_CARRIERS = (
    cst.Arg,
    cst.Attribute,
    cst.BinaryOperation,
    cst.ConcatenatedString,
    cst.Element,
    cst.FormattedString,
    cst.FormattedStringExpression,
    cst.Index,
    cst.List,
    cst.Slice,
    cst.Subscript,
    cst.SubscriptElement,
    cst.Tuple,
)


def only_logged(
    node: cst.BaseExpression, parent_of: ParentOf, function: cst.FunctionDef | None
) -> str | None:
    """The logging call (``self.debug``) the value of ``node`` goes to, directly or through
    the names in ``function`` it is assigned to; None where it goes anywhere else too."""
    found = _logged(node, parent_of, function, set())
    return found[0] if found else None


def shown_beside_itself(
    node: cst.BaseExpression, secret: str, parent_of: ParentOf, function: cst.FunctionDef | None
) -> bool:
    """Does the digest ``node`` go only to ``print()`` in a function that prints ``secret``
    itself (zuul's create-auth-token prints the token, then its SHA1 "Checksum")? Then it is
    a checksum of what the command shows, not a log of a function of a secret it hides."""
    if function is None:
        return False
    sinks = _logged(node, parent_of, function, set())
    if not sinks or any(sink != "print" for sink in sinks):
        return False
    reads = [
        each
        for each in nodes_of_type(function, (cst.Name, cst.Attribute))
        if code_of(each) == secret and (not isinstance(each, cst.Name) or is_read(each, parent_of))
    ]
    return any("print" in (_logged(read, parent_of, function, set()) or ()) for read in reads)


def _logged(
    node: cst.CSTNode, parent_of: ParentOf, function: cst.FunctionDef | None, seen: set[str]
) -> list[str] | None:
    child, parent = node, parent_of(node)
    while parent is not None:
        if isinstance(parent, cst.Call) and parent.func is not child:
            name = called_name(parent)
            if name in _LOGGING_CALLS:
                return [code_of(parent.func)]
            if name not in _TEXT_CALLS:
                return None
        elif isinstance(parent, cst.Assign):
            targets = [target.target for target in parent.targets]
            if function is None or not all(isinstance(each, cst.Name) for each in targets):
                return None
            return _names_logged([each.value for each in targets], parent_of, function, seen)
        elif not isinstance(parent, (cst.Call, *_CARRIERS)):
            return None
        child, parent = parent, parent_of(parent)
    return None


def _names_logged(
    names: list[str], parent_of: ParentOf, function: cst.FunctionDef, seen: set[str]
) -> list[str] | None:
    """The logs each read of ``names`` in ``function`` goes to; None where one goes
    anywhere else (a name met before adds nothing: ``text = text + digest``)."""
    found: list[str] = []
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        reads = [each for each in nodes_of_type(function, cst.Name) if each.value == name]
        reads = [each for each in reads if is_read(each, parent_of)]
        for read in reads:
            logged = _logged(read, parent_of, function, seen)
            if logged is None:
                return None
            found += logged
    return found


def is_read(name: cst.Name, parent_of: ParentOf) -> bool:
    """Not an attribute's name, a keyword, an assignment's target or a definition's name."""
    parent = parent_of(name)
    if isinstance(parent, cst.Attribute):
        return parent.value is name
    if isinstance(parent, cst.Arg):
        return parent.value is name
    if isinstance(parent, cst.AssignTarget):
        return False
    return not isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef))
