# case: unsafe
import sqlite3


def lookups(path, ident, name):
    connection = sqlite3.connect(path)
    cur = connection.cursor()
    cur.execute("SELECT * FROM foo WHERE id = '%s'" % ident)
    cur.execute("INSERT INTO foo VALUES ('a', 'b', '%s')" % name)
    cur.execute("SELECT * FROM foo WHERE id = '" + ident + "'")
    cur.execute("DELETE FROM foo WHERE id = {}".format(ident))
    cur.execute(f"UPDATE foo SET name = '{name}' WHERE id = {ident}")
    connection.execute("""SELECT *
FROM foo
WHERE id = '%s'""" % ident)
