# case: unsafe
# case: ignores names quoted by the project, and a join of them, in a % query (noted where a report asks)
"""Shaped like Trac's db/api.py: a table copied column by column, every name quoted."""
import sqlite3


def copy_table(db, cursor, new_table, temp_table, column_names):
    cols_to_copy = ','.join(db.quote(name) for name in column_names)
    cursor.execute("INSERT INTO %s (%s) SELECT %s FROM %s"
                   % (db.quote(new_table), cols_to_copy, cols_to_copy,
                      db.quote(temp_table)))
    return sqlite3.sqlite_version
