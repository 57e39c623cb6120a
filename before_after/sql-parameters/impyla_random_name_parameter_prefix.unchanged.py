# case: unsafe
# case: refuses check it against an allow-list
"""Shaped like impyla's impala/util.py: a random name, but behind a prefix the caller passes."""
import random
import string


def scratch_table(cursor, prefix):
    name = prefix + ''.join(random.sample(string.ascii_uppercase, 8))
    cursor.execute("SELECT * FROM %s LIMIT 0" % name)
