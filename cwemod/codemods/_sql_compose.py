"""sql-parameters: a query composed with the ``sql`` module of psycopg (or psycopg2).

``sql.SQL("SELECT {} FROM {}").format(sql.Identifier(c), sql.Identifier(t))`` is
the driver's own safe composition: ``Identifier()`` quotes a name, ``Literal()``
a value, and ``Placeholder()`` marks a parameter. Only an ``SQL()`` of text the
code does not write itself (trytond's ``SQL(str(query))``) puts in SQL text as
it is, and so does anything else passed in (psycopg quotes a plain value as a
``Literal()``, psycopg2 refuses it, but a ``Composed`` built elsewhere is unseen).
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods.kit import match as m

_MODULES = ("psycopg.sql", "psycopg2.sql")
_QUOTING = ("Identifier", "Literal", "Placeholder")
_STRINGS = (cst.SimpleString, cst.ConcatenatedString)
Qualified = Callable[[cst.CSTNode], set[str]]


def unquoted_pieces(
    query: cst.BaseExpression, qualified: Qualified
) -> list[cst.BaseExpression] | None:
    """None when ``query`` is no psycopg ``SQL(...).format(...)``; else what it puts in as
    SQL text as it is (an ``SQL()`` of no string literal, an argument of another kind):
    empty when every piece is quoted, or text of the code's own."""
    if not m.matches(query, m.Call(func=m.Attribute(attr=m.Name("format")))):
        return None
    template = query.func.value  # type: ignore[attr-defined]
    if not _calls(template, qualified, ("SQL",)):
        return None
    pieces = [template, *(arg if arg.star else arg.value for arg in query.args)]
    return [piece for piece in pieces if not _composed(piece, qualified)]


def _calls(node: cst.CSTNode, qualified: Qualified, names: tuple[str, ...]) -> bool:
    """Is ``node`` a call of one of the ``sql`` module's ``names``?"""
    if not isinstance(node, cst.Call):
        return False
    wanted = {f"{module}.{name}" for module in _MODULES for name in names}
    return bool(qualified(node.func) & wanted)


def _composed(node: cst.CSTNode, qualified: Qualified) -> bool:
    """Is ``node`` quoted by the ``sql`` module, or SQL text of the code's own?

    ``Identifier(name)``, ``Literal(value)``, ``Placeholder()``, ``SQL("...")``; a
    ``format()`` or ``+`` of such; ``SQL(", ").join(...)`` of such, or of
    ``map(Identifier, names)``.
    """
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _composed(node.left, qualified) and _composed(node.right, qualified)
    if not isinstance(node, cst.Call):
        return False
    if _calls(node, qualified, _QUOTING):
        return True
    if _calls(node, qualified, ("SQL",)):
        return len(node.args) == 1 and isinstance(node.args[0].value, _STRINGS)
    method = node.func.attr.value if isinstance(node.func, cst.Attribute) else None
    if method == "format":
        return unquoted_pieces(node, qualified) == []
    if method == "join" and len(node.args) == 1 and _composed(node.func.value, qualified):
        return _joins_composed(node.args[0].value, qualified)
    return False


def _joins_composed(joined: cst.BaseExpression, qualified: Qualified) -> bool:
    if isinstance(joined, (cst.GeneratorExp, cst.ListComp)):
        return _composed(joined.elt, qualified)
    if isinstance(joined, (cst.List, cst.Tuple)):
        return all(
            not isinstance(element, cst.StarredElement) and _composed(element.value, qualified)
            for element in joined.elements
        )
    if m.matches(joined, m.Call(func=m.Name("map"))) and joined.args:  # type: ignore[attr-defined]
        function = joined.args[0].value  # type: ignore[attr-defined]
        return bool(
            qualified(function) & {f"{mod}.{name}" for mod in _MODULES for name in _QUOTING}
        )
    return False
