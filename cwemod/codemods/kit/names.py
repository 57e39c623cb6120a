"""Names: dotted names written in the code, and qualified names through imports."""

from __future__ import annotations

import libcst as cst
from libcst import MetadataDependent
from libcst.helpers import get_full_name_for_node
from libcst.metadata import QualifiedName, QualifiedNameSource, ScopeProvider


def dotted_name(node: cst.CSTNode) -> str | None:
    """``a.b.c`` for a name or a chain of attributes of a name; None for anything else.

    Unlike ``get_full_name_for_node`` alone, a call or a subscript in the
    chain (``super().create``, ``x[0].y``) is not a dotted name.
    """
    head = node
    while isinstance(head, cst.Attribute):
        head = head.value
    return get_full_name_for_node(node) if isinstance(head, cst.Name) else None


def last_name(node: cst.BaseExpression) -> str:
    """``session`` of ``session`` and of ``self.session``; "" for anything else."""
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return node.value if isinstance(node, cst.Name) else ""


def dotted_expression(name: str) -> cst.BaseExpression:
    """The expression ``a.b.c`` for the text ``"a.b.c"``."""
    expression: cst.BaseExpression = cst.Name(name.split(".")[0])
    for part in name.split(".")[1:]:
        expression = cst.Attribute(expression, cst.Name(part))
    return expression


class QualifiedNames:
    """Qualified names of nodes, asked of their scope one node at a time and cached.

    What ``QualifiedNameProvider`` answers, without the provider's own pass
    over the whole tree. The codemod must declare ``ScopeProvider`` in its
    ``METADATA_DEPENDENCIES``.
    """

    def __init__(self, codemod: MetadataDependent) -> None:
        self._codemod = codemod
        self._cache: dict[cst.CSTNode, set[QualifiedName]] = {}

    def of(self, node: cst.CSTNode) -> set[str]:
        """The names ``node`` may stand for, e.g. ``{"os.path.join"}``; empty when unknown."""
        return {
            name.name for name in self.full(node) if name.source is not QualifiedNameSource.LOCAL
        }

    def full(self, node: cst.CSTNode) -> set[QualifiedName]:
        """The qualified names of ``node`` with where each comes from (import, local, builtin)."""
        names = self._cache.get(node)
        if names is None:
            scope = self._codemod.get_metadata(ScopeProvider, node, None)
            names = set(scope.get_qualified_names_for(node)) if scope is not None else set()
            self._cache[node] = names
        return names


def string_key(target: cst.Subscript) -> str | None:
    """``"dir"`` of ``argdict["dir"]``: the subscript's one key, where it is a string literal."""
    if len(target.slice) != 1 or not isinstance(target.slice[0].slice, cst.Index):
        return None
    key = target.slice[0].slice.value
    if not isinstance(key, cst.SimpleString):
        return None
    value = key.evaluated_value
    return value if isinstance(value, str) else None


def is_string(node: cst.BaseExpression | None, text: str) -> bool:
    """Is ``node`` a plain string literal of ``text``?"""
    return isinstance(node, cst.SimpleString) and node.evaluated_value == text
