# case: unsafe
# case: refuses composed with psycopg's sql.SQL(...).format(), but `SQL(where)` is neither an Identifier()
"""Shaped like trytond's create_materialized_view(): psycopg's composition, but one piece
is SQL text the code does not write itself."""
from psycopg.sql import SQL, Identifier


def rows(cursor, table_name, where):
    cursor.execute(SQL("SELECT * FROM {} WHERE {}").format(
        Identifier(table_name), SQL(where)))
