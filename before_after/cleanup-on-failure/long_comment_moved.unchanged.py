# case: refuses would push a line past 79 columns
"""Shaped like wfuzz's wcdb.py: its comment was too long before the fix."""
import sqlite3
import tempfile


def read_database(content):
    fd, filename = tempfile.mkstemp()
    with open(filename, "wb") as handle:
        handle.write(content)
    connection = sqlite3.connect(filename)
    # below functionality will find all usernames who have commited at least once.
    rows = connection.execute("select distinct changed_author from nodes;")
    raise_if_empty(rows, "Error reading wc.db, either corrupt or invalid file")
    return rows
