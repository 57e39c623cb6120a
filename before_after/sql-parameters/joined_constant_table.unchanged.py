# case: unsafe
# case: ignores a joined query that takes only a module constant needs no rewrite (noted where a report asks)
"""Shaped like xonsh's history/sqlite.py: the table's name is a constant of the module."""
import sqlite3

TABLE_NAME = "xonsh_history"


def duplicates(filename):
    cursor = sqlite3.connect(filename).cursor()
    cursor.execute(
        f"SELECT inp, COUNT(*) as cnt FROM {TABLE_NAME} "
        "GROUP BY inp HAVING cnt > 1"
    )
    return cursor.fetchall()
