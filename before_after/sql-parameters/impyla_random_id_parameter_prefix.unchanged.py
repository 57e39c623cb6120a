# case: unsafe
# case: refuses check it against an allow-list
"""Shaped like impyla's impala/util.py: its _random_id() given a prefix the caller passes."""
import random
import string


def _random_id(prefix='', length=8):
    return prefix + ''.join(random.sample(string.ascii_uppercase, length))


def get_basic_credentials_table(cursor, prefix):
    name = _random_id(prefix, 8)
    cursor.execute("SELECT * FROM %s LIMIT 0" % name)
