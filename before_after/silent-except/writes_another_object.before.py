# case: unsafe
"""Shaped like pysnmp's SNMP-USM-DH-OBJECTS-MIB: a key written into the MIB tree is no
optional value, and the comments of an inner try speak for that try alone."""
import logging

LOG = logging.getLogger(__name__)


def update_user_auth_key(key_entry, inst_id, key_bytes):
    try:
        node = key_entry.getNode(key_entry.name + (1,) + inst_id)
        node.syntax = node.syntax.clone(key_bytes)
    except Exception:
        pass


def sync_public(column, name, pub):
    try:
        node = column.getBranch(name)
        try:
            if bytes(node.syntax) == pub:
                return  # already up to date
        except Exception:
            pass  # schema object with no value: fall through to initialize
        node.syntax = node.syntax.clone(pub)
    except Exception:
        pass
