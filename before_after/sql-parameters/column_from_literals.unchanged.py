# case: unsafe
# case: ignores a column chosen from two literals takes nothing from outside (noted where a report asks)
"""Shaped like yt-dlp's cookies.py: a column picked by name from the table's own columns."""
import sqlite3


def read_cookies(path, column_names):
    cursor = sqlite3.connect(path).cursor()
    secure_column = 'is_secure' if 'is_secure' in column_names else 'secure'
    cursor.execute(f'SELECT host_key, name, {secure_column} FROM cookies')
    return cursor.fetchall()
