# case: unsafe
import psycopg2


def rename(dsn, a, b):
    cur = psycopg2.connect(dsn).cursor()
    cur.execute("UPDATE t SET n = '%s' WHERE m LIKE 'a%%' AND k = %s" % (a, b))
