# case: unsafe
# case: ignores names quoted by the project's own function, put in with format() or joined, are not values (noted where a report asks)
"""Shaped like sqlite-utils' rebuild_fts() and extract(): every interpolated piece is an
identifier quoted by quote_identifier(), joined or put in by name."""
import sqlite3


def quote_identifier(name):
    return '"{}"'.format(name.replace('"', '""'))


def rebuild_fts(conn: sqlite3.Connection, fts_table):
    conn.execute("""
        INSERT INTO {table}({table}) VALUES('rebuild');
    """.strip().format(table=quote_identifier(fts_table)))


def copy_columns(conn: sqlite3.Connection, table, columns):
    all_null = " AND ".join(f"{quote_identifier(c)} IS NULL" for c in columns)
    conn.execute(
        "INSERT INTO {} ({columns}) SELECT {columns} FROM source "
        "WHERE NOT ({all_null})".format(
            quote_identifier(table),
            columns=", ".join(quote_identifier(c) for c in columns),
            all_null=all_null,
        )
    )
