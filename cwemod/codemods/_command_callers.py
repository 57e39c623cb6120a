"""What the calls in the module pass for a ``command-argv`` command that is a parameter.

A module function, or a method called as ``self.m(...)``, whose every call in the
module passes a string literal without shell syntax for the command (shuup's
nodejs_verify.py: ``snarf("node --version")``) runs constant text, as far as this
module can tell; whether another module calls it is for its name to say.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._shell_split import split_shell
from cwemod.codemods._shell_template import TemplateError
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import argument, has_unpacking
from cwemod.codemods.kit.names import dotted_name
from cwemod.codemods.kit.parents import ParentProvider


def constant_callers(codemod: Codemod, param: cst.Param) -> cst.FunctionDef | None:
    """The undecorated module function or method ``param`` belongs to, where its name is
    used in the module only to call it (as ``self.m(...)`` for a method), and every such
    call passes a literal without shell syntax for ``param``, or leaves it a literal
    default; None otherwise, or where nothing calls it."""
    return _callers_passing(codemod, param, _plain_literal)


def configured_callers(codemod: Codemod, param: cst.Param) -> cst.FunctionDef | None:
    """As :func:`constant_callers`, where every call passes an option of oslo.config's
    ``CONF`` for ``param`` (ironic-inspector's ``_execute(CONF.dnsmasq_pxe_filter.
    dnsmasq_start_command)``): a command line the operator configures."""
    return _callers_passing(codemod, param, configured_option)


def configured_option(value: cst.BaseExpression | None) -> bool:
    """``CONF.<group>.<opt>`` or ``CONF.<opt>`` (``cfg.CONF`` too): an option's value."""
    dotted = dotted_name(value) if value is not None else None
    parts = (dotted or "").split(".")
    parts = parts[1:] if parts[0] == "cfg" else parts
    return parts[0] == "CONF" and len(parts) in (2, 3)


def _callers_passing(
    codemod: Codemod, param: cst.Param, passes: Callable[[cst.BaseExpression | None], bool]
) -> cst.FunctionDef | None:
    """The function of ``param`` whose every call in the module ``passes`` for it."""
    function = _parent(codemod, _parent(codemod, param))
    if not isinstance(function, cst.FunctionDef) or function.decorators:
        return None
    owner = _owner(codemod, function)
    if owner is None:
        return None
    module, method = owner
    found = _position(function, param, method)
    if found is None:
        return None
    index = found[0]
    calls = []
    for name in nodes_of_type(module, cst.Name):
        if name.value != function.name.value or name is function.name:
            continue
        call = _call_of(codemod, name, method)
        if call is None or has_unpacking(call):
            return None  # handed on as a value, shadowed, or given *args: callers unknown
        calls.append(call)
    for call in calls:
        given = argument(call, param.name.value, index)
        if not passes(given.value if given is not None else param.default):
            return None
    return function if calls else None


def is_private(name: str) -> bool:
    """``_x`` or ``__x``, not a ``__dunder__`` that Python itself calls."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _parent(codemod: Codemod, node: cst.CSTNode) -> cst.CSTNode | None:
    return codemod.get_metadata(ParentProvider, node, None)


def _owner(codemod: Codemod, function: cst.FunctionDef) -> tuple[cst.Module, bool] | None:
    """The module the function is defined at the top of (False), or in a class at the
    top of (True: a method)."""
    parent = _parent(codemod, function)
    if isinstance(parent, cst.Module):
        return parent, False
    owner = _parent(codemod, parent) if isinstance(parent, cst.IndentedBlock) else None
    module = _parent(codemod, owner) if isinstance(owner, cst.ClassDef) else None
    return (module, True) if isinstance(module, cst.Module) else None


def _position(
    function: cst.FunctionDef, param: cst.Param, method: bool
) -> tuple[int | None] | None:
    """Where a call passes ``param`` positionally (None: keyword only); None for ``self``,
    ``*args`` or ``**kwargs``."""
    params = function.params
    if any(param is keyword for keyword in params.kwonly_params):
        return (None,)
    positional = [*params.posonly_params, *params.params]
    index = next((i for i, each in enumerate(positional) if each is param), None)
    if index is None or index < int(method):
        return None
    return (index - int(method),)


def _call_of(codemod: Codemod, name: cst.Name, method: bool) -> cst.Call | None:
    """The call ``name(...)`` (``self.name(...)`` for a method) that ``name`` is the
    callee of, else None."""
    callee: cst.CSTNode | None = name
    if method:
        callee = _parent(codemod, name)
        if not (
            isinstance(callee, cst.Attribute)
            and callee.attr is name
            and m.matches(callee.value, m.Name("self"))
        ):
            return None
    call = _parent(codemod, callee)  # type: ignore[arg-type]
    return call if isinstance(call, cst.Call) and call.func is callee else None


def _plain_literal(value: cst.BaseExpression | None) -> bool:
    """A string literal whose text has no shell syntax (``"node --version"``)."""
    if not isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
        return False
    text = value.evaluated_value
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    if not isinstance(text, str):
        return False  # an f-string among the parts
    try:
        split_shell([text])
    except TemplateError:
        return False
    return True
