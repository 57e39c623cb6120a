"""secure-random: a token drawn only to start a counter, which each next value follows.

nicotine-plus draws ``initial_token()`` "to effectively prevent conflicting
tokens between sessions", and its callers count up from it with
``increment_token()``; aiocoap's ``self._token`` steps by ``(self._token + 1) %
65536``. The tokens travel in plain text, and each next one follows from the
last one seen: the draw keeps sessions apart, it hides nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
from libcst import MetadataDependent

from cwemod.codemods._random_keys import references_of
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import called_words
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import ancestors, enclosing_function
from cwemod.codemods.kit.source import code_of

ParentOf = Callable[[cst.CSTNode], cst.CSTNode | None]

# The words a function that steps a counter is named with (``increment_token``, ``next_id``).
_STEPS = ("increment", "next")


def only_a_counter_start(
    codemod: MetadataDependent, call: cst.Call, sink: str, parent_of: ParentOf
) -> str | None:
    """Why the draw ``call`` is no secret: it only starts a counter, bound to a name that
    every other assignment steps; or the private function returning it is called only so.
    None when a binding does more, or no step is seen."""
    function = enclosing_function(call, parent_of)
    if _bound_to(call, parent_of):
        counter = _counter(call, {call}, parent_of)
        return None if counter is None else _reason(f"`{counter}`")
    name = function.name.value if function is not None else ""
    if name != sink or not name.startswith("_") or name.startswith("__"):
        return None  # a public function's callers may be in other modules
    uses = references_of(codemod, function, parent_of) if function is not None else None
    callers = {parent_of(use) for use in uses or ()}
    if not uses or any(
        not (isinstance(caller, cst.Call) and caller.func is use)
        for use, caller in zip(uses, map(parent_of, uses))
    ):
        return None  # none seen, or handed on as a callable whose calls cannot be seen
    if any(_counter(caller, callers, parent_of) is None for caller in callers):
        return None
    return _reason(f"what {name}() returns")


def _reason(what: str) -> str:
    return (
        f"{what} only starts a counter that each next value steps from: the draw keeps"
        " sessions apart, and the last value seen tells the next; no secret"
    )


def _bound_to(call: cst.CSTNode, parent_of: ParentOf) -> list[cst.BaseExpression]:
    """The targets ``call`` is the whole value of (``x = a.b = call``); none: it is not."""
    assign = parent_of(call)
    if not isinstance(assign, cst.Assign) or assign.value is not call:
        return []
    return [target.target for target in assign.targets]


def _counter(
    start: cst.CSTNode, starts: set[cst.CSTNode | None], parent_of: ParentOf
) -> str | None:
    """The first target ``start`` is bound to when each is a counter: a local name, or
    ``self.X``, that every other assignment in its function (its class) steps, at least
    once (an assignment of one of ``starts`` starts it again); else None."""
    targets = _bound_to(start, parent_of)
    function = enclosing_function(start, parent_of)
    for target in targets:
        region = _region(target, function, parent_of)
        if region is None:
            return None
        spelled = code_of(target)
        others = [
            node
            for node in nodes_of_type(region, (cst.Assign, cst.AugAssign))
            if _assigns(node, spelled) and node.value not in starts
        ]
        if not others or not all(_steps(node, spelled) for node in others):
            return None
    return code_of(targets[0]) if targets else None


def _region(
    target: cst.BaseExpression, function: cst.FunctionDef | None, parent_of: ParentOf
) -> cst.CSTNode | None:
    """Where ``target`` may be assigned: its function for a name, its class for ``self.X``."""
    if isinstance(target, cst.Name):
        return function
    if function is None or not m.matches(target, m.Attribute(value=m.Name("self"))):
        return None
    return next((n for n in ancestors(function, parent_of) if isinstance(n, cst.ClassDef)), None)


def _assigns(node: cst.Assign | cst.AugAssign, spelled: str) -> bool:
    """Does ``node`` assign the name or attribute spelled ``spelled``?"""
    if isinstance(node, cst.AugAssign):
        return code_of(node.target) == spelled
    return any(code_of(target.target) == spelled for target in node.targets)


def _steps(node: cst.Assign | cst.AugAssign, spelled: str) -> bool:
    """Does ``node`` step the counter: ``x += n``, ``x = x + n`` (modulo a bound: aiocoap's
    ``(self._token + 1) % 65536``), or ``x = increment_x(x)``, ``x = next_x(x)``?"""
    if isinstance(node, cst.AugAssign):
        return isinstance(node.operator, cst.AddAssign)
    value = node.value
    if m.matches(value, m.BinaryOperation(operator=m.Modulo())):
        value = value.left  # type: ignore[attr-defined]
    if isinstance(value, cst.BinaryOperation):
        operands = (code_of(value.left), code_of(value.right))
        return isinstance(value.operator, cst.Add) and spelled in operands
    if not isinstance(value, cst.Call):
        return False
    words = called_words(value)
    return (
        bool(words)
        and words[0] in _STEPS
        and any(code_of(arg.value) == spelled for arg in value.args)
    )
