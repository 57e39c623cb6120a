"""sql-parameters: which DB-API driver a cursor comes from, and so its placeholder.

A cursor is followed back through plain assignments (``cur = conn.cursor()``,
``with conn.cursor() as cur``) to the ``connect()`` call of a driver module.
Only drivers whose ``paramstyle`` is known are answered, and Django's
connections; anything else (a parameter, an attribute, an ORM session, two
different bindings) is unknown.
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
    "fdb.connect": "qmark",  # Firebird's drivers
    "kinterbasdb.connect": "qmark",
    "psycopg2.connect": "pyformat",
    "psycopg.connect": "pyformat",
    "pymysql.connect": "pyformat",
    "mysql.connector.connect": "pyformat",
    "MySQLdb.connect": "format",
}
PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
# Django's connections take %s on every backend (they turn it into SQLite's and Oracle's
# own): ``connection.cursor()``, ``connections[alias].cursor()``.
DJANGO = "django.db.connection"
_DJANGO_REGISTRY = "django.db.connections"
_MAX_HOPS = 4


def driver_of(
    receiver: cst.BaseExpression,
    bound_values: Callable[[cst.BaseExpression], list[cst.BaseExpression] | None],
    qualified: Callable[[cst.CSTNode], set[str]],
    hops: int = _MAX_HOPS,
) -> str | None:
    """The ``connect`` function ``receiver`` (a cursor or a connection) comes from, or None.

    ``bound_values(node)`` answers the values every binding of a name (or of
    an attribute such as ``self.db``) assigns (None when one is not a plain
    assignment, or it cannot tell); ``qualified(node)`` the qualified names
    of a node.
    """
    if hops == 0:
        return None
    if _is_django_connection(receiver, qualified):
        return DJANGO
    if isinstance(receiver, (cst.Name, cst.Attribute)):
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


def paramstyle_of(driver: str) -> str:
    """The ``paramstyle`` of what :func:`driver_of` answered."""
    return "format" if driver == DJANGO else PARAMSTYLES[driver]


def _is_django_connection(
    receiver: cst.BaseExpression, qualified: Callable[[cst.CSTNode], set[str]]
) -> bool:
    if isinstance(receiver, cst.Subscript):
        return _DJANGO_REGISTRY in qualified(receiver.value)
    return isinstance(receiver, (cst.Name, cst.Attribute)) and DJANGO in qualified(receiver)
