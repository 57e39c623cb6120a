"""jinja2-autoescape: the functions a module gives its environment that return ``Markup``.

Autoescape never escapes a ``Markup`` string. A global or filter whose every
``return`` is ``Markup(...)`` (memray's ``include_file()``, which inserts a
vendored script as ``Markup(source)``) renders the same escaped or not, as
``|safe`` does, so a ``<script>`` block may hold it.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from typing import NamedTuple

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import string_key

MARKUP_CLASSES = frozenset({"markupsafe.Markup", "jinja2.Markup", "jinja2.utils.Markup"})
_KINDS = ("globals", "filters")


class MarkupHelpers(NamedTuple):
    """The names templates call (globals) or filter with (filters) that return Markup."""

    calls: frozenset[str] = frozenset()
    filters: frozenset[str] = frozenset()

    def call_in(self, expression: str) -> bool:
        """Is the Jinja ``expression`` exactly a call of one of these globals?"""
        try:
            tree = ast.parse(expression.strip(), mode="eval").body
        except SyntaxError:
            return False
        return isinstance(tree, ast.Call) and getattr(tree.func, "id", None) in self.calls


def markup_helpers(
    module: cst.Module, is_markup: Callable[[cst.BaseExpression], bool]
) -> MarkupHelpers:
    """The globals and filters ``module`` puts in an environment (``env.globals["name"] =
    function``, or ``.update(name=function)``) whose every return is ``Markup(...)``."""
    found: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    functions = list(nodes_of_type(module, cst.FunctionDef))
    for kind, name, value in _registrations(module):
        defined = [f for f in functions if m.matches(value, m.Name(f.name.value))]
        bodies = [value.body] if isinstance(value, cst.Lambda) else []
        returns = bodies + [node.value for f in defined for node in nodes_of_type(f, cst.Return)]
        if returns and all(isinstance(r, cst.Call) and is_markup(r.func) for r in returns):
            found[kind].add(name)
    return MarkupHelpers(frozenset(found["globals"]), frozenset(found["filters"]))


def _registrations(module: cst.Module) -> Iterator[tuple[str, str, cst.BaseExpression]]:
    """``(kind, name, value)`` of each ``x.globals["name"] = value`` (or ``filters``) and
    ``x.globals.update(name=value)``."""
    table = m.Attribute(attr=m.Name("globals") | m.Name("filters"))
    for assign in nodes_of_type(module, cst.Assign):
        for target in assign.targets:
            item = target.target
            if isinstance(item, cst.Subscript) and m.matches(item.value, table):
                key = string_key(item)
                if key is not None:
                    yield item.value.attr.value, key, assign.value  # type: ignore[attr-defined]
    update = m.Call(func=m.Attribute(value=table, attr=m.Name("update")))
    for call in m.findall(module, update):
        kind = call.func.value.attr.value  # type: ignore[attr-defined]
        for arg in call.args:  # type: ignore[attr-defined]
            if arg.keyword is not None:
                yield kind, arg.keyword.value, arg.value
