# case: unsafe
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class FipNamespace:
    PREFIX = 'fip-'

    def update_gateway_port(self, port):
        try:
            self.driver.set_mtu(port, self.mtu)
        except Exception:
            LOG.debug(
                'Ignoring exception in FipNamespace.update_gateway_port()',
                exc_info=True)

    def _set_devices_up(self, devices):
        for device in devices:
            try:
                device.link.set_up()
            except Exception:
                LOG.debug(
                    'Ignoring exception in _set_devices_up(); continuing',
                    exc_info=True)
                continue
            self.up.append(device)


def _ignore_everything(callback):
    try:
        callback()
    except:
        LOG.debug('Ignoring exception in _ignore_everything()', exc_info=True)
