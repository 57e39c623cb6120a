# case: unsafe
# case: ignores columns grown by literals and a table chosen between literals take nothing from outside (noted where a report asks)
"""Shaped like swift's common/db.py (get_syncs): columns a literal grown by `+=` of a
literal, the table an inline choice between two literals."""
import sqlite3


def get_syncs(path, incoming=True, include_timestamp=False):
    with sqlite3.connect(path) as conn:
        columns = 'remote_id, sync_point'
        if include_timestamp:
            columns += ', updated_at'
        curs = conn.execute('''
            SELECT %s FROM %s_sync
        ''' % (columns, 'incoming' if incoming else 'outgoing'))
        return [r for r in curs]
