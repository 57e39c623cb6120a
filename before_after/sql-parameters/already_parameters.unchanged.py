# case: unsafe
# case: ignores the values are already passed as parameters; a non-SQL string is not a query
import sqlite3

conn = sqlite3.connect("x.db")
conn.execute("SELECT * FROM foo WHERE id = ?", (identifier,))
runner.execute("echo %s" % message)
