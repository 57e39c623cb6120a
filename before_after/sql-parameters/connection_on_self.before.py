# case: unsafe
"""Shaped like buildbot's contrib/viewcvspoll.py: the connection is made in __init__."""
import MySQLdb


class ViewCvsPoller:
    def __init__(self, settings):
        self.cvsdb = MySQLdb.connect("cvs", **settings)

    def who(self, whoid):
        cursor = self.cvsdb.cursor()
        cursor.execute(f"SELECT who FROM people WHERE id={whoid}")
        return cursor.fetchone()[0]
