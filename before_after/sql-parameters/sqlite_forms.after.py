# case: unsafe
import sqlite3


def lookups(path, ident, name):
    connection = sqlite3.connect(path)
    cur = connection.cursor()
    cur.execute("SELECT * FROM foo WHERE id = ?", (ident,))
    cur.execute("INSERT INTO foo VALUES ('a', 'b', ?)", (name,))
    cur.execute("SELECT * FROM foo WHERE id = ?", (ident,))
    cur.execute("DELETE FROM foo WHERE id = ?", (ident,))
    cur.execute("UPDATE foo SET name = ? WHERE id = ?", (name, ident))
    connection.execute("""SELECT *
FROM foo
WHERE id = ?""", (ident,))
