# case: option line-length=120
import logging

LOG = logging.getLogger(__name__)


class RouterCleanupTestFramework:
    def _delete_stale_interfaces(self, devices):
        for device in devices:
            try:
                device.delete()
            except Exception:
                continue
