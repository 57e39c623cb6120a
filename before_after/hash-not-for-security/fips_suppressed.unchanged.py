# case: unsafe
# case: refuses the `suppress(ValueError)` around it decides what happens where FIPS mode refuses MD5
"""Shaped like poetry's publishing/hash_manager.py: no MD5 is sent where FIPS refuses it."""
import hashlib
from contextlib import suppress


class HashManager:
    def __init__(self):
        self._sha2_hasher = hashlib.sha256()
        self._md5_hasher = None
        with suppress(ValueError):
            # FIPS mode disables MD5
            self._md5_hasher = hashlib.md5()
