# case: unsafe
# case: ignores test code: a test's own queries are no attack surface
"""Shaped like Airflow's postgres provider tests (a test_*.py module)."""
import psycopg2


def test_insert_rows(dsn, table, name):
    cur = psycopg2.connect(dsn).cursor()
    cur.execute(f"SELECT id FROM users WHERE name = '{name}'")
