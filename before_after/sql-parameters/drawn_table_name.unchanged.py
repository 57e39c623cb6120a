# case: unsafe
# case: ignores a table name the code draws at random itself is no value from outside (noted where a report asks)
"""Shaped like sqlite-utils' supports_on_conflict probe: a scratch table of its own."""
import secrets
import sqlite3


def supports_on_conflict(conn: sqlite3.Connection):
    table_name = f"t{secrets.token_hex(16)}"
    conn.execute(f"create table {table_name} (id integer primary key, name text)")
    conn.execute(f"insert into {table_name} (id, name) values (1, 'one')")
    conn.execute(
        f"insert into {table_name} (id, name) values (1, 'two') "
        "on conflict do update set name = 'two'"
    )
    conn.execute(f"drop table {table_name}")
