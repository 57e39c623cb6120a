# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class RouterCleanupTestFramework:
    def _flush(self, devices):
        try:
            devices.flush()
        except Exception:
            LOG.debug(
                "Ignoring exception in RouterCleanupTestFramework._flush()",
                exc_info=True)

    def _refresh_stale_interfaces(self, devices):
        for device in devices:
            if device.stale:
                try:
                    device.refresh()
                except Exception:
                    LOG.debug(
                        "Ignoring exception in _refresh_stale_interfaces()",
                        exc_info=True)

    def _collect_existing_ndp_proxies_for_every_router(self, routers):
        for router in routers:
            for proxy in router.proxies:
                if proxy.stale:
                    try:
                        proxy.refresh()
                    except Exception:
                        LOG.debug("Ignoring exception; continuing",
                                  exc_info=True)
                        continue


def resync(router):
    try:
        router.resync()
    except Exception:
        LOG.debug("Ignoring exception in resync()", exc_info=True)
