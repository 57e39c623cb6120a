# case: unsafe
# case: refuses check it against an allow-list
"""Shaped like impyla's impala/util.py: a name drawn at random, but from the caller's own list."""
import random


def pick_table(cursor, tables):
    name = random.choice(tables)
    cursor.execute("SELECT * FROM %s LIMIT 0" % name)
