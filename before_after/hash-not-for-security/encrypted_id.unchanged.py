# case: unsafe
# case: refuses `encrypted_id` says this MD5 digest is for security (encrypted)
"""Shaped like you-get's netease extractor: a remote service's id scheme."""
import base64
import hashlib


def encrypted_id(dfs_id, key):
    mixed = bytes(a ^ b for a, b in zip(dfs_id, key))
    return base64.b64encode(hashlib.md5(mixed).digest())
