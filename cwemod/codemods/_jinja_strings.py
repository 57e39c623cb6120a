"""The templates a module renders from strings (``from_string()``), and by which environment.

zaza's ``deploy.py`` renders its plain overlay literal with an environment of its own
(``jinja2.Environment(loader=jinja2.BaseLoader).from_string(LOCAL_OVERLAY_TEMPLATE)``);
its other environment reads a directory of templates, and renders no string.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, self_attribute_values
from cwemod.codemods.kit.calls import argument
from cwemod.codemods.kit.match import nodes_of_type

_FROM_STRING = m.Attribute(attr=m.Name("from_string"))


@dataclass(frozen=True)
class StringRender:
    """One ``from_string()`` call."""

    text: str | None  # the template, where it is a literal of the module
    environments: frozenset[int] | None  # ids of the Environment calls it is on; None: unknown

    def on(self, environment: cst.Call) -> bool:
        """May it be ``environment`` that renders it? Any may, where that is not known."""
        return self.environments is None or id(environment) in self.environments


def string_renders(
    module: cst.Module, bindings: Bindings, is_environment: Callable[[cst.CSTNode], bool]
) -> list[StringRender]:
    """Each ``from_string()`` call of the module, with the environments it is called on:
    an environment's call itself, or the calls the name or ``self`` attribute it is called
    on is bound to (where each is one of ``is_environment``)."""
    calls = [call for call in nodes_of_type(module, cst.Call) if m.matches(call.func, _FROM_STRING)]
    classes = _innermost_classes(module, calls)
    renders = []
    for call in calls:
        receiver = call.func.value  # type: ignore[attr-defined]
        values = _values_of(receiver, bindings, classes.get(id(call)))
        known = values is not None and all(map(is_environment, values))
        environments = frozenset(map(id, values)) if known and values else None
        renders.append(StringRender(_template_text(call, module), environments))
    return renders


def _values_of(
    receiver: cst.BaseExpression, bindings: Bindings, owner: cst.ClassDef | None
) -> list[cst.BaseExpression] | None:
    """What the receiver is: itself (a call), what a name is bound to, or what the class's
    methods assign ``self.<attribute>``; None where that is not known."""
    if isinstance(receiver, cst.Call):
        return [receiver]
    if isinstance(receiver, cst.Name):
        return bindings.of(receiver)
    if owner is not None and m.matches(receiver, m.Attribute(value=m.Name("self"))):
        return self_attribute_values(owner, receiver.attr.value)  # type: ignore[attr-defined]
    return None


def _innermost_classes(module: cst.Module, calls: list[cst.Call]) -> dict[int, cst.ClassDef]:
    """The innermost class each of ``calls`` is in, by the call's ``id``."""
    wanted = {id(call) for call in calls}
    found: dict[int, cst.ClassDef] = {}
    if not wanted:
        return found
    for owner in nodes_of_type(module, cst.ClassDef):  # outer first: an inner one wins
        for call in nodes_of_type(owner, cst.Call):
            if id(call) in wanted:
                found[id(call)] = owner
    return found


def _template_text(call: cst.Call, module: cst.Module) -> str | None:
    """The text a ``from_string()`` call is given, where it is a literal, or a module-level
    name bound once to one."""
    source = argument(call, "source", 0)
    value = None if source is None or source.star else source.value
    if isinstance(value, cst.Name):
        bound = [
            small.value
            for statement in module.body
            if isinstance(statement, cst.SimpleStatementLine)
            for small in statement.body
            if m.matches(small, m.Assign(targets=[m.AssignTarget(m.Name(value.value))]))
        ]
        value = bound[0] if len(bound) == 1 else None
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
        text = value.evaluated_value
        return text if isinstance(text, str) else None
    return None
