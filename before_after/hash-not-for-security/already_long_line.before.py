# case: unsafe
"""Shaped like gns3-server's IOU licence check: the line is past 79 columns already."""
import hashlib
import struct


def licence_key(pad, key):
    return hashlib.md5(pad + b"\x80" + 39 * b"\0" + struct.pack("!I", key) + pad).hexdigest()[:16]
