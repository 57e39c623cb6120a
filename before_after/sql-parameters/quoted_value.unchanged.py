# case: unsafe
# case: refuses a value is computed inside the query
"""A value quoted by hand is still a value: a placeholder binds it."""
import sqlite3


def escape_string(value):
    return value.replace("'", "''")


def find(path, name):
    cursor = sqlite3.connect(path).cursor()
    cursor.execute(f"SELECT id FROM users WHERE name = '{escape_string(name)}'")
