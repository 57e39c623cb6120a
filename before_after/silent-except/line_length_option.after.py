# case: option line-length=120
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class RouterCleanupTestFramework:
    def _refresh_stale_interfaces(self, devices):
        for device in devices:
            try:
                device.refresh()
            except Exception:
                LOG.debug("Ignoring exception in RouterCleanupTestFramework._refresh_stale_interfaces(); continuing",
                          exc_info=True)
                continue
