# case: unsafe
# case: ignores psycopg's sql.SQL(...).format() of Identifier(), Literal() and Placeholder() is the driver's own safe composition (noted where a report asks)
"""Shaped like trytond's backend/postgresql/database.py and table.py: queries composed
with psycopg's (and psycopg2's) sql module, names put in as Identifier()."""
from psycopg2 import sql as sql2
from psycopg.sql import SQL, Identifier, Literal


def next_value(cursor, name):
    cursor.execute(
        SQL(
            'SELECT CASE WHEN NOT is_called THEN last_value '
            'ELSE last_value + increment_by '
            'END '
            'FROM {}').format(Identifier(name)))


def has_nulls(cursor, table_name, column_name):
    cursor.execute(SQL(
            'SELECT id FROM {} WHERE {} IS NULL LIMIT 1').format(
            Identifier(table_name),
            Identifier(column_name)))


def find(cursor, table_name, columns, name):
    cursor.execute(sql2.SQL("SELECT {} FROM {} WHERE name = {}").format(
        sql2.SQL(", ").join(sql2.Identifier(c) for c in columns),
        sql2.Identifier(table_name),
        Literal(name)))
