# case: ignores `new_keys` are keys of a mapping (self._pending.keys()), drawn to keep some entries: no key material (noted where a report asks)
"""Shaped like frontera's overused buffer: a purge keeps a random share of its queues."""
from random import sample


class OverusedBuffer:
    def _check_and_purge_keys(self):
        new_keys = set(sample(self._pending.keys(), self._keep_keys))
        for key in set(self._pending.keys()) - new_keys:
            del self._pending[key]
