# case: refuses `private_key` says this MD5 digest is for security
"""The digest under a lookup key hashes a private key itself (not its file's path): what is
hashed outranks the name the digest is kept under."""

import hashlib


class KeyCache:
    def __init__(self):
        self._lookup = {}

    def loaded(self, private_key):
        cache_key = hashlib.md5(private_key.encode()).hexdigest()
        if cache_key in self._lookup:
            return self._lookup[cache_key]
        return None
