# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class RouterCleanupTestFramework:
    def _flush(self, devices):
        try:
            devices.flush()
        except Exception:
            pass

    def _refresh_stale_interfaces(self, devices):
        for device in devices:
            if device.stale:
                try:
                    device.refresh()
                except Exception:
                    pass

    def _collect_existing_ndp_proxies_for_every_router(self, routers):
        for router in routers:
            for proxy in router.proxies:
                if proxy.stale:
                    try:
                        proxy.refresh()
                    except Exception:
                        continue


def resync(router):
    try:
        router.resync()
    except Exception:
        pass
