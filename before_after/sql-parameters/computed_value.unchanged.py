# case: unsafe
# case: refuses a value is computed inside the query
import sqlite3

conn = sqlite3.connect("x.db")
conn.execute("SELECT * FROM foo WHERE id = %s" % int(raw) + 1)
conn.execute(f"SELECT * FROM foo WHERE total = {a + b}")
