# case: unsafe
# case: ignores identifiers quoted by the project's own function are not values (noted where a report asks)
"""Shaped like datasette, sqlite-utils and pony: table names quoted for the SQL."""
import sqlite3


def escape_sqlite(name):
    return '[{}]'.format(name)


def count(conn, table):
    return conn.execute(f"select count(*) from {escape_sqlite(table)}").fetchone()


def clear(path, name):
    cursor = sqlite3.connect(path).cursor()
    quoted = escape_sqlite(name)
    cursor.execute(f"DELETE FROM {quoted};")
