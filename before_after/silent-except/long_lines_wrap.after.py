import logging

LOG = logging.getLogger(__name__)


class RouterCleanupTestFramework:
    def _cleanup(self, devices):
        try:
            devices.flush()
        except Exception:
            LOG.exception(
                "Ignoring exception in RouterCleanupTestFramework._cleanup()")

    def _delete_stale_interfaces(self, devices):
        for device in devices:
            if device.stale:
                try:
                    device.delete()
                except Exception:
                    LOG.exception(
                        "Ignoring exception in _delete_stale_interfaces()")

    def _collect_existing_ndp_proxies_for_every_router(self, routers):
        for router in routers:
            for proxy in router.proxies:
                if proxy.stale:
                    try:
                        proxy.delete()
                    except Exception:
                        LOG.exception("Ignoring exception; continuing")
                        continue


def stop(router):
    try:
        router.stop()
    except Exception:
        LOG.exception("Ignoring exception in stop()")
