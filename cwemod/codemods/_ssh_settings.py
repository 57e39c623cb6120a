"""ssh-host-key-policy: is the setting an ``if`` trusts unknown hosts under off by default?

openshift-client's ``if self.ssh_auto_add_host:`` sets ``AutoAddPolicy`` for a
setting that is ``False`` in ``__init__`` and that ``client_host()`` takes from
``$OPENSHIFT_CLIENT_PYTHON_DEFAULT_SSH_AUTO_ADD``, default ``"false"``: an
opt-in. Its ``node_ssh_client(auto_add_host=True)`` trusts them unless asked not to.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.kit.bindings import Bindings, assigned_targets, only_parameter
from cwemod.codemods.kit.calls import called_name, named_parameters
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.source import code_of

ENVIRONMENT_READS = frozenset({"os.getenv", "os.environ.get"})
_STRING_METHODS = {"lower": str.lower, "upper": str.upper, "strip": str.strip}
_CONSTANTS = {"True": True, "False": False, "None": False}
_DEPTH = 4  # names followed to a value, at most


class SettingDefaults:
    """Whether a setting's value is on (True) or off (False) where nobody sets it; None where
    the codemod cannot tell. The codemod depends on ``ScopeProvider``."""

    def __init__(self, codemod: cst.MetadataDependent, module: cst.Module) -> None:
        self._codemod = codemod
        self._module = module
        self._bindings = Bindings(codemod, module)
        self._names = QualifiedNames(codemod)

    def of_test(self, test: cst.BaseExpression) -> bool | None:
        """The default of an ``if``'s test: a name, or ``self.<attribute>``, which every
        ``<anything>.<attribute> = value`` of the module must leave off to be off."""
        if isinstance(test, cst.Name):
            return self.state(test)
        if not (isinstance(test, cst.Attribute) and code_of(test.value) == "self"):
            return None
        values = _attribute_values(self._module, test.attr.value)
        states = {self.state(value) for value in values or [None]}
        return states.pop() if len(states) == 1 else (True if True in states else None)

    def state(self, value: cst.BaseExpression | None, depth: int = 0) -> bool | None:
        if value is None or depth > _DEPTH:
            return None
        if isinstance(value, cst.Name) and value.value in _CONSTANTS:
            return _CONSTANTS[value.value]
        if isinstance(value, cst.Integer):
            return value.evaluated_value != 0
        if isinstance(value, cst.Comparison):
            return self._compared(value)
        if not isinstance(value, cst.Name):
            return None
        parameter = only_parameter(self._codemod, value)
        if parameter is not None:
            return self.state(parameter.default, depth + 1)
        states = {self.state(bound, depth + 1) for bound in self._bindings.of(value) or [None]}
        return states.pop() if len(states) == 1 else None

    def forwarders(self, function: cst.FunctionDef, name: str) -> list[str]:
        """The module's functions whose own ``name`` parameter, on by default, is passed on
        to ``function`` as ``name=name`` (openshift-client's ``node_ssh_await()``)."""
        found = []
        for other in nodes_of_type(self._module, cst.FunctionDef):
            passes = any(
                called_name(call) == function.name.value
                and any(
                    arg.keyword is not None
                    and arg.keyword.value == name
                    and code_of(arg.value) == name
                    for arg in call.args
                )
                for call in nodes_of_type(other.body, cst.Call)
            )
            own = next((param for param in parameters(other) if param.name.value == name), None)
            if passes and own is not None and self.state(own.default) is True:
                found.append(other.name.value)
        return found

    def _compared(self, comparison: cst.Comparison) -> bool | None:
        """``os.getenv("X", "false").lower() in ("yes", "true", ...)`` where X is unset."""
        if len(comparison.comparisons) != 1:
            return None
        default = self._environment_default(comparison.left)
        target = comparison.comparisons[0]
        choices = _strings(target.comparator)
        if default is None or choices is None:
            return None
        operator = target.operator
        if isinstance(operator, (cst.In, cst.Equal)):
            return default in choices
        if isinstance(operator, (cst.NotIn, cst.NotEqual)):
            return default not in choices
        return None

    def _environment_default(self, value: cst.BaseExpression) -> str | None:
        if not isinstance(value, cst.Call):
            return None
        func = value.func
        method = _STRING_METHODS.get(func.attr.value) if isinstance(func, cst.Attribute) else None
        if method is not None and not value.args:
            inner = self._environment_default(func.value)  # type: ignore[attr-defined]
            return None if inner is None else method(inner)
        if not self._names.of(func) & ENVIRONMENT_READS or len(value.args) != 2:
            return None
        default = value.args[1].value
        return default.evaluated_value if isinstance(default, cst.SimpleString) else None


def _attribute_values(module: cst.Module, attribute: str) -> list[cst.BaseExpression] | None:
    """What ``<anything>.<attribute> = value`` statements in the module assign; None where it
    is bound another way too (with others at once, in place)."""
    values = []
    for assign in nodes_of_type(module, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
        targets = assigned_targets(assign)
        hits = [t for t in targets if isinstance(t, cst.Attribute) and t.attr.value == attribute]
        if not hits:
            continue
        if not isinstance(assign, cst.Assign) or len(targets) != 1:
            return None
        values.append(assign.value)
    return values or None


def parameters(function: cst.FunctionDef) -> tuple[cst.Param, ...]:
    """The function's named parameters (not ``*args`` nor ``**kwargs``)."""
    return tuple(named_parameters(function.params))


def _strings(value: cst.BaseExpression) -> set[str] | None:
    if isinstance(value, cst.SimpleString):
        return {value.evaluated_value}  # type: ignore[arg-type]
    if not isinstance(value, (cst.Tuple, cst.List, cst.Set)):
        return None
    elements = [element.value for element in value.elements]
    if not all(isinstance(element, cst.SimpleString) for element in elements):
        return None
    return {element.evaluated_value for element in elements}  # type: ignore[attr-defined]
