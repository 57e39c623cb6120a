# case: unsafe
# case: refuses a type test: int(dn) is evaluated only to see whether it raises; narrowing the handler to (TypeError, ValueError) would say so
"""Shaped like msldap's console (msldap/examples/msldapclient.py, do_tree): a number given
where a DN may be is the tree's depth; failing to read it as one is the normal answer."""
import logging

LOG = logging.getLogger(__name__)


def do_tree(connection, dn=None, level=1):
    if dn is not None:
        try:
            int(dn)
        except:
            pass
        else:
            level = int(dn)
            dn = None
    return connection.tree(dn, level)
