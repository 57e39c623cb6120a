# case: unsafe
"""Shaped like ckan's example_sqlite.py resource_exists(): a literal joined with + to an
f-string, here with the value in single quotes, so a placeholder binds it."""
import sqlite3


def resource_exists(path, id):
    conn = sqlite3.connect(path)
    return conn.execute(
        'select name from sqlite_master where ' + f"type = 'table' and name = '{id}'"
    ).fetchone()
