# case: unsafe
# case: ignores a parenthesised + chain of literals and quoted names, %-formatted with quoted names, puts in no value (noted where a report asks)
"""Shaped like trytond's backend/sqlite/table.py: a table copied column by column, the
column lists joined in with +, the table names formatted in with %, every name quoted."""
import sqlite3


def _escape_identifier(name):
    return '"%s"' % name.replace('"', '""')


def copy_table(path, table_name, temp_table, columns, old_columns):
    cursor = sqlite3.connect(path).cursor()
    cursor.execute(('INSERT INTO %s ('
            + ','.join(_escape_identifier(x) for x in columns)
            + ') SELECT '
            + ','.join(_escape_identifier(x) for x in old_columns)
            + ' FROM %s') % (
            _escape_identifier(table_name),
            _escape_identifier(temp_table)))
