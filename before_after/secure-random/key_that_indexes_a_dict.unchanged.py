# case: unsafe
# case: ignores a key whose callers only index a dict with it names no secret
"""Shaped like testcloud's Workarounds: a random name for an entry of a dict of commands."""
from typing import Optional


class Workarounds:
    def __init__(self):
        self._workarounds = {}

    def _generate_key(self) -> str:
        import random
        import string

        return "".join(random.choices(string.ascii_uppercase + string.digits, k=10))

    def add(self, cmd: str, key: Optional[str] = None) -> None:
        key = self._generate_key() if not key else key
        self._workarounds[key] = ["sh", "-c", cmd]

    def remove(self, key: str) -> None:
        self._workarounds.pop(key, None)
