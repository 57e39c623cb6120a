"""A lock wrapper's release() that releases the lock it holds, as best effort.

The call shares the enclosing method's name, so it is no teardown by itself
(kr8s's unset() delegating its own edit): the method's name is one, and
release() lets go of what it can.
"""
# case: refuses best-effort teardown: release() releases what it can
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class FileLock:
    def __init__(self, lock):
        self._lock = lock

    def release(self):
        try:
            self._lock.release()
        except Exception:
            pass
