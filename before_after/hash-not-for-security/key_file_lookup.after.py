# case: unsafe
# case: formatter ruff
"""Shaped like apprise's utils/pgp.py: a PGP controller caches the keys it loads, under the
SHA-1 of the key file's path. The methods are named for keys; the digests are not keys."""

import hashlib
import os
from datetime import datetime, timezone


class ApprisePGPController:
    def __init__(self):
        self.__key_lookup = {}

    def keygen(self, pub_path):
        # Persistent Storage Key
        lookup_key = hashlib.sha1(
            os.path.abspath(pub_path).encode("utf-8"), usedforsecurity=False
        ).hexdigest()
        if lookup_key in self.__key_lookup:
            del self.__key_lookup[lookup_key]

    def private_key(self, path):
        # Build a cache key distinct from public-key entries for the same path
        cache_key = hashlib.sha1(
            ("prv:" + os.path.abspath(path)).encode("utf-8"),
            usedforsecurity=False,
        ).hexdigest()
        if cache_key in self.__key_lookup:
            entry = self.__key_lookup[cache_key]
            if entry["expires"] > datetime.now(timezone.utc):
                return entry["private_key"]
        return None

    def public_key(self, path):
        # Persistent Storage Key
        key = hashlib.sha1(
            os.path.abspath(path).encode("utf-8"), usedforsecurity=False
        ).hexdigest()
        if key in self.__key_lookup:
            # Take an early exit
            return self.__key_lookup[key]["public_key"]
        return None

    def public_key_entry(self, path):
        key = hashlib.sha1(
            os.path.abspath(path).encode("utf-8"), usedforsecurity=False
        ).hexdigest()
        return self.__key_lookup.get(key)

    def forget_private_key(self, path):
        digest = hashlib.sha1(
            os.path.abspath(path).encode(), usedforsecurity=False
        ).hexdigest()
        self.__forgotten.append(digest)

    def public_key_for(self, email):
        key = hashlib.sha1(
            email.lower().encode(), usedforsecurity=False
        ).hexdigest()
        return self.__key_lookup.get(key)
