# case: unsafe
# case: refuses check it against an allow-list
"""Shaped like swift's account/backend.py, with the list of columns grown by a value from
outside (an argument): that one may be anything."""
import sqlite3


def get_policy_stats(path, extra):
    columns = ['storage_policy_index', 'object_count']
    columns.append(extra)
    conn = sqlite3.connect(path)
    return conn.execute('SELECT %s FROM policy_stat' % ', '.join(columns)).fetchall()
