"""tls-verify: what a ``verify=`` setting is where the caller passes nothing.

oslo.vmware's ``RequestsTransport(cacert=None, insecure=True)`` sets ``self.verify =
cacert if cacert else not insecure`` and passes ``verify=self.verify``: False unless
the caller opts in. Followed: ``True``, ``False``, ``None`` and strings; a parameter's
default; a name's every binding, or ``self.<attribute>``'s in the class; ``not``,
``... if ... else ...``, ``and`` and ``or``. Anything else is unknown.

sushy-tools' ``verify = False``, then ``verify = <the CA file>`` only under ``if`` a CA
file is configured, is False where nothing is configured: :func:`set_by_default` finds
the one value a name is bound to outside every branch of its function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, only_parameter, self_attribute_values
from cwemod.codemods.kit.parents import ancestors
from cwemod.codemods.kit.source import code_of

_CONSTANTS = {"True": True, "False": False, "None": None}
_DEPTH = 6  # names and attributes followed to a value, at most


class Unknown(Exception):
    """The value cannot be told."""


@dataclass
class Default:
    """A value where the caller passes nothing, and the parameters whose defaults decide it,
    as written (``insecure=True``), with the line of the first."""

    value: object
    parameters: list[cst.Param] = field(default_factory=list)

    def said(self, line_of) -> str:
        """``cacert=None, insecure=True by default, line 29``."""
        shown = ", ".join(f"{p.name.value}={code_of(p.default)}" for p in self.parameters)
        return f"{shown} by default, line {line_of(self.parameters[0])}"


class VerifyDefaults:
    """The codemod depends on ``ScopeProvider``."""

    def __init__(self, codemod: cst.MetadataDependent, bindings: Bindings) -> None:
        self._codemod = codemod
        self._bindings = bindings

    def of(self, value: cst.BaseExpression, owner: cst.ClassDef | None) -> Default | None:
        """What ``value`` (given in a method of ``owner``) is where nobody passes anything;
        None where that cannot be told or no parameter's default decides it."""
        found = Default(None)
        try:
            found.value = self._value(value, owner, found.parameters, 0)
        except Unknown:
            return None
        return found if found.parameters else None

    def _value(self, value, owner, parameters: list[cst.Param], depth: int) -> object:
        if depth > _DEPTH:
            raise Unknown
        if isinstance(value, cst.Name) and value.value in _CONSTANTS:
            return _CONSTANTS[value.value]
        if isinstance(value, cst.SimpleString):
            return value.evaluated_value
        if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Not):
            return not self._value(value.expression, owner, parameters, depth)
        if isinstance(value, cst.IfExp):
            test = self._value(value.test, owner, parameters, depth)
            chosen = value.body if test else value.orelse
            return self._value(chosen, owner, parameters, depth)
        if isinstance(value, cst.BooleanOperation):
            left = self._value(value.left, owner, parameters, depth)
            if bool(left) == isinstance(value.operator, cst.Or):
                return left
            return self._value(value.right, owner, parameters, depth)
        return self._one(self._bound(value, owner, parameters), owner, parameters, depth)

    def _one(self, values, owner, parameters: list[cst.Param], depth: int) -> object:
        """The value every one of ``values`` has; unknown where they differ."""
        found = [self._value(value, owner, parameters, depth + 1) for value in values]
        if not found or any(type(one) is not type(found[0]) or one != found[0] for one in found):
            raise Unknown
        return found[0]

    def _bound(self, value, owner, parameters: list[cst.Param]) -> list[cst.BaseExpression]:
        """What a name or ``self.<attribute>`` is bound to: a parameter's default (noted)."""
        if isinstance(value, cst.Name):
            parameter = only_parameter(self._codemod, value)
            if parameter is not None and parameter.default is not None:
                if parameter not in parameters:
                    parameters.append(parameter)
                return [parameter.default]
            return self._bindings.of(value) or []
        if owner is not None and m.matches(value, m.Attribute(value=m.Name("self"))):
            return self_attribute_values(owner, value.attr.value) or []  # type: ignore[attr-defined]
        return []


ParentOf = Callable[[cst.CSTNode], cst.CSTNode | None]
# What ends the walk out from a binding: its scope; and what makes a binding conditional.
_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.Module)
_BRANCHES = (cst.If, cst.For, cst.While, cst.Try, cst.TryStar, cst.Match)


@dataclass
class SetByDefault:
    """``value``, the one a name is bound to outside every branch of its scope, and
    ``others``, what it is bound to under an ``if`` that does not hold the call."""

    value: cst.BaseExpression
    others: list[cst.BaseExpression]


def set_by_default(
    name: cst.Name, call: cst.Call, bindings: Bindings, parent_of: ParentOf
) -> SetByDefault | None:
    """What ``name`` (read in ``call``) is where no ``if`` sets it otherwise: sushy-tools'
    ``verify = False``, then ``verify = <CA file>`` under ``if`` one is configured. None
    where another binding is unconditional too, or in a loop, a ``try``, an ``else`` (which
    may leave no way to the call without one), or under the ``if`` the call is in."""
    values = bindings.of(name)
    if not values:
        return None
    plain = [value for value in values if not _branches_around(value, parent_of)]
    if len(plain) != 1:
        return None
    around_call = {id(node) for node in ancestors(call, parent_of)}
    others = [value for value in values if value is not plain[0]]
    if not all(_only_under_an_if(value, around_call, parent_of) for value in others):
        return None
    return SetByDefault(plain[0], others)


def _scope_path(node: cst.CSTNode, parent_of: ParentOf) -> list[cst.CSTNode]:
    """The nodes around ``node`` up to its scope (a function, class, lambda or module)."""
    found = []
    for parent in ancestors(node, parent_of):
        if isinstance(parent, _SCOPES):
            break
        found.append(parent)
    return found


def _branches_around(node: cst.CSTNode, parent_of: ParentOf) -> bool:
    return any(isinstance(parent, _BRANCHES) for parent in _scope_path(node, parent_of))


def _only_under_an_if(node: cst.CSTNode, around_call: set[int], parent_of: ParentOf) -> bool:
    """Is ``node`` under an ``if`` (not its ``else``) that the call is not in, and in no
    loop, ``try`` or ``match``?"""
    path = _scope_path(node, parent_of)
    return not any(isinstance(parent, (cst.Else, *_BRANCHES[1:])) for parent in path) and any(
        isinstance(p, cst.If) and id(p) not in around_call for p in path
    )
