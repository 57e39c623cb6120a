# case: unsafe
import logging

LOG = logging.getLogger(__name__)


# The class keeps the logger its caller configured, as Swift's do: its
# methods log with it.
class MemcacheRing:
    def __init__(self, servers, logger=None):
        self._servers = servers
        if logger is None:
            self.logger = logging.getLogger()
        else:
            self.logger = logger

    def _count_error(self, server):
        try:
            self._servers[server] += 1
        except Exception:
            self.logger.debug(
                "Ignoring exception in MemcacheRing._count_error()",
                exc_info=True)


# self.log is no logger here: the module logger is used, made for it.
class Recorder:
    def __init__(self):
        self.log = []

    def record(self, counts, event):
        try:
            counts[event] += 1
        except Exception:
            LOG.debug("Ignoring exception in Recorder.record()", exc_info=True)
