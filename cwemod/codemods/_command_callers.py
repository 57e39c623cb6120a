"""What the calls in the module pass for a ``command-argv`` command that is a parameter.

A module function, or a method called as ``self.m(...)``, whose every call in the
module passes a string literal without shell syntax for the command (shuup's
nodejs_verify.py: ``snarf("node --version")``) runs constant text, as far as this
module can tell; whether another module calls it is for its name to say.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
from libcst.metadata import FunctionScope, ScopeProvider

from cwemod.codemods._shell_split import split_shell
from cwemod.codemods._shell_template import TemplateError
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import argument, has_unpacking, positional_arg
from cwemod.codemods.kit.names import dotted_name, is_string
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
    values = passed_values(codemod, param)
    if not values or not all(passes(value) for value in values):
        return None
    return function  # type: ignore[return-value]


def passed_values(codemod: Codemod, param: cst.Param) -> list[cst.BaseExpression | None] | None:
    """What each call in the module passes for ``param`` (its default where one leaves it
    out, None where it has none), where its undecorated function's name is used in the
    module only to call it (as ``self.m(...)`` for a method), and ``*args`` or ``**kwargs``
    only after a positional ``param`` (networking-bagpipe's ``_shell_command(log, command,
    *args, **kwargs)``); None otherwise."""
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
        if call is None:
            return None  # handed on as a value, or shadowed: callers unknown
        if has_unpacking(call) and (index is None or positional_arg(call, index) is None):
            return None  # *args or **kwargs may pass it: unknown
        calls.append(call)
    given = [argument(call, param.name.value, index) for call in calls]
    return [arg.value if arg is not None else param.default for arg in given]


def string_wrapper(
    codemod: Codemod, name: cst.Name, depth: int = 0
) -> tuple[cst.FunctionDef, cst.CSTNode] | None:
    """The function that uses the command its parameter ``name`` holds as a string (its
    ``.split()``, an item of a ``.join([...])``, ``+`` with text), and that use: the
    function of ``name``, or one whose calls in the module hand it their own parameter
    (networking-bagpipe's run_command(), which joins the root helper to the command its
    _shell_command() runs). Such a function takes only strings: it must take an argument
    list before its callers can pass one."""
    scope = codemod.get_metadata(ScopeProvider, name, None)
    if not isinstance(scope, FunctionScope) or name.value not in scope:
        return None
    params = [a.node for a in scope.assignments[name.value] if isinstance(a.node, cst.Param)]
    if len(params) != 1:
        return None
    function = _parent(codemod, _parent(codemod, params[0]))
    accesses = [access.node for access in scope.accesses[name.value]]
    for node in sorted(accesses, key=lambda node: (node is not name, codemod.lines_of(node))):
        if isinstance(function, cst.FunctionDef) and _used_as_string(codemod, node):
            return function, node
    values = passed_values(codemod, params[0]) if depth < _WRAPPER_DEPTH else None
    for value in values or []:
        # Only a parameter handed on whole: a caller that builds the command from its own
        # (``_snarf(program + " --version")``) holds a program name, maybe, not a command.
        found = string_wrapper(codemod, value, depth + 1) if isinstance(value, cst.Name) else None
        if found is not None:
            return found
    return None


def dropped_shell(function: cst.FunctionDef) -> cst.Call | None:
    """The ``kwargs.pop("shell", ...)`` by which ``function`` drops its callers' shell=."""
    for call in nodes_of_type(function, cst.Call):
        key = call.args[0].value if call.args else None
        if m.matches(call.func, m.Attribute(attr=m.Name("pop"))) and is_string(key, "shell"):
            return call
    return None


# How many module callers up string_wrapper looks for the function that takes a string.
_WRAPPER_DEPTH = 3
# str methods a list lacks.
_STRING_METHODS = frozenset(
    """
    split rsplit splitlines strip lstrip rstrip startswith endswith replace encode
    partition rpartition lower upper format
    """.split()
)


def _used_as_string(codemod: Codemod, node: cst.CSTNode) -> bool:
    """``node.split()`` (a str method), ``sep.join([..., node])``, or ``node + "text"``."""
    parent = _parent(codemod, node)
    if isinstance(parent, cst.Attribute) and parent.value is node:
        call = _parent(codemod, parent)
        return (
            parent.attr.value in _STRING_METHODS
            and isinstance(call, cst.Call)
            and call.func is parent
        )
    if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
        other = parent.right if parent.left is node else parent.left
        return isinstance(other, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString))
    if not isinstance(parent, cst.Element):
        return False
    items = _parent(codemod, parent)
    arg = _parent(codemod, items) if isinstance(items, (cst.List, cst.Tuple)) else None
    call = _parent(codemod, arg) if isinstance(arg, cst.Arg) else None
    return m.matches(call, m.Call(func=m.Attribute(attr=m.Name("join")), args=[m.Arg()]))


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
