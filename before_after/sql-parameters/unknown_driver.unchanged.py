# case: unsafe
# case: refuses cannot tell which DB-API driver 'cur' comes from
def find(cur, identifier):
    cur.execute("SELECT * FROM foo WHERE id = '%s'" % identifier)
