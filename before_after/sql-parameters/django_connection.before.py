# case: unsafe
from django.db import connection, connections


def users_named(name):
    # Django's connections take %s on every backend.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM auth_user WHERE username = '{name}'")
        return cursor.fetchall()


def count_in(alias, table_id):
    cursor = connections[alias].cursor()
    cursor.execute("SELECT count(*) FROM t WHERE id = %s" % table_id)
    return cursor.fetchone()
