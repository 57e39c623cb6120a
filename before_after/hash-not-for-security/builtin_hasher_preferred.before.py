# case: unsafe
# case: oldest-python 3.10
"""angr's stable_hash(): CPython's own _md5, else hashlib's; both take usedforsecurity."""
import struct

try:
    import _md5 as md5lib
except ImportError:
    import hashlib as md5lib

md5_unpacker = struct.Struct("4I")


def stable_hash(dumped):
    digest = md5lib.md5(dumped).digest()
    return md5_unpacker.unpack(digest)[0]
