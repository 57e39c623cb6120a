# case: unsafe
# case: ignores columns joined from a list of literals take nothing from outside (noted where a report asks)
"""Shaped like swift's account/backend.py (get_policy_stats): the columns a local list of
literals, joined into the query, and one taken out of it where the database is older."""
import sqlite3


def get_policy_stats(path, legacy):
    columns = [
        'storage_policy_index',
        'container_count',
        'object_count',
    ]
    if not legacy:
        columns.append('bytes_used')
    columns += ['updated_at']

    def run_query(conn):
        return (conn.execute('''
            SELECT %s
            FROM policy_stat
            ''' % ', '.join(columns)).fetchall())

    conn = sqlite3.connect(path)
    try:
        return run_query(conn)
    except sqlite3.OperationalError:
        columns.remove('container_count')
        return run_query(conn)
