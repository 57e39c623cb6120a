# case: unsafe
"""Shaped like volatility3's symbol cache: a period given to SQLite's datetime()."""
import sqlite3


def expired(path, period):
    cursor = sqlite3.connect(path).cursor()
    cursor.execute("SELECT id FROM t WHERE at < datetime('now', ?)", (period,))
    return cursor.fetchall()
