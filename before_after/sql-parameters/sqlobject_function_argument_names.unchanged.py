# case: refuses a value is interpolated where the SQL expects an identifier
"""Shaped like sqlobject's firebird connection: an unquoted slot inside an SQL function's
call is SQL text (GEN_ID takes a generator's name, count() a column), not a value; bound,
count(?) counts every row and max(?) answers the name itself."""
import sqlite3


def next_id(path, table):
    c = sqlite3.connect(path).cursor()
    sequence_name = 'GEN_%s' % table
    c.execute('SELECT gen_id(%s,1) FROM rdb$database' % sequence_name)
    return c.fetchone()[0]


def count_filled(path, column):
    c = sqlite3.connect(path).cursor()
    c.execute("SELECT count(%s) FROM t" % column)
    return c.fetchone()[0]
