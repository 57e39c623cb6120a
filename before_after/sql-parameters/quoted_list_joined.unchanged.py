# case: unsafe
# case: ignores a join of a list of quoted names is quoted names (noted where a report asks)
"""Shaped like hyperkitty's migration 0013: the columns quoted into a list, then joined."""
import sqlite3


def copy_table(schema_editor, old_model, new_table):
    old_fields = [schema_editor.quote_name(f.column)
                  for f in old_model._meta.local_fields]
    schema_editor.execute(
        "INSERT INTO %s (%s) SELECT %s FROM %s" % (
            schema_editor.quote_name(new_table),
            ", ".join(old_fields),
            ", ".join(old_fields),
            schema_editor.quote_name(old_model._meta.db_table)))
    return sqlite3.sqlite_version
