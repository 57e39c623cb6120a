# case: unsafe
# case: refuses placeholders bind only values
import sqlite3

conn = sqlite3.connect("x.db")
conn.execute(f"SELECT {column_name} FROM foo WHERE id = 1")
conn.execute("INSERT INTO %s VALUES (1)" % table_name)
conn.execute("SELECT * FROM foo WHERE id IN (%s)" % ids)
conn.execute("SELECT * FROM foo WHERE name LIKE '%s%%'" % prefix)
