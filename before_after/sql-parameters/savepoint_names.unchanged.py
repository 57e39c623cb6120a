# case: refuses a savepoint's name formatted in: an identifier
"""Shaped like emmett's transactions: a savepoint name is an identifier, which no
placeholder binds (SAVEPOINT ? is a syntax error); quoted as one, it is already right."""
import uuid


class Savepoint:
    def __init__(self, adapter, sid=None):
        self.adapter = adapter
        self.sid = sid or "s" + uuid.uuid4().hex
        self.quoted_sid = self.adapter.dialect.quote(self.sid)

    def begin(self, cursor):
        cursor.execute("SAVEPOINT %s;" % self.quoted_sid)

    def rollback(self, cursor, name):
        cursor.execute("ROLLBACK TO SAVEPOINT %s" % name)
