"""The calls of a module that run a function of its own one call up, for requests-timeout.

A ``try`` around such a call catches what the function raises: flit's
``validate_classifiers()`` calls ``_download_classifiers()`` by its name,
and python-freeipa's ``login()`` hands the bound method ``self._login`` to
``_wrap_in_dns_discovery(function, *args)``, whose loop over the hosts calls
``function(*args)`` in a ``try``. A method is called as ``self.<name>()`` or
``cls.<name>()`` in its class or a subclass of the module (a plain name there is
a global, not the method); a function handed on as an argument is followed into
the module's function or method it fills a parameter of. Same module, one level.

A function's own ``**kwargs`` holds what its callers give it: where its name is
used only to call it (git-review's ``run_http_exc(CannotInstallHook, hook_url,
stream=True)``), those calls are all the module has (:func:`only_calls`); a
public name's callers may be in other modules too.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._http_sessions import module_class_chain
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import calls_by_name, filled_parameters
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import ancestors

ParentOf = Callable[[cst.CSTNode], cst.CSTNode | None]

_RECEIVER = m.Name("self") | m.Name("cls")


def calls_one_up(
    module: cst.Module, function: cst.FunctionDef, parent_of: ParentOf
) -> list[cst.Call]:
    """The calls in ``module`` that run ``function``: by its name (a method through
    ``self`` or ``cls``), or through a parameter of a function it is handed to."""
    name = function.name.value
    owner = _owner(function, parent_of)
    if owner is None:
        scopes: list[cst.CSTNode] = [module]
        reference: m.BaseMatcherNode = m.Name(name)
    else:
        scopes = [
            cls for cls in nodes_of_type(module, cst.ClassDef) if _inherits(module, cls, owner)
        ]
        reference = m.Attribute(value=_RECEIVER, attr=m.Name(name))
    calls: list[cst.Call] = []
    for scope in scopes:
        for call in nodes_of_type(scope, cst.Call):
            if m.matches(call.func, reference):
                calls.append(call)
            handed = [arg for arg in call.args if not arg.star and m.matches(arg.value, reference)]
            for arg in handed:
                calls += _parameter_calls(module, call, arg, parent_of)
    return calls


def _owner(function: cst.FunctionDef, parent_of: ParentOf) -> cst.ClassDef | None:
    """The class whose body defines ``function``; None for a function."""
    block = parent_of(function)
    owner = parent_of(block) if block is not None else None
    return owner if isinstance(owner, cst.ClassDef) else None


def _inherits(module: cst.Module, cls: cst.ClassDef, owner: cst.ClassDef) -> bool:
    return cls is owner or owner in module_class_chain(module, cls)


def _parameter_calls(
    module: cst.Module, call: cst.Call, arg: cst.Arg, parent_of: ParentOf
) -> list[cst.Call]:
    """The calls of the parameter ``arg`` fills in the functions of the module ``call``
    names: its own, or methods through ``self`` or ``cls`` of the class around it."""
    found: list[cst.Call] = []
    for callee, params in _callees(module, call, parent_of):
        parameter = dict(filled_parameters(call, params)).get(arg)
        if parameter is not None:
            found += calls_by_name(callee.body, parameter)
    return found


def _callees(
    module: cst.Module, call: cst.Call, parent_of: ParentOf
) -> list[tuple[cst.FunctionDef, cst.Parameters]]:
    """The functions of the module, or methods of the class around ``call`` and its bases
    there, that ``call`` names, each with the parameters it fills (a method's without its
    ``self`` or ``cls``)."""
    func = call.func
    if isinstance(func, cst.Name):
        functions = [node for node in module.body if isinstance(node, cst.FunctionDef)]
        return [(f, f.params) for f in functions if f.name.value == func.value]
    owner = next((n for n in ancestors(call, parent_of) if isinstance(n, cst.ClassDef)), None)
    if owner is None or not m.matches(func, m.Attribute(value=_RECEIVER)):
        return []
    name = func.attr.value  # type: ignore[attr-defined]
    methods = [
        node
        for cls in module_class_chain(module, owner)
        for node in cls.body.body
        if isinstance(node, cst.FunctionDef) and node.name.value == name
    ]
    return [(f, bound_parameters(f)) for f in methods]


def bound_parameters(method: cst.FunctionDef) -> cst.Parameters:
    """The parameters a call of ``method`` through ``self`` or ``cls`` fills."""
    if any(m.matches(d.decorator, m.Name("staticmethod")) for d in method.decorators):
        return method.params
    return method.params.with_changes(params=method.params.params[1:])


def only_calls(
    module: cst.Module, function: cst.FunctionDef, parent_of: ParentOf
) -> list[cst.Call] | None:
    """The calls in ``module`` of ``function`` (undecorated but for ``staticmethod`` or
    ``classmethod``), where its name is used nowhere but to call it: by its name, or a
    method's through ``self`` or ``cls`` (another object's attribute of that name is not
    a function's); None where it is used otherwise, or not at all."""
    if any(not m.matches(d.decorator, _BINDING_DECORATOR) for d in function.decorators):
        return None
    method = _owner(function, parent_of) is not None
    calls: list[cst.Call] = []
    for node in nodes_of_type(module, cst.Name):
        if node.value != function.name.value or node is function.name:
            continue
        parent = parent_of(node)
        attribute = isinstance(parent, cst.Attribute) and parent.attr is node
        if attribute and not method:
            continue
        callee = parent if attribute and m.matches(parent.value, _RECEIVER) else node
        call = parent_of(callee) if callee is not node or not method else None
        if not (isinstance(call, cst.Call) and call.func is callee):
            return None  # handed on, shadowed, or a method's name on another object
        calls.append(call)
    return calls or None


_BINDING_DECORATOR = m.Name("staticmethod") | m.Name("classmethod")
