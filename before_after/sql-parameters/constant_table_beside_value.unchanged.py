# case: unsafe
# case: refuses `REMOTES_USER_TABLE` (only ever string literals of the code) name what the SQL names
"""Shaped like conan's localdb: the table from a module constant, a value beside it."""
import sqlite3

REMOTES_USER_TABLE = "users_remotes"


def get_login(path, remote_url):
    statement = sqlite3.connect(path).cursor()
    statement.execute("select user, token from %s where remote_url='%s'"
                      % (REMOTES_USER_TABLE, remote_url))
    return statement.fetchone()
