# case: unsafe
# case: refuses implicitly joined strings
import sqlite3

conn = sqlite3.connect("x.db")
conn.execute(("SELECT * FROM foo "
              "WHERE id = '%s'") % identifier)
