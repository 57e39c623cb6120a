"""hardcoded-tmp: a dump written only where an environment variable asks for it.

diskimage-builder's ``block_device/config.py`` writes its graph to
``/tmp/graph_dump.dot`` only ``if 'DUMP_CONFIG_GRAPH' in os.environ``, and a comment
above tells the developer to open that file by name: a random name would be a dump no
one finds.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._tmp_uses import ENVIRONMENT_READS
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.names import string_key

_ENVIRON = "os.environ"


def environment_switch(
    node: cst.CSTNode,
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None],
    names_of: Callable[[cst.BaseExpression], set[str]],
) -> str | None:
    """The environment variable an ``if`` around ``node`` (in the body, not its ``else``)
    tests: ``'X' in os.environ``, ``os.environ.get('X')``, ``os.getenv('X')``,
    ``os.environ['X']``; None where no ``if`` does."""
    child, parent = node, parent_of(node)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.ClassDef)):
        if isinstance(parent, cst.If) and child is parent.body:
            name = _tested_variable(parent.test, names_of)
            if name is not None:
                return name
        child, parent = parent, parent_of(parent)
    return None


def _tested_variable(
    test: cst.BaseExpression, names_of: Callable[[cst.BaseExpression], set[str]]
) -> str | None:
    key: cst.BaseExpression | None = None
    if m.matches(test, m.Comparison(comparisons=[m.ComparisonTarget(operator=m.In())])):
        if _ENVIRON in names_of(test.comparisons[0].comparator):  # type: ignore[attr-defined]
            key = test.left  # type: ignore[attr-defined]
    elif isinstance(test, cst.Call) and names_of(test.func) & ENVIRONMENT_READS and test.args:
        key = test.args[0].value
    elif isinstance(test, cst.Subscript) and _ENVIRON in names_of(test.value):
        return string_key(test)
    if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str):
        return key.evaluated_value
    return None
