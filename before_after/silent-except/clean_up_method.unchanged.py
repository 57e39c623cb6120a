# case: refuses best-effort teardown: clean_up_tm() releases what it can
"""Shaped like opentrons' ThreadManager: a second clean-up finds the loop closed."""
import logging

LOG = logging.getLogger(__name__)


class ThreadManager:
    def clean_up_tm(self):
        try:
            loop = object.__getattribute__(self, "_loop")
            loop.call_soon_threadsafe(loop.stop)
        except Exception:
            pass
