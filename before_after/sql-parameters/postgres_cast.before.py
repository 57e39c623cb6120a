# case: unsafe
import psycopg2


def trigger_definition(dsn, trigger, table):
    # django-pgtrigger's: a quoted value cast by PostgreSQL is still a value;
    # %s::regclass binds it the same way. A hanging call keeps its layout.
    cur = psycopg2.connect(dsn).cursor()
    cur.execute(
        f"SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = '{trigger}'"
    )
    cur.execute(f"SELECT relname FROM pg_class WHERE oid = '{table}'::oid")
    return cur.fetchone()
