# case: ignores an imported module's upper-case constant is the code's own (noted where a report asks)
"""Shaped like volatility3's symbol cache: the schema version, a constant of the package."""
import sqlite3

import constants


def create(path):
    database = sqlite3.connect(path)
    database.execute(f"INSERT INTO database_info VALUES ({constants.CACHE_SQLITE_SCHEMA_VERSION})")
    return database
