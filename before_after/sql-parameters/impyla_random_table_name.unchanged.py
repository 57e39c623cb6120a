# case: unsafe
# case: ignores a table name the code draws at random itself (random, uuid4, its own helper) is no value from outside
"""Shaped like impyla's impala/util.py: a scratch view named by the module's own _random_id()."""
import random
import string
import uuid


def _random_id(prefix='', length=8):
    return prefix + ''.join(random.sample(string.ascii_uppercase, length))


def compute_result_schema(cursor, query_string):
    temp_name = _random_id(prefix="tmp_crs_")
    cursor.execute("SELECT * FROM %s LIMIT 0" % temp_name)
    schema = cursor.description
    return schema


def scratch_table(cursor):
    name = "tmp_" + ''.join(random.sample(string.ascii_uppercase, 8))
    cursor.execute("SELECT * FROM %s LIMIT 0" % name)
    suffix = ''.join(random.choice(string.ascii_lowercase) for _ in range(8))
    cursor.execute("DELETE FROM tmp_%s" % suffix)
    cursor.execute("DELETE FROM %s" % ("tmp_%d" % random.randint(0, 10 ** 9)))
    cursor.execute(f"DELETE FROM t_{uuid.uuid4().hex}")
    cursor.execute("SELECT * FROM %s" % _random_id("tmp_", 8))
