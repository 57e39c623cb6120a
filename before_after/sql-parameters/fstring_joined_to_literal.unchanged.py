# case: unsafe
# case: refuses `id` is formatted into a double-quoted slot after a comparison
# case: refuses a value is interpolated where the SQL expects an identifier
"""Shaped like ckan's ckanext/example_idatastorebackend/example_sqlite.py: a literal
joined with + to an f-string that formats a parameter into the query, and a quoted
table name beside a computed LIMIT."""
import sqlite3


class Backend:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def resource_exists(self, id):
        return self.conn.execute(
            'select name from sqlite_master where ' +
            f'type = "table" and name = "{id}"'
        ).fetchone()

    def search(self, data_dict):
        return self.conn.execute('SELECT * FROM "{0}" LIMIT {1}'.format(
            data_dict['resource_id'],
            data_dict.get(u'limit', 10)
        ))
