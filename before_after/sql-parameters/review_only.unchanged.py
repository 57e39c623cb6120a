# case: refuses check each value's type
import sqlite3

conn = sqlite3.connect("x.db")
conn.execute("SELECT * FROM foo WHERE id = '%s'" % identifier)
