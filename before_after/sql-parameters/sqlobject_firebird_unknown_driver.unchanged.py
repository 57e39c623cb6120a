# case: refuses a value is interpolated where the SQL expects an identifier
"""Shaped like sqlobject's firebird connection (firebirdconnection.py): a generator's name
formatted into GEN_ID() of a cursor whose driver cannot be told is an identifier all the
same: the advice is the identifier's, not to bind it in the driver's paramstyle."""


class FirebirdConnection:
    def _queryInsertID(self, conn, soInstance, id, names, values):
        table = soInstance.sqlmeta.table
        sequenceName = soInstance.sqlmeta.idSequence or 'GEN_%s' % table
        c = conn.cursor()
        if id is None:
            c.execute('SELECT gen_id(%s,1) FROM rdb$database' % sequenceName)
            id = c.fetchone()[0]
        return id
