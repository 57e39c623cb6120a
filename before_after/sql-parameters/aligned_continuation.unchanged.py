# case: unsafe
# case: refuses the fix would shift an aligned continuation line
import psycopg2


def rename(dsn, a, b, names):
    cur = psycopg2.connect(dsn).cursor()
    # The bracket the next line is aligned under would move left.
    cur.execute("UPDATE t SET n = %s WHERE k = %s" % (a, b)).x(names, [None,
                                                                      0])
