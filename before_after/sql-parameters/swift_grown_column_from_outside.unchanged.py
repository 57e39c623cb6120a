# case: unsafe
# case: refuses check it against an allow-list
"""Shaped like swift's common/db.py, with the columns grown by a value from outside (an
argument): that one may be anything."""
import sqlite3


def get_syncs(path, extra):
    conn = sqlite3.connect(path)
    columns = 'remote_id, sync_point'
    columns += extra
    return conn.execute('SELECT %s FROM t' % columns).fetchall()
