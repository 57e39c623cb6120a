# case: unsafe
# case: formatter ruff
"""Shaped like apprise's utils/pgp.py: a ruff format project (line length 79), each call's
argument alone on a line between its brackets. Where the keyword fits on that line, ruff
format writes it there, no comma; where it does not, one per line with the magic comma."""

import hashlib
import os


class ApprisePGPController:
    def keygen(self, pub_path):
        # Persistent Storage Key
        lookup_key = hashlib.sha1(
            os.path.abspath(pub_path).encode("utf-8")
        ).hexdigest()
        return lookup_key

    def prv_keyfile(self, path):
        # Build a cache key distinct from public-key entries for the same path
        cache_key = hashlib.sha1(
            ("prv:" + os.path.abspath(path)).encode("utf-8")
        ).hexdigest()
        return cache_key
