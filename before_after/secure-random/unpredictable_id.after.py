# case: unsafe
"""Shaped like Mailman's TokenFactory: a method whose name asks for an unpredictable value."""
import hashlib
import secrets
import time


class TokenFactory:
    def _next_unpredictable_id(self):
        right_now = time.time()
        x = secrets.SystemRandom().random() + right_now % 1.0
        return hashlib.sha1(repr(x).encode('utf-8')).hexdigest()
