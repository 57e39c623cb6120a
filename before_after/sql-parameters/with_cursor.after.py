# case: unsafe
import pymysql


def drop(dsn, key):
    with pymysql.connect(host=dsn) as conn, conn.cursor() as cur:
        cur.execute("DELETE FROM t WHERE k = %s", (key,))
