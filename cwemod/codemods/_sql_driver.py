"""sql-parameters: which DB-API driver a cursor comes from, and so its placeholder.

A cursor is followed back through plain assignments (``cur = conn.cursor()``,
``with conn.cursor() as cur``) to the ``connect()`` call of a driver module.
Only drivers whose ``paramstyle`` is known are answered; anything else (a
parameter, an attribute, an ORM session, two different bindings) is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import libcst as cst

# PEP 249 ``paramstyle`` of each driver module, as its ``connect()`` names it.
# pyformat drivers accept the plain ``%s`` of the format style too.
PARAMSTYLES: Mapping[str, str] = {
    "sqlite3.connect": "qmark",
    "sqlite3.dbapi2.connect": "qmark",
    "pyodbc.connect": "qmark",
    "psycopg2.connect": "pyformat",
    "psycopg.connect": "pyformat",
    "pymysql.connect": "pyformat",
    "mysql.connector.connect": "pyformat",
    "MySQLdb.connect": "format",
}
PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
_MAX_HOPS = 4


def driver_of(
    receiver: cst.BaseExpression,
    bound_values: Callable[[cst.Name], list[cst.BaseExpression] | None],
    qualified: Callable[[cst.CSTNode], set[str]],
    hops: int = _MAX_HOPS,
) -> str | None:
    """The ``connect`` function ``receiver`` (a cursor or a connection) comes from, or None.

    ``bound_values(name)`` answers the values every binding of ``name``
    assigns (None when one is not a plain assignment); ``qualified(node)``
    the qualified names of a node.
    """
    if hops == 0:
        return None
    if isinstance(receiver, cst.Name):
        values = bound_values(receiver)
        if not values:
            return None
        drivers = {driver_of(value, bound_values, qualified, hops - 1) for value in values}
        return drivers.pop() if len(drivers) == 1 else None
    if not isinstance(receiver, cst.Call):
        return None
    known = qualified(receiver.func) & set(PARAMSTYLES)
    if len(known) == 1:
        return known.pop()
    func = receiver.func
    if isinstance(func, cst.Attribute) and func.attr.value == "cursor" and not known:
        return driver_of(func.value, bound_values, qualified, hops - 1)
    return None
