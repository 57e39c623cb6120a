# case: ignores constant SQL: string literals joined with +, no value formatted in
"""Shaped like oci-cli's dbaas script (scripts/database/dbaas.py): a query split over
string literals joined with +, one of them on a continuation line."""
import sqlite3


def members(path):
    cursor = sqlite3.connect(path).cursor()
    cursor.execute("select a from t where g in " +  # noqa: W504
                   "(select g from u)")
    return cursor.fetchall()


def groups(cursor):
    cursor.execute("select g from u where g in " + "(select g from v) " "order by g")
    query = "select a from t where g in " + "(select g from u)"
    cursor.execute(query)
    cursor.execute(f"SELECT a FROM t")
    return cursor.fetchall()
