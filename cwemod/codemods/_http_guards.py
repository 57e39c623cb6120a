"""requests-timeout: what the ``if`` statements around a call say of a timeout setting.

manila's HPE Alletra rest client passes ``timeout=self.timeout`` only under ``if
self.timeout:``, which never runs with None, and makes the same call without a timeout in
the ``else`` branch, which runs where the setting is unset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst

from cwemod.codemods._http_calls import is_literal
from cwemod.codemods.kit.parents import ancestors

_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)


def guards(
    call: cst.Call, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> Iterator[tuple[cst.BaseExpression, bool, cst.If | cst.IfExp, bool]]:
    """``(name or attribute, set, branching, truth)`` for each one an ``if`` (or conditional
    expression) around ``call`` in its function tests, ``truth`` where the call is in its
    body: ``set`` where the call runs only when it is true or not None, not where it runs
    only when it is false or None."""
    node: cst.CSTNode = call
    for parent in ancestors(call, parent_of):
        if isinstance(parent, _SCOPES):
            return
        if isinstance(parent, (cst.If, cst.IfExp)) and node is not parent.test:
            truth = node is parent.body
            for tested, is_set in _said_of(parent.test, truth):
                yield tested, is_set, parent, truth
        node = parent


def _said_of(test: cst.BaseExpression, truth: bool) -> Iterator[tuple[cst.BaseExpression, bool]]:
    """The names and attributes ``test`` being ``truth`` says are set (True: true, or not
    None) or unset (False: false, or None): ``x``, ``not x``, ``x is None``, ``x is not
    None``, and each of ``a and b`` where it is true (of ``a or b`` where false)."""
    while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test, truth = test.expression, not truth
    if isinstance(test, cst.BooleanOperation):
        if isinstance(test.operator, cst.And if truth else cst.Or):
            yield from _said_of(test.left, truth)
            yield from _said_of(test.right, truth)
    elif isinstance(test, (cst.Name, cst.Attribute)):
        yield test, truth
    elif (
        isinstance(test, cst.Comparison)
        and len(test.comparisons) == 1
        and is_literal(test.comparisons[0].comparator, "None")
    ):
        operator = test.comparisons[0].operator
        if isinstance(operator, (cst.Is, cst.IsNot)):
            yield test.left, truth == isinstance(operator, cst.IsNot)
